// Who may manage a channel's subscriptions from Slack: workspace admins and owners (users.info),
// the people listed in SLACK_SUBSCRIPTION_MANAGERS, and the channel's creator
// (conversations.info). Slack has no per-channel "manage" permission to ask for, so these are
// the closest signals it offers. Asked only for commands that require it, so ordinary searches
// cost no extra API calls.
// @see https://docs.slack.dev/reference/methods/users.info
// @see https://docs.slack.dev/reference/methods/conversations.info
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';

export interface ChannelManagerQuestion {
  userId: string;
  channelId?: string;
  /** Slack user ids from SLACK_SUBSCRIPTION_MANAGERS. */
  managers: readonly string[];
}

export async function canManageSlackChannel(client: webApi.WebClient, question: ChannelManagerQuestion, logger: Logger): Promise<boolean> {
  if (question.managers.includes(question.userId)) return true;
  try {
    const { user } = await client.users.info({ user: question.userId });
    if (user?.is_admin === true || user?.is_owner === true || user?.is_primary_owner === true) return true;
  } catch (error) {
    logger.warn('slack users.info failed; treating the user as a member', { error, user: question.userId });
  }
  if (question.channelId === undefined) return false;
  try {
    const { channel } = await client.conversations.info({ channel: question.channelId });
    return channel?.creator === question.userId;
  } catch (error) {
    // DMs and channels the app cannot see land here; nobody but admins and listed managers qualifies.
    logger.debug('slack conversations.info failed', { error, channel: question.channelId });
    return false;
  }
}
