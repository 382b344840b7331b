// Versioned schema migrations shared by every store. Each migration has one SQL text per dialect;
// the version numbers and meaning are the same, so SQLite and PostgreSQL hold the same schema.
// Never edit a released migration: add a new one.

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'papers and button state',
    sqlite: `
      CREATE TABLE papers (
        id TEXT PRIMARY KEY,
        record TEXT NOT NULL,
        first_seen_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX papers_first_seen_at ON papers (first_seen_at);
      CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO store_meta (key, value) VALUES ('corpus_revision', '0');
      CREATE TABLE button_state (
        key TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        created_at TEXT NOT NULL
      );`,
    postgres: `
      CREATE TABLE papers (
        id TEXT PRIMARY KEY,
        record JSONB NOT NULL,
        first_seen_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX papers_first_seen_at ON papers (first_seen_at);
      CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO store_meta (key, value) VALUES ('corpus_revision', '0');
      CREATE TABLE button_state (
        key TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL
      );`,
  },
];
