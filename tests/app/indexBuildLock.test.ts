// Several processes of one bot rebuilding the same index: one builds, the others wait for its file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildOnceWithLock } from '../../src/app/indexBuildLock.js';

const directory = mkdtempSync(join(tmpdir(), 'paperbot-lock-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('buildOnceWithLock', () => {
  it('builds when nobody else is, and leaves no lock behind', async () => {
    const file = join(directory, 'a.bin');
    const build = vi.fn(async () => {
      expect(existsSync(`${file}.lock`)).toBe(true);
      writeFileSync(file, 'index');
      return true;
    });
    expect(await buildOnceWithLock(file, build)).toBe(true);
    expect(build).toHaveBeenCalledTimes(1);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('does not build a file that exists', async () => {
    const file = join(directory, 'b.bin');
    writeFileSync(file, 'index');
    const build = vi.fn(async () => true);
    expect(await buildOnceWithLock(file, build)).toBe(true);
    expect(build).not.toHaveBeenCalled();
  });

  it('waits for the file while another process holds the lock, without building it again', async () => {
    const file = join(directory, 'c.bin');
    writeFileSync(`${file}.lock`, '');
    const build = vi.fn(async () => true);
    const waiting = buildOnceWithLock(file, build, { pollMs: 5 });
    // The other process finishes: its file appears and its lock goes.
    setTimeout(() => {
      writeFileSync(file, 'index');
      rmSync(`${file}.lock`);
    }, 30);
    expect(await waiting).toBe(true);
    expect(build).not.toHaveBeenCalled();
  });

  it('takes over a stale lock left by a process that died while building', async () => {
    const file = join(directory, 'd.bin');
    writeFileSync(`${file}.lock`, '');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(`${file}.lock`, anHourAgo, anHourAgo);
    const build = vi.fn(async () => {
      writeFileSync(file, 'index');
      return true;
    });
    expect(await buildOnceWithLock(file, build, { pollMs: 5 })).toBe(true);
    expect(build).toHaveBeenCalledTimes(1);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('takes over at once a lock whose process is gone (a killed ingest), and waits for a live one', async () => {
    const file = join(directory, 'f.bin');
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(`${file}.lock`, `${hostname()} ${gone}\n`);
    const build = vi.fn(async () => {
      expect(readFileSync(`${file}.lock`, 'utf8')).toBe(`${hostname()} ${process.pid}\n`);
      writeFileSync(file, 'index');
      return true;
    });
    expect(await buildOnceWithLock(file, build, { pollMs: 5 })).toBe(true);
    expect(build).toHaveBeenCalledTimes(1);

    const other = join(directory, 'g.bin');
    writeFileSync(`${other}.lock`, `${hostname()} ${process.pid}\n`);
    const notBuilt = vi.fn(async () => true);
    const waiting = buildOnceWithLock(other, notBuilt, { pollMs: 5 });
    setTimeout(() => writeFileSync(other, 'index'), 50);
    expect(await waiting).toBe(true);
    expect(notBuilt).not.toHaveBeenCalled();
  });

  it('releases the lock when the build fails', async () => {
    const file = join(directory, 'e.bin');
    await expect(buildOnceWithLock(file, async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});
