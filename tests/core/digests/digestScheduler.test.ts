// The running bot's digest scheduler: a run every poll interval, surviving a failed run, stopping
// promptly; and the service loader that starts it only when some platform can be posted to.
import { describe, expect, it } from 'vitest';
import { loadDigestService } from '../../../src/app/digestService.js';
import { loadConfig } from '../../../src/config.js';
import type { DigestRunReport } from '../../../src/core/digests/digestRunner.js';
import { DigestScheduler } from '../../../src/core/digests/digestScheduler.js';
import { createJsonLogger, silentLogger } from '../../../src/core/logger.js';
import { startTestRuntime } from '../../helpers/testRuntime.js';

const EMPTY_REPORT: DigestRunReport = { claimed: 0, digests: 0, messages: 0, papers: 0, empty: 0, paused: [], deferred: [] };

describe('DigestScheduler', () => {
  it('runs, waits the poll interval, runs again after a failed run, and stops', async () => {
    let runs = 0;
    const waits: number[] = [];
    const logged: string[] = [];
    let stopScheduler: () => void = () => undefined;
    let stopped: Promise<void> = Promise.resolve();
    const scheduler = new DigestScheduler(
      {
        run: async () => {
          runs += 1;
          if (runs === 2) throw new Error('database briefly away');
          if (runs === 3) stopScheduler();
          return EMPTY_REPORT;
        },
      },
      {
        intervalMs: 30_000,
        logger: createJsonLogger('error', (line) => logged.push(line)),
        sleep: async (ms) => {
          waits.push(ms);
        },
      },
    );
    const thirdRun = new Promise<void>((resolve) => {
      stopScheduler = () => {
        stopped = scheduler.stop();
        resolve();
      };
    });
    scheduler.start();
    await thirdRun;
    await stopped;
    expect(runs).toBe(3);
    expect(waits).toEqual([30_000, 30_000, 30_000]);
    expect(logged.some((line) => line.includes('digest run failed') && line.includes('database briefly away'))).toBe(true);
  });
});

describe('loadDigestService', () => {
  it('starts the scheduler only when a platform token is configured, polling every DIGEST_POLL_SECONDS', async () => {
    const bot = await startTestRuntime();
    try {
      expect(await loadDigestService(bot.runtime, loadConfig({}), silentLogger)).toBeUndefined();
      const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', DIGEST_POLL_SECONDS: '5' });
      const service = await loadDigestService(bot.runtime, config, silentLogger);
      expect(service?.name).toBe('digests');
      await service?.start();
      await service?.stop();
    } finally {
      await bot.close();
    }
  });
});
