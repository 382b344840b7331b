// The running bot's own digest scheduler: a digest run every poll interval until stopped. Several
// instances may each run one; the store's leases keep them from posting the same digest twice.
import type { Logger } from '../logger.js';
import type { DigestRunner } from './digestRunner.js';

/** Waits `ms`, or less when the signal aborts (so stop() does not wait out a whole interval). */
export type AbortableSleep = (ms: number, signal: AbortSignal) => Promise<void>;

const abortableSleep: AbortableSleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

export class DigestScheduler {
  private readonly controller = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(
    private readonly runner: Pick<DigestRunner, 'run'>,
    private readonly options: { intervalMs: number; logger: Logger; sleep?: AbortableSleep },
  ) {}

  start(): void {
    this.loop ??= this.runForever();
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.loop;
  }

  private async runForever(): Promise<void> {
    const sleep = this.options.sleep ?? abortableSleep;
    const { signal } = this.controller;
    while (!signal.aborted) {
      try {
        await this.runner.run();
      } catch (error) {
        // The database being briefly away must not end the scheduler; the next tick tries again.
        this.options.logger.error('digest run failed', { error });
      }
      await sleep(this.options.intervalMs, signal);
    }
  }
}
