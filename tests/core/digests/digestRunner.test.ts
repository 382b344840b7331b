// Digest runs end to end inside one process: a real runtime on a SQLite file, subscriptions made
// with /subscribe, papers arriving through the store, and digests posted to the loopback Slack
// stand-in. Asserts what a channel would see: exactly the new matching papers, once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlackPoster } from '../../../src/adapters/slack/slackPoster.js';
import type { InvocationSource } from '../../../src/app/runtime.js';
import { DigestRunner, type DigestRunnerOptions } from '../../../src/core/digests/digestRunner.js';
import { silentLogger } from '../../../src/core/logger.js';
import type { Subscription } from '../../../src/core/store/subscriptionStore.js';
import { startFakeSlack, type FakeSlack } from '../../helpers/fakeSlack.js';
import { samplePaper, testClock } from './digestFixtures.js';
import { startDigestTestRuntime, type DigestTestRuntime } from './digestTestRuntime.js';

const MANAGER: InvocationSource = { platform: 'slack', user: { id: 'U1', canManageChannel: true }, channelId: 'C1', workspaceId: 'T1' };
// Friday 4 December 2026, 12:00 UTC; a daily 09:00 UTC digest is next due on Saturday.
const START = new Date('2026-12-04T12:00:00Z');
const SATURDAY_9 = new Date('2026-12-05T09:00:00Z');

let clock: Date;
let bot: DigestTestRuntime;
let slack: FakeSlack;

beforeEach(async () => {
  clock = START;
  bot = await startDigestTestRuntime(() => clock);
  slack = await startFakeSlack();
});
afterEach(async () => {
  await bot.close();
  await slack.close();
});

function runner(overrides: Partial<DigestRunnerOptions> = {}): DigestRunner {
  const time = testClock();
  const poster = new SlackPoster({ token: slack.botToken, apiUrl: slack.apiUrl, logger: silentLogger, sleep: time.sleep, now: time.now });
  return new DigestRunner({ store: bot.runtime.store, catalog: bot.runtime.catalog, posters: [poster], logger: silentLogger, now: () => clock, ...overrides });
}

async function subscribe(line: string, source: InvocationSource = MANAGER): Promise<Subscription> {
  const outcome = await bot.ask(line, source);
  expect(outcome.reply.errorCode).toBeUndefined();
  const all = await bot.runtime.store.subscriptions.listChannelSubscriptions('slack', source.channelId ?? '');
  return all.at(-1)!;
}

/** Two new papers an hour after the subscription: one NeurIPS, one ICML. */
async function ingestNewPapers(at = new Date(START.getTime() + 3_600_000)): Promise<void> {
  await bot.runtime.store.upsertPapers([samplePaper(1, { venue: 'NeurIPS', title: 'Attention Arrives' }), samplePaper(2, { venue: 'ICML', title: 'Other Venue' })], at);
}

const postedTexts = (): string[] => slack.callsTo('chat.postMessage').map((call) => String(call.params.text));

describe('digest runs', () => {
  it('posts nothing before the scheduled time, then one message with exactly the new matching papers, then nothing', async () => {
    const subscription = await subscribe('/subscribe venue:NeurIPS every:day');
    await ingestNewPapers();

    clock = new Date(SATURDAY_9.getTime() - 60_000);
    expect((await runner().run()).claimed).toBe(0);
    expect(postedTexts()).toEqual([]);

    clock = SATURDAY_9;
    const report = await runner().run();
    expect(report).toMatchObject({ claimed: 1, digests: 1, messages: 1, papers: 1 });
    const [text, ...more] = postedTexts();
    expect(more).toEqual([]);
    expect(text).toContain('*1 new paper* for `venue:NeurIPS`');
    expect(text).toContain('Attention Arrives');
    // Neither the ICML paper nor any of the bundled NeurIPS papers (they were there before).
    expect(text).not.toContain('Other Venue');
    expect(text?.match(/^• /gm)).toHaveLength(1);
    expect(slack.callsTo('chat.postMessage')[0]?.params.channel).toBe('C1');

    const stored = await bot.runtime.store.subscriptions.getSubscription(subscription.id);
    expect(stored?.nextRunAt.toISOString()).toBe('2026-12-06T09:00:00.000Z');
    expect(stored?.lastDeliveryAt?.toISOString()).toBe(SATURDAY_9.toISOString());
    expect((await bot.runtime.store.subscriptions.listDeliveries(subscription.id)).map((delivery) => delivery.paperId)).toEqual(['2026-sample-paper-1']);

    clock = new Date('2026-12-06T09:00:00Z');
    expect(await runner().run({ force: true })).toMatchObject({ claimed: 1, digests: 0, empty: 1 });
    expect(postedTexts()).toHaveLength(1);
  });

  it('with nothing new posts nothing and moves to the next slot', async () => {
    const subscription = await subscribe('/subscribe venue:IROS every:day');
    await ingestNewPapers();
    clock = SATURDAY_9;
    expect(await runner().run()).toMatchObject({ claimed: 1, digests: 0, empty: 1 });
    expect(postedTexts()).toEqual([]);
    expect((await bot.runtime.store.subscriptions.getSubscription(subscription.id))?.nextRunAt.toISOString()).toBe('2026-12-06T09:00:00.000Z');
  });

  it('--now sends what is pending at once and leaves the schedule alone', async () => {
    const subscription = await subscribe('/subscribe venue:ICML');
    await ingestNewPapers();
    clock = new Date(START.getTime() + 2 * 3_600_000);
    expect(await runner().run({ force: true })).toMatchObject({ digests: 1, papers: 1 });
    expect(postedTexts()[0]).toContain('Other Venue');
    expect((await bot.runtime.store.subscriptions.getSubscription(subscription.id))?.nextRunAt.toISOString()).toBe(subscription.nextRunAt.toISOString());
    clock = new Date(clock.getTime() + 60_000);
    expect(await runner().run({ force: true })).toMatchObject({ claimed: 1, digests: 0, empty: 1 });
    expect(postedTexts()).toHaveLength(1);
  });

  it('a permanent error pauses the subscription with the reason, never retries it, and resuming loses nothing', async () => {
    const subscription = await subscribe('/subscribe venue:NeurIPS every:day');
    await ingestNewPapers();
    slack.failNext('chat.postMessage', { error: 'not_in_channel' }, 10);
    clock = SATURDAY_9;
    const report = await runner().run();
    expect(report.paused).toEqual([{ subscriptionId: subscription.id, reason: expect.stringContaining('not_in_channel') }]);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);

    const listed = await bot.ask('/subscriptions', MANAGER);
    expect(listed.reply.text).toBe('This channel has 1 subscription, 1 paused.');
    expect(listed.reply.cards[0]?.fields?.find((field) => field.name === 'State')?.value).toMatch(/^paused: the bot is not a member of this channel \(not_in_channel\)/);

    clock = new Date('2026-12-07T09:00:00Z');
    expect((await runner().run({ force: true })).claimed).toBe(0);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);

    expect((await bot.ask(`/resubscribe ${subscription.id}`, MANAGER)).reply.errorCode).toBeUndefined();
    // The failure queue still holds not_in_channel answers: drain them with a fresh fake.
    await slack.close();
    slack = await startFakeSlack();
    expect(await runner().run({ force: true })).toMatchObject({ digests: 1, papers: 1 });
    expect(postedTexts()[0]).toContain('Attention Arrives');
  });

  it('a transient failure leaves the digest for a later run, which posts it once', async () => {
    const subscription = await subscribe('/subscribe venue:NeurIPS every:day');
    await ingestNewPapers();
    slack.failNext('chat.postMessage', { httpStatus: 503 }, 4);
    clock = SATURDAY_9;
    const report = await runner({ transientRetryMs: 60_000 }).run();
    expect(report.deferred).toEqual([subscription.id]);
    expect(report.messages).toBe(0);
    expect((await bot.runtime.store.subscriptions.getSubscription(subscription.id))?.state).toBe('active');

    clock = new Date(SATURDAY_9.getTime() + 30_000);
    expect((await runner().run()).claimed).toBe(0);
    clock = new Date(SATURDAY_9.getTime() + 60_000);
    expect(await runner().run()).toMatchObject({ digests: 1, papers: 1 });
    expect(slack.callsTo('chat.postMessage').filter((call) => String(call.params.text).includes('Attention Arrives'))).toHaveLength(5);
    expect(await bot.runtime.store.subscriptions.listDeliveries(subscription.id)).toHaveLength(1);
  });

  it('a run that crashed after claiming is taken over once its lease expires, and nothing is lost', async () => {
    const subscription = await subscribe('/subscribe venue:NeurIPS every:day');
    await ingestNewPapers();
    clock = SATURDAY_9;
    // A process claimed it and died before posting.
    const claimed = await bot.runtime.store.subscriptions.claimSubscriptions({ owner: 'crashed', now: clock, leaseMs: 600_000, limit: 10, force: false, runStartedAt: clock });
    expect(claimed.map((item) => item.id)).toEqual([subscription.id]);

    clock = new Date(SATURDAY_9.getTime() + 300_000);
    expect((await runner().run()).claimed).toBe(0);
    clock = new Date(SATURDAY_9.getTime() + 600_000);
    expect(await runner().run()).toMatchObject({ claimed: 1, digests: 1, papers: 1 });
    expect(postedTexts()).toHaveLength(1);
  });

  it('keeps a subscription for a platform this instance cannot post to', async () => {
    const discord: InvocationSource = { platform: 'discord', user: { id: '1', canManageChannel: true }, channelId: '123', workspaceId: '9' };
    const outcome = await bot.ask('/subscribe venue:NeurIPS every:day', discord);
    expect(outcome.reply.errorCode).toBeUndefined();
    await ingestNewPapers();
    clock = SATURDAY_9;
    const report = await runner().run();
    expect(report.deferred).toHaveLength(1);
    const [stored] = await bot.runtime.store.subscriptions.listChannelSubscriptions('discord', '123');
    expect(stored?.state).toBe('active');
    expect(await bot.runtime.store.subscriptions.listDeliveries(stored!.id)).toEqual([]);
  });
});
