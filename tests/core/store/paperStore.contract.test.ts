// One contract suite for the paper side of every store: the same tests against a real SQLite
// file and the machine's real PostgreSQL (a schema of its own, dropped afterwards).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpusFile } from '../../../src/core/ingest/corpusFile.js';
import type { Paper } from '../../../src/core/paper.js';
import type { PaperStore } from '../../../src/core/store/paperStore.js';
import { PostgresStore } from '../../../src/core/store/postgresStore.js';
import { SqliteStore } from '../../../src/core/store/sqliteStore.js';

const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface StoreFactory {
  name: string;
  open(): Promise<PaperStore>;
  cleanup(): Promise<void>;
}

function sqliteFactory(): StoreFactory {
  const directory = mkdtempSync(join(tmpdir(), 'paperbot-store-'));
  let counter = 0;
  return {
    name: 'SqliteStore',
    open: async () => new SqliteStore(join(directory, `store-${(counter += 1)}.sqlite`)),
    cleanup: async () => rmSync(directory, { recursive: true, force: true }),
  };
}

function postgresFactory(): StoreFactory {
  const schemas: string[] = [];
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  let connected = false;
  return {
    name: 'PostgresStore',
    open: async () => {
      if (!connected) {
        await admin.connect();
        connected = true;
      }
      const schema = `paperbot_contract_${process.pid}_${schemas.length}_${Date.now()}`;
      schemas.push(schema);
      await admin.query(`CREATE SCHEMA ${schema}`);
      const url = new URL(POSTGRES_URL);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return new PostgresStore(url.toString());
    },
    cleanup: async () => {
      for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      if (connected) await admin.end();
    },
  };
}

let corpus: Paper[] = [];
beforeAll(async () => {
  corpus = (await readCorpusFile('data/papers.json')).papers;
});

for (const makeFactory of [sqliteFactory, postgresFactory]) {
  const factory = makeFactory();
  describe(factory.name, () => {
    const opened: PaperStore[] = [];
    const open = async (): Promise<PaperStore> => {
      const store = await factory.open();
      opened.push(store);
      await store.migrate();
      return store;
    };
    afterAll(async () => {
      for (const store of opened) await store.close();
      await factory.cleanup();
    });

    it('starts empty at revision 0 and migrates idempotently', async () => {
      const store = await open();
      await store.migrate();
      expect(await store.countPapers()).toBe(0);
      expect(await store.corpusRevision()).toBe(0);
    });

    it('stores the bundled corpus and reads it back unchanged', async () => {
      const store = await open();
      const when = new Date('2026-01-02T03:04:05Z');
      const summary = await store.upsertPapers(corpus, when);
      expect(summary.added).toHaveLength(27);
      expect(summary.updated).toEqual([]);
      const papers = await store.listPapers();
      expect(papers).toHaveLength(27);
      const gridmix = papers.find((paper) => paper.title.startsWith('GridMix'));
      const original = corpus.find((paper) => paper.title.startsWith('GridMix'));
      expect(gridmix?.firstSeenAt.toISOString()).toBe('2026-01-02T03:04:05.000Z');
      const { firstSeenAt: _firstSeenAt, ...record } = gridmix!;
      expect(record).toEqual(original);
      expect(await store.corpusRevision()).toBe(1);
    });

    it('keeps firstSeenAt, counts changes and bumps the revision only on change', async () => {
      const store = await open();
      await store.upsertPapers(corpus.slice(0, 3), new Date('2026-01-01T00:00:00Z'));
      const again = await store.upsertPapers(corpus.slice(0, 3), new Date('2026-02-01T00:00:00Z'));
      expect(again).toEqual({ added: [], updated: [], unchanged: 3 });
      expect(await store.corpusRevision()).toBe(1);

      const changed = { ...corpus[0]!, abstract: `${corpus[0]!.abstract} (revised)` };
      const summary = await store.upsertPapers([changed, corpus[3]!], new Date('2026-03-01T00:00:00Z'));
      expect(summary.updated).toEqual([changed.id]);
      expect(summary.added).toEqual([corpus[3]!.id]);
      expect(await store.corpusRevision()).toBe(2);
      const [stored] = await store.getPapers([changed.id]);
      expect(stored?.abstract.endsWith('(revised)')).toBe(true);
      expect(stored?.firstSeenAt.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    });

    it('stamps each state of the corpus with the store identity, revision and count', async () => {
      const store = await open();
      const empty = await store.corpusStamp();
      expect(empty).toEqual({ storeId: expect.stringMatching(/^[0-9a-f]{32}$/), revision: 0, paperCount: 0 });
      await store.migrate();
      expect(await store.corpusStamp()).toEqual(empty);
      await store.upsertPapers(corpus.slice(0, 4));
      expect(await store.corpusStamp()).toEqual({ ...empty, revision: 1, paperCount: 4 });
      // Another database at the same revision and count is still another corpus.
      const other = await open();
      await other.upsertPapers(corpus.slice(4, 8));
      const otherStamp = await other.corpusStamp();
      expect(otherStamp).toMatchObject({ revision: 1, paperCount: 4 });
      expect(otherStamp.storeId).not.toBe(empty.storeId);
    });

    it('rejects an invalid paper without writing any of the batch', async () => {
      const store = await open();
      const broken = { ...corpus[1]!, year: 20240 };
      await expect(store.upsertPapers([corpus[0]!, broken])).rejects.toThrow();
      expect(await store.countPapers()).toBe(0);
      expect(await store.corpusRevision()).toBe(0);
    });

    it('returns requested papers in the order asked and skips unknown ids', async () => {
      const store = await open();
      await store.upsertPapers(corpus);
      const ids = [corpus[5]!.id, 'no-such-paper', corpus[2]!.id];
      expect((await store.getPapers(ids)).map((paper) => paper.id)).toEqual([corpus[5]!.id, corpus[2]!.id]);
    });

    it('keeps button state by key, first write wins', async () => {
      const store = await open();
      await store.putButtonState('abc', 'papers?query=x');
      await store.putButtonState('abc', 'papers?query=y');
      expect(await store.getButtonState('abc')).toBe('papers?query=x');
      expect(await store.getButtonState('missing')).toBeUndefined();
    });
  });
}
