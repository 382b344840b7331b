// A long-running paperbot runs node with V8's background pool sized to the machine
// (bench/nodeFlags.ts explains why): `npm start` passes the flag and the benchmark reads it from
// there. The bin itself keeps a plain `env node` shebang, which every system's env understands.
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
  it('sizes V8 background threads to the machine in npm start, the flags the benchmark uses', () => {
    expect(productionNodeFlags(resolve('package.json'))).toEqual(['--v8-pool-size=0']);
    expect(readFileSync(BIN, 'utf8').split('\n', 1)[0]).toBe('#!/usr/bin/env node');
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

  it('refuses a start script it cannot read flags from', () => {
    const manifest = join(directory, 'package.json');
    writeFileSync(manifest, JSON.stringify({ scripts: { start: 'tsx src/cli/entry.ts start' } }));
    expect(() => productionNodeFlags(manifest)).toThrow(/expected a start script "node \[--flag…\] bin\/paperbot\.js start"/);
  });
});
