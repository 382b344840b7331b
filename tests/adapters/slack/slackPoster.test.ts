// Posting digests to Slack against the loopback Slack stand-in: the escaped mrkdwn message a
// channel gets, Retry-After on 429, one message a second per channel, 5xx retries and the
// permanent errors that pause a subscription.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlackPoster } from '../../../src/adapters/slack/slackPoster.js';
import { DeliveryError } from '../../../src/core/digests/digestPoster.js';
import { silentLogger } from '../../../src/core/logger.js';
import { sampleDigest, testClock, type TestClock } from '../../core/digests/digestFixtures.js';
import { startFakeSlack, type FakeSlack } from '../../helpers/fakeSlack.js';

let slack: FakeSlack;
let clock: TestClock;

beforeEach(async () => {
  slack = await startFakeSlack();
  clock = testClock();
});
afterEach(async () => {
  await slack.close();
});

function poster(overrides: Partial<ConstructorParameters<typeof SlackPoster>[0]> = {}): SlackPoster {
  return new SlackPoster({ token: slack.botToken, apiUrl: slack.apiUrl, logger: silentLogger, now: clock.now, sleep: clock.sleep, ...overrides });
}

const posts = (): number => slack.callsTo('chat.postMessage').length;

describe('SlackPoster', () => {
  it('posts one chat.postMessage with escaped mrkdwn: title linked to code, venue, authors, a line of abstract', async () => {
    const digest = sampleDigest(2, (index) => (index === 1 ? { title: 'Fast <!channel> & friends', abstract: 'We beat <@U123> by 5 > 3.' } : {}));
    const sender = poster();
    const [message, ...rest] = sender.render(digest);
    expect(rest).toEqual([]);
    await sender.post({ channelId: 'C1' }, message!, 'unused');

    const [call] = slack.callsTo('chat.postMessage');
    expect(call?.token).toBe(slack.botToken);
    expect(call?.params).toMatchObject({ channel: 'C1', unfurl_links: false, unfurl_media: false });
    expect(call?.params.text).toBe(
      [
        '*2 new papers* for `venue:NeurIPS attention` · subscription #7, `/unsubscribe 7` stops it',
        '• *<https://github.com/example/sample-1|Fast &lt;!channel&gt; &amp; friends>*',
        '   NeurIPS 2026 · Ada Lovelace, Alan Turing',
        '   We beat &lt;@U123&gt; by 5 &gt; 3.',
        '   Code: <https://github.com/example/sample-1>',
        '• *<https://github.com/example/sample-2|Sample Paper 2>*',
        '   NeurIPS 2026 · Ada Lovelace, Alan Turing',
        '   We study attention number 2. It works well. More text follows here.',
        '   Code: <https://github.com/example/sample-2>',
      ].join('\n'),
    );
  });

  it('keeps a digest in one message unless it passes Slack\'s text limit', () => {
    expect(poster().render(sampleDigest(60))).toHaveLength(1);
    const huge = poster().render(sampleDigest(200, () => ({ authors: Array.from({ length: 6 }, (_, index) => ({ name: `${'Longname '.repeat(20)}${index}` })) })));
    expect(huge.length).toBeGreaterThan(1);
    for (const message of huge) expect(String(message.body.text).length).toBeLessThanOrEqual(40_000);
    expect(huge.flatMap((message) => message.paperIds)).toHaveLength(200);
  });

  it('waits out 429 Retry-After and posts once', async () => {
    slack.failNext('chat.postMessage', { ratelimited: { retryAfterSeconds: 3 } });
    const frozen = testClock({ advance: false });
    const sender = poster({ now: frozen.now, sleep: frozen.sleep });
    await sender.post({ channelId: 'C1' }, sender.render(sampleDigest(1))[0]!, '');
    expect(posts()).toBe(2);
    expect(frozen.sleeps).toEqual([3000]);
  });

  it('paces posts to one a second per channel, other channels unaffected', async () => {
    const frozen = testClock({ advance: false });
    const sender = poster({ now: frozen.now, sleep: frozen.sleep });
    const message = sender.render(sampleDigest(1))[0]!;
    await Promise.all([sender.post({ channelId: 'C1' }, message, ''), sender.post({ channelId: 'C1' }, message, ''), sender.post({ channelId: 'C2' }, message, '')]);
    expect(frozen.sleeps).toEqual([1000]);
    expect(posts()).toBe(3);
  });

  it('retries 5xx and transient Slack errors with backoff, then gives up as transient', async () => {
    slack.failNext('chat.postMessage', { httpStatus: 500 });
    slack.failNext('chat.postMessage', { error: 'service_unavailable' });
    const sender = poster();
    await sender.post({ channelId: 'C1' }, sender.render(sampleDigest(1))[0]!, '');
    expect(posts()).toBe(3);
    expect(clock.sleeps).toEqual([1000, 2000]);

    slack.failNext('chat.postMessage', { httpStatus: 503 }, 10);
    const failure = await sender.post({ channelId: 'C9' }, sender.render(sampleDigest(1))[0]!, '').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect((failure as DeliveryError).permanent).toBe(false);
    expect(posts()).toBe(3 + 4);
  });

  it.each([
    ['channel_not_found', /cannot find this channel/],
    ['not_in_channel', /not a member of this channel \(not_in_channel\): \/invite the bot/],
    ['is_archived', /archived \(is_archived\)/],
    ['token_revoked', /token was revoked \(token_revoked\)/],
  ])('%s is permanent: one request, no retry, a reason for the channel', async (error, reason) => {
    slack.failNext('chat.postMessage', { error }, 5);
    const sender = poster();
    const failure = await sender.post({ channelId: 'C1' }, sender.render(sampleDigest(1))[0]!, '').catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect((failure as DeliveryError).permanent).toBe(true);
    expect((failure as DeliveryError).platformCode).toBe(error);
    expect((failure as DeliveryError).reason).toMatch(reason);
    expect(posts()).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });
});
