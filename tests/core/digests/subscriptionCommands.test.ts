// /subscribe, /subscriptions, /unsubscribe and /resubscribe through the real runtime on a SQLite
// file: what a channel manager sees, what others are refused, and what ends up stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvocationSource } from '../../../src/app/runtime.js';
import { startTestRuntime, type TestRuntime } from '../../helpers/testRuntime.js';

// The test runtime's clock: Friday 4 December 2026, 12:00 UTC.
const MANAGER: InvocationSource = { platform: 'slack', user: { id: 'U1', canManageChannel: true }, channelId: 'C1', workspaceId: 'T1' };
const MEMBER: InvocationSource = { ...MANAGER, user: { id: 'U2', canManageChannel: false } };
const OTHER_CHANNEL: InvocationSource = { ...MANAGER, channelId: 'C2' };

let bot: TestRuntime;
beforeAll(async () => {
  bot = await startTestRuntime();
});
afterAll(async () => {
  await bot.close();
});

const subscriptions = () => bot.runtime.store.subscriptions;

describe('/subscribe', () => {
  it('subscribes with every, at and tz, says when the first digest comes in that zone, and how to undo it', async () => {
    const outcome = await bot.ask('/subscribe venue:NeurIPS attention every:day at:08:00 tz:europe/berlin', MANAGER);
    expect(outcome.reply.errorCode).toBeUndefined();
    const [stored] = await subscriptions().listChannelSubscriptions('slack', 'C1');
    expect(stored).toMatchObject({
      platform: 'slack',
      workspaceId: 'T1',
      channelId: 'C1',
      query: 'venue:NeurIPS attention',
      schedule: { every: 'day', at: '08:00', timeZone: 'Europe/Berlin' },
      createdBy: 'U1',
      state: 'active',
    });
    // 08:00 in Berlin (CET, UTC+1) on Saturday is 07:00 UTC.
    expect(stored?.nextRunAt.toISOString()).toBe('2026-12-05T07:00:00.000Z');
    expect(stored?.watermark.toISOString()).toBe('2026-12-04T12:00:00.000Z');
    expect(outcome.reply.text).toBe(
      `Subscribed this channel to \`venue:NeurIPS attention\` (#${stored?.id}): a digest every day at 08:00 (Europe/Berlin) whenever new papers match.\n` +
        'First digest: Sat 5 Dec 2026, 08:00 CET, with papers that arrive from now on.',
    );
    expect(outcome.reply.footer).toContain(`/unsubscribe ${stored?.id}`);
    expect(outcome.reply.ephemeral).toBe(false);
  });

  it('defaults to weekly on Monday at 09:00 UTC', async () => {
    const outcome = await bot.ask('/subscribe author:"Gao Huang" has:code', OTHER_CHANNEL);
    expect(outcome.reply.text).toContain('every Monday at 09:00 (UTC)');
    expect(outcome.reply.text).toContain('First digest: Mon 7 Dec 2026, 09:00 UTC');
    const [stored] = await subscriptions().listChannelSubscriptions('slack', 'C2');
    expect(stored?.schedule).toEqual({ every: 'week', at: '09:00', timeZone: 'UTC' });
    expect(stored?.query).toBe('author:"Gao Huang" has:code');
  });

  it('refuses members who cannot manage the channel, and stores nothing', async () => {
    const outcome = await bot.ask('/subscribe venue:ICLR', MEMBER);
    expect(outcome.reply.errorCode).toBe('FORBIDDEN');
    expect(outcome.reply.text).toBe('Only members who can manage this channel can use /subscribe.');
    expect((await subscriptions().listChannelSubscriptions('slack', 'C1')).map((subscription) => subscription.query)).not.toContain('venue:ICLR');
  });

  it('explains a bad time zone (with a suggestion) and a bad time', async () => {
    const zone = await bot.ask('/subscribe venue:ICLR tz:Europe/Berlinn', MANAGER);
    expect(zone.reply.errorCode).toBe('INVALID_OPTION');
    expect(zone.reply.text).toBe('"Europe/Berlinn" is not a time zone I know. Did you mean Europe/Berlin?');
    const time = await bot.ask('/subscribe venue:ICLR at:25:00', MANAGER);
    expect(time.reply.errorCode).toBe('INVALID_OPTION');
    expect(time.reply.text).toContain('at must be a time of day like 09:00');
    const every = await bot.ask('/subscribe venue:ICLR every:month', MANAGER);
    expect(every.reply.errorCode).toBe('INVALID_OPTION');
    expect(every.reply.text).toBe('every must be one of: day, week');
  });

  it('does not subscribe twice to the same query and schedule', async () => {
    const first = await bot.ask('/subscribe year:2024 every:day', OTHER_CHANNEL);
    const again = await bot.ask('/subscribe year:2024 every:day', OTHER_CHANNEL);
    expect(first.reply.errorCode).toBeUndefined();
    expect(again.reply.text).toMatch(/^This channel is already subscribed to `year:2024` every day at 09:00 \(UTC\) \(#\d+\)\.$/);
    expect((await subscriptions().listChannelSubscriptions('slack', 'C2')).filter((subscription) => subscription.query === 'year:2024')).toHaveLength(1);
  });

  it('is for Discord and Slack channels only', async () => {
    const outcome = await bot.ask('/subscribe venue:ICLR');
    expect(outcome.reply.errorCode).toBe('INVALID_OPTION');
    expect(outcome.reply.text).toContain('Discord or Slack channel');
  });

  it('the "Subscribe to this query" button on /papers subscribes to that query in one click', async () => {
    const source: InvocationSource = { platform: 'discord', user: { id: '42', canManageChannel: true }, channelId: '900', workspaceId: '800' };
    const results = await bot.ask('/papers venue:ICML year:2019..2025', source);
    const button = results.reply.buttons.find((candidate) => candidate.label === 'Subscribe to this query');
    expect(button?.invocation).toEqual({ command: 'subscribe', options: { query: 'venue:ICML year:2019..2025' } });
    const outcome = await bot.runtime.run(button!.invocation, source);
    expect(outcome.reply.text).toContain('Subscribed this channel to `venue:ICML year:2019..2025`');
    const [stored] = await subscriptions().listChannelSubscriptions('discord', '900');
    expect(stored).toMatchObject({ workspaceId: '800', query: 'venue:ICML year:2019..2025', schedule: { every: 'week', at: '09:00', timeZone: 'UTC' } });
  });
});

describe('/subscriptions, /unsubscribe and /resubscribe', () => {
  const CHANNEL: InvocationSource = { ...MANAGER, channelId: 'C-list' };

  it('lists this channel\'s subscriptions with id, query, schedule, next run, last delivery and state', async () => {
    expect((await bot.ask('/subscriptions', CHANNEL)).reply.text).toBe('This channel has no subscriptions.');
    await bot.ask('/subscribe venue:NeurIPS every:day at:07:30 tz:America/New_York', CHANNEL);
    await bot.ask('/subscribe reinforcement learning', CHANNEL);
    const [first, second] = await subscriptions().listChannelSubscriptions('slack', 'C-list');
    await subscriptions().pauseSubscription(second!.id, 'the bot is not a member of this channel (not_in_channel): /invite the bot, then /resubscribe');

    // Anyone may look; only managers may change.
    const outcome = await bot.ask('/subscriptions', { ...CHANNEL, user: MEMBER.user });
    expect(outcome.reply.text).toBe('This channel has 2 subscriptions, 1 paused.');
    expect(outcome.reply.cards.map((card) => card.title)).toEqual([`#${first!.id} · venue:NeurIPS`, `#${second!.id} · reinforcement learning`]);
    const fields = (index: number): Record<string, string> => Object.fromEntries((outcome.reply.cards[index]?.fields ?? []).map((field) => [field.name, field.value]));
    expect(fields(0)).toEqual({
      Schedule: 'every day at 07:30 (America/New_York)',
      // 12:00 UTC is 07:00 in New York: today's 07:30 is still to come.
      'Next digest': 'Fri 4 Dec 2026, 07:30 EST',
      'Last delivery': 'none yet',
      State: 'active',
    });
    expect(fields(1).State).toBe(`paused: the bot is not a member of this channel (not_in_channel): /invite the bot, then /resubscribe. Fix that, then /resubscribe ${second!.id}`);
    expect(fields(1)['Next digest']).toBe('none while paused');
  });

  it('resumes a paused subscription with /resubscribe', async () => {
    const [, paused] = await subscriptions().listChannelSubscriptions('slack', 'C-list');
    const outcome = await bot.ask(`/resubscribe ${paused!.id}`, CHANNEL);
    expect(outcome.reply.text).toBe(`Resumed #${paused!.id}: next digest Mon 7 Dec 2026, 09:00 UTC. Papers that arrived while paused come with the next digest.`);
    expect((await subscriptions().getSubscription(paused!.id))?.state).toBe('active');
    expect((await bot.ask(`/resubscribe ${paused!.id}`, CHANNEL)).reply.text).toBe('That subscription is not paused; it is already running.');
    expect((await bot.ask(`/resubscribe ${paused!.id}`, { ...CHANNEL, user: MEMBER.user })).reply.errorCode).toBe('FORBIDDEN');
  });

  it('unsubscribes by id, never from another channel, and all at once', async () => {
    const [first] = await subscriptions().listChannelSubscriptions('slack', 'C-list');
    const elsewhere = await bot.ask(`/unsubscribe ${first!.id}`, OTHER_CHANNEL);
    expect(elsewhere.reply.errorCode).toBe('SUBSCRIPTION_NOT_FOUND');
    expect(elsewhere.reply.text).toBe(`This channel has no subscription #${first!.id}.`);
    expect((await bot.ask(`/unsubscribe ${first!.id}`, { ...CHANNEL, user: MEMBER.user })).reply.errorCode).toBe('FORBIDDEN');
    expect((await bot.ask('/unsubscribe soon', CHANNEL)).reply.text).toBe('/unsubscribe needs a subscription id like 12, or all.');

    const removed = await bot.ask(`/unsubscribe #${first!.id}`, CHANNEL);
    expect(removed.reply.text).toBe(`Unsubscribed: #${first!.id} \`venue:NeurIPS\`. This channel gets no more digests for it.`);
    expect(await subscriptions().getSubscription(first!.id)).toBeUndefined();

    const all = await bot.ask('/unsubscribe all', CHANNEL);
    expect(all.reply.text).toMatch(/^Unsubscribed: #\d+ `reinforcement learning`\./);
    expect(await subscriptions().listChannelSubscriptions('slack', 'C-list')).toEqual([]);
    expect((await subscriptions().listChannelSubscriptions('slack', 'C2')).length).toBeGreaterThan(0);
  });
});
