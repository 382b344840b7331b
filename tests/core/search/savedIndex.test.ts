// The saved index: a whole PaperIndex written to a file after it is built and restored by the
// next process that finds the store in the same state, without reading the papers again.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateCorpus } from '../../../bench/syntheticCorpus.js';
import { buildSavedIndexInWorker } from '../../../src/app/backgroundIndexBuild.js';
import { PaperCatalog } from '../../../src/core/catalog.js';
import { readCorpusFile } from '../../../src/core/ingest/corpusFile.js';
import type { Logger } from '../../../src/core/logger.js';
import type { Paper, StoredPaper } from '../../../src/core/paper.js';
import { parseQuery } from '../../../src/core/query/parseQuery.js';
import { resolveQuery } from '../../../src/core/query/resolveQuery.js';
import { decodeSnapshot, encodeSnapshot } from '../../../src/core/search/indexSnapshot.js';
import { prepareTitleKeys, titleKeysOf } from '../../../src/core/search/findPaper.js';
import { forEachInSlices } from '../../../src/core/search/inSlices.js';
import { LunrTextEngine } from '../../../src/core/search/lunrTextEngine.js';
import { PaperIndex } from '../../../src/core/search/paperIndex.js';
import { loadSavedIndex, readWholeFile, saveIndex, savedIndexFile } from '../../../src/core/search/savedIndex.js';
import type { CorpusStamp } from '../../../src/core/store/paperStore.js';
import { SqliteStore } from '../../../src/core/store/sqliteStore.js';

const temporary = mkdtempSync(join(tmpdir(), 'paperbot-saved-index-'));
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

function recordingLogger(): Logger & { warnings: string[]; infos: string[] } {
  const warnings: string[] = [];
  const infos: string[] = [];
  return { warnings, infos, debug: () => {}, info: (message) => void infos.push(message), warn: (message) => void warnings.push(message), error: () => {} };
}

function searcher(index: PaperIndex): (text: string) => string[] {
  const venues = [...new Set(index.papers.map((doc) => doc.paper.venue))];
  return (text) => index.search(resolveQuery(parseQuery(text), { venues })).hits.map((hit) => hit.paper.id);
}

/** What the store would hand back: a plain object, firstSeenAt included. */
const plain = (paper: StoredPaper): unknown => JSON.parse(JSON.stringify(paper));

let seed: Paper[];
let large: StoredPaper[];
beforeAll(async () => {
  seed = (await readCorpusFile('data/papers.json')).papers;
  large = generateCorpus({ size: 1_200, shapeFrom: seed }).map((paper, i) => ({ ...paper, firstSeenAt: new Date(Date.UTC(2026, 0, 1 + (i % 300))) }));
});

describe('index snapshot', () => {
  it('restores every paper field for field, and answers like the index it was made from and like lunr', () => {
    const built = new PaperIndex(large);
    const restored = decodeSnapshot(encodeSnapshot(built));
    expect(restored.size).toBe(large.length);
    expect(restored.papers.map((doc) => plain(doc.paper))).toEqual(large.map(plain));
    const sample = restored.getById(large[321]!.id)!;
    expect(sample.firstSeenAt).toBeInstanceOf(Date);
    expect(sample.firstSeenAt.getTime()).toBe(large[321]!.firstSeenAt.getTime());
    expect(sample.authors).toEqual(large[321]!.authors);
    expect(sample.abstract).toBe(large[321]!.abstract);
    // The acronym dictionary comes back too (rebuilding it would read every abstract).
    expect(built.acronyms.size).toBeGreaterThan(10);
    expect([...restored.acronyms]).toEqual([...built.acronyms]);

    const reference = new PaperIndex(large, (papers) => new LunrTextEngine(papers));
    const title = large[123]!.title;
    const words = title.split(' ').slice(0, 2).join(' ').toLowerCase();
    const venue = large[5]!.venue;
    for (const text of [words, `"${words}"`, `${words} -zzzz`, 'year:2024', `venue:"${venue}" ${words}`, 'has:code sort:oldest', `author:"${large[7]!.authors[0]!.name}"`]) {
      const fromBuild = searcher(built)(text);
      expect(fromBuild.length, text).toBeGreaterThan(0);
      expect(searcher(restored)(text), text).toEqual(fromBuild);
      expect(new Set(searcher(reference)(text)), text).toEqual(new Set(fromBuild));
    }
    expect(searcher(restored)(words)).toContain(large[123]!.id);
  });

  it('reads every paper\'s authors ahead a slice at a time, letting other work run, and answers the same', async () => {
    const restored = decodeSnapshot(encodeSnapshot(new PaperIndex(large)));
    const order: string[] = [];
    const warming = restored.warmUp(0).then(() => order.push('warmed up'));
    setImmediate(() => order.push('a command in between'));
    await warming;
    expect(order).toEqual(['a command in between', 'warmed up']);
    const author = `author:"${large[7]!.authors[0]!.name}"`;
    expect(searcher(restored)(author)).toEqual(searcher(new PaperIndex(large))(author));
    expect(searcher(restored)(author).length).toBeGreaterThan(0);
  });

  it('stops preparing when aborted and keeps nothing half-done', async () => {
    const controller = new AbortController();
    let done = 0;
    const stepping = forEachInSlices(large, () => {
      done += 1;
      if (done === 100) controller.abort();
    }, 0, controller.signal);
    await expect(stepping).rejects.toThrow(/abort/i);
    expect(done).toBeLessThan(large.length);
    const restored = decodeSnapshot(encodeSnapshot(new PaperIndex(large)));
    await expect(prepareTitleKeys(restored, AbortSignal.abort())).rejects.toThrow(/abort/i);
    await expect(restored.warmUp(0, AbortSignal.abort())).rejects.toThrow(/abort/i);
    // Asked for later, the title keys are whole: nothing partial was kept.
    expect(titleKeysOf(restored)).toHaveLength(large.length);
  });

  it('keeps titles, venues and years with accents and symbols intact', () => {
    const papers = seed.map((paper, i) => ({
      ...paper,
      title: i === 0 ? `Ünïcode — “quoted” 数学 ${paper.title}` : paper.title,
      venue: i === 1 ? 'Café Workshop' : paper.venue,
      firstSeenAt: new Date('2026-01-01T00:00:00Z'),
    }));
    const restored = decodeSnapshot(encodeSnapshot(new PaperIndex(papers)));
    expect(restored.papers.map((doc) => plain(doc.paper))).toEqual(papers.map(plain));
    expect(restored.search(resolveQuery(parseQuery('venue:"Café Workshop"'), { venues: ['Café Workshop'] })).total).toBe(1);
  });

  it('refuses damaged or truncated bytes with a clear error', () => {
    const bytes = encodeSnapshot(new PaperIndex(large.slice(0, 50)));
    expect(() => decodeSnapshot(Buffer.from('not an index at all'))).toThrow(/not a paperbot index snapshot.*bad magic/);
    expect(() => decodeSnapshot(bytes.subarray(0, bytes.byteLength - 100))).toThrow(/truncated/);
  });

  it('cannot save an index over another engine', () => {
    expect(() => encodeSnapshot(new PaperIndex(seed.map((paper) => ({ ...paper, firstSeenAt: new Date(0) })), (papers) => new LunrTextEngine(papers)))).toThrow(/lunr index cannot be saved/);
  });
});

describe('saved index files', () => {
  const stamp: CorpusStamp = { storeId: 'a'.repeat(32), revision: 3, paperCount: 1_200 };
  // The store's own folder; the index folder inside it is created on the first save.
  beforeAll(() => mkdirSync(join(temporary, 'files')));

  it('saves under the corpus stamp and restores only for exactly that stamp', () => {
    const directory = join(temporary, 'files', 'search-index');
    const logger = recordingLogger();
    saveIndex({ directory, logger }, stamp, new PaperIndex(large));
    expect(readdirSync(directory)).toEqual([savedIndexFile(directory, stamp).split('/').pop()]);
    expect(loadSavedIndex({ directory, logger }, stamp)?.size).toBe(1_200);
    expect(loadSavedIndex({ directory, logger }, { ...stamp, revision: 4 })).toBeUndefined();
    expect(loadSavedIndex({ directory, logger }, { ...stamp, storeId: 'b'.repeat(32) })).toBeUndefined();
    expect(logger.warnings).toEqual([]);
  });

  it('reads a file in pieces into one aligned buffer (files of 2 GiB and more cannot be read in one call)', () => {
    const file = join(temporary, 'files', 'pieces.bin');
    const bytes = randomBytes(10_001);
    writeFileSync(file, bytes);
    for (const piece of [1, 7, 4_096, 2 ** 30]) {
      const read = readWholeFile(file, piece);
      expect(read.equals(bytes), `pieces of ${piece}`).toBe(true);
      expect(read.byteOffset % 4).toBe(0);
    }
    writeFileSync(file, '');
    expect(readWholeFile(file).byteLength).toBe(0);
  });

  it('skips a damaged file with a warning, and a new save removes older files of either format', () => {
    const directory = join(temporary, 'files', 'search-index');
    const logger = recordingLogger();
    writeFileSync(savedIndexFile(directory, stamp), 'not an index');
    writeFileSync(join(directory, 'bm25-0123456789abcdef01234567.bin'), 'an index of an earlier release');
    expect(loadSavedIndex({ directory, logger }, stamp)).toBeUndefined();
    expect(logger.warnings).toEqual(['ignoring an unreadable search index file']);
    const next = { ...stamp, revision: 4, paperCount: 1_199 };
    saveIndex({ directory, logger }, next, new PaperIndex(large.slice(1)));
    expect(readdirSync(directory)).toEqual([savedIndexFile(directory, next).split('/').pop()]);
  });

  it('does not recreate the folder of a store that is gone', () => {
    const directory = join(temporary, 'gone', 'search-index');
    saveIndex({ directory }, stamp, new PaperIndex(large.slice(0, 10)));
    expect(existsSync(join(temporary, 'gone'))).toBe(false);
  });
});

/** A SQLite store file holding these papers. */
async function storeWith(path: string, papers: StoredPaper[]): Promise<SqliteStore> {
  const store = new SqliteStore(path);
  await store.migrate();
  await store.upsertPapers(papers);
  return store;
}

describe('catalog with a saved index', () => {
  it('restores the index without reading the papers, and rebuilds and saves after the papers change', async () => {
    const folder = join(temporary, 'catalog');
    const directory = join(folder, 'search-index');
    const first = await storeWith(join(folder, 'papers.sqlite'), large.slice(0, 300));
    const logger = recordingLogger();
    const built = await PaperCatalog.open(first, { logger, savedIndexDirectory: directory });
    expect(readdirSync(directory)).toHaveLength(1);
    await first.close();

    // A second process on the same store: no paper is read from the store.
    const second = new SqliteStore(join(folder, 'papers.sqlite'));
    const listPapers = vi.spyOn(second, 'listPapers');
    const restored = await PaperCatalog.open(second, { logger, savedIndexDirectory: directory });
    expect(listPapers).not.toHaveBeenCalled();
    const query = large[42]!.title.split(' ').slice(0, 3).join(' ');
    expect(searcher(restored.index)(query)).toEqual(searcher(built.index)(query));
    expect(restored.index.getById(large[42]!.id)?.abstract).toBe(large[42]!.abstract);

    // An ingest (here: another paper) changes the revision: the next refresh reads, builds and saves.
    const before = readdirSync(directory);
    await second.upsertPapers([large[300]!]);
    expect(await restored.refresh()).toBe(true);
    expect(listPapers).toHaveBeenCalledTimes(1);
    expect(restored.index.getById(large[300]!.id)).toBeDefined();
    const after = readdirSync(directory);
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
    expect(logger.warnings).toEqual([]);
    await second.close();
  });

  it('rebuilds in a worker thread after the papers change: this thread never reads the papers', async () => {
    const folder = join(temporary, 'background');
    const directory = join(folder, 'search-index');
    const databaseUrl = join(folder, 'papers.sqlite');
    const store = await storeWith(databaseUrl, large.slice(0, 200));
    const logger = recordingLogger();
    const catalog = await PaperCatalog.open(store, {
      logger,
      savedIndexDirectory: directory,
      buildSavedIndexElsewhere: () => buildSavedIndexInWorker({ databaseUrl, directory }),
    });
    const listPapers = vi.spyOn(store, 'listPapers');
    await store.upsertPapers(large.slice(200, 260));
    expect(await catalog.refresh()).toBe(true);
    expect(logger.warnings).toEqual([]);
    expect(listPapers).not.toHaveBeenCalled();
    expect(catalog.index.size).toBe(260);
    expect(catalog.index.getById(large[250]!.id)?.title).toBe(large[250]!.title);
    expect(logger.warnings).toEqual([]);
    await store.close();
  });

  it('builds in this thread when the background build fails, and says so', async () => {
    const folder = join(temporary, 'background-fails');
    const store = await storeWith(join(folder, 'papers.sqlite'), large.slice(0, 50));
    const logger = recordingLogger();
    const catalog = await PaperCatalog.open(store, {
      logger,
      savedIndexDirectory: join(folder, 'search-index'),
      buildSavedIndexElsewhere: () => Promise.reject(new Error('no threads here')),
    });
    await store.upsertPapers(large.slice(50, 60));
    expect(await catalog.refresh()).toBe(true);
    expect(catalog.index.size).toBe(60);
    expect(logger.warnings).toEqual(['building the index in the background failed; building it here']);
    await store.close();
  });

  it('hands each loaded index to the warm-up once asked to prepare ahead, then after every reload', async () => {
    const folder = join(temporary, 'warm-up');
    const store = await storeWith(join(folder, 'papers.sqlite'), large.slice(0, 30));
    const warmed: number[] = [];
    const catalog = await PaperCatalog.open(store, { logger: recordingLogger(), warmUp: async (index) => void warmed.push(index.size) });
    await store.upsertPapers(large.slice(30, 35));
    await catalog.refresh();
    expect(warmed).toEqual([]);
    catalog.prepareAhead();
    catalog.prepareAhead();
    await store.upsertPapers(large.slice(35, 40));
    await catalog.refresh();
    expect(warmed).toEqual([35, 40]);
    await store.close();
  });

  it('aborts the preparation of an index once it is replaced or the catalog stops, without a warning', async () => {
    const folder = join(temporary, 'warm-up-abort');
    const store = await storeWith(join(folder, 'papers.sqlite'), large.slice(0, 30));
    const signals: AbortSignal[] = [];
    const logger = recordingLogger();
    // A preparation that never ends on its own: it runs until it is aborted.
    const warmUp = (_index: PaperIndex, signal: AbortSignal): Promise<void> => {
      signals.push(signal);
      return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    };
    const catalog = await PaperCatalog.open(store, { logger, warmUp });
    catalog.prepareAhead();
    await store.upsertPapers(large.slice(30, 35));
    await catalog.refresh();
    expect(signals.map((signal) => signal.aborted)).toEqual([true, false]);
    catalog.stopPreparing();
    await new Promise((resolve) => setImmediate(resolve));
    expect(signals.map((signal) => signal.aborted)).toEqual([true, true]);
    expect(logger.warnings).toEqual([]);
    await store.close();
  });

  it('never restores an index saved for another store in the same folder', async () => {
    const folder = join(temporary, 'shared');
    const directory = join(folder, 'search-index');
    // Same revision and count, different papers.
    const one = await storeWith(join(folder, 'one.sqlite'), large.slice(0, 20));
    const two = await storeWith(join(folder, 'two.sqlite'), large.slice(20, 40));
    const logger = recordingLogger();
    await PaperCatalog.open(one, { logger, savedIndexDirectory: directory });
    const catalog = await PaperCatalog.open(two, { logger, savedIndexDirectory: directory });
    expect(catalog.index.getById(large[25]!.id)).toBeDefined();
    expect(catalog.index.getById(large[5]!.id)).toBeUndefined();
    await one.close();
    await two.close();
  });
});
