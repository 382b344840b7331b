// The subscription side of the store: channel subscriptions, the delivery ledger keyed by
// (subscription, paper) so a paper reaches a channel once, and leases so that any number of bot
// instances (or cron runs) can run digests against one database without posting twice.
// SQLite and PostgreSQL implement it over the same schema (migrations.ts, version 2).

export type DigestFrequency = 'day' | 'week';
export type SubscriptionPlatform = 'discord' | 'slack';
export type SubscriptionState = 'active' | 'paused';

export interface DigestSchedule {
  every: DigestFrequency;
  /** Local wall-clock time "HH:MM" in `timeZone`. */
  at: string;
  /** Canonical IANA zone, e.g. "Europe/Berlin". */
  timeZone: string;
}

export interface Subscription {
  /** Small number users type in /unsubscribe 12. */
  id: number;
  platform: SubscriptionPlatform;
  /** Discord guild or Slack team; undefined in DMs. */
  workspaceId?: string;
  channelId: string;
  /** The query in canonical form (formatQuery). */
  query: string;
  schedule: DigestSchedule;
  createdBy: string;
  createdAt: Date;
  /** Papers first seen at or before this moment count as already seen. */
  watermark: Date;
  nextRunAt: Date;
  /** When a digest run last finished for it, whether or not it posted. */
  lastRunAt?: Date;
  /** When the last digest message reached the channel. */
  lastDeliveryAt?: Date;
  state: SubscriptionState;
  /** Why it was paused (a platform error such as "the bot cannot see this channel"). */
  pauseReason?: string;
}

/** What /subscribe knows; the store sets the rest. `createdAt` is also the watermark: what the store holds now is not news to the channel. */
export type NewSubscription = Pick<Subscription, 'platform' | 'workspaceId' | 'channelId' | 'query' | 'schedule' | 'createdBy' | 'createdAt' | 'nextRunAt'>;

export interface ClaimRequest {
  /** Identifies this process's run; only the owner can renew, finish or release its leases. */
  owner: string;
  now: Date;
  /** How long a claim stays valid; a run that crashes is retried once this has passed. */
  leaseMs: number;
  limit: number;
  /** Claim every active subscription, due or not (`paperbot digests run --now`). */
  force: boolean;
  /** Subscriptions whose last run finished at or after this are skipped (done in this run). */
  runStartedAt: Date;
}

export interface Delivery {
  paperId: string;
  deliveredAt: Date;
}

export interface SubscriptionStore {
  createSubscription(input: NewSubscription): Promise<Subscription>;
  getSubscription(id: number): Promise<Subscription | undefined>;
  /** A channel's subscriptions, oldest first. */
  listChannelSubscriptions(platform: SubscriptionPlatform, channelId: string): Promise<Subscription[]>;
  /** Deletes subscriptions of this channel (and their ledger); returns what was deleted. */
  deleteSubscriptions(platform: SubscriptionPlatform, channelId: string, ids: readonly number[] | 'all'): Promise<Subscription[]>;
  /** Makes a paused subscription active again; false when it does not exist. */
  resumeSubscription(id: number, nextRunAt: Date): Promise<boolean>;
  /** Pauses with the reason and drops any lease: it is kept, but no run claims it. */
  pauseSubscription(id: number, reason: string): Promise<void>;

  /**
   * Atomically leases up to `limit` active subscriptions that are due (or all with `force`) and
   * not leased by a live claim. PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: an IMMEDIATE transaction.
   */
  claimSubscriptions(request: ClaimRequest): Promise<Subscription[]>;
  /** Extends the owner's lease; false when the lease was lost (expired and taken by another run). */
  renewLease(id: number, owner: string, until: Date): Promise<boolean>;
  /** Gives the subscription back without running it; no run claims it before `retryAt`. */
  releaseLease(id: number, owner: string, retryAt: Date): Promise<void>;
  /**
   * Ends the owner's run: records lastRunAt, moves nextRunAt when given, drops the lease.
   * False when the lease was lost meanwhile (the schedule is then left to the new owner).
   */
  finishRun(id: number, owner: string, result: { finishedAt: Date; nextRunAt?: Date }): Promise<boolean>;

  /** Of these papers, those the subscription has not delivered yet, in the given order. */
  undeliveredPaperIds(id: number, paperIds: readonly string[]): Promise<string[]>;
  /** Writes ledger entries (ignoring ones already there) and the last delivery time, in one transaction. */
  recordDeliveries(id: number, paperIds: readonly string[], deliveredAt: Date): Promise<void>;
  listDeliveries(id: number): Promise<Delivery[]>;
}
