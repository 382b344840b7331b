// Runs in a worker thread (see backgroundIndexBuild.ts): reads the store's papers, builds the
// index and saves it beside the store. The bot's own thread keeps answering from the previous
// index meanwhile, and loads the saved file when this is done.
import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PaperIndex } from '../core/search/paperIndex.js';
import { saveIndex, savedIndexFile } from '../core/search/savedIndex.js';
import { openStore } from './openStore.js';

export interface IndexBuildRequest {
  databaseUrl: string;
  directory: string;
}

export interface IndexBuildReport {
  /** False when the file could not be written (the caller then builds in its own thread). */
  saved: boolean;
}

const { databaseUrl, directory } = workerData as IndexBuildRequest;
const store = await openStore(databaseUrl);
try {
  // The stamp before the papers, as saveIndex requires.
  const stamp = await store.corpusStamp();
  const saved = existsSync(savedIndexFile(directory, stamp)) || saveIndex({ directory }, stamp, new PaperIndex(await store.listPapers()));
  parentPort?.postMessage({ saved } satisfies IndexBuildReport);
} finally {
  await store.close();
}
