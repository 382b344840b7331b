// One build per index file among the processes of one bot (HTTP_WORKERS): they all see a corpus
// change at the same moment, and each building the same index would spend the same CPU seconds
// (20 s at 100k papers) on every core at once. The first to create `<file>.lock` builds; the
// others wait for the file. The lock names its holder (host and process id): a lock left by a
// process that died mid-build (a killed `paperbot ingest`, a crashed bot) is taken over as soon as
// that process is gone, and any lock once it is old.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
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

/** Creates the lock file naming this process; false while another live process holds a fresh one. */
function takeLock(lock: string, staleAfterMs: number): boolean {
  mkdirSync(dirname(lock), { recursive: true });
  try {
    const descriptor = openSync(lock, 'wx');
    try {
      writeSync(descriptor, `${hostname()} ${process.pid}\n`);
    } finally {
      closeSync(descriptor);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const modified = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (Date.now() - modified > staleAfterMs || holderIsGone(lock)) rmSync(lock, { force: true });
    return false;
  }
}

/** True when the lock names a process of this host that no longer runs; false when unsure (another host, no name yet). */
function holderIsGone(lock: string): boolean {
  let holder: string;
  try {
    holder = readFileSync(lock, 'utf8');
  } catch {
    return false;
  }
  const [host, pid] = holder.trim().split(' ');
  if (host !== hostname() || pid === undefined || !/^\d+$/.test(pid)) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
