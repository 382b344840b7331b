// End to end over loopback: the project's start-up code runs the real Bolt App on the shared
// server, the Web API is a fake Slack, and the test sends slash commands and button presses
// signed as Slack signs them, then checks the acknowledgement and what reached the response_url.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARE_ACTION_ID } from '../../../src/adapters/slack/renderSlackBlocks.js';
import { blockActionBody, buttonsOf, postSigned, slashCommandBody, startSlackTestBot, type SlackTestBot } from './slackTestBot.js';

describe('Slack adapter over HTTP (real Bolt, fake Slack)', () => {
  let bot: SlackTestBot;

  beforeAll(async () => {
    bot = await startSlackTestBot({ env: { SLACK_SUBSCRIPTION_MANAGERS: 'U0LISTED, U0OTHER' } });
  });
  afterAll(async () => {
    await bot.stop();
  });

  const slash = async (command: string, text: string, userId?: string): Promise<{ status: number; ackBody: string; reply: Record<string, unknown>; responseUrl: string }> => {
    const responseUrl = bot.slack.newResponseUrl();
    const response = await postSigned(bot.baseUrl, slashCommandBody({ command, text, responseUrl, userId }));
    const ackBody = await response.text();
    const [reply] = await bot.slack.waitForResponses(responseUrl);
    return { status: response.status, ackBody, reply: reply ?? {}, responseUrl };
  };

  const press = async (actionId: string, value: string, isEphemeral: boolean, count = 1): Promise<{ status: number; replies: Record<string, unknown>[] }> => {
    const responseUrl = bot.slack.newResponseUrl();
    const response = await postSigned(bot.baseUrl, blockActionBody({ actionId, value, responseUrl, isEphemeral }));
    await response.text();
    const replies = await bot.slack.waitForResponses(responseUrl, count);
    return { status: response.status, replies };
  };

  it('serves /slack/events and /healthz on the same port, checking the token with auth.test at start-up', async () => {
    const health = await fetch(`${bot.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { status: string; services: string[] };
    expect(body.status).toBe('ok');
    expect(body.services).toContain('slack (http)');
    expect(bot.slack.callsTo('auth.test').length).toBeGreaterThanOrEqual(1);
  });

  it('answers /papers inside the acknowledgement, privately, with results, paging and Share', async () => {
    const { status, ackBody, reply, responseUrl } = await slash('/papers', 'year:2024');
    expect(status).toBe(200);
    // One HTTP exchange: the message is the ack's body, and nothing is posted to the response_url.
    expect(JSON.parse(ackBody)).toEqual(reply);
    expect(bot.slack.responsePosts(responseUrl).map((post) => post.inAck)).toEqual([true]);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply).not.toHaveProperty('replace_original');
    expect(String(reply.text)).toMatch(/^\d+ papers match `year:2024`\.$/);
    const buttons = buttonsOf(reply);
    expect(buttons.map((button) => button.text.text)).toContain('Next ▶');
    expect(buttons.at(-1)?.text.text).toBe('Share in channel');
    expect(new Set(buttons.map((button) => button.action_id)).size).toBe(buttons.length);
  });

  it('answers in the channel when asked with public, without a Share button', async () => {
    const { reply } = await slash('/papers', 'public year:2024');
    expect(reply.response_type).toBe('in_channel');
    expect(String(reply.text)).toMatch(/papers match `year:2024`/);
    expect(buttonsOf(reply).map((button) => button.text.text)).toContain('Next ▶');
    expect(buttonsOf(reply).map((button) => button.action_id)).not.toContain(SHARE_ACTION_ID);
    const trailing = await slash('/paper', 'GridMix --public');
    expect(trailing.reply.response_type).toBe('in_channel');
    expect(String(trailing.reply.text)).toMatch(/GridMix/);
  });

  it('runs each command under its own slash command name', async () => {
    const { reply } = await slash('/paper', 'GridMix');
    expect(String(reply.text)).toMatch(/^GridMix.*\(\w+ \d{4}\)$/);
    const blocks = reply.blocks as { type: string; text?: { text: string } }[];
    expect(blocks.some((block) => block.type === 'header' && /GridMix/.test(block.text?.text ?? ''))).toBe(true);
    expect(buttonsOf(reply).map((button) => button.text.text)).toEqual(['Cite', 'Similar papers', 'Share in channel']);
  });

  it('routes /papers <command> … to that command', async () => {
    const random = await slash('/papers', 'random venue:NeurIPS');
    expect(String(random.reply.text)).toMatch(/^A random paper matching `venue:NeurIPS` \(1 of \d+\):$/);
    const help = await slash('/papers', 'help');
    expect(help.reply.response_type).toBe('ephemeral');
    expect(String(help.reply.text)).toMatch(/Commands:/);
    expect(buttonsOf(help.reply)).toEqual([]);
  });

  it('answers mistakes privately with the error and its hint, never in the channel', async () => {
    const missing = await slash('/paper', 'public zzzz qqqq no such paper at all');
    expect(missing.reply.response_type).toBe('ephemeral');
    expect(String(missing.reply.text)).toMatch(/^:warning: No paper matches/);
    expect(buttonsOf(missing.reply)).toEqual([]);
    const unknown = await slash('/paperz', 'year:2024');
    expect(unknown.reply.response_type).toBe('ephemeral');
    expect(String(unknown.reply.text)).toMatch(/There is no \/paperz command; did you mean \/paper\?/);
  });

  it('pages in place when Next is pressed', async () => {
    const first = await slash('/papers', '');
    expect(JSON.stringify(first.reply.blocks)).toMatch(/page 1 of 6/);
    const next = buttonsOf(first.reply).find((button) => button.text.text === 'Next ▶');
    expect(next).toBeDefined();
    const { status, replies } = await press(next?.action_id ?? '', next?.value ?? '', true);
    expect(status).toBe(200);
    const [page2] = replies;
    expect(page2?.replace_original).toBe(true);
    const context = JSON.stringify(page2?.blocks);
    expect(context).toMatch(/page 2 of 6/);
    const labels = buttonsOf(page2 ?? {}).map((button) => button.text.text);
    expect(labels.slice(0, 2)).toEqual(['◀ Prev', 'Next ▶']);
    expect(labels.at(-1)).toBe('Share in channel');
  });

  it('replaces a paper with its BibTeX when Cite is pressed, and keeps a public message public', async () => {
    const { reply } = await slash('/paper', 'GridMix public');
    const cite = buttonsOf(reply).find((button) => button.text.text === 'Cite');
    const { replies } = await press(cite?.action_id ?? '', cite?.value ?? '', false);
    const [bibtex] = replies;
    expect(bibtex?.replace_original).toBe(true);
    expect(String(bibtex?.text)).toMatch(/^BibTeX for "GridMix/);
    expect(JSON.stringify(bibtex?.blocks)).toMatch(/@inproceedings\{|@article\{|@misc\{/);
    expect(buttonsOf(bibtex ?? {}).map((button) => button.text.text)).not.toContain('Share in channel');
  });

  it('shares a private answer in the channel and removes the private copy', async () => {
    const { reply } = await slash('/random', 'venue:ICLR');
    const pickedTitle = (reply.blocks as { type: string; text?: { text: string } }[]).find((block) => block.type === 'header')?.text?.text;
    const share = buttonsOf(reply).find((button) => button.action_id === SHARE_ACTION_ID);
    expect(share).toBeDefined();
    const { replies } = await press(share?.action_id ?? '', share?.value ?? '', true, 2);
    const [shared, removal] = replies;
    expect(shared?.response_type).toBe('in_channel');
    expect(shared?.replace_original).toBe(false);
    // /random would pick again: Share posts the paper that was picked.
    expect(String(shared?.text)).toContain(pickedTitle ?? 'missing');
    expect(buttonsOf(shared ?? {}).map((button) => button.action_id)).not.toContain(SHARE_ACTION_ID);
    expect(removal).toEqual({ delete_original: true });
  });

  it('draws again when Another is pressed', async () => {
    const { reply } = await slash('/random', '');
    const another = buttonsOf(reply).find((button) => button.text.text === 'Another');
    const { replies } = await press(another?.action_id ?? '', another?.value ?? '', true);
    expect(replies[0]?.replace_original).toBe(true);
    expect(String(replies[0]?.text)).toMatch(/^A random paper \(1 of 27\):$/);
  });

  it('tells the user when a button is damaged, without replacing the message', async () => {
    const { replies } = await press('paperbot:button:0', 'pb1#doesnotexist000000000', true);
    expect(replies[0]?.replace_original).toBe(false);
    expect(replies[0]?.response_type).toBe('ephemeral');
    expect(String(replies[0]?.text)).toMatch(/^:warning: This button no longer works\./);
  });

  it('uploads the /stats chart into the channel with the v2 upload flow when the answer is public', async () => {
    const before = bot.slack.uploads.length;
    const { reply } = await slash('/stats', 'public venue:NeurIPS');
    expect(reply.response_type).toBe('in_channel');
    expect(JSON.stringify(reply.blocks)).toMatch(/uploaded to this channel/);
    const upload = await bot.slack.waitFor(() => bot.slack.uploads.slice(before).find((candidate) => candidate.completed));
    expect(upload.channelId).toBe('C0GENERAL');
    expect(upload.filename).toMatch(/\.png$/);
    expect(upload.bytes?.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(upload.length).toBe(upload.bytes?.length);
    expect(upload.altText).toBeTruthy();
  });

  it('keeps a private /stats private: no file is posted, the message says Share posts it', async () => {
    const before = bot.slack.callsTo('files.getUploadURLExternal').length;
    const { reply } = await slash('/stats', 'venue:ICLR');
    expect(reply.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply.blocks)).toMatch(/Share in channel to post it/);
    expect(buttonsOf(reply).map((button) => button.action_id)).toContain(SHARE_ACTION_ID);
    expect(bot.slack.callsTo('files.getUploadURLExternal').length).toBe(before);
  });

  it('tells the user privately when Slack refuses the chart (bot not in the channel)', async () => {
    bot.slack.failNext('files.completeUploadExternal', { error: 'not_in_channel' });
    const responseUrl = bot.slack.newResponseUrl();
    await postSigned(bot.baseUrl, slashCommandBody({ command: '/stats', text: 'public', responseUrl }));
    const [answer, warning] = await bot.slack.waitForResponses(responseUrl, 2);
    expect(answer?.response_type).toBe('in_channel');
    expect(warning?.response_type).toBe('ephemeral');
    expect(String(warning?.text)).toMatch(/could not post the chart .* I am not in this channel\. Invite me/);
  });

  it('waits out a rate limit (429 + Retry-After) and still uploads the chart', async () => {
    const before = bot.slack.callsTo('files.getUploadURLExternal').length;
    const completedBefore = bot.slack.uploads.filter((upload) => upload.completed).length;
    bot.slack.failNext('files.getUploadURLExternal', { ratelimited: { retryAfterSeconds: 1 } });
    await slash('/stats', 'public year:2024');
    await bot.slack.waitFor(() => (bot.slack.uploads.filter((upload) => upload.completed).length > completedBefore ? true : undefined));
    expect(bot.slack.callsTo('files.getUploadURLExternal').length - before).toBe(2);
  });

  it('lets only admins, owners, listed managers and the channel creator manage subscriptions', async () => {
    bot.slack.setUser('U0ALICE', {});
    bot.slack.setUser('U0ADMIN', { is_admin: true });
    bot.slack.setUser('U0OWNER', { is_owner: true });
    bot.slack.setUser('U0MAKER', {});
    bot.slack.setChannel('C0GENERAL', { creator: 'U0MAKER' });
    const forbidden = /^:warning: Only members who can manage this channel can use \/unsubscribe\./;
    expect(String((await slash('/unsubscribe', 'all', 'U0ALICE')).reply.text)).toMatch(forbidden);
    for (const user of ['U0ADMIN', 'U0OWNER', 'U0LISTED', 'U0MAKER']) {
      const { reply } = await slash('/unsubscribe', 'all', user);
      expect(String(reply.text), user).not.toMatch(forbidden);
    }
    // A listed manager needs no API call; the others were looked up.
    expect(bot.slack.callsTo('users.info').map((call) => call.params.user)).not.toContain('U0LISTED');
    expect(bot.slack.callsTo('users.info').map((call) => call.params.user)).toContain('U0ADMIN');
  });

  it('asks Slack nothing about permissions for ordinary commands', async () => {
    const before = bot.slack.callsTo('users.info').length + bot.slack.callsTo('conversations.info').length;
    await slash('/papers', 'year:2023');
    expect(bot.slack.callsTo('users.info').length + bot.slack.callsTo('conversations.info').length).toBe(before);
  });
});


describe('Slack adapter start-up', () => {
  it('stops start-up with a clear error when Slack refuses the bot token', async () => {
    await expect(startSlackTestBot({ env: { SLACK_BOT_TOKEN: 'xoxb-revoked-token' } })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: 'Slack refused SLACK_BOT_TOKEN (invalid_auth).',
    });
  });
});

describe('Slack and Discord in one process', () => {
  it('serve their endpoints and /healthz on one port', async () => {
    const bot = await startSlackTestBot({ env: { DISCORD_PUBLIC_KEY: 'ab'.repeat(32), DISCORD_APPLICATION_ID: '123456789012345678' } });
    try {
      const health = (await (await fetch(`${bot.baseUrl}/healthz`)).json()) as { services: string[] };
      expect(health.services).toEqual(expect.arrayContaining(['discord', 'slack (http)']));
      // Discord's endpoint is there (an unsigned request is refused, not unknown).
      const discord = await fetch(`${bot.baseUrl}/discord/interactions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":1}' });
      expect(discord.status).toBe(401);
      const responseUrl = bot.slack.newResponseUrl();
      expect((await postSigned(bot.baseUrl, slashCommandBody({ command: '/papers', text: 'year:2024', responseUrl }))).status).toBe(200);
      const [reply] = await bot.slack.waitForResponses(responseUrl);
      expect(String(reply?.text)).toMatch(/papers match `year:2024`/);
    } finally {
      await bot.stop();
    }
  });
});
