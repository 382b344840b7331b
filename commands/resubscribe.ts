// /resubscribe <id|all>: resume subscriptions that were paused because posting failed for good
// (the bot lost access, the channel was archived). Papers that arrived meanwhile are not lost:
// the next digest includes them.
import type { Command } from '../src/core/commands/command.js';
import { formatInTimeZone, nextRunAfter } from '../src/core/digests/digestSchedule.js';
import { namedSubscriptions, SUBSCRIPTION_IDS_OPTION } from '../src/core/digests/subscriptionCommands.js';
import { ErrorCode, UserError } from '../src/core/errors.js';
import { reply } from '../src/core/reply/neutralReply.js';

export default {
  name: 'resubscribe',
  description: 'Resume a paused digest subscription in this channel (an id, or all)',
  options: [SUBSCRIPTION_IDS_OPTION],
  examples: ['/resubscribe 12', '/resubscribe all'],
  requiresChannelManager: true,
  async execute(context, options) {
    const { channel, ids, subscriptions } = await namedSubscriptions(context, String(options.id ?? ''), 'resubscribe');
    const paused = subscriptions.filter((subscription) => subscription.state === 'paused');
    if (paused.length === 0) {
      return { reply: reply(ids === 'all' ? 'No subscription in this channel is paused.' : 'That subscription is not paused; it is already running.', { ephemeral: true, footer: '/subscriptions shows their state.' }) };
    }
    const now = context.now();
    const lines: string[] = [];
    for (const subscription of paused) {
      const nextRunAt = nextRunAfter(subscription.schedule, now);
      if (await channel.store.resumeSubscription(subscription.id, nextRunAt)) {
        lines.push(`#${subscription.id}: next digest ${formatInTimeZone(nextRunAt, subscription.schedule.timeZone)}`);
      }
    }
    if (lines.length === 0) {
      // Another member removed or resumed them between our read and the update.
      throw new UserError(ErrorCode.SubscriptionNotFound, 'Those subscriptions changed while resuming them; nothing was resumed.', {
        hint: '/subscriptions shows where they stand now.',
      });
    }
    return {
      reply: reply(`Resumed ${lines.join('; ')}. Papers that arrived while paused come with the next digest.`, {
        footer: 'If posting fails again for the same reason, the subscription pauses again.',
      }),
    };
  },
} satisfies Command;
