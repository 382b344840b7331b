// Picks the store from DATABASE_URL: postgres://… is PostgreSQL, anything else a SQLite file.
import { ErrorCode, PaperbotError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { PaperStore } from '../core/store/paperStore.js';
import { SqliteStore } from '../core/store/sqliteStore.js';

export async function openStore(databaseUrl: string, logger?: Logger): Promise<PaperStore> {
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) {
    const { PostgresStore } = await import('../core/store/postgresStore.js').catch((error: unknown) => {
      throw new PaperbotError(ErrorCode.ConfigInvalid, 'DATABASE_URL points at PostgreSQL but the PostgreSQL store could not be loaded.', {
        hint: 'Run npm install, or set DATABASE_URL to a SQLite file path.',
        cause: error,
      });
    });
    return new PostgresStore(databaseUrl, { logger });
  }
  const path = databaseUrl.replace(/^sqlite:(\/\/)?/i, '');
  return new SqliteStore(path);
}
