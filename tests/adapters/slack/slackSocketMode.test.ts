// Socket Mode end to end: with SLACK_APP_TOKEN set the app opens a WebSocket to (fake) Slack via
// apps.connections.open instead of serving HTTP; commands and button presses arrive as envelopes
// and are acknowledged over the socket (a slash command's answer inside its acknowledgement).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockActionPayload, buttonsOf, startSlackTestBot, type SlackTestBot } from './slackTestBot.js';

describe('Slack adapter in Socket Mode (real Bolt, fake Slack)', () => {
  let bot: SlackTestBot;

  beforeAll(async () => {
    bot = await startSlackTestBot({ socketMode: true });
    await bot.slack.waitForSocketConnection();
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('needs no HTTP server and connects with the app token', () => {
    expect(bot.running.server).toBeUndefined();
    expect(bot.running.services.map((service) => service.name)).toContain('slack (socket mode)');
    expect(bot.slack.callsTo('apps.connections.open')[0]?.token).toBe(bot.slack.appToken);
  });

  it('answers a slash command inside the envelope acknowledgement', async () => {
    const responseUrl = bot.slack.newResponseUrl();
    const ack = await bot.slack.sendSocketEnvelope('slash_commands', {
      token: 'x',
      team_id: 'T0TEST',
      channel_id: 'C0GENERAL',
      user_id: 'U0ALICE',
      user_name: 'alice',
      command: '/papers',
      text: 'venue:ICLR',
      response_url: responseUrl,
      trigger_id: '1.2.3',
      api_app_id: 'A0TEST',
    });
    expect(ack.envelope_id).toBeTruthy();
    expect(String(ack.payload?.text)).toMatch(/papers? match/);
    expect(bot.slack.responsePosts(responseUrl).map((post) => post.inAck)).toEqual([true]);
    const [reply] = await bot.slack.waitForResponses(responseUrl);
    expect(reply?.response_type).toBe('ephemeral');
    expect(String(reply?.text)).toMatch(/^\d+ papers? match(es)? `venue:ICLR`\.$/);

    const share = buttonsOf(reply ?? {}).at(-1);
    const pressUrl = bot.slack.newResponseUrl();
    await bot.slack.sendSocketEnvelope('interactive', blockActionPayload({ actionId: share?.action_id ?? '', value: share?.value ?? '', responseUrl: pressUrl, isEphemeral: true }));
    const [shared] = await bot.slack.waitForResponses(pressUrl);
    expect(shared?.response_type).toBe('in_channel');
  });
});
