// /unsubscribe <id|all>: stop digests in this channel; the subscription and its ledger go away.
import type { Command } from '../src/core/commands/command.js';
import { describeQuery, namedSubscriptions, SUBSCRIPTION_IDS_OPTION } from '../src/core/digests/subscriptionCommands.js';
import { reply } from '../src/core/reply/neutralReply.js';

export default {
  name: 'unsubscribe',
  description: 'Stop a digest subscription in this channel (an id from /subscriptions, or all)',
  options: [SUBSCRIPTION_IDS_OPTION],
  examples: ['/unsubscribe 12', '/unsubscribe all'],
  requiresChannelManager: true,
  async execute(context, options) {
    const { channel, subscriptions: found } = await namedSubscriptions(context, String(options.id ?? ''), 'unsubscribe');
    if (found.length === 0) return { reply: reply('This channel has no subscriptions to remove.', { ephemeral: true }) };
    const deleted = await channel.store.deleteSubscriptions(channel.platform, channel.channelId, found.map((subscription) => subscription.id));
    const lines = deleted.map((subscription) => `#${subscription.id} ${describeQuery(subscription.query)}`);
    return {
      reply: reply(`Unsubscribed: ${lines.join(', ')}. This channel gets no more digests for ${deleted.length === 1 ? 'it' : 'them'}.`, {
        footer: '/subscribe makes a new subscription.',
      }),
    };
  },
} satisfies Command;
