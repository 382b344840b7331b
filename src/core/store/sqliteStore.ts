// SQLite implementation of the store: one file (default var/paperbot.sqlite), created on first
// use. WAL lets the bot read while `paperbot ingest` writes from another process; FULL sync
// because the delivery ledger must survive a power cut; a busy timeout instead of SQLITE_BUSY.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ErrorCode, PaperbotError } from '../errors.js';
import { PaperSchema, type Paper, type StoredPaper } from '../paper.js';
import { MIGRATIONS } from './migrations.js';
import type { CorpusStamp, PaperStore, UpsertSummary } from './paperStore.js';
import { SqliteSubscriptionStore } from './sqliteSubscriptionStore.js';

interface PaperRow {
  id: string;
  record: string;
  first_seen_at: string;
}

export class SqliteStore implements PaperStore {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;
  readonly subscriptions: SqliteSubscriptionStore;

  /** @param path a file path, or ':memory:' for tests. */
  constructor(readonly path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    try {
      this.db = new Database(path);
    } catch (error) {
      throw new PaperbotError(ErrorCode.StoreFailure, `Cannot open the SQLite database at ${path}.`, {
        hint: 'Check DATABASE_URL and that the folder is writable.',
        cause: error,
      });
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.subscriptions = new SqliteSubscriptionStore(this.db);
  }

  async migrate(): Promise<void> {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applyPending = this.db.transaction(() => {
      const applied = new Set(
        (this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((row) => row.version),
      );
      for (const migration of MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        this.db.exec(migration.sqlite);
        this.db
          .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(migration.version, migration.name, new Date().toISOString());
      }
    });
    // IMMEDIATE takes the write lock first, so two processes starting together migrate once.
    applyPending.immediate();
  }

  async countPapers(): Promise<number> {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM papers').get() as { n: number }).n;
  }

  async listPapers(): Promise<StoredPaper[]> {
    const rows = this.db.prepare('SELECT id, record, first_seen_at FROM papers ORDER BY id').all() as PaperRow[];
    return rows.map(toStoredPaper);
  }

  async getPapers(ids: string[]): Promise<StoredPaper[]> {
    const select = this.db.prepare('SELECT id, record, first_seen_at FROM papers WHERE id = ?');
    return ids.flatMap((id) => {
      const row = select.get(id) as PaperRow | undefined;
      return row === undefined ? [] : [toStoredPaper(row)];
    });
  }

  async upsertPapers(papers: Paper[], now: Date = new Date()): Promise<UpsertSummary> {
    const select = this.db.prepare('SELECT record FROM papers WHERE id = ?');
    const insert = this.db.prepare('INSERT INTO papers (id, record, first_seen_at, updated_at) VALUES (?, ?, ?, ?)');
    const update = this.db.prepare('UPDATE papers SET record = ?, updated_at = ? WHERE id = ?');
    const write = this.db.transaction((batch: Paper[]): UpsertSummary => {
      const summary: UpsertSummary = { added: [], updated: [], unchanged: 0 };
      for (const paper of batch) {
        const record = JSON.stringify(PaperSchema.parse(paper));
        const existing = select.get(paper.id) as { record: string } | undefined;
        if (existing === undefined) {
          insert.run(paper.id, record, now.toISOString(), now.toISOString());
          summary.added.push(paper.id);
        } else if (existing.record !== record) {
          update.run(record, now.toISOString(), paper.id);
          summary.updated.push(paper.id);
        } else {
          summary.unchanged += 1;
        }
      }
      if (summary.added.length > 0 || summary.updated.length > 0) {
        this.db.prepare("UPDATE store_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'corpus_revision'").run();
      }
      return summary;
    });
    return write.immediate(papers);
  }

  async corpusRevision(): Promise<number> {
    const row = this.db.prepare("SELECT value FROM store_meta WHERE key = 'corpus_revision'").get() as { value: string };
    return Number(row.value);
  }

  async corpusStamp(): Promise<CorpusStamp> {
    const row = this.db
      .prepare(
        `SELECT (SELECT value FROM store_meta WHERE key = 'store_id') AS store_id,
                (SELECT value FROM store_meta WHERE key = 'corpus_revision') AS revision,
                (SELECT COUNT(*) FROM papers) AS papers`,
      )
      .get() as { store_id: string; revision: string; papers: number };
    return { storeId: row.store_id, revision: Number(row.revision), paperCount: row.papers };
  }

  async putButtonState(key: string, state: string, now: Date = new Date()): Promise<void> {
    this.db
      .prepare('INSERT INTO button_state (key, state, created_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING')
      .run(key, state, now.toISOString());
  }

  async getButtonState(key: string): Promise<string | undefined> {
    const row = this.db.prepare('SELECT state FROM button_state WHERE key = ?').get(key) as { state: string } | undefined;
    return row?.state;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

// Records were validated by PaperSchema when written; re-validating 100k rows on every start
// would dominate start-up time, so reads trust the store. The parsed object is completed in
// place: copying it (`{ ...paper, firstSeenAt }`) took 40% of reading 100k papers.
function toStoredPaper(row: PaperRow): StoredPaper {
  const paper = JSON.parse(row.record) as Paper & { firstSeenAt?: Date };
  paper.firstSeenAt = new Date(row.first_seen_at);
  return paper as StoredPaper;
}
