// End to end through the real adapters: a channel manager subscribes with a signed Slack slash
// command / a Discord interaction (discord.js against the loopback Discord), a new Arrow page is
// ingested, and `paperbot digests run --now` (the cron path, its own process state) posts the
// digest. The channel sees exactly one message with exactly the new matching papers; a second
// run posts nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestIntoStore } from '../../../src/app/ingestIntoStore.js';
import { startPlatformServices, type RunningServices } from '../../../src/app/platformServices.js';
import { main } from '../../../src/cli/main.js';
import { silentLogger } from '../../../src/core/logger.js';
import { postSigned, slashCommandBody, startSlackTestBot, type SlackTestBot } from '../../adapters/slack/slackTestBot.js';
import { FAKE_CHANNEL_ID, FakeDiscord } from '../../helpers/fakeDiscord.js';
import { startTestRuntime, type TestRuntime } from '../../helpers/testRuntime.js';

const NEW_MATCHING = ['Digest Test: Sparse Attention Arrives', 'Digest Test: Quiet Results in Reinforcement Learning'];
const NEW_OTHER = 'Digest Test: A Convex Optimisation Paper';

/** A small Arrow author-cluster page (the format of data/sources/*.txt) with three new papers. */
function writeArrowPage(directory: string): string {
  const paper = (venueLine: string, title: string, authors: string[], abstract: string): string =>
    [venueLine, '', title, '', ...authors.map((author) => `  • ${author}`), '', abstract, ''].join('\n');
  const text = [
    'Arrow Research search',
    '',
    'Author name cluster',
    '',
    'Digest Tester',
    '',
    'Possible papers associated with this exact author name in Arrow.',
    '',
    '3 papers',
    '1 author rows',
    '',
    'Possible papers',
    '',
    '3',
    '',
    paper('NeurIPS Conference 2026 Conference Paper', NEW_MATCHING[0]!, ['Digest Tester', 'Ada Lovelace'], 'We make attention sparse. Code: https://github.com/example/sparse-attention.'),
    paper('NeurIPS Conference 2026 Conference Paper', NEW_MATCHING[1]!, ['Digest Tester'], 'Negative results are results too.'),
    paper('ICML Conference 2026 Conference Paper', NEW_OTHER, ['Digest Tester'], 'A convex optimisation method.'),
  ].join('\n');
  const path = join(directory, 'digest-test-page.txt');
  writeFileSync(path, text);
  return path;
}

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return { stream: new Writable({ write: (chunk: Buffer, _encoding, done) => void (chunks.push(chunk.toString()), done()) }), text: () => chunks.join('') };
}

/** `paperbot digests run --now` with this environment; returns what it printed. */
async function runDigestsCli(env: Record<string, string>): Promise<string> {
  const stdout = capture();
  const stderr = capture();
  const code = await main(['digests', 'run', '--now'], { stdin: process.stdin, stdout: stdout.stream, stderr: stderr.stream, env: { LOG_LEVEL: 'silent', ...env } });
  expect(stderr.text()).toBe('');
  expect(code).toBe(0);
  return stdout.text();
}

let pageDirectory: string;
beforeAll(() => {
  pageDirectory = mkdtempSync(join(tmpdir(), 'paperbot-digest-page-'));
});
afterAll(() => {
  rmSync(pageDirectory, { recursive: true, force: true });
});

describe('Slack: signed /subscribe, ingest, digests run', () => {
  let bot: SlackTestBot;
  beforeAll(async () => {
    bot = await startSlackTestBot({ env: { SLACK_SUBSCRIPTION_MANAGERS: 'U0ALICE', DIGEST_POLL_SECONDS: '86400' } });
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('posts exactly one message with exactly the new matching papers, then nothing', async () => {
    const responseUrl = bot.slack.newResponseUrl();
    const body = slashCommandBody({ command: '/subscribe', text: 'venue:NeurIPS every:day at:08:00 tz:Europe/Berlin', responseUrl, userId: 'U0ALICE', channelId: 'C0DIGEST' });
    expect((await postSigned(bot.baseUrl, body)).status).toBe(200);
    const [reply] = await bot.slack.waitForResponses(responseUrl);
    expect(String(reply?.text)).toMatch(/^Subscribed this channel to `venue:NeurIPS` \(#\d+\): a digest every day at 08:00 \(Europe\/Berlin\)/);

    const report = await ingestIntoStore(bot.runtime.store, [writeArrowPage(pageDirectory)]);
    expect(report.added).toHaveLength(3);

    const env = {
      DATABASE_URL: bot.runtime.config.databaseUrl,
      SLACK_BOT_TOKEN: bot.slack.botToken,
      SLACK_SIGNING_SECRET: 'unused-by-digests',
      SLACK_API_URL: bot.slack.apiUrl,
    };
    const postsBefore = bot.slack.callsTo('chat.postMessage').length;
    expect(await runDigestsCli(env)).toBe('Digests: 1 sent (1 message, 2 papers), 0 with nothing new.\n');
    const posts = bot.slack.callsTo('chat.postMessage').slice(postsBefore);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.params.channel).toBe('C0DIGEST');
    const text = String(posts[0]?.params.text);
    const titles = [...text.matchAll(/^• \*(?:<[^|]+\|)?([^>*]+)>?\*/gm)].map((match) => match[1]);
    expect(titles.sort()).toEqual([...NEW_MATCHING].sort());
    expect(text).toContain('<https://github.com/example/sparse-attention>');

    expect(await runDigestsCli(env)).toBe('Digests: 0 sent (0 messages, 0 papers), 1 with nothing new.\n');
    expect(bot.slack.callsTo('chat.postMessage').slice(postsBefore)).toHaveLength(1);
  });
});

describe('Discord: /subscribe interaction, ingest, digests run', () => {
  let fake: FakeDiscord;
  let test: TestRuntime;
  let running: RunningServices;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
    test = await startTestRuntime({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DIGEST_POLL_SECONDS: '86400' }, { now: () => new Date() });
    running = await startPlatformServices(test.runtime, test.config, silentLogger);
    await fake.waitForReady();
  });
  afterAll(async () => {
    await running?.stop();
    await test?.close();
    await fake?.close();
  });

  it('refuses members without Manage Channels, then posts exactly one message with exactly the new matching papers', async () => {
    const refused = await fake.waitForCallback(fake.sendCommand('subscribe', { venue: 'NeurIPS', every: 'day' }, { canManageChannel: false }).id);
    expect(String(refused.data?.content ?? JSON.stringify(refused.data))).toContain('Only members who can manage this channel can use /subscribe.');

    const callback = await fake.waitForCallback(fake.sendCommand('subscribe', { venue: 'NeurIPS', every: 'day' }, { canManageChannel: true }).id);
    expect(JSON.stringify(callback.data)).toContain('Subscribed this channel to `venue:NeurIPS`');
    expect(await test.runtime.store.subscriptions.listChannelSubscriptions('discord', FAKE_CHANNEL_ID)).toHaveLength(1);

    await ingestIntoStore(test.runtime.store, [writeArrowPage(pageDirectory)]);
    const env = { DATABASE_URL: test.config.databaseUrl, DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl };
    const before = fake.channelMessages.length;
    expect(await runDigestsCli(env)).toBe('Digests: 1 sent (1 message, 2 papers), 0 with nothing new.\n');
    const messages = fake.channelMessages.slice(before);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.channelId).toBe(FAKE_CHANNEL_ID);
    expect(messages[0]?.body).toMatchObject({ allowed_mentions: { parse: [] }, enforce_nonce: true });
    const titles = (messages[0]?.body.embeds as { title: string }[]).map((embed) => embed.title);
    expect(titles.sort()).toEqual([...NEW_MATCHING].sort());

    expect(await runDigestsCli(env)).toBe('Digests: 0 sent (0 messages, 0 papers), 1 with nothing new.\n');
    expect(fake.channelMessages.slice(before)).toHaveLength(1);
  });
});
