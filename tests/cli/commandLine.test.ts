// Command-line typos (an unknown option, an option without its value, a stray word) are user
// errors: exit 2 with the problem and the subcommand's usage on stderr, never a logged stack
// trace or "something went wrong on our side". Runs main() in-process with captured streams.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT_USER_ERROR, main } from '../../src/cli/main.js';

let directory = '';
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'paperbot-cli-args-'));
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

async function paperbot(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString('utf8')));
  const status = await main(args, { stdin: new PassThrough(), stdout, stderr, env: { DATABASE_URL: join(directory, 'paperbot.sqlite'), DATA_DIR: join(directory, 'data') } });
  return { status, stdout: out.join(''), stderr: err.join('') };
}

describe('command-line mistakes', () => {
  it.each([
    [['ask', '--jsn', '/papers year:2024'], "Unknown option '--jsn'.", 'Usage: paperbot ask'],
    [['ask', '--limit'], "Option '--limit <value>' argument missing", 'Usage: paperbot ask'],
    [['ask', '--limit', '0', '/papers'], '--limit must be a positive whole number.', 'e.g. --limit 10'],
    [['ingest', '--outt', 'x.json', 'page.txt'], "Unknown option '--outt'.", 'Usage: paperbot ingest'],
    [['digests', 'run', '--nOw'], "Unknown option '--nOw'.", 'Usage: paperbot digests run [--now]'],
    [['manifest', '--url'], "Option '--url <value>' argument missing", 'Usage: paperbot manifest'],
    [['register', 'now'], "Unexpected argument 'now'.", 'Usage: paperbot register [--dry-run]'],
  ])('paperbot %j exits 2 with the problem and the usage, without a stack trace', async (args, problem, hint) => {
    const result = await paperbot(args);
    expect(result.status).toBe(EXIT_USER_ERROR);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`paperbot: ${problem}`);
    expect(result.stderr).toContain(hint);
    expect(result.stderr).not.toContain('Something went wrong');
    expect(result.stderr).not.toMatch(/"stack"|\n\s+at /);
  });
});
