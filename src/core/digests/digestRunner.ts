// One digest run: claim due subscriptions (leases, so several instances can run at once), find
// each one's new matching papers (first seen after its watermark, not yet in its ledger), post
// the digest through the platform's poster, record each message's papers in the ledger, and
// move the schedule. A crash anywhere leaves the lease to expire and the ledger says what is left:
// nothing is lost, and at most the one message in flight is posted again.
import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { PaperCatalog } from '../catalog.js';
import type { Logger } from '../logger.js';
import type { StoredPaper } from '../paper.js';
import { parseQuery } from '../query/parseQuery.js';
import type { PaperStore } from '../store/paperStore.js';
import type { Subscription, SubscriptionPlatform } from '../store/subscriptionStore.js';
import { buildDigest } from './digestBuilder.js';
import { DeliveryError, type DigestPoster } from './digestPoster.js';
import { nextRunAfter } from './digestSchedule.js';

export const DEFAULT_LEASE_MS = 10 * 60_000;
export const DEFAULT_TRANSIENT_RETRY_MS = 5 * 60_000;

export type DigestRunEvent =
  | { type: 'claimed'; subscriptionIds: number[] }
  | { type: 'posted'; subscriptionId: number; paperIds: string[] }
  | { type: 'recorded'; subscriptionId: number; paperIds: string[] }
  | { type: 'paused'; subscriptionId: number; reason: string };

export interface DigestRunnerOptions {
  store: PaperStore;
  catalog: PaperCatalog;
  posters: readonly DigestPoster[];
  logger: Logger;
  now?: () => Date;
  /** How long a claim lasts; a crashed run's subscriptions are picked up after this. */
  leaseMs?: number;
  /** Subscriptions claimed per round trip. */
  batchSize?: number;
  /** Subscriptions worked on at once (posters pace their own requests). */
  concurrency?: number;
  /** After a transient failure that outlasted the poster's retries, wait this long before trying again. */
  transientRetryMs?: number;
  /** Sees each step (metrics, and tests that stop a process at a given point). */
  observer?: (event: DigestRunEvent) => void | Promise<void>;
}

export interface DigestRunReport {
  claimed: number;
  /** Subscriptions that got a digest. */
  digests: number;
  messages: number;
  papers: number;
  /** Subscriptions with nothing new: no message. */
  empty: number;
  paused: { subscriptionId: number; reason: string }[];
  /** Left for a later run (transient failure, no poster for the platform, lost lease). */
  deferred: number[];
}

export class DigestRunner {
  private readonly posters: Map<SubscriptionPlatform, DigestPoster>;
  private readonly now: () => Date;
  private readonly leaseMs: number;

  constructor(private readonly options: DigestRunnerOptions) {
    this.posters = new Map(options.posters.map((poster) => [poster.platform, poster]));
    this.now = options.now ?? (() => new Date());
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  /** Sends what is due (or, with force, everything pending) and returns what happened. */
  async run(request: { force?: boolean } = {}): Promise<DigestRunReport> {
    const report: DigestRunReport = { claimed: 0, digests: 0, messages: 0, papers: 0, empty: 0, paused: [], deferred: [] };
    // Papers ingested by another process since the last look must be in the index we match against.
    await this.options.catalog.refresh();
    const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const runStartedAt = this.now();
    for (;;) {
      const claimed = await this.options.store.subscriptions.claimSubscriptions({
        owner,
        now: this.now(),
        leaseMs: this.leaseMs,
        limit: this.options.batchSize ?? 25,
        force: request.force === true,
        runStartedAt,
      });
      if (claimed.length === 0) break;
      report.claimed += claimed.length;
      await this.options.observer?.({ type: 'claimed', subscriptionIds: claimed.map((subscription) => subscription.id) });
      await forEachConcurrently(claimed, this.options.concurrency ?? 4, (subscription) => this.deliverSafely(subscription, owner, report));
    }
    if (report.claimed > 0) this.options.logger.info('digest run finished', { ...report, paused: report.paused.length, deferred: report.deferred.length });
    return report;
  }

  private async deliverSafely(subscription: Subscription, owner: string, report: DigestRunReport): Promise<void> {
    try {
      await this.deliver(subscription, owner, report);
    } catch (error) {
      // A store error or a bug: leave the subscription for a later run rather than stop the others.
      this.options.logger.error('digest failed', { subscription: subscription.id, error });
      report.deferred.push(subscription.id);
      await this.options.store.subscriptions
        .releaseLease(subscription.id, owner, this.later(this.options.transientRetryMs ?? DEFAULT_TRANSIENT_RETRY_MS))
        .catch(() => undefined);
    }
  }

  private async deliver(subscription: Subscription, owner: string, report: DigestRunReport): Promise<void> {
    const subscriptions = this.options.store.subscriptions;
    const retryLater = async (why: string): Promise<void> => {
      this.options.logger.warn('digest deferred', { subscription: subscription.id, why });
      report.deferred.push(subscription.id);
      await subscriptions.releaseLease(subscription.id, owner, this.later(this.options.transientRetryMs ?? DEFAULT_TRANSIENT_RETRY_MS));
    };
    const pause = async (reason: string): Promise<void> => {
      this.options.logger.warn('subscription paused', { subscription: subscription.id, reason });
      await subscriptions.pauseSubscription(subscription.id, reason);
      report.paused.push({ subscriptionId: subscription.id, reason });
      await this.options.observer?.({ type: 'paused', subscriptionId: subscription.id, reason });
    };

    const poster = this.posters.get(subscription.platform);
    if (poster === undefined) return retryLater(`no ${subscription.platform} token is configured in this instance`);

    let papers: StoredPaper[];
    try {
      papers = this.newPapers(subscription);
    } catch (error) {
      return pause(`its query no longer works: ${error instanceof Error ? error.message : String(error)}`);
    }
    const undelivered = new Set(await subscriptions.undeliveredPaperIds(subscription.id, papers.map((paper) => paper.id)));
    const digest = buildDigest(subscription, papers.filter((paper) => undelivered.has(paper.id)));
    // A forced run (`--now`) of a subscription that is not due yet leaves its schedule alone.
    const runAt = this.now();
    const nextRunAt = subscription.nextRunAt.getTime() <= runAt.getTime() ? nextRunAfter(subscription.schedule, runAt) : undefined;

    if (digest !== undefined) {
      const target = subscription.workspaceId === undefined ? { channelId: subscription.channelId } : { channelId: subscription.channelId, workspaceId: subscription.workspaceId };
      for (const message of poster.render(digest)) {
        if (!(await subscriptions.renewLease(subscription.id, owner, this.later(this.leaseMs)))) {
          // Unsubscribed meanwhile, or our lease ran out and another run owns it now.
          this.options.logger.warn('digest lease lost', { subscription: subscription.id });
          report.deferred.push(subscription.id);
          return;
        }
        try {
          await poster.post(target, message, digestNonce(subscription, message.paperIds));
        } catch (error) {
          if (error instanceof DeliveryError && error.permanent) return pause(error.reason);
          return retryLater(error instanceof Error ? error.message : String(error));
        }
        await this.options.observer?.({ type: 'posted', subscriptionId: subscription.id, paperIds: message.paperIds });
        await subscriptions.recordDeliveries(subscription.id, message.paperIds, this.now());
        await this.options.observer?.({ type: 'recorded', subscriptionId: subscription.id, paperIds: message.paperIds });
        report.messages += 1;
        report.papers += message.paperIds.length;
      }
      report.digests += 1;
    } else {
      report.empty += 1;
    }
    const finished = nextRunAt === undefined ? { finishedAt: this.now() } : { finishedAt: this.now(), nextRunAt };
    await subscriptions.finishRun(subscription.id, owner, finished);
  }

  /** Matching papers the store first saw after the subscription was made. */
  private newPapers(subscription: Subscription): StoredPaper[] {
    const watermark = subscription.watermark.getTime();
    // The stored query is canonical (venues already resolved), so it is parsed, not re-resolved.
    return this.options.catalog.index
      .search(parseQuery(subscription.query))
      .hits.map((hit) => hit.paper)
      .filter((paper) => paper.firstSeenAt.getTime() > watermark);
  }

  private later(ms: number): Date {
    return new Date(this.now().getTime() + ms);
  }
}

/**
 * The same message of the same scheduled run always gets the same nonce: after a crash the retry
 * carries the nonce of the post that may already have gone out, and Discord returns that message
 * instead of posting a second one. 25 characters is Discord's limit.
 * @see https://discord.com/developers/docs/resources/message#create-message-jsonform-params
 */
export function digestNonce(subscription: Pick<Subscription, 'id' | 'nextRunAt'>, paperIds: readonly string[]): string {
  return createHash('sha256')
    .update(`${subscription.id}\n${subscription.nextRunAt.toISOString()}\n${[...paperIds].join('\n')}`)
    .digest('base64url')
    .slice(0, 25);
}

async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
