// Posting digests to Discord against the loopback Discord stand-in: the message a channel gets,
// splitting past Discord's limits, nonces, 429s (route and global), 5xx retries and the
// permanent errors that pause a subscription.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DiscordPoster } from '../../../src/adapters/discord/discordPoster.js';
import { DeliveryError } from '../../../src/core/digests/digestPoster.js';
import { silentLogger } from '../../../src/core/logger.js';
import { sampleDigest, testClock, type TestClock } from '../../core/digests/digestFixtures.js';
import { discordError, FakeDiscord, type FakeResponse } from '../../helpers/fakeDiscord.js';

const CHANNEL = '1300000000000000001';
const OTHER_CHANNEL = '1300000000000000002';

let discord: FakeDiscord;
let clock: TestClock;
let removeInterceptors: (() => void)[] = [];

beforeAll(async () => {
  discord = await FakeDiscord.start();
});
afterAll(async () => {
  await discord.close();
});
beforeEach(() => {
  for (const remove of removeInterceptors) remove();
  removeInterceptors = [];
  discord.requests.length = 0;
  discord.channelMessages.length = 0;
  clock = testClock();
});

function poster(overrides: Partial<ConstructorParameters<typeof DiscordPoster>[0]> = {}): DiscordPoster {
  return new DiscordPoster({ token: discord.token, apiUrl: discord.apiUrl, logger: silentLogger, now: clock.now, sleep: clock.sleep, ...overrides });
}

/** Answers the next `times` posts to the channel with `response`, then lets them through. */
function failNext(times: number, response: FakeResponse, channel = CHANNEL): void {
  let left = times;
  removeInterceptors.push(
    discord.intercept((request) => {
      if (request.method !== 'POST' || request.path !== `/channels/${channel}/messages` || left === 0) return undefined;
      left -= 1;
      return response;
    }),
  );
}

const postsTo = (channel: string): number => discord.requests.filter((request) => request.path === `/channels/${channel}/messages`).length;

describe('DiscordPoster', () => {
  it('posts one message with an embed per paper, no pings, and a nonce Discord enforces', async () => {
    const digest = sampleDigest(2, (index) => (index === 1 ? { title: '@everyone *Bold* claims', abstract: 'Ping <@&123> @here now.' } : {}));
    const sender = poster();
    const messages = sender.render(digest);
    expect(messages).toHaveLength(1);
    await sender.post({ channelId: CHANNEL }, messages[0]!, 'nonce-1');

    const [sent] = await discord.waitForChannelMessages(CHANNEL, 1);
    expect(sent?.body).toMatchObject({ allowed_mentions: { parse: [] }, nonce: 'nonce-1', enforce_nonce: true });
    expect(sent?.body.content).toBe('**2 new papers** for `venue:NeurIPS attention` · subscription #7, /unsubscribe 7 stops it');
    const embeds = sent?.body.embeds as { title: string; url?: string; description: string }[];
    expect(embeds.map((embed) => embed.title)).toEqual(['@everyone *Bold* claims', 'Sample Paper 2']);
    expect(embeds[0]?.url).toBe('https://github.com/example/sample-1');
    expect(embeds[0]?.description).toBe('NeurIPS 2026 · Ada Lovelace, Alan Turing\nPing <@&123\\> @\u200bhere now.\nCode: https://github.com/example/sample-1');
    expect(discord.requests.at(-1)?.headers.authorization).toBe(`Bot ${discord.token}`);
    expect(messages[0]?.paperIds).toEqual(['2026-sample-paper-1', '2026-sample-paper-2']);
  });

  it('splits only past Discord limits: 10 embeds, and 6000 characters of embeds', () => {
    const byCount = poster().render(sampleDigest(23));
    expect(byCount.map((message) => message.paperIds.length)).toEqual([10, 10, 3]);
    expect(byCount.map((message) => message.body.content)).toEqual([
      expect.stringContaining('(1/3)'),
      expect.stringContaining('(2/3)'),
      expect.stringContaining('(3/3)'),
    ]);
    // Six very long author names fill an embed description to its digest cap.
    const authors = Array.from({ length: 6 }, (_, index) => ({ name: `${'Verylongname '.repeat(12)}${index}` }));
    const bySize = poster().render(sampleDigest(8, () => ({ authors, title: 'T'.repeat(300) })));
    for (const message of bySize) {
      const embeds = message.body.embeds as { title: string; description: string }[];
      expect(embeds.reduce((sum, embed) => sum + embed.title.length + embed.description.length, 0)).toBeLessThanOrEqual(6000);
    }
    expect(bySize.map((message) => message.paperIds.length)).toEqual([5, 3]);
    expect(bySize.flatMap((message) => message.paperIds)).toHaveLength(8);
  });

  it('waits out a route 429 for its retry_after and posts once', async () => {
    failNext(1, discordError(429, 0, 'You are being rate limited.', { retry_after: 1.5, global: false }, { 'retry-after': '2', 'x-ratelimit-scope': 'user' }));
    const frozen = testClock({ advance: false });
    const sender = poster({ now: frozen.now, sleep: frozen.sleep });
    await sender.post({ channelId: CHANNEL }, sender.render(sampleDigest(1))[0]!, 'n');
    expect(postsTo(CHANNEL)).toBe(2);
    expect(discord.channelMessages).toHaveLength(1);
    expect(frozen.sleeps).toContain(1500);
  });

  it('a global 429 holds back every channel; a route 429 only its own', async () => {
    const frozen = testClock({ advance: false });
    const message = (sender: DiscordPoster) => sender.render(sampleDigest(1))[0]!;

    failNext(1, discordError(429, 0, 'You are being rate limited.', { retry_after: 5, global: false }));
    const routeLimited = poster({ now: frozen.now, sleep: frozen.sleep });
    await routeLimited.post({ channelId: CHANNEL }, message(routeLimited), 'a');
    const before = frozen.sleeps.length;
    await routeLimited.post({ channelId: OTHER_CHANNEL }, message(routeLimited), 'b');
    expect(Math.max(0, ...frozen.sleeps.slice(before))).toBeLessThan(1000);

    failNext(1, discordError(429, 0, 'You are being rate limited.', { retry_after: 5, global: true }, { 'x-ratelimit-global': 'true' }));
    const globallyLimited = poster({ now: frozen.now, sleep: frozen.sleep });
    await globallyLimited.post({ channelId: CHANNEL }, message(globallyLimited), 'c');
    const after = frozen.sleeps.length;
    await globallyLimited.post({ channelId: OTHER_CHANNEL }, message(globallyLimited), 'd');
    expect(Math.max(...frozen.sleeps.slice(after))).toBeGreaterThanOrEqual(5000);
    expect(discord.channelMessages).toHaveLength(4);
  });

  it('does not use a bucket again before it resets when X-RateLimit-Remaining is 0', async () => {
    removeInterceptors.push(
      discord.intercept((request) =>
        request.path === `/channels/${CHANNEL}/messages` && discord.channelMessages.length === 0
          ? { status: 200, body: { id: '1', channel_id: CHANNEL }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '3.2' } }
          : undefined,
      ),
    );
    const frozen = testClock({ advance: false });
    const sender = poster({ now: frozen.now, sleep: frozen.sleep });
    await sender.post({ channelId: CHANNEL }, sender.render(sampleDigest(1))[0]!, 'a');
    await sender.post({ channelId: CHANNEL }, sender.render(sampleDigest(1))[0]!, 'b');
    expect(frozen.sleeps).toContain(3200);
  });

  it('paces requests under 50 a second', async () => {
    const frozen = testClock({ advance: false });
    const sender = poster({ now: frozen.now, sleep: frozen.sleep });
    const message = sender.render(sampleDigest(1))[0]!;
    await Promise.all(Array.from({ length: 5 }, (_, index) => sender.post({ channelId: index % 2 === 0 ? CHANNEL : OTHER_CHANNEL }, message, `p${index}`)));
    // Five requests at one instant: the k-th waits k x 20 ms.
    expect(frozen.sleeps.sort((a, b) => a - b)).toEqual([20, 40, 60, 80]);
  });

  it('retries 5xx with growing backoff, then gives up as a transient failure', async () => {
    failNext(2, discordError(502, 0, 'Bad Gateway'));
    const sender = poster();
    await sender.post({ channelId: CHANNEL }, sender.render(sampleDigest(1))[0]!, 'n');
    expect(postsTo(CHANNEL)).toBe(3);
    expect(discord.channelMessages).toHaveLength(1);
    expect(clock.sleeps.filter((ms) => ms >= 1000)).toEqual([1000, 2000]);

    failNext(10, discordError(503, 0, 'Service Unavailable'));
    const failure = await sender.post({ channelId: CHANNEL }, sender.render(sampleDigest(1))[0]!, 'm').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect((failure as DeliveryError).permanent).toBe(false);
    expect(postsTo(CHANNEL)).toBe(3 + 4);
  });

  it('treats a request that times out as transient and retries it', async () => {
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      calls += 1;
      if (calls === 1) throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
      return fetch(input, init);
    };
    const sender = poster({ fetch: flaky });
    await sender.post({ channelId: CHANNEL }, sender.render(sampleDigest(1))[0]!, 'n');
    expect(calls).toBe(2);
    expect(discord.channelMessages).toHaveLength(1);
  });

  it.each([
    [404, 10003, 'Unknown Channel', /no longer exists \(10003 Unknown Channel\)/],
    [403, 50001, 'Missing Access', /cannot see this channel \(Discord 50001 Missing Access\)/],
    [403, 50013, 'Missing Permissions', /may not post here \(Discord 50013 Missing Permissions\)/],
  ])('%i %i %s is permanent: one request, no retry, a reason for the channel', async (status, code, message, reason) => {
    failNext(5, discordError(status, code, message));
    const sender = poster();
    const failure = await sender.post({ channelId: CHANNEL }, sender.render(sampleDigest(1))[0]!, 'n').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect((failure as DeliveryError).permanent).toBe(true);
    expect((failure as DeliveryError).platformCode).toBe(code);
    expect((failure as DeliveryError).reason).toMatch(reason);
    expect(postsTo(CHANNEL)).toBe(1);
    expect(clock.sleeps.filter((ms) => ms >= 1000)).toEqual([]);
  });
});
