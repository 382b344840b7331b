// HTTP_WORKERS: several processes answering Discord's and Slack's HTTP requests on one PORT
// (node:cluster shares the listening socket), for a bot busier than one core can serve: checking
// a Discord request's Ed25519 signature alone takes ~0.1 ms of CPU. This primary process only
// supervises. Worker 0 runs everything the bot runs; the others serve only the HTTP endpoints,
// because a gateway connection, Socket Mode and the digest scheduler must run once per bot.
// The primary seeds the store and saves the index before forking, so each worker starts by
// restoring the saved index instead of every worker building the same one.
// @see https://nodejs.org/docs/latest-v20.x/api/cluster.html
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../core/logger.js';
import type { ServiceRole } from './platformServices.js';

/** Which worker a process is (0, 1, ...); set by the primary in each worker's environment. */
export const WORKER_INDEX_ENV = 'PAPERBOT_WORKER_INDEX';
/** A worker that dies is replaced after this pause (a crash loop must not spin the CPU). */
const RESTART_DELAY_MS = 1_000;
/** More replacements than this within a minute means the workers cannot run: stop them all. */
const MAX_RESTARTS_PER_MINUTE = 10;

/** What this process runs: everything, unless it is one of the extra HTTP workers. */
export function serviceRoleOfThisProcess(): ServiceRole {
  return cluster.isWorker && process.env[WORKER_INDEX_ENV] !== '0' ? 'http-only' : 'all';
}

export function isHttpWorkersPrimary(workers: number): boolean {
  return workers > 1 && cluster.isPrimary;
}

/**
 * Forks `count` workers running this same command, replaces any that die, and on SIGINT or
 * SIGTERM stops them all and resolves with the exit code for the primary. A worker exiting with
 * `configErrorExitCode` found a problem in the configuration: starting it again would not help,
 * so all stop with that code.
 */
export function superviseHttpWorkers(count: number, logger: Logger, configErrorExitCode: number): Promise<number> {
  return new Promise((resolve) => {
    const running = new Map<number, Worker>();
    const restarts: number[] = [];
    let stopping = false;
    let exitCode = 0;

    const finishIfDone = (): void => {
      if (stopping && running.size === 0) {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve(exitCode);
      }
    };
    const stop = (): void => {
      if (!stopping) logger.info('stopping http workers', { workers: running.size });
      stopping = true;
      for (const worker of running.values()) worker.process.kill('SIGTERM');
      finishIfDone();
    };
    const fork = (index: number): void => {
      const worker = cluster.fork({ [WORKER_INDEX_ENV]: String(index) });
      running.set(index, worker);
      worker.on('exit', (code, signal) => {
        running.delete(index);
        if (stopping) return finishIfDone();
        if (code === configErrorExitCode) {
          logger.error('an http worker stopped on a configuration error; stopping the others', { worker: index });
          exitCode = configErrorExitCode;
          return stop();
        }
        const now = Date.now();
        restarts.push(now);
        while ((restarts[0] ?? now) < now - 60_000) restarts.shift();
        if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
          logger.error('http workers keep dying; stopping', { restartsInLastMinute: restarts.length });
          exitCode = 1;
          return stop();
        }
        logger.error('an http worker died; starting another', { worker: index, code, signal });
        setTimeout(() => {
          if (!stopping) fork(index);
        }, RESTART_DELAY_MS);
      });
    };

    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    logger.info('starting http workers', { workers: count });
    for (let index = 0; index < count; index += 1) fork(index);
  });
}
