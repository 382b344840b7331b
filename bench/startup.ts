// Whole-process start-up as users meet it: `paperbot ask` from launch to exit, the terminal chat
// from launch to its first reply, and the bot server from launch to GET /healthz answering. Each is
// a real `node bin/paperbot.js` child process; "cold" is the first run on a store whose search
// index file does not exist yet (large corpora build and save it), "warm" the runs after it.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { searchIndexDirectory } from '../src/app/runtime.js';
import { productionNodeFlags } from './nodeFlags.js';
import { percentile } from './queryMix.js';

const ROOT = new URL('../../', import.meta.url);
const BIN = new URL('bin/paperbot.js', ROOT).pathname;
/** A long-running bot or chat as `npm start` runs it; `paperbot ask` runs as npx does, with no flags. */
const NPM_START = [...productionNodeFlags(), BIN];

export interface StartupResult {
  engine: string;
  askColdMs: number;
  askWarmMs: number;
  terminalMs: number;
  serverMs: number;
}

export interface StartupOptions {
  databaseUrl: string;
  papersPath: string;
  runs: number;
}

export async function measureStartup(options: StartupOptions): Promise<StartupResult> {
  const env = { ...process.env, DATABASE_URL: options.databaseUrl, PAPERS_PATH: options.papersPath, LOG_LEVEL: 'silent' };
  const indexDirectory = searchIndexDirectory(options.databaseUrl);
  if (indexDirectory !== undefined) rmSync(indexDirectory, { recursive: true, force: true });
  const askColdMs = await timeAsk(env);
  const warm: number[] = [];
  const terminal: number[] = [];
  const server: number[] = [];
  for (let run = 0; run < options.runs; run += 1) {
    warm.push(await timeAsk(env));
    terminal.push(await timeTerminal(env));
    server.push(await timeServer(env));
  }
  return {
    engine: 'bm25, index file',
    askColdMs,
    askWarmMs: percentile(warm, 50),
    terminalMs: percentile(terminal, 50),
    serverMs: percentile(server, 50),
  };
}

function timeAsk(env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, 'ask', '--json', '/papers year:2024'], { env, cwd: ROOT.pathname, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`paperbot ask failed (${code}): ${errors}`))));
  });
}

function timeTerminal(env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...NPM_START, 'start'], { env, cwd: ROOT.pathname, stdio: ['pipe', 'pipe', 'ignore'] });
    let answered: number | undefined;
    child.stdout.once('data', () => {
      answered = performance.now() - started;
    });
    child.stdout.resume();
    child.stdin.end('/papers year:2024\n');
    child.on('error', reject);
    child.on('close', () => (answered === undefined ? reject(new Error('the terminal chat printed nothing')) : resolve(answered)));
  });
}

async function timeServer(env: NodeJS.ProcessEnv): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  // A public key alone starts the HTTP interactions endpoint without a gateway connection.
  const child = spawn(process.execPath, [...NPM_START, 'start'], {
    env: { ...env, PORT: String(port), DISCORD_PUBLIC_KEY: randomBytes(32).toString('hex'), DISCORD_APPLICATION_ID: '100000000000000001' },
    cwd: ROOT.pathname,
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
      if (await healthy(port)) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('close', resolve));
  }
}

export function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = request({ host: '127.0.0.1', port, path: '/healthz', timeout: 500 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    probe.on('error', () => resolve(false));
    probe.on('timeout', () => {
      probe.destroy();
      resolve(false);
    });
    probe.end();
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
