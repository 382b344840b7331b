// A slash command's first answer goes inside the acknowledgement when it is ready in time: Slack
// shows a message in the ack exactly as one posted to the response_url, and it saves the user a
// second round trip and the bot an outgoing HTTPS request per command (a third of the CPU of a
// slash command under load: docs/benchmarks.md). Answers that are not ready before the deadline,
// and every later message (chart upload errors), go through the response_url as before.
// @see https://docs.slack.dev/interactivity/implementing-slash-commands#responding_to_commands
import type { AckFn, RespondArguments, RespondFn } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';

/** Slack waits three seconds for the ack; the answer must be written well before that. */
export const ANSWER_IN_ACK_WITHIN_MS = 2_000;

export interface AckAnswer {
  /** Use instead of Bolt's respond: the first message goes in the ack if it is not sent yet. */
  respond: RespondFn;
  /** Acknowledges (with no message) if nothing has been; call when the listener is done. */
  finish(): Promise<void>;
}

export function answerInAck(ack: AckFn<string | RespondArguments>, respond: RespondFn, logger: Logger, deadlineMs = ANSWER_IN_ACK_WITHIN_MS): AckAnswer {
  let acknowledged: Promise<boolean> | undefined;
  const acknowledge = (message?: RespondArguments): Promise<boolean> => {
    clearTimeout(timer);
    acknowledged ??= ack(message).then(
      () => true,
      (error: unknown) => {
        logger.warn('slack ack failed', { error });
        return false;
      },
    );
    return acknowledged;
  };
  // An empty ack at the deadline keeps Slack from showing "operation_timeout"; the answer follows by response_url.
  const timer = setTimeout(() => void acknowledge(), deadlineMs);
  return {
    respond: async (message) => {
      // The first message rides in the ack; if the ack could not carry it, it goes by response_url.
      if (acknowledged === undefined && typeof message !== 'string' && (await acknowledge(ackMessage(message)))) return;
      // Later messages wait for the ack, so they arrive in order.
      await acknowledge();
      return respond(message);
    },
    finish: async () => {
      await acknowledge();
    },
  };
}

/** What a slash command's ack may carry: the message and whether the channel sees it (nothing to replace or delete yet). */
function ackMessage(message: RespondArguments): RespondArguments {
  const { replace_original: _replace, delete_original: _delete, ...rest } = message;
  return rest;
}
