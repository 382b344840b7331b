// One build per index file among the processes of one bot (HTTP_WORKERS): they all see a corpus
// change at the same moment, and each building the same index would spend the same CPU seconds
// (20 s at 100k papers) on every core at once. The first to create `<file>.lock` builds; the
// others wait for the file. A lock left by a process that died mid-build goes stale and is taken over.
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface BuildLockOptions {
  /** A lock older than this is taken over. */
  staleAfterMs?: number;
  /** How often a waiting process looks for the file. */
  pollMs?: number;
}

/** Runs `build` (which writes `file`; true when it did) unless the file exists or another process is writing it. */
export async function buildOnceWithLock(file: string, build: () => Promise<boolean>, options: BuildLockOptions = {}): Promise<boolean> {
  const lock = `${file}.lock`;
  const staleAfterMs = options.staleAfterMs ?? 15 * 60_000;
  for (;;) {
    if (existsSync(file)) return true;
    if (takeLock(lock, staleAfterMs)) break;
    await sleep(options.pollMs ?? 250);
  }
  try {
    return existsSync(file) || (await build());
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Creates the lock file; false while another process holds a fresh one. */
function takeLock(lock: string, staleAfterMs: number): boolean {
  mkdirSync(dirname(lock), { recursive: true });
  try {
    closeSync(openSync(lock, 'wx'));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const modified = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (Date.now() - modified > staleAfterMs) rmSync(lock, { force: true });
    return false;
  }
}
