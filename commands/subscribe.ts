// /subscribe: this channel gets a digest of new papers matching a query, every day or week at a
// local time. Papers already in the store count as seen: the first digest has only newcomers.
import type { Command } from '../src/core/commands/command.js';
import { queryFromOptions, stringOption } from '../src/core/commands/queryOptions.js';
import { QUERY_OPTIONS } from '../src/core/commands/sharedOptions.js';
import {
  DEFAULT_DIGEST_TIME,
  DEFAULT_TIME_ZONE,
  describeSchedule,
  formatInTimeZone,
  nextRunAfter,
  parseTimeOfDay,
  resolveTimeZone,
} from '../src/core/digests/digestSchedule.js';
import { describeQuery, subscriptionChannel } from '../src/core/digests/subscriptionCommands.js';
import { formatQuery } from '../src/core/query/formatQuery.js';
import { reply } from '../src/core/reply/neutralReply.js';
import type { DigestSchedule } from '../src/core/store/subscriptionStore.js';

export default {
  name: 'subscribe',
  description: 'Get a digest of new papers matching a query in this channel, daily or weekly',
  options: [
    ...QUERY_OPTIONS,
    { name: 'every', description: 'How often: day or week (Mondays); default week', type: 'string', choices: ['day', 'week'] },
    { name: 'at', description: 'Local time of the digest, HH:MM; default 09:00', type: 'string', maxLength: 10 },
    { name: 'tz', description: 'IANA time zone such as Europe/Berlin; default UTC', type: 'string', maxLength: 64 },
  ],
  examples: ['/subscribe venue:NeurIPS attention every:day at:08:00 tz:Europe/Berlin', '/subscribe author:"Gao Huang" has:code', '/subscribe year:>=2025 every:week'],
  requiresChannelManager: true,
  async execute(context, options) {
    const channel = subscriptionChannel(context);
    // Order does not matter to a digest, so sort: is dropped from what is stored.
    const query = formatQuery({ ...queryFromOptions(options, context.catalog.index), sort: undefined });
    const schedule: DigestSchedule = {
      every: options.every === 'day' ? 'day' : 'week',
      at: parseTimeOfDay(stringOption(options.at) ?? DEFAULT_DIGEST_TIME),
      timeZone: resolveTimeZone(stringOption(options.tz) ?? DEFAULT_TIME_ZONE),
    };

    const existing = (await channel.store.listChannelSubscriptions(channel.platform, channel.channelId)).find(
      (subscription) => subscription.query === query && subscription.schedule.every === schedule.every && subscription.schedule.at === schedule.at && subscription.schedule.timeZone === schedule.timeZone,
    );
    if (existing !== undefined) {
      return {
        reply: reply(`This channel is already subscribed to ${describeQuery(query)} ${describeSchedule(schedule)} (#${existing.id}).`, {
          ephemeral: true,
          footer: `/subscriptions shows it; /unsubscribe ${existing.id} removes it.`,
        }),
        query,
      };
    }

    const now = context.now();
    const nextRunAt = nextRunAfter(schedule, now);
    const subscription = await channel.store.createSubscription({
      platform: channel.platform,
      workspaceId: channel.workspaceId,
      channelId: channel.channelId,
      query,
      schedule,
      createdBy: context.user.id,
      createdAt: now,
      nextRunAt,
    });
    return {
      reply: reply(
        `Subscribed this channel to ${describeQuery(query)} (#${subscription.id}): a digest ${describeSchedule(schedule)} whenever new papers match.\n` +
          `First digest: ${formatInTimeZone(nextRunAt, schedule.timeZone)}, with papers that arrive from now on.`,
        { footer: `Undo with /unsubscribe ${subscription.id} · /subscriptions lists this channel's subscriptions` },
      ),
      query,
    };
  },
} satisfies Command;
