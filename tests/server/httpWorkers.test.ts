// HTTP_WORKERS end to end: the compiled `paperbot start` as a real process tree (one primary, two
// node:cluster workers sharing PORT), answering signed Discord interactions and Slack slash
// commands; worker 0 alone runs the digest scheduler; a killed worker is replaced; SIGTERM stops
// them all. `npm test` builds dist/ before running the tests.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { papersInteractionBody } from '../../bench/httpLoad.js';
import { freePort } from '../../bench/startup.js';
import { startFakeSlack, type FakeSlack } from '../helpers/fakeSlack.js';

const BIN = resolve('bin/paperbot.js');
const SIGNING_SECRET = 'workers-test-signing-secret';
const keys = generateKeyPairSync('ed25519');
const publicKeyHex = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');

interface Health {
  status: string;
  pid: number;
  services: string[];
}

/** GET /healthz on a fresh connection each time, so the cluster can hand it to any worker. */
function health(port: number): Promise<Health | undefined> {
  return new Promise((done) => {
    const get = request({ host: '127.0.0.1', port, path: '/healthz', agent: false, headers: { connection: 'close' } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => done(response.statusCode === 200 ? (JSON.parse(body) as Health) : undefined));
    });
    get.on('error', () => done(undefined));
    // A connection handed to a worker at the moment it is killed is lost with it: ask again.
    get.setTimeout(1_000, () => get.destroy());
    get.end();
  });
}

/** Polls /healthz until `until` holds for what the workers have answered so far. */
async function workersSeen(port: number, until: (byPid: Map<number, Health>) => boolean): Promise<Map<number, Health>> {
  const byPid = new Map<number, Health>();
  const giveUp = Date.now() + 20_000;
  while (!until(byPid)) {
    if (Date.now() > giveUp) throw new Error(`the workers did not answer as expected; seen: ${JSON.stringify([...byPid.values()])}`);
    const answer = await health(port);
    if (answer !== undefined) byPid.set(answer.pid, answer);
    else await new Promise((wait) => setTimeout(wait, 50));
  }
  return byPid;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('HTTP_WORKERS=2', () => {
  let directory: string;
  let slack: FakeSlack;
  let port: number;
  let primary: ChildProcess;
  let stderr = '';

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'paperbot-workers-'));
    slack = await startFakeSlack();
    port = await freePort();
    primary = spawn(process.execPath, [BIN, 'start'], {
      cwd: resolve('.'),
      env: {
        PATH: process.env.PATH ?? '',
        HOME: directory,
        DATABASE_URL: join(directory, 'paperbot.sqlite'),
        PORT: String(port),
        HTTP_WORKERS: '2',
        LOG_LEVEL: 'warn',
        DISCORD_PUBLIC_KEY: publicKeyHex,
        DISCORD_APPLICATION_ID: '100000000000000001',
        SLACK_BOT_TOKEN: slack.botToken,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    primary.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  });

  afterAll(async () => {
    if (primary.exitCode === null) primary.kill('SIGKILL');
    await slack.close();
    rmSync(directory, { recursive: true, force: true });
  });

  let workers: Map<number, Health>;

  it('serves PORT from two processes; only worker 0 runs the digest scheduler', async () => {
    workers = await workersSeen(port, (seen) => seen.size === 2);
    expect([...workers.keys()]).not.toContain(primary.pid);
    const services = [...workers.values()].map((worker) => worker.services.join(', ')).sort();
    expect(services).toEqual(['discord, slack (http)', 'discord, slack (http), digests']);
  });

  it('answers signed Discord interactions and Slack slash commands', async () => {
    const body = papersInteractionBody('venue:NeurIPS year:2019');
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + body), keys.privateKey).toString('hex');
    const discord = await fetch(`http://127.0.0.1:${port}/discord/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp },
      body,
    });
    expect(discord.status).toBe(200);
    const answer = (await discord.json()) as { type: number; data: { embeds: { title: string }[] } };
    expect(answer.type).toBe(4);
    expect(answer.data.embeds.map((embed) => embed.title.replace(/^\d+\. /, '')).sort()).toEqual([
      'Implicit Semantic Data Augmentation for Deep Networks',
      'Regularized Anderson Acceleration for Off-Policy Deep Reinforcement Learning',
    ]);

    const form = new URLSearchParams({ team_id: 'T0TEST', channel_id: 'C0GENERAL', user_id: 'U0ALICE', user_name: 'alice', command: '/paper', text: 'GridMix', response_url: slack.newResponseUrl(), trigger_id: '1.2.3' }).toString();
    const slackSignature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${form}`).digest('hex')}`;
    const slash = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-signature': slackSignature, 'x-slack-request-timestamp': timestamp },
      body: form,
    });
    expect(slash.status).toBe(200);
    expect(String(((await slash.json()) as { text: string }).text)).toMatch(/^GridMix/);
  });

  it('replaces a worker that dies', async () => {
    const [victim] = [...workers.keys()];
    process.kill(victim ?? 0, 'SIGKILL');
    const after = await workersSeen(port, (seen) => [...seen.keys()].some((pid) => !workers.has(pid))).catch((error: unknown) => {
      throw new Error(`no replacement worker; the bot said: ${stderr}`, { cause: error });
    });
    const replacement = [...after.keys()].find((pid) => !workers.has(pid));
    expect(replacement).toBeDefined();
    expect(isAlive(victim ?? 0)).toBe(false);
    workers = await workersSeen(port, (seen) => seen.size === 2 && !seen.has(victim ?? 0));
    expect(stderr).toMatch(/an http worker died; starting another/);
  });

  it('stops every process on SIGTERM and exits 0', async () => {
    const exited = new Promise<number | null>((done) => primary.once('exit', (code) => done(code)));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of workers.keys()) expect(isAlive(pid), `worker ${pid}`).toBe(false);
  });
});

describe('HTTP_WORKERS without an HTTP endpoint', () => {
  it('refuses to start, saying what to set', () => {
    const result = spawnSync(process.execPath, [BIN, 'start'], {
      cwd: resolve('.'),
      env: { PATH: process.env.PATH ?? '', HTTP_WORKERS: '2', DISCORD_TOKEN: 'gateway-only-token', DATABASE_URL: ':memory:' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/HTTP_WORKERS is 2, but no HTTP endpoint is configured/);
    expect(result.stderr).toMatch(/DISCORD_PUBLIC_KEY/);
  });
});
