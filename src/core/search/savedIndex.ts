// Where a built index waits for the next start: one snapshot file (indexSnapshot.ts) per corpus
// state, named after the store's CorpusStamp, in a folder beside the store. Finding it costs one
// small query, not a read of every paper: the store's revision changes with every write to the
// papers and its random id tells stores apart, so a file never answers for other papers.
// Even the bundled 27 papers take 20-50 ms to index in a fresh `paperbot ask` process (cold JIT,
// stemmer) against a few ms to load; 100k papers take 16-21 s against 0.4 s (docs/benchmarks.md).
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from '../logger.js';
import type { CorpusStamp } from '../store/paperStore.js';
import { BM25_FORMAT_VERSION } from './bm25TextEngine.js';
import { canSnapshot, decodeSnapshot, encodeSnapshot, SNAPSHOT_FORMAT_VERSION } from './indexSnapshot.js';
import type { PaperIndex } from './paperIndex.js';

export interface SavedIndexOptions {
  /** Folder for snapshot files (created on demand); only the newest corpus's file is kept. */
  directory: string;
  logger?: Logger;
}

const FILE_PREFIX = 'index-';
/** Files of earlier releases (a BM25 index keyed by a hash of the papers' text): removed on the next save. */
const OLD_FILE_PREFIXES = ['bm25-'];

export function savedIndexFile(directory: string, stamp: CorpusStamp): string {
  const key = createHash('sha1')
    .update(`snapshot ${SNAPSHOT_FORMAT_VERSION} bm25 ${BM25_FORMAT_VERSION}\u0000${stamp.storeId}\u0000${stamp.revision}\u0000${stamp.paperCount}`)
    .digest('hex')
    .slice(0, 24);
  return join(directory, `${FILE_PREFIX}${key}.bin`);
}

/** The index saved for exactly this corpus state, or undefined (none yet, or unreadable: logged). */
export function loadSavedIndex(options: SavedIndexOptions, stamp: CorpusStamp): PaperIndex | undefined {
  const file = savedIndexFile(options.directory, stamp);
  try {
    const index = decodeSnapshot(readWholeFile(file));
    if (index.size === stamp.paperCount) return index;
    options.logger?.warn('ignoring a saved search index of the wrong size', { file, papers: index.size, expected: stamp.paperCount });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') options.logger?.warn('ignoring an unreadable search index file', { file, error });
  }
  return undefined;
}

/**
 * The whole file in one buffer. readFileSync reads in one call, which refuses 2 GiB and more: the
 * saved index of a corpus of ~600k papers. Read in pieces, a file fits up to the largest Buffer
 * (4 GiB on 64-bit node).
 */
export function readWholeFile(file: string, pieceBytes = 2 ** 30): Buffer {
  const descriptor = openSync(file, 'r');
  try {
    const size = fstatSync(descriptor).size;
    // Not from the shared pool: the snapshot's typed arrays view this buffer and want it aligned.
    const bytes = Buffer.allocUnsafeSlow(size);
    for (let offset = 0; offset < size; ) {
      const read = readSync(descriptor, bytes, offset, Math.min(pieceBytes, size - offset), offset);
      if (read === 0) throw new Error(`${file} ended after ${offset} of its ${size} bytes`);
      offset += read;
    }
    return bytes;
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Saves the index under the stamp its papers were read at; true when the file was written (read the stamp *before* the papers: a
 * write in between then gives the file a stamp no store will have again, never the reverse).
 * Written at once rather than deferred: 100k papers' file takes well under a second next to the
 * build, and a deferred write could land after the store's folder is gone.
 */
export function saveIndex(options: SavedIndexOptions, stamp: CorpusStamp, index: PaperIndex): boolean {
  const { directory, logger } = options;
  // The folder's parent is the store's own folder (or var/): if it is gone, so is the store, and
  // recreating it would leave an orphan folder behind (a test's deleted temp folder, a moved store).
  if (!canSnapshot(index) || !existsSync(dirname(directory))) return false;
  const file = savedIndexFile(directory, stamp);
  try {
    mkdirSync(directory, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, encodeSnapshot(index));
    renameSync(temporary, file);
    // Older corpus states' files are never read again.
    for (const name of readdirSync(directory)) {
      const path = join(directory, name);
      const ours = [FILE_PREFIX, ...OLD_FILE_PREFIXES].some((prefix) => name.startsWith(prefix));
      // Another process's file being written (.tmp) or built (.lock) is not ours to remove.
      if (ours && path !== file && !name.endsWith('.tmp') && !name.endsWith('.lock')) rmSync(path, { force: true });
    }
    return true;
  } catch (error) {
    logger?.warn('could not save the search index; it will be rebuilt on the next start', { file, error });
    return false;
  }
}
