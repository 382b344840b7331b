// PostgreSQL implementation of the store, for several bot instances sharing one database.
// Same schema and migrations as SQLite (see migrations.ts); migrations run under an advisory
// lock so instances starting together apply each one once.
import pg from 'pg';
import { ErrorCode, PaperbotError } from '../errors.js';
import type { Logger } from '../logger.js';
import { PaperSchema, type Paper, type StoredPaper } from '../paper.js';
import { MIGRATIONS } from './migrations.js';
import type { CorpusStamp, PaperStore, UpsertSummary } from './paperStore.js';
import { PostgresSubscriptionStore } from './postgresSubscriptionStore.js';

/** Arbitrary constant shared by every paperbot instance: "paperbot" in ASCII, folded. */
const MIGRATION_LOCK_ID = 0x7061706572;

interface PaperRow {
  id: string;
  record: Paper;
  first_seen_at: Date;
}

export class PostgresStore implements PaperStore {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;
  readonly subscriptions: PostgresSubscriptionStore;

  constructor(connectionString: string, options: { max?: number; logger?: Logger } = {}) {
    this.pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    this.pool.on('error', (error) => options.logger?.warn('an idle PostgreSQL connection failed; the pool will reconnect', { error }));
    this.subscriptions = new PostgresSubscriptionStore(this.pool);
  }

  async migrate(): Promise<void> {
    const client = await this.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)');
      const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version));
      for (const migration of MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.postgres);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [migration.version, migration.name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
      client.release();
    }
  }

  async countPapers(): Promise<number> {
    const result = await this.pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM papers');
    return Number(result.rows[0]?.n ?? 0);
  }

  async listPapers(): Promise<StoredPaper[]> {
    const result = await this.pool.query<PaperRow>('SELECT id, record, first_seen_at FROM papers ORDER BY id');
    return result.rows.map(toStoredPaper);
  }

  async getPapers(ids: string[]): Promise<StoredPaper[]> {
    if (ids.length === 0) return [];
    const result = await this.pool.query<PaperRow>('SELECT id, record, first_seen_at FROM papers WHERE id = ANY($1::text[])', [ids]);
    const byId = new Map(result.rows.map((row) => [row.id, toStoredPaper(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async upsertPapers(papers: Paper[], now: Date = new Date()): Promise<UpsertSummary> {
    const client = await this.connect();
    try {
      await client.query('BEGIN');
      const summary: UpsertSummary = { added: [], updated: [], unchanged: 0 };
      for (const paper of papers) {
        const record = PaperSchema.parse(paper);
        // xmax = 0 tells an inserted row from an updated one; the WHERE skips unchanged records.
        const result = await client.query<{ inserted: boolean }>(
          `INSERT INTO papers (id, record, first_seen_at, updated_at) VALUES ($1, $2, $3, $3)
           ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record, updated_at = EXCLUDED.updated_at
           WHERE papers.record IS DISTINCT FROM EXCLUDED.record
           RETURNING (xmax = 0) AS inserted`,
          [paper.id, JSON.stringify(record), now],
        );
        const row = result.rows[0];
        if (row === undefined) summary.unchanged += 1;
        else if (row.inserted) summary.added.push(paper.id);
        else summary.updated.push(paper.id);
      }
      if (summary.added.length > 0 || summary.updated.length > 0) {
        await client.query("UPDATE store_meta SET value = (value::bigint + 1)::text WHERE key = 'corpus_revision'");
      }
      await client.query('COMMIT');
      return summary;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async corpusRevision(): Promise<number> {
    const result = await this.pool.query<{ value: string }>("SELECT value FROM store_meta WHERE key = 'corpus_revision'");
    return Number(result.rows[0]?.value ?? 0);
  }

  async corpusStamp(): Promise<CorpusStamp> {
    // One statement: one snapshot of the revision and the count.
    const result = await this.pool.query<{ store_id: string; revision: string; papers: string }>(
      `SELECT (SELECT value FROM store_meta WHERE key = 'store_id') AS store_id,
              (SELECT value FROM store_meta WHERE key = 'corpus_revision') AS revision,
              (SELECT COUNT(*) FROM papers) AS papers`,
    );
    const row = result.rows[0];
    return { storeId: row?.store_id ?? '', revision: Number(row?.revision ?? 0), paperCount: Number(row?.papers ?? 0) };
  }

  async putButtonState(key: string, state: string, now: Date = new Date()): Promise<void> {
    await this.pool.query('INSERT INTO button_state (key, state, created_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING', [key, state, now]);
  }

  async getButtonState(key: string): Promise<string | undefined> {
    const result = await this.pool.query<{ state: string }>('SELECT state FROM button_state WHERE key = $1', [key]);
    return result.rows[0]?.state;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw new PaperbotError(ErrorCode.StoreFailure, 'Cannot connect to PostgreSQL at DATABASE_URL.', {
        hint: 'Check DATABASE_URL (postgres://user@host:5432/db) and that the server is running.',
        cause: error,
      });
    }
  }
}

function toStoredPaper(row: PaperRow): StoredPaper {
  return { ...row.record, firstSeenAt: row.first_seen_at };
}
