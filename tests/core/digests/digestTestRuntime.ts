// A real runtime for digest tests whose bundled papers were first seen at a fixed moment before
// any test clock, so "new since the subscription" never depends on today's date. The store is
// seeded here (the runtime only seeds an empty store), then the runtime starts on it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PaperbotRuntime, type InvocationSource } from '../../../src/app/runtime.js';
import { loadConfig, type Config } from '../../../src/config.js';
import type { CommandOutcome } from '../../../src/core/commands/command.js';
import { parseTextCommand } from '../../../src/core/commands/textCommand.js';
import { readCorpusFile } from '../../../src/core/ingest/corpusFile.js';
import { silentLogger } from '../../../src/core/logger.js';
import { SqliteStore } from '../../../src/core/store/sqliteStore.js';
import { seededRandom } from '../../helpers/testRuntime.js';

/** When the bundled corpus was "ingested" in every digest test. */
export const CORPUS_SEEN_AT = new Date('2026-01-01T00:00:00Z');

export interface DigestTestRuntime {
  runtime: PaperbotRuntime;
  config: Config;
  directory: string;
  databasePath: string;
  ask(line: string, source: InvocationSource): Promise<CommandOutcome>;
  close(): Promise<void>;
}

export async function startDigestTestRuntime(now: () => Date, env: Record<string, string> = {}): Promise<DigestTestRuntime> {
  const directory = mkdtempSync(join(tmpdir(), 'paperbot-digests-'));
  const databasePath = join(directory, 'paperbot.sqlite');
  const seed = new SqliteStore(databasePath);
  await seed.migrate();
  await seed.upsertPapers((await readCorpusFile('data/papers.json')).papers, CORPUS_SEEN_AT);
  await seed.close();

  const config = loadConfig({ DATABASE_URL: databasePath, DATA_DIR: join(directory, 'data'), ...env });
  const runtime = await PaperbotRuntime.start(config, silentLogger, { now, random: seededRandom() });
  return {
    runtime,
    config,
    directory,
    databasePath,
    ask: (line, source) => runtime.run(parseTextCommand(line, runtime.registry), source),
    close: async () => {
      await runtime.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
