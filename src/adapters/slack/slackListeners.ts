// The Bolt listeners: every slash command (each command in commands/ under its own name, and
// `/papers <command> …` routing to any of them) and every button we rendered. Slack gives three
// seconds to acknowledge: a slash command's answer goes inside the ack when it is ready within
// two (ackAnswer.ts), else through the response_url; buttons acknowledge at once and answer
// through the response_url (a button's ack cannot carry a message).
// @see https://docs.slack.dev/interactivity/implementing-slash-commands
// @see https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
import type { App, RespondFn, webApi } from '@slack/bolt';
import type { InvocationSource, PaperbotRuntime } from '../../app/runtime.js';
import { decodeButtonId } from '../../core/commands/buttonCodec.js';
import type { CommandOutcome } from '../../core/commands/command.js';
import { errorReply } from '../../core/commands/commandRunner.js';
import { parseTextCommand } from '../../core/commands/textCommand.js';
import type { Logger } from '../../core/logger.js';
import type { CommandInvocation } from '../../core/reply/neutralReply.js';
import { answerInAck } from './ackAnswer.js';
import { deliverOutcome } from './slackDelivery.js';
import { canManageSlackChannel } from './slackPermissions.js';
import { renderSlackBlocks, SHARE_ACTION_ID, SLACK_ACTION_PREFIX } from './renderSlackBlocks.js';

export interface SlackListenerDependencies {
  runtime: PaperbotRuntime;
  logger: Logger;
  /** SLACK_SUBSCRIPTION_MANAGERS. */
  subscriptionManagers: readonly string[];
}

/** The word that asks for an answer everyone in the channel sees. */
const PUBLIC_WORD = 'public';

/**
 * Takes the `public` request out of a slash command's text: `public` as its first or last word,
 * or `--public` anywhere ("/papers public year:2024", "/paper GridMix public").
 */
export function takePublicFlag(text: string): { text: string; isPublic: boolean } {
  const words = text.trim().split(/\s+/).filter((word) => word !== '');
  let isPublic = false;
  const kept = words.filter((word) => {
    if (word.toLowerCase() !== `--${PUBLIC_WORD}`) return true;
    isPublic = true;
    return false;
  });
  if (kept[0]?.toLowerCase() === PUBLIC_WORD) {
    kept.shift();
    isPublic = true;
  } else if (kept.at(-1)?.toLowerCase() === PUBLIC_WORD) {
    kept.pop();
    isPublic = true;
  }
  return { text: kept.join(' '), isPublic };
}

/**
 * What Share posts for everyone. A reply is re-run to be shared; /random would pick again, so
 * its Share shows the paper it picked.
 */
export function shareInvocationFor(invocation: CommandInvocation, outcome: CommandOutcome): CommandInvocation {
  const picked = outcome.papers?.[0];
  if (invocation.command === 'random' && picked !== undefined) return { command: 'paper', options: { paper: picked.id } };
  return invocation;
}

export function registerSlackListeners(app: App, dependencies: SlackListenerDependencies): void {
  const { runtime, logger } = dependencies;

  /** Runs an invocation as this Slack user, asking Slack about permissions only when needed. */
  const run = async (invocation: CommandInvocation, source: InvocationSource, client: webApi.WebClient): Promise<CommandOutcome> => {
    if (runtime.registry.get(invocation.command)?.requiresChannelManager === true) {
      const canManageChannel = await canManageSlackChannel(
        client,
        { userId: source.user.id, channelId: source.channelId, managers: dependencies.subscriptionManagers },
        logger,
      );
      source = { ...source, user: { ...source.user, canManageChannel } };
    }
    return runtime.run(invocation, source);
  };

  const safely = async (respond: RespondFn, work: () => Promise<void>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      logger.error('slack listener failed', { error });
      // The same rendering as any error reply, so the user gets the hint too, not only the message.
      const message = renderSlackBlocks(errorReply(error), { buttonValues: [] });
      await respond({ response_type: 'ephemeral', replace_original: false, ...message }).catch((respondError: unknown) => {
        logger.warn('slack respond failed', { error: respondError });
      });
    }
  };

  app.command(/^\/\S+$/, async ({ command, ack, respond: respondByUrl, client }) => {
    const answer = answerInAck(ack, respondByUrl, logger);
    const respond = answer.respond;
    try {
      await safely(respond, async () => {
        const { text, isPublic } = takePublicFlag(command.text);
        const source: InvocationSource = {
          platform: 'slack',
          user: { id: command.user_id, name: command.user_name },
          channelId: command.channel_id,
          workspaceId: command.team_id,
        };
        let invocation: CommandInvocation;
        try {
          invocation = parseTextCommand(`${command.command} ${text}`, runtime.registry);
        } catch (error) {
          await deliverOutcome({ reply: errorReply(error) }, { respond, client, channelId: source.channelId, store: runtime.store, logger }, { inChannel: false, replaceOriginal: false });
          return;
        }
        const outcome = await run(invocation, source, client);
        await deliverOutcome(outcome, { respond, client, channelId: source.channelId, store: runtime.store, logger }, {
          inChannel: isPublic,
          replaceOriginal: false,
          shareInvocation: shareInvocationFor(invocation, outcome),
        });
      });
    } finally {
      await answer.finish();
    }
  });

  app.action({ type: 'block_actions', action_id: new RegExp(`^${SLACK_ACTION_PREFIX}`) }, async ({ body, action, ack, respond, client }) => {
    await ack();
    await safely(respond, async () => {
      if (action.type !== 'button') return;
      const source: InvocationSource = {
        platform: 'slack',
        user: { id: body.user.id, name: body.user.username },
        channelId: body.channel?.id,
        workspaceId: body.team?.id ?? undefined,
      };
      const target = { respond, client, channelId: source.channelId, store: runtime.store, logger };
      let invocation: CommandInvocation;
      try {
        invocation = await decodeButtonId(action.value ?? '', runtime.store);
      } catch (error) {
        await deliverOutcome({ reply: errorReply(error) }, target, { inChannel: false, replaceOriginal: false });
        return;
      }
      const outcome = await run(invocation, source, client);
      if (action.action_id === SHARE_ACTION_ID) {
        // Post for everyone, then remove the private copy the button was on.
        await deliverOutcome(outcome, target, { inChannel: true, replaceOriginal: false });
        if (outcome.reply.errorCode === undefined) await respond({ delete_original: true });
        return;
      }
      const isEphemeral = body.container.is_ephemeral === true;
      await deliverOutcome(outcome, target, {
        inChannel: !isEphemeral,
        replaceOriginal: true,
        shareInvocation: isEphemeral ? shareInvocationFor(invocation, outcome) : undefined,
      });
    });
  });
}
