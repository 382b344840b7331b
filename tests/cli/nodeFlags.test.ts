// paperbot runs node with V8's background pool sized to the machine (bin/paperbot.js explains
// why). Three ways start it: the bin as an executable (npx, node_modules/.bin), `npm start`, and
// the benchmark; all must pass the same flags, or the benchmark measures a process users never run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { productionNodeFlags } from '../../bench/nodeFlags.js';

const BIN = resolve('bin/paperbot.js');
let directory = '';

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'paperbot-flags-'));
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe('node flags', () => {
  it('sizes V8 background threads to the machine in the bin and in npm start alike', () => {
    const flags = productionNodeFlags(BIN);
    expect(flags).toEqual(['--v8-pool-size=0']);
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toBe(`node ${flags.join(' ')} bin/paperbot.js start`);
  });

  it('runs the bin as an executable through its shebang', () => {
    const result = spawnSync(BIN, ['ask', '--json', '/papers year:2024'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: directory, DATABASE_URL: join(directory, 'paperbot.sqlite'), DATA_DIR: join(directory, 'data') },
      timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ command: 'papers', total: 7 });
  });

  it('refuses a bin whose first line is not a node shebang', () => {
    const script = join(directory, 'script.js');
    writeFileSync(script, '#!/bin/sh\necho hi\n');
    expect(() => productionNodeFlags(script)).toThrow(/expected a "#!\/usr\/bin\/env -S node/);
  });
});
