// Posts digests to Slack channels with chat.postMessage and the bot token (plain fetch): one
// mrkdwn message, split only past Slack's text limit, with &, < and > escaped so a title can
// never become a link or a <!channel> ping. Retry-After on 429 is waited out, posts are paced at
// one a second per channel, timeouts and 5xx are retried with backoff, and the errors that mean
// "this channel is out of reach" are permanent so the runner pauses the subscription.
// @see https://docs.slack.dev/reference/methods/chat.postMessage
// @see https://docs.slack.dev/messaging/formatting-message-text#escaping
// @see https://docs.slack.dev/apis/web-api/rate-limits
import { countNewPapers, packInOrder, type Digest, type DigestEntry } from '../../core/digests/digestBuilder.js';
import {
  DeliveryError,
  realSleep,
  RequestPacer,
  RetryBudget,
  type DigestPoster,
  type DigestTarget,
  type OutgoingDigestMessage,
  type HttpPosterOptions,
  type Sleep,
} from '../../core/digests/digestPoster.js';

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';
/** Slack truncates `text` past 40,000 characters; keep room for the heading. */
export const SLACK_MAX_TEXT = 39_000;
/** chat.postMessage: about one message a second per channel. */
export const SLACK_CHANNEL_INTERVAL_MS = 1_000;

/** Errors that will not go away by retrying, with what the channel's members should do. */
const PERMANENT_REASONS: Record<string, string> = {
  channel_not_found: 'Slack cannot find this channel (channel_not_found): it was deleted, or it is private and the bot is not in it',
  not_in_channel: 'the bot is not a member of this channel (not_in_channel): /invite the bot, then /resubscribe',
  is_archived: 'the channel is archived (is_archived): unarchive it, then /resubscribe',
  token_revoked: 'the Slack bot token was revoked (token_revoked): reinstall the app and set SLACK_BOT_TOKEN',
  invalid_auth: 'Slack rejected the bot token (invalid_auth): set a valid SLACK_BOT_TOKEN',
  account_inactive: 'the Slack app was uninstalled (account_inactive): reinstall it',
  missing_scope: 'the Slack app lacks the chat:write scope (missing_scope): add it and reinstall',
  restricted_action: 'this workspace does not let the bot post in this channel (restricted_action)',
};
/** Slack's own hiccups: worth another try later. */
const TRANSIENT_ERRORS = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

export class SlackPoster implements DigestPoster {
  readonly platform = 'slack' as const;
  private readonly apiUrl: string;
  private readonly fetch: typeof fetch;
  private readonly sleep: Sleep;
  private readonly now: () => number;
  private readonly channelPacer: RequestPacer;

  constructor(private readonly options: HttpPosterOptions) {
    this.apiUrl = (options.apiUrl ?? DEFAULT_SLACK_API_URL).replace(/\/*$/, '/');
    this.fetch = options.fetch ?? globalThis.fetch;
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
    this.channelPacer = new RequestPacer(SLACK_CHANNEL_INTERVAL_MS, this.now, this.sleep);
  }

  render(digest: Digest): OutgoingDigestMessage[] {
    const entries = digest.entries.map((entry) => ({ entry, text: entryText(entry) }));
    const groups = packInOrder(entries, { maxItems: Number.POSITIVE_INFINITY, maxSize: SLACK_MAX_TEXT }, ({ text }) => text.length + 1);
    return groups.map((group, index) => ({
      paperIds: group.map(({ entry }) => entry.paperId),
      body: {
        text: [digestHeading(digest, index, groups.length), ...group.map(({ text }) => text)].join('\n'),
        mrkdwn: true,
        unfurl_links: false,
        unfurl_media: false,
      },
    }));
  }

  /** Slack has no nonce: a repeat after a crash is bounded by the runner's ledger instead. */
  async post(target: DigestTarget, message: OutgoingDigestMessage, _nonce?: string): Promise<void> {
    const body = JSON.stringify({ channel: target.channelId, ...message.body });
    const retries = new RetryBudget({ platform: 'Slack', channelId: target.channelId, logger: this.options.logger, sleep: this.sleep }, this.options);
    for (;;) {
      await this.channelPacer.wait(target.channelId);
      let response: Response;
      try {
        response = await this.fetch(`${this.apiUrl}chat.postMessage`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${this.options.token}`, 'Content-Type': 'application/json; charset=utf-8' },
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
        });
      } catch (error) {
        await retries.afterTransientFailure('Slack did not answer', error);
        continue;
      }
      if (response.status === 429) {
        await response.arrayBuffer();
        retries.afterRateLimit();
        const waitMs = 1000 * Math.max(1, Number(response.headers.get('retry-after') ?? '1') || 1);
        this.options.logger.warn('slack rate limit', { channel: target.channelId, waitMs });
        this.channelPacer.block(target.channelId, this.now() + waitMs);
        continue;
      }
      if (response.status >= 500) {
        await response.arrayBuffer();
        await retries.afterTransientFailure(`Slack answered ${response.status}`);
        continue;
      }
      const payload = (await response.json().catch(() => ({ ok: false, error: `http_${response.status}` }))) as { ok?: boolean; error?: string };
      if (payload.ok === true) return;
      const error = payload.error ?? `http_${response.status}`;
      if (TRANSIENT_ERRORS.has(error)) {
        await retries.afterTransientFailure(`Slack answered ${error}`);
        continue;
      }
      throw new DeliveryError(true, PERMANENT_REASONS[error] ?? `Slack refused the digest (${error})`, { platformCode: error });
    }
  }
}

/** Slack reads &, < and > as control characters in mrkdwn; nothing else needs escaping. */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function digestHeading(digest: Digest, part: number, parts: number): string {
  const query = digest.query === '' ? 'every new paper' : `\`${escapeSlackText(digest.query.replace(/`/g, "'"))}\``;
  const partLabel = parts > 1 ? ` (${part + 1}/${parts})` : '';
  return `*${countNewPapers(digest.entries.length)}* for ${query}${partLabel} · subscription #${digest.subscriptionId}, \`/unsubscribe ${digest.subscriptionId}\` stops it`;
}

function entryText(entry: DigestEntry): string {
  const title = escapeSlackText(entry.title);
  const lines = [`• *${entry.codeUrl === undefined ? title : `<${linkTarget(entry.codeUrl)}|${title}>`}*`];
  lines.push(`   ${escapeSlackText(`${entry.venue} ${entry.year} · ${entry.authors}`)}`);
  if (entry.abstractLine !== '') lines.push(`   ${escapeSlackText(entry.abstractLine)}`);
  if (entry.codeUrl !== undefined) lines.push(`   Code: <${linkTarget(entry.codeUrl)}>`);
  return lines.join('\n');
}

/** A URL inside <…|…> must not contain the characters that end it. */
function linkTarget(url: string): string {
  return url.replace(/\|/g, '%7C').replace(/>/g, '%3E').replace(/</g, '%3C');
}
