// A digest run in a process of its own, for the multi-process tests: the real runner against the
// DATABASE_URL store, posting to DISCORD_API_URL / SLACK_API_URL. It reports READY on stdout,
// waits for a line on stdin (so several workers start together), runs, and prints its report.
// CRASH_AT=claimed|posted kills the process with SIGKILL at that step, as a crash would.
import { createInterface } from 'node:readline';
import { createDigestPosters } from '../../../src/app/digestService.js';
import { openStore } from '../../../src/app/openStore.js';
import { loadConfig } from '../../../src/config.js';
import { PaperCatalog } from '../../../src/core/catalog.js';
import { DigestRunner } from '../../../src/core/digests/digestRunner.js';
import { silentLogger } from '../../../src/core/logger.js';

const config = loadConfig(process.env);
const now = new Date(process.env.WORKER_NOW ?? new Date().toISOString());
const crashAt = process.env.CRASH_AT;
const store = await openStore(config.databaseUrl);
const catalog = await PaperCatalog.open(store, { logger: silentLogger });
const runner = new DigestRunner({
  store,
  catalog,
  posters: createDigestPosters(config, silentLogger),
  logger: silentLogger,
  now: () => now,
  batchSize: Number(process.env.DIGEST_BATCH ?? '10'),
  concurrency: Number(process.env.DIGEST_CONCURRENCY ?? '16'),
  observer: (event) => {
    if (event.type === crashAt) process.kill(process.pid, 'SIGKILL');
  },
});

process.stdout.write('READY\n');
const lines = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.once('line', () => resolve()));
lines.close();
const report = await runner.run({ force: process.env.WORKER_FORCE === '1' });
process.stdout.write(`${JSON.stringify(report)}\n`);
await store.close();
