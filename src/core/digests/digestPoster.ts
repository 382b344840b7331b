// What the digest runner needs from a platform: render a digest into as few messages as the
// platform's limits allow, and post one of them. Each platform implements it next to its
// adapter (src/adapters/*/…Poster.ts); the core never imports those, the app injects them.
import { ErrorCode, PaperbotError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { SubscriptionPlatform } from '../store/subscriptionStore.js';
import type { Digest } from './digestBuilder.js';

export interface DigestTarget {
  channelId: string;
  workspaceId?: string;
}

/** One platform message of a digest: the request body and the papers it carries. */
export interface OutgoingDigestMessage {
  paperIds: string[];
  body: Record<string, unknown>;
}

export interface DigestPoster {
  readonly platform: SubscriptionPlatform;
  render(digest: Digest): OutgoingDigestMessage[];
  /**
   * Posts one message, waiting out rate limits and retrying transient failures. The nonce is the
   * same for a retry of the same message after a crash, so a platform that deduplicates by nonce
   * (Discord) shows it once. Throws DeliveryError when it gives up.
   */
  post(target: DigestTarget, message: OutgoingDigestMessage, nonce: string): Promise<void>;
}

/**
 * A post that did not go through. Permanent failures (the channel is gone, the bot lost access)
 * pause the subscription with `reason`, worded for the channel's members; transient ones
 * (timeouts, 5xx) leave it for a later run.
 */
export class DeliveryError extends PaperbotError {
  constructor(
    readonly permanent: boolean,
    readonly reason: string,
    options: { cause?: unknown; platformCode?: string | number } = {},
  ) {
    super(ErrorCode.DeliveryFailed, reason, { cause: options.cause });
    this.platformCode = options.platformCode;
  }

  readonly platformCode: string | number | undefined;
}

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with a cap: 1 s, 2 s, 4 s, ... for transient failures. */
export function backoffDelay(attempt: number, baseMs = 1_000, maxMs = 30_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

export interface RetryLimits {
  /** Attempts for timeouts, 5xx and the platform's own hiccups before the run leaves the digest for later. */
  maxAttempts?: number;
  /** 429s waited out for one message before giving up on it for this run. */
  maxRateLimitWaits?: number;
}

/** What a poster talking to a platform's HTTP API with a bot token is given; tests swap the clock and the API. */
export interface HttpPosterOptions extends RetryLimits {
  token: string;
  /** DISCORD_API_URL / SLACK_API_URL; tests point it at a loopback server. */
  apiUrl?: string;
  logger: Logger;
  fetch?: typeof fetch;
  sleep?: Sleep;
  /** Milliseconds clock for pacing and rate-limit windows. */
  now?: () => number;
  /** A request not answered within this is a transient failure. */
  timeoutMs?: number;
}

/**
 * How long one message keeps trying, the same on every platform: a transient failure backs off
 * (1 s, 2 s, 4 s, ...) until `maxAttempts`, a rate limit is waited out (by the poster's pacer)
 * up to `maxRateLimitWaits` times; past either, a transient DeliveryError hands the digest back
 * to the runner, which tries again in a later run.
 */
export class RetryBudget {
  private failures = 0;
  private rateLimitWaits = 0;

  constructor(
    private readonly context: { platform: string; channelId: string; logger: Logger; sleep: Sleep },
    private readonly limits: RetryLimits = {},
  ) {}

  /** Waits before the next attempt, or throws when this was the last one. */
  async afterTransientFailure(why: string, cause?: unknown): Promise<void> {
    this.failures += 1;
    if (this.failures >= (this.limits.maxAttempts ?? 4)) throw new DeliveryError(false, `${why} (${this.failures} attempts)`, { cause });
    this.context.logger.warn(`${this.context.platform.toLowerCase()} post failed, retrying`, { channel: this.context.channelId, attempt: this.failures, why, error: cause });
    await this.context.sleep(backoffDelay(this.failures));
  }

  /** Counts a 429; throws when the platform keeps refusing this message. */
  afterRateLimit(): void {
    this.rateLimitWaits += 1;
    if (this.rateLimitWaits > (this.limits.maxRateLimitWaits ?? 10)) throw new DeliveryError(false, `${this.context.platform} kept rate-limiting this channel`);
  }
}

/**
 * Spaces requests so that at most one starts every `intervalMs` per key. Reservations are taken
 * synchronously, so concurrent callers queue in order instead of all waking at once.
 */
export class RequestPacer {
  private readonly nextAllowed = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number,
    private readonly sleep: Sleep,
  ) {}

  async wait(key: string): Promise<void> {
    const now = this.now();
    const slot = Math.max(now, this.nextAllowed.get(key) ?? 0);
    this.nextAllowed.set(key, slot + this.intervalMs);
    if (slot > now) await this.sleep(slot - now);
  }

  /** Nothing for `key` before `until` (a rate limit said so). */
  block(key: string, until: number): void {
    this.nextAllowed.set(key, Math.max(this.nextAllowed.get(key) ?? 0, until));
  }
}
