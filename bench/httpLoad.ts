// HTTP throughput of the bot server: the real `paperbot start` process with the Discord
// interactions endpoint and the Slack events endpoint, loaded with correctly signed requests by
// autocannon in a third process over loopback. Discord requests are Ed25519-signed /papers
// interactions; Slack requests are HMAC-signed /papers slash commands. Replies the bot sends back
// to Discord's and Slack's APIs go to a small fake API in this process that answers 200.
// @see https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
// @see https://docs.slack.dev/authentication/verifying-requests-from-slack
import { spawn } from 'node:child_process';
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { productionNodeFlags } from './nodeFlags.js';
import { freePort, healthy } from './startup.js';

const ROOT = new URL('../../', import.meta.url);
const SIGNING_SECRET = 'bench-signing-secret';

export interface HttpResult {
  name: string;
  /** Server processes (HTTP_WORKERS). */
  workers: number;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

export interface HttpOptions {
  databaseUrl: string;
  papersPath: string;
  durationSeconds: number;
  connections?: number;
  /** HTTP_WORKERS for the server (default 1). */
  workers?: number;
  /** Extra node flags for the server process, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] to see where its time goes. */
  serverNodeArgs?: string[];
}

/** Results for each endpoint the checkout has; none when the server offers neither. */
export async function measureHttpThroughput(options: HttpOptions): Promise<HttpResult[]> {
  const fakeApi = await startFakePlatformApi();
  const apiUrl = `http://127.0.0.1:${(fakeApi.address() as AddressInfo).port}`;
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyHex = (publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32).toString('hex');
  const port = await freePort();
  const server = spawn(process.execPath, [...productionNodeFlags(), ...(options.serverNodeArgs ?? []), new URL('bin/paperbot.js', ROOT).pathname, 'start'], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PAPERS_PATH: options.papersPath,
      PORT: String(port),
      LOG_LEVEL: 'error',
      HTTP_WORKERS: String(options.workers ?? 1),
      DISCORD_PUBLIC_KEY: publicKeyHex,
      DISCORD_APPLICATION_ID: '100000000000000001',
      DISCORD_API_URL: `${apiUrl}/api`,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `${apiUrl}/slack/api/`,
    },
    cwd: ROOT.pathname,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let serverErrors = '';
  server.stderr.on('data', (chunk: Buffer) => (serverErrors += chunk.toString()));
  try {
    const deadline = Date.now() + 60_000;
    while (!(await healthy(port))) {
      if (server.exitCode !== null || Date.now() > deadline) throw new Error(`the bot server did not start: ${serverErrors.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const base = `http://127.0.0.1:${port}`;
    const connections = options.connections ?? 50;
    const results: HttpResult[] = [];

    const timestamp = String(Math.floor(Date.now() / 1000));
    const discordBody = papersInteractionBody('linear attention year:2024');
    const discordSignature = sign(null, Buffer.from(timestamp + discordBody), privateKey).toString('hex');
    if (await endpointExists(`${base}/discord/interactions`)) {
      results.push(
        await autocannon('Discord interaction /papers (POST /discord/interactions)', options.workers ?? 1, `${base}/discord/interactions`, connections, options.durationSeconds, discordBody, {
          'content-type': 'application/json',
          'x-signature-ed25519': discordSignature,
          'x-signature-timestamp': timestamp,
        }),
      );
    }

    const slackBody = new URLSearchParams({
      token: 'legacy',
      team_id: 'T0BENCH',
      team_domain: 'bench',
      channel_id: 'C0BENCH',
      channel_name: 'papers',
      user_id: 'U0BENCH',
      user_name: 'bench',
      command: '/papers',
      text: 'linear attention year:2024',
      api_app_id: 'A0BENCH',
      response_url: `${apiUrl}/slack/response`,
      trigger_id: '1.2.3',
    }).toString();
    const slackSignature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${slackBody}`).digest('hex')}`;
    if (await endpointExists(`${base}/slack/events`)) {
      results.push(
        await autocannon('Slack slash command /papers (POST /slack/events)', options.workers ?? 1, `${base}/slack/events`, connections, options.durationSeconds, slackBody, {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-signature': slackSignature,
          'x-slack-request-timestamp': timestamp,
        }),
      );
    }
    return results;
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('close', resolve));
    await new Promise((resolve) => fakeApi.close(resolve));
  }
}

/** A `/papers query:…` slash command as Discord posts it to an interactions endpoint (application 100000000000000001). */
export function papersInteractionBody(query: string): string {
  return JSON.stringify({
    id: '200000000000000001',
    type: 2,
    application_id: '100000000000000001',
    token: 'bench-interaction-token',
    channel_id: '300000000000000001',
    guild_id: '400000000000000001',
    member: { user: { id: '500000000000000001', username: 'bench' }, permissions: '8' },
    data: { name: 'papers', type: 1, options: [{ name: 'query', type: 3, value: query }] },
  });
}

/** The route is served when an unsigned POST gets anything but 404. */
async function endpointExists(url: string): Promise<boolean> {
  const response = await fetch(url, { method: 'POST', body: '{}' });
  return response.status !== 404;
}

function autocannon(name: string, workers: number, url: string, connections: number, seconds: number, body: string, headers: Record<string, string>): Promise<HttpResult> {
  const args = [new URL('node_modules/autocannon/autocannon.js', ROOT).pathname, '--json', '-c', String(connections), '-d', String(seconds), '-m', 'POST', '-b', body];
  for (const [header, value] of Object.entries(headers)) args.push('-H', `${header}=${value}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', () => {
      try {
        const report = JSON.parse(output) as { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number };
        resolve({ name, workers, connections, requestsPerSecond: report.requests.average, p50Ms: report.latency.p50, p99Ms: report.latency.p99, non2xx: report.non2xx, errors: report.errors });
      } catch (error) {
        reject(new Error(`autocannon gave no report: ${String(error)} ${output.slice(0, 500)}`));
      }
    });
  });
}

/** Discord REST and Slack Web API stand-in: every call succeeds. */
function startFakePlatformApi(): Promise<Server> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const slack = request.url?.startsWith('/slack/') === true;
      const body = slack ? { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0BENCH', url: 'https://bench.slack.com/', ts: '1.000001', channel: 'C0BENCH' } : { id: '600000000000000001' };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
