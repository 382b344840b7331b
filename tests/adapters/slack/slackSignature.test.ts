// Slack signs every request; anything that fails the check gets 401 and runs no listener. Each
// refused request carries its own response_url: if a listener had run, something would have been
// posted there (or the acknowledgement would have been a 200).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSlackSignature, MAX_CLOCK_SKEW_SECONDS } from '../../../src/adapters/slack/sharedServerReceiver.js';
import { blockActionBody, nowSeconds, postSigned, slackSignature, slashCommandBody, SIGNING_SECRET, startSlackTestBot, type SlackTestBot } from './slackTestBot.js';

describe('Slack request signatures on POST /slack/events', () => {
  let bot: SlackTestBot;
  const refusedResponseUrls: string[] = [];

  beforeAll(async () => {
    bot = await startSlackTestBot();
  });
  afterAll(async () => {
    await bot.stop();
  });

  const refusedBody = (): string => {
    const responseUrl = bot.slack.newResponseUrl();
    refusedResponseUrls.push(responseUrl);
    return slashCommandBody({ command: '/papers', text: 'year:2024', responseUrl });
  };

  it.each([
    ['a signature made with another secret', { secret: 'not-the-signing-secret' }],
    ['a timestamp six minutes old', { timestamp: nowSeconds() - 6 * 60 }],
    ['a timestamp six minutes in the future', { timestamp: nowSeconds() + 6 * 60 }],
    ['no signature header', { omitHeaders: ['x-slack-signature'] }],
    ['no timestamp header', { omitHeaders: ['x-slack-request-timestamp'] }],
  ])('refuses %s with 401', async (_name, options) => {
    const response = await postSigned(bot.baseUrl, refusedBody(), options);
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('');
  });

  it('refuses a body changed after signing', async () => {
    const body = refusedBody();
    const response = await postSigned(bot.baseUrl, body, { sendBody: body.replace('year%3A2024', 'year%3A2025') });
    expect(response.status).toBe(401);
  });

  it('refuses a button press whose payload was changed after signing', async () => {
    const responseUrl = bot.slack.newResponseUrl();
    refusedResponseUrls.push(responseUrl);
    const body = blockActionBody({ actionId: 'paperbot:button:0', value: 'pb1:random?query=', responseUrl, isEphemeral: true });
    const response = await postSigned(bot.baseUrl, body, { sendBody: body.replace('random', 'papers') });
    expect(response.status).toBe(401);
  });

  it('accepts a correctly signed request four minutes old, and no refused request ever ran', async () => {
    const responseUrl = bot.slack.newResponseUrl();
    const response = await postSigned(bot.baseUrl, slashCommandBody({ command: '/papers', text: 'year:2024', responseUrl }), { timestamp: nowSeconds() - 4 * 60 });
    expect(response.status).toBe(200);
    await bot.slack.waitForResponses(responseUrl);
    // Requests are handled in order on one connection each; the accepted one has been answered,
    // so any listener started by a refused one would have answered by now too.
    for (const url of refusedResponseUrls) expect(bot.slack.responsesTo(url)).toEqual([]);
    expect(refusedResponseUrls).toHaveLength(7);
  });
});

describe('checkSlackSignature', () => {
  const body = Buffer.from('token=x&command=%2Fpapers&text=year%3A2024');
  const now = 1_700_000_000_000;
  const headersAt = (timestamp: number, signedBody = body): Record<string, string> => ({
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(signedBody.toString(), timestamp),
  });

  it('accepts the window edges and refuses one second past them, both ways', () => {
    const seconds = now / 1000;
    expect(checkSlackSignature(headersAt(seconds - MAX_CLOCK_SKEW_SECONDS), body, SIGNING_SECRET, now)).toEqual({ ok: true });
    expect(checkSlackSignature(headersAt(seconds + MAX_CLOCK_SKEW_SECONDS), body, SIGNING_SECRET, now)).toEqual({ ok: true });
    expect(checkSlackSignature(headersAt(seconds - MAX_CLOCK_SKEW_SECONDS - 1), body, SIGNING_SECRET, now).ok).toBe(false);
    expect(checkSlackSignature(headersAt(seconds + MAX_CLOCK_SKEW_SECONDS + 1), body, SIGNING_SECRET, now).ok).toBe(false);
  });

  it('refuses a non-numeric timestamp, an unknown signature version and a truncated signature', () => {
    const seconds = now / 1000;
    const good = headersAt(seconds);
    expect(checkSlackSignature({ ...good, 'x-slack-request-timestamp': '17e8' }, body, SIGNING_SECRET, now).ok).toBe(false);
    expect(checkSlackSignature({ ...good, 'x-slack-signature': good['x-slack-signature']?.replace('v0=', 'v1=') }, body, SIGNING_SECRET, now).ok).toBe(false);
    expect(checkSlackSignature({ ...good, 'x-slack-signature': good['x-slack-signature']?.slice(0, -2) }, body, SIGNING_SECRET, now).ok).toBe(false);
  });
});
