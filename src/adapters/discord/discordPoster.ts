// Posts digests to Discord channels over the REST API with the bot token (plain fetch, no
// gateway): one message with an embed per paper, split only past Discord's limits (10 embeds,
// 6000 embed characters). Mentions never ping (allowed_mentions parse: []); a nonce with
// enforce_nonce lets Discord drop the repeat of a post retried after a crash. Rate limits are
// waited out (route and global 429 retry_after, X-RateLimit-Remaining 0), requests are paced
// under 50/s, timeouts and 5xx are retried with backoff, and the errors that mean "this channel
// is out of reach" are permanent so the runner pauses the subscription.
// @see https://discord.com/developers/docs/resources/message#create-message
// @see https://discord.com/developers/docs/topics/rate-limits
import { packInOrder, countNewPapers, truncate, type Digest, type DigestEntry } from '../../core/digests/digestBuilder.js';
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

/** DISCORD_API_URL is the API root as discord.js takes it; a URL already ending in /vN is kept. */
export const DEFAULT_DISCORD_API_URL = 'https://discord.com/api';
const DISCORD_API_VERSION = 'v10';
export const DISCORD_MAX_EMBEDS = 10;
export const DISCORD_MAX_EMBED_CHARACTERS = 6000;
export const DISCORD_MAX_EMBED_TITLE = 256;
/** Well under the 4096 an embed description may hold: a digest entry is a few lines. */
const DIGEST_EMBED_DESCRIPTION = 900;
/** Discord allows 50 requests a second per bot; one every 20 ms stays under it. */
export const DISCORD_REQUEST_INTERVAL_MS = 20;

/** Discord JSON error codes that mean the channel is out of reach until someone acts. */
const PERMANENT_REASONS: Record<number, string> = {
  10003: 'Discord says this channel no longer exists (10003 Unknown Channel)',
  50001: 'the bot cannot see this channel (Discord 50001 Missing Access): give it the View Channel permission',
  50013: 'the bot may not post here (Discord 50013 Missing Permissions): it needs Send Messages and Embed Links',
};

export class DiscordPoster implements DigestPoster {
  readonly platform = 'discord' as const;
  private readonly apiUrl: string;
  private readonly fetch: typeof fetch;
  private readonly sleep: Sleep;
  private readonly now: () => number;
  private readonly globalPacer: RequestPacer;
  private readonly routePacer: RequestPacer;

  constructor(private readonly options: HttpPosterOptions) {
    const root = (options.apiUrl ?? DEFAULT_DISCORD_API_URL).replace(/\/+$/, '');
    this.apiUrl = /\/v\d+$/.test(root) ? root : `${root}/${DISCORD_API_VERSION}`;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
    this.globalPacer = new RequestPacer(DISCORD_REQUEST_INTERVAL_MS, this.now, this.sleep);
    this.routePacer = new RequestPacer(0, this.now, this.sleep);
  }

  render(digest: Digest): OutgoingDigestMessage[] {
    const embeds = digest.entries.map((entry) => ({ entry, embed: digestEmbed(entry) }));
    const groups = packInOrder(embeds, { maxItems: DISCORD_MAX_EMBEDS, maxSize: DISCORD_MAX_EMBED_CHARACTERS }, ({ embed }) => embed.title.length + embed.description.length);
    return groups.map((group, index) => ({
      paperIds: group.map(({ entry }) => entry.paperId),
      body: {
        content: digestHeading(digest, index, groups.length),
        embeds: group.map(({ embed }) => embed),
        allowed_mentions: { parse: [] },
      },
    }));
  }

  async post(target: DigestTarget, message: OutgoingDigestMessage, nonce: string): Promise<void> {
    const route = `channels/${target.channelId}/messages`;
    const body = JSON.stringify({ ...message.body, nonce, enforce_nonce: true });
    const retries = new RetryBudget({ platform: 'Discord', channelId: target.channelId, logger: this.options.logger, sleep: this.sleep }, this.options);
    for (;;) {
      await this.globalPacer.wait('global');
      await this.routePacer.wait(route);
      let response: Response;
      try {
        response = await this.fetch(`${this.apiUrl}/${route}`, {
          method: 'POST',
          headers: {
            Authorization: `Bot ${this.options.token}`,
            'Content-Type': 'application/json',
            'User-Agent': 'DiscordBot (https://github.com/paperbot/paperbot, 0.1.0)',
          },
          body,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
        });
      } catch (error) {
        await retries.afterTransientFailure('Discord did not answer', error);
        continue;
      }
      this.noteBucket(route, response.headers);
      if (response.ok) {
        await response.arrayBuffer();
        return;
      }
      const payload = (await response.json().catch(() => ({}))) as { code?: number; message?: string; retry_after?: number; global?: boolean };
      if (response.status === 429) {
        retries.afterRateLimit();
        const waitMs = Math.ceil(1000 * (payload.retry_after ?? Number(response.headers.get('retry-after') ?? '1')));
        const global = payload.global === true || response.headers.get('x-ratelimit-global') === 'true';
        this.options.logger.warn('discord rate limit', { channel: target.channelId, waitMs, global });
        if (global) this.globalPacer.block('global', this.now() + waitMs);
        else this.routePacer.block(route, this.now() + waitMs);
        continue;
      }
      if (response.status >= 500) {
        await retries.afterTransientFailure(`Discord answered ${response.status}`);
        continue;
      }
      throw new DeliveryError(true, permanentReason(response.status, payload), { platformCode: payload.code ?? response.status });
    }
  }

  /** A bucket with no requests left is not used again before it resets: no 429 needed to learn that. */
  private noteBucket(route: string, headers: Headers): void {
    if (headers.get('x-ratelimit-remaining') !== '0') return;
    const resetAfter = Number(headers.get('x-ratelimit-reset-after'));
    if (Number.isFinite(resetAfter) && resetAfter > 0) this.routePacer.block(route, this.now() + Math.ceil(resetAfter * 1000));
  }
}

function permanentReason(status: number, payload: { code?: number; message?: string }): string {
  const known = payload.code === undefined ? undefined : PERMANENT_REASONS[payload.code];
  if (known !== undefined) return known;
  if (status === 401) return 'Discord rejected the bot token (401): set a valid DISCORD_TOKEN';
  return `Discord refused the digest (${status}${payload.code === undefined ? '' : ` code ${payload.code}`}${payload.message === undefined ? '' : `: ${payload.message}`})`;
}

function digestHeading(digest: Digest, part: number, parts: number): string {
  const query = digest.query === '' ? 'every new paper' : `\`${digest.query.replace(/`/g, "'")}\``;
  const total = countNewPapers(digest.entries.length);
  const partLabel = parts > 1 ? ` (${part + 1}/${parts})` : '';
  return `**${total}** for ${query}${partLabel} · subscription #${digest.subscriptionId}, /unsubscribe ${digest.subscriptionId} stops it`;
}

interface DigestEmbed {
  title: string;
  url?: string;
  description: string;
}

function digestEmbed(entry: DigestEntry): DigestEmbed {
  const lines = [`${escapeMarkdown(entry.venue)} ${entry.year} · ${escapeMarkdown(entry.authors)}`];
  if (entry.abstractLine !== '') lines.push(escapeMarkdown(entry.abstractLine));
  if (entry.codeUrl !== undefined) lines.push(`Code: ${entry.codeUrl}`);
  const embed: DigestEmbed = { title: truncate(entry.title, DISCORD_MAX_EMBED_TITLE), description: truncate(lines.join('\n'), DIGEST_EMBED_DESCRIPTION) };
  if (entry.codeUrl !== undefined) embed.url = entry.codeUrl;
  return embed;
}

/** Titles and abstracts are plain text: "*" or "_" in them must not turn into formatting. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~`|[\]>]/g, (character) => `\\${character}`).replace(/@(?=everyone|here)/gi, '@\u200b');
}
