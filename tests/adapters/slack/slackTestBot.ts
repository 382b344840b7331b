// Test set-up shared by the Slack adapter tests: the project's own start-up path (loadConfig ->
// PaperbotRuntime.start -> startPlatformServices) on a loopback port, with the Web API pointed at
// a fake Slack, plus requests signed with the signing secret exactly as Slack signs them.
import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPlatformServices, type RunningServices } from '../../../src/app/platformServices.js';
import { PaperbotRuntime } from '../../../src/app/runtime.js';
import { loadConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/core/logger.js';
import type { Paper } from '../../../src/core/paper.js';
import { ACK_ANSWER_HEADER, startFakeSlack, type FakeSlack } from '../../helpers/fakeSlack.js';

export const SIGNING_SECRET = 'test-signing-secret-8f14e45fceea167a';
export const BUNDLED_CORPUS = fileURLToPath(new URL('../../../data/papers.json', import.meta.url));

export interface SlackTestBot {
  slack: FakeSlack;
  runtime: PaperbotRuntime;
  running: RunningServices;
  /** http://127.0.0.1:PORT of the shared server (HTTP mode only). */
  baseUrl: string;
  stop(): Promise<void>;
}

export interface SlackTestBotOptions {
  socketMode?: boolean;
  /** Papers added to the bundled corpus (e.g. with hostile titles). */
  extraPapers?: Paper[];
  env?: Record<string, string>;
}

export async function startSlackTestBot(options: SlackTestBotOptions = {}): Promise<SlackTestBot> {
  const slack = await startFakeSlack();
  const directory = await mkdtemp(join(tmpdir(), 'paperbot-slack-'));
  let papersPath = BUNDLED_CORPUS;
  if (options.extraPapers !== undefined) {
    const corpus = JSON.parse(await readFile(BUNDLED_CORPUS, 'utf8')) as { papers: Paper[] };
    corpus.papers.push(...options.extraPapers);
    papersPath = join(directory, 'papers.json');
    await writeFile(papersPath, JSON.stringify(corpus));
  }
  const config = loadConfig({
    DATABASE_URL: join(directory, 'paperbot.sqlite'),
    PAPERS_PATH: papersPath,
    PORT: '0',
    SLACK_BOT_TOKEN: slack.botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    ...(options.socketMode === true ? { SLACK_APP_TOKEN: slack.appToken } : {}),
    ...options.env,
  });
  const runtime = await PaperbotRuntime.start(config, silentLogger, { random: () => 0 });
  let running: RunningServices;
  try {
    running = await startPlatformServices(runtime, config, silentLogger);
  } catch (error) {
    await runtime.close();
    await slack.close();
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  return {
    slack,
    runtime,
    running,
    baseUrl: `http://127.0.0.1:${running.port ?? 0}`,
    async stop() {
      await running.stop();
      await runtime.close();
      await slack.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** Slack's v0 signature: HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret. */
export function slackSignature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export interface SignedPostOptions {
  timestamp?: number;
  secret?: string;
  /** Drop these headers (e.g. to test a missing signature). */
  omitHeaders?: string[];
  /** Sign one body and send another (a body changed in transit). */
  sendBody?: string;
}

export async function postSigned(baseUrl: string, body: string, options: SignedPostOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? nowSeconds();
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(body, timestamp, options.secret),
  };
  for (const name of options.omitHeaders ?? []) delete headers[name];
  const response = await fetch(`${baseUrl}/slack/events`, { method: 'POST', headers, body: options.sendBody ?? body });
  // As Slack does: a message in the answer to a slash command is shown as if posted to its
  // response_url, so it is handed to the fake there (marked as an ack answer).
  const answer = await response.text();
  const form = new URLSearchParams(body);
  const responseUrl = form.get('response_url');
  if (response.ok && form.has('command') && responseUrl !== null && answer !== '' && (response.headers.get('content-type') ?? '').includes('json')) {
    await fetch(responseUrl, { method: 'POST', headers: { 'content-type': 'application/json', [ACK_ANSWER_HEADER]: '1' }, body: answer });
  }
  return new Response(answer === '' ? null : answer, { status: response.status, headers: response.headers });
}

export interface SlashCommandFields {
  command: string;
  text: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
}

/** A slash command body as Slack sends it (form-urlencoded). */
export function slashCommandBody(fields: SlashCommandFields): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0TEST',
    team_domain: 'fake',
    channel_id: fields.channelId ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: fields.userId ?? 'U0ALICE',
    user_name: 'alice',
    command: fields.command,
    text: fields.text,
    api_app_id: 'A0TEST',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: '1111.2222.3333',
  }).toString();
}

export interface BlockActionFields {
  actionId: string;
  value: string;
  responseUrl: string;
  isEphemeral: boolean;
  userId?: string;
  channelId?: string;
}

/** The block_actions payload object Slack sends when a button is pressed. */
export function blockActionPayload(fields: BlockActionFields): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: fields.userId ?? 'U0ALICE', username: 'alice', name: 'alice', team_id: 'T0TEST' },
    api_app_id: 'A0TEST',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: fields.channelId ?? 'C0GENERAL', is_ephemeral: fields.isEphemeral },
    trigger_id: '1111.2222.4444',
    team: { id: 'T0TEST', domain: 'fake' },
    channel: { id: fields.channelId ?? 'C0GENERAL', name: 'general' },
    response_url: fields.responseUrl,
    actions: [{ type: 'button', action_id: fields.actionId, block_id: 'b1', text: { type: 'plain_text', text: 'x' }, value: fields.value, action_ts: '1700000001.000200' }],
  };
}

/** Interactive payloads arrive form-encoded as `payload=<json>`. */
export function blockActionBody(fields: BlockActionFields): string {
  return new URLSearchParams({ payload: JSON.stringify(blockActionPayload(fields)) }).toString();
}

/** Every string anywhere in a JSON value, for checks over a whole message. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(allStrings);
  return [];
}

export interface SlackButtonJson {
  action_id: string;
  value: string;
  text: { text: string };
}

/** The buttons of a rendered message, in order. */
export function buttonsOf(message: Record<string, unknown>): SlackButtonJson[] {
  const blocks = (message.blocks ?? []) as { type: string; elements?: SlackButtonJson[] }[];
  return blocks.filter((block) => block.type === 'actions').flatMap((block) => block.elements ?? []);
}

/**
 * The mrkdwn a message carries: the fallback `text` and every mrkdwn text object in its blocks,
 * i.e. the text Slack parses for mentions and links. plain_text (headers, button labels) is shown
 * as written and never parsed for mentions.
 */
export function mrkdwnTexts(message: { text?: unknown; blocks?: unknown }): string[] {
  const texts: string[] = typeof message.text === 'string' ? [message.text] : [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      const object = value as Record<string, unknown>;
      if (object.type === 'mrkdwn' && typeof object.text === 'string') texts.push(object.text);
      Object.values(object).forEach(walk);
    }
  };
  walk(message.blocks);
  return texts;
}
