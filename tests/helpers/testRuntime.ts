// Builds a real runtime for tests: a fresh SQLite file in a temp folder, seeded from the bundled
// corpus, with a fixed clock and a seeded random source so replies are reproducible.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PaperbotRuntime, type InvocationSource, type RuntimeOptions } from '../../src/app/runtime.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { CommandOutcome } from '../../src/core/commands/command.js';
import { parseTextCommand } from '../../src/core/commands/textCommand.js';
import { readCorpusFile } from '../../src/core/ingest/corpusFile.js';
import { silentLogger } from '../../src/core/logger.js';
import { seededRandom as seededStream } from '../../bench/syntheticCorpus.js';
import { SqliteStore } from '../../src/core/store/sqliteStore.js';

export const TERMINAL_SOURCE: InvocationSource = { platform: 'terminal', user: { id: 'tester', canManageChannel: true }, channelId: 'C-test' };

export interface TestRuntime {
  runtime: PaperbotRuntime;
  config: Config;
  directory: string;
  /** Runs a text command ("/papers year:2024") as the terminal would. */
  ask(line: string, source?: InvocationSource): Promise<CommandOutcome>;
  close(): Promise<void>;
}

/** The benchmark's seeded PRNG (mulberry32), so /random picks the same paper in every run. */
export function seededRandom(seed = 42): () => number {
  return seededStream(seed);
}

export interface TestStoreOptions {
  /**
   * Put the bundled corpus in the store as if ingested at this moment, before the runtime starts
   * (which only seeds an empty store, at the current time), so "new since" never depends on today.
   */
  corpusSeenAt?: Date;
}

export async function startTestRuntime(env: Record<string, string> = {}, options: RuntimeOptions = {}, storeOptions: TestStoreOptions = {}): Promise<TestRuntime> {
  const directory = mkdtempSync(join(tmpdir(), 'paperbot-test-'));
  const config = loadConfig({ DATABASE_URL: join(directory, 'paperbot.sqlite'), DATA_DIR: join(directory, 'data'), ...env });
  if (storeOptions.corpusSeenAt !== undefined) {
    const store = new SqliteStore(config.databaseUrl);
    await store.migrate();
    await store.upsertPapers((await readCorpusFile(config.papersPath)).papers, storeOptions.corpusSeenAt);
    await store.close();
  }
  const runtime = await PaperbotRuntime.start(config, silentLogger, {
    random: seededRandom(),
    now: () => new Date('2026-12-04T12:00:00Z'),
    ...options,
  });
  return {
    runtime,
    config,
    directory,
    ask: async (line, source = TERMINAL_SOURCE) => {
      const invocation = parseTextCommand(line, runtime.registry);
      return runtime.run(invocation, source);
    },
    close: async () => {
      await runtime.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
