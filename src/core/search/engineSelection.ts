// Which text engine a corpus gets, and where large corpora keep their prebuilt index.
// The BM25 typed-array engine beat lunr at every size measured, the bundled 27 papers included
// (build 4x faster in a fresh process, search p99 2-3x lower; docs/benchmarks.md), and passes the
// same query and ranking suite, so it is the engine for every corpus; lunr stays available through
// `createEngine`. The index is written next to the store, keyed by a hash of the papers, and
// loaded instead of rebuilt on the next start: even the bundled 27 papers take ~100 ms to index in
// a fresh `paperbot ask` process (cold JIT, Unicode regexes, stemmer) against ~5 ms to load, and
// 100k papers take a minute against a few seconds.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from '../logger.js';
import { BM25_FORMAT_VERSION, Bm25TextEngine } from './bm25TextEngine.js';
import type { IndexedPaper, TextEngine, TextEngineFactory } from './textEngine.js';

/** The engine for a corpus built in memory (what PaperIndex uses when given no factory). */
export function selectTextEngine(papers: readonly IndexedPaper[]): TextEngine {
  return Bm25TextEngine.build(papers);
}

export interface IndexCacheOptions {
  /** Folder for index files (created on demand); only the newest corpus's file is kept. Undefined: build every time. */
  directory: string | undefined;
  logger?: Logger;
}

const FILE_PREFIX = 'bm25-';

/**
 * Like selectTextEngine, but the index is loaded from `directory` when a file for exactly these
 * papers exists, and written there when it does not.
 */
export function cachedTextEngineFactory(options: IndexCacheOptions): TextEngineFactory {
  return (papers) => {
    const { directory } = options;
    if (directory === undefined) return selectTextEngine(papers);
    const file = join(directory, `${FILE_PREFIX}${corpusFingerprint(papers)}.bin`);
    try {
      const engine = Bm25TextEngine.deserialize(readFileSync(file));
      if (engine.documentCount === papers.length) return engine;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') options.logger?.warn('ignoring an unreadable search index file', { file, error });
    }
    const engine = Bm25TextEngine.build(papers);
    // Written now rather than deferred: 100 MB take a fraction of a second next to the build, and a
    // deferred write could land after the store's folder is gone (a test's temp folder, a moved store).
    writeIndexFile(directory, file, engine, options.logger);
    return engine;
  };
}

function writeIndexFile(directory: string, file: string, engine: Bm25TextEngine, logger: Logger | undefined): void {
  // The folder's parent is the store's own folder (or var/): if it is gone, so is the store, and
  // recreating it would leave an orphan folder behind (a test's deleted temp folder, a moved store).
  if (!existsSync(dirname(directory))) return;
  try {
    mkdirSync(directory, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, engine.serialize());
    renameSync(temporary, file);
    // Older corpora's files are never read again.
    for (const name of readdirSync(directory)) {
      const path = join(directory, name);
      if (name.startsWith(FILE_PREFIX) && path !== file && !name.endsWith('.tmp')) rmSync(path, { force: true });
    }
  } catch (error) {
    logger?.warn('could not save the search index; it will be rebuilt on the next start', { file, error });
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
