// What /subscribe, /subscriptions, /unsubscribe and /resubscribe share: which channel a
// subscription belongs to, how ids are typed, and how a subscription reads in a reply.
import type { CommandContext, CommandOption } from '../commands/command.js';
import { ErrorCode, UserError } from '../errors.js';
import type { ReplyCard } from '../reply/neutralReply.js';
import type { Subscription, SubscriptionPlatform, SubscriptionStore } from '../store/subscriptionStore.js';
import { describeSchedule, formatInTimeZone } from './digestSchedule.js';

export interface SubscriptionChannel {
  platform: SubscriptionPlatform;
  channelId: string;
  workspaceId?: string;
  store: SubscriptionStore;
}

/** The Discord or Slack channel a command runs in; digests have nowhere to go from the terminal. */
export function subscriptionChannel(context: CommandContext): SubscriptionChannel {
  const { platform, channelId } = context;
  if ((platform !== 'discord' && platform !== 'slack') || channelId === undefined) {
    throw new UserError(ErrorCode.InvalidOption, 'Subscriptions post digests into a Discord or Slack channel, so they are made there.', {
      hint: 'Run /subscribe in the channel that should get the digests.',
    });
  }
  const channel: SubscriptionChannel = { platform, channelId, store: context.catalog.store.subscriptions };
  if (context.workspaceId !== undefined) channel.workspaceId = context.workspaceId;
  return channel;
}

/** The option of /unsubscribe and /resubscribe that names their subscriptions. */
export const SUBSCRIPTION_IDS_OPTION: CommandOption = {
  name: 'id',
  description: 'Subscription id from /subscriptions, or all',
  type: 'string',
  required: true,
  rest: true,
  maxLength: 100,
};

/** The channel, and those of its subscriptions that `idText` names ("12", "12, 14", "all"), or a user error. */
export async function namedSubscriptions(
  context: CommandContext,
  idText: string,
  commandName: string,
): Promise<{ channel: SubscriptionChannel; ids: number[] | 'all'; subscriptions: Subscription[] }> {
  const channel = subscriptionChannel(context);
  const ids = parseSubscriptionIds(idText, commandName);
  return { channel, ids, subscriptions: await channelSubscriptions(channel, ids, commandName) };
}

/** "12", "#12", "12, 14" -> [12, 14]; "all" -> 'all'. */
function parseSubscriptionIds(text: string, commandName: string): number[] | 'all' {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'all') return 'all';
  const words = trimmed.split(/[\s,]+/).filter(Boolean);
  const ids = words.map((word) => /^#?(\d{1,9})$/.exec(word)?.[1]);
  if (words.length === 0 || ids.some((id) => id === undefined)) {
    throw new UserError(ErrorCode.InvalidOption, `/${commandName} needs a subscription id like 12, or all.`, {
      hint: `/subscriptions lists this channel's subscriptions with their ids; e.g. /${commandName} 12`,
    });
  }
  return [...new Set(ids.map(Number))];
}

/** The subscriptions of this channel with these ids, or a user error naming the ones it lacks. */
async function channelSubscriptions(channel: SubscriptionChannel, ids: number[] | 'all', commandName: string): Promise<Subscription[]> {
  const all = await channel.store.listChannelSubscriptions(channel.platform, channel.channelId);
  if (ids === 'all') return all;
  const missing = ids.filter((id) => !all.some((subscription) => subscription.id === id));
  if (missing.length > 0) {
    throw new UserError(ErrorCode.SubscriptionNotFound, `This channel has no subscription ${missing.map((id) => `#${id}`).join(', ')}.`, {
      hint: all.length === 0
        ? 'This channel has no subscriptions; /subscribe makes one.'
        : `Its subscriptions: ${all.map((subscription) => `#${subscription.id}`).join(', ')}. /subscriptions shows them; e.g. /${commandName} ${all[0]?.id ?? ''}`,
    });
  }
  return all.filter((subscription) => ids.includes(subscription.id));
}

/** `venue:NeurIPS attention`, or a phrase for the empty query (every new paper). */
export function describeQuery(query: string): string {
  return query === '' ? 'every new paper' : `\`${query}\``;
}

export function subscriptionCard(subscription: Subscription): ReplyCard {
  const { timeZone } = subscription.schedule;
  const paused = subscription.state === 'paused';
  return {
    title: `#${subscription.id} · ${subscription.query === '' ? '(every new paper)' : subscription.query}`,
    fields: [
      { name: 'Schedule', value: describeSchedule(subscription.schedule), inline: true },
      { name: 'Next digest', value: paused ? 'none while paused' : formatInTimeZone(subscription.nextRunAt, timeZone), inline: true },
      { name: 'Last delivery', value: subscription.lastDeliveryAt === undefined ? 'none yet' : formatInTimeZone(subscription.lastDeliveryAt, timeZone), inline: true },
      {
        name: 'State',
        value: paused
          ? `paused: ${subscription.pauseReason ?? 'no reason recorded'}. Fix that, then /resubscribe ${subscription.id}`
          : 'active',
      },
    ],
  };
}
