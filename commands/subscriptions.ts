// /subscriptions: this channel's digest subscriptions with id, query, schedule, next run, last
// delivery and state (paused ones say why and how to resume).
import type { Command } from '../src/core/commands/command.js';
import { subscriptionCard, subscriptionChannel } from '../src/core/digests/subscriptionCommands.js';
import { reply } from '../src/core/reply/neutralReply.js';

export default {
  name: 'subscriptions',
  description: "List this channel's paper digest subscriptions",
  options: [],
  examples: ['/subscriptions'],
  async execute(context) {
    const channel = subscriptionChannel(context);
    const subscriptions = await channel.store.listChannelSubscriptions(channel.platform, channel.channelId);
    if (subscriptions.length === 0) {
      return {
        reply: reply('This channel has no subscriptions.', { ephemeral: true, footer: 'Make one with /subscribe venue:NeurIPS every:day (channel managers).' }),
      };
    }
    const paused = subscriptions.filter((subscription) => subscription.state === 'paused').length;
    return {
      reply: reply(
        `This channel has ${subscriptions.length} ${subscriptions.length === 1 ? 'subscription' : 'subscriptions'}${paused > 0 ? `, ${paused} paused` : ''}.`,
        {
          ephemeral: true,
          cards: subscriptions.map(subscriptionCard),
          footer: '/unsubscribe <id> removes one · /resubscribe <id> resumes a paused one',
        },
      ),
    };
  },
} satisfies Command;
