// Which text engine a corpus gets, and where large corpora keep their prebuilt index.
// Below BM25_MIN_PAPERS papers lunr builds in a few milliseconds and ranks the bundled corpus as
// it always has; from there on the BM25 typed-array engine wins on build time, memory and query
// latency (docs/benchmarks.md has the measurements behind the threshold). A large corpus's index
// is written next to the store, keyed by a hash of the papers, and loaded instead of rebuilt on
// the next start: loading 100k papers' index takes a fraction of building it.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logger.js';
import { BM25_FORMAT_VERSION, Bm25TextEngine } from './bm25TextEngine.js';
import { LunrTextEngine } from './lunrTextEngine.js';
import type { IndexedPaper, TextEngine, TextEngineFactory } from './textEngine.js';

/**
 * From this many papers on, the BM25 engine: measured by `npm run bench` (engine build and query
 * p99 of lunr and BM25 side by side at 27, 1k and 10k papers).
 */
export const BM25_MIN_PAPERS = 1_000;

export function selectTextEngine(papers: readonly IndexedPaper[]): TextEngine {
  return papers.length >= BM25_MIN_PAPERS ? Bm25TextEngine.build(papers) : new LunrTextEngine(papers);
}

export interface IndexCacheOptions {
  /** Folder for index files (created on demand); only the newest corpus's file is kept. */
  directory: string;
  logger?: Logger;
}

const FILE_PREFIX = 'bm25-';

/**
 * Like selectTextEngine, but a large corpus's BM25 index is loaded from `directory` when a file
 * for exactly these papers exists, and written there (in the background) when it does not.
 */
export function cachedTextEngineFactory(options: IndexCacheOptions): TextEngineFactory {
  return (papers) => {
    if (papers.length < BM25_MIN_PAPERS) return new LunrTextEngine(papers);
    const file = join(options.directory, `${FILE_PREFIX}${corpusFingerprint(papers)}.bin`);
    try {
      const engine = Bm25TextEngine.deserialize(readFileSync(file));
      if (engine.documentCount === papers.length) return engine;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') options.logger?.warn('ignoring an unreadable search index file', { file, error });
    }
    const engine = Bm25TextEngine.build(papers);
    // After the reply that is waiting for this index: writing 100 MB is not on the critical path.
    setImmediate(() => writeIndexFile(options, file, engine));
    return engine;
  };
}

function writeIndexFile(options: IndexCacheOptions, file: string, engine: Bm25TextEngine): void {
  try {
    mkdirSync(options.directory, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, engine.serialize());
    renameSync(temporary, file);
    // Older corpora's files are never read again.
    for (const name of readdirSync(options.directory)) {
      const path = join(options.directory, name);
      if (name.startsWith(FILE_PREFIX) && path !== file && !name.endsWith('.tmp')) rmSync(path, { force: true });
    }
  } catch (error) {
    options.logger?.warn('could not save the search index; it will be rebuilt on the next start', { file, error });
  }
}

/**
 * A hash of everything the BM25 index is built from, in index order: the same papers give the
 * same file name whichever store or process they came from; any change gives a new one.
 */
export function corpusFingerprint(papers: readonly IndexedPaper[]): string {
  const hash = createHash('sha1');
  hash.update(`format ${BM25_FORMAT_VERSION}\u0000`);
  for (const { paper } of papers) {
    hash.update(paper.id);
    hash.update('\u0001');
    hash.update(paper.title);
    hash.update('\u0001');
    hash.update(paper.venue);
    hash.update('\u0001');
    for (const author of paper.authors) hash.update(`${author.name}\u0003`);
    for (const name of paper.clusterAuthors) hash.update(`${name}\u0004`);
    hash.update(paper.abstract);
    hash.update('\u0002');
  }
  return hash.digest('hex').slice(0, 24);
}
