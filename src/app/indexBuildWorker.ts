// Runs in a worker thread (see backgroundIndexBuild.ts): reads the store's papers, builds the
// index and saves it beside the store. The bot's own thread keeps answering from the previous
// index meanwhile, and loads the saved file when this is done. Among several processes of one
// bot, only one builds each file (indexBuildLock.ts).
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { PaperIndex } from '../core/search/paperIndex.js';
import { saveIndex, savedIndexFile } from '../core/search/savedIndex.js';
import { buildOnceWithLock } from './indexBuildLock.js';
import { openStore } from './openStore.js';

export interface IndexBuildRequest {
  databaseUrl: string;
  directory: string;
}

export interface IndexBuildReport {
  /** False when no file was written (the caller then builds in its own thread). */
  saved: boolean;
}

const { databaseUrl, directory } = workerData as IndexBuildRequest;
const store = await openStore(databaseUrl);
try {
  // The stamp before the papers, as saveIndex requires.
  const stamp = await store.corpusStamp();
  const build = async (): Promise<boolean> => saveIndex({ directory }, stamp, new PaperIndex(await store.listPapers()));
  // Without the store's folder saveIndex writes nothing (the store is gone): no lock to take there either.
  const saved = existsSync(dirname(directory)) ? await buildOnceWithLock(savedIndexFile(directory, stamp), build) : false;
  parentPort?.postMessage({ saved } satisfies IndexBuildReport);
} finally {
  await store.close();
}
