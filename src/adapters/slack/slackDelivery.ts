// Sends a command's outcome back to Slack: encodes the buttons, renders Block Kit, answers through
// the response_url (`respond`), and uploads chart images into the channel with the v2 file upload
// flow (files.getUploadURLExternal, POST to the upload URL, files.completeUploadExternal).
// @see https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
// @see https://docs.slack.dev/messaging/working-with-files#uploading_files
import type { RespondFn, webApi } from '@slack/bolt';
import { encodeButtonId } from '../../core/commands/buttonCodec.js';
import type { CommandOutcome } from '../../core/commands/command.js';
import type { Logger } from '../../core/logger.js';
import type { CommandInvocation, ReplyImage } from '../../core/reply/neutralReply.js';
import type { PaperStore } from '../../core/store/paperStore.js';
import { escapeMrkdwn, renderSlackBlocks } from './renderSlackBlocks.js';

export interface DeliveryTarget {
  respond: RespondFn;
  client: webApi.WebClient;
  channelId?: string;
  store: PaperStore;
  logger: Logger;
}

export interface DeliveryOptions {
  /** Everyone in the channel sees it (the user said `public` or pressed Share). */
  inChannel: boolean;
  /** Update the message whose button was pressed instead of answering anew. */
  replaceOriginal: boolean;
  /** What Share re-runs in the channel; omitted when the reply is already public or an error. */
  shareInvocation?: CommandInvocation;
}

export async function deliverOutcome(outcome: CommandOutcome, target: DeliveryTarget, options: DeliveryOptions): Promise<void> {
  const { reply } = outcome;
  const isError = reply.errorCode !== undefined;
  const inChannel = options.inChannel && !reply.ephemeral && !isError;
  const buttonValues = await Promise.all(reply.buttons.map((button) => encodeButtonId(button.invocation, target.store)));
  const shareValue = !inChannel && !reply.ephemeral && !isError && options.shareInvocation !== undefined
    ? await encodeButtonId(options.shareInvocation, target.store)
    : undefined;
  const message = renderSlackBlocks(reply, { buttonValues, shareValue, imagesInChannel: inChannel });
  // An error from a button press must not wipe the message the button was on.
  const replace = options.replaceOriginal && !isError;
  await target.respond({
    text: message.text,
    blocks: message.blocks,
    ...(replace ? { replace_original: true } : { replace_original: false, response_type: inChannel ? 'in_channel' : 'ephemeral' }),
  });
  if (inChannel && reply.images.length > 0) await uploadImages(reply.images, target);
}

/** Uploads each image into the channel; a failure is told to the user, not thrown. */
async function uploadImages(images: readonly ReplyImage[], target: DeliveryTarget): Promise<void> {
  if (target.channelId === undefined) return;
  for (const image of images) {
    try {
      await target.client.filesUploadV2({
        channel_id: target.channelId,
        file: Buffer.from(image.data),
        filename: image.fileName,
        title: image.altText,
        alt_text: image.altText.slice(0, 1000),
      });
    } catch (error) {
      const code = slackErrorCode(error);
      target.logger.warn('slack chart upload failed', { error, code, channel: target.channelId });
      await target.respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: `:warning: I could not post the chart (${escapeMrkdwn(image.fileName)}) here: ${escapeMrkdwn(uploadFailureAdvice(code))}`,
      }).catch((respondError: unknown) => target.logger.warn('slack respond failed', { error: respondError }));
    }
  }
}

/** The `error` Slack returned (channel_not_found, not_in_channel, …), or the client's error code. */
export function slackErrorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'unknown_error';
  const data = (error as { data?: { error?: unknown } }).data;
  if (typeof data?.error === 'string') return data.error;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'unknown_error';
}

function uploadFailureAdvice(code: string): string {
  if (code === 'not_in_channel' || code === 'channel_not_found') return 'I am not in this channel. Invite me with /invite and try again.';
  if (code === 'ratelimited' || code === 'slack_webapi_rate_limited_error') return 'Slack is rate-limiting me; try again in a minute.';
  return `Slack said ${code}.`;
}
