// Subscriptions, the delivery ledger and leases in SQLite. One file serves one host: claims run in
// an IMMEDIATE transaction, which takes the write lock before reading, so two processes on the
// same file (the bot and a cron `paperbot digests run`) never claim the same subscription.
import type Database from 'better-sqlite3';
import type {
  ClaimRequest,
  Delivery,
  NewSubscription,
  Subscription,
  SubscriptionPlatform,
  SubscriptionStore,
} from './subscriptionStore.js';
import { SUBSCRIPTION_COLUMNS, subscriptionFromRow, type SubscriptionRow } from './subscriptionRows.js';

/** Timestamps come back as ISO text. */
type SqliteSubscriptionRow = SubscriptionRow<string>;

export class SqliteSubscriptionStore implements SubscriptionStore {
  constructor(private readonly db: Database.Database) {}

  async createSubscription(input: NewSubscription): Promise<Subscription> {
    const row = this.db
      .prepare(
        `INSERT INTO subscriptions (platform, workspace_id, channel_id, query, every, at_time, time_zone, created_by, created_at, watermark, next_run_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${SUBSCRIPTION_COLUMNS}`,
      )
      .get(
        input.platform,
        input.workspaceId ?? null,
        input.channelId,
        input.query,
        input.schedule.every,
        input.schedule.at,
        input.schedule.timeZone,
        input.createdBy,
        input.createdAt.toISOString(),
        input.createdAt.toISOString(),
        input.nextRunAt.toISOString(),
      ) as SqliteSubscriptionRow;
    return subscriptionFromRow(row);
  }

  async getSubscription(id: number): Promise<Subscription | undefined> {
    const row = this.db.prepare(`SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE id = ?`).get(id) as SqliteSubscriptionRow | undefined;
    return row === undefined ? undefined : subscriptionFromRow(row);
  }

  async listChannelSubscriptions(platform: SubscriptionPlatform, channelId: string): Promise<Subscription[]> {
    const rows = this.db
      .prepare(`SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE platform = ? AND channel_id = ? ORDER BY id`)
      .all(platform, channelId) as SqliteSubscriptionRow[];
    return rows.map(subscriptionFromRow);
  }

  async deleteSubscriptions(platform: SubscriptionPlatform, channelId: string, ids: readonly number[] | 'all'): Promise<Subscription[]> {
    const remove = this.db.transaction((): SqliteSubscriptionRow[] => {
      if (ids === 'all') {
        return this.db
          .prepare(`DELETE FROM subscriptions WHERE platform = ? AND channel_id = ? RETURNING ${SUBSCRIPTION_COLUMNS}`)
          .all(platform, channelId) as SqliteSubscriptionRow[];
      }
      const statement = this.db.prepare(`DELETE FROM subscriptions WHERE platform = ? AND channel_id = ? AND id = ? RETURNING ${SUBSCRIPTION_COLUMNS}`);
      return ids.flatMap((id) => statement.all(platform, channelId, id) as SqliteSubscriptionRow[]);
    });
    return remove.immediate().map(subscriptionFromRow).sort((a, b) => a.id - b.id);
  }

  async resumeSubscription(id: number, nextRunAt: Date): Promise<boolean> {
    const result = this.db
      .prepare("UPDATE subscriptions SET state = 'active', pause_reason = NULL, next_run_at = ?, lease_owner = NULL, lease_expires_at = NULL WHERE id = ?")
      .run(nextRunAt.toISOString(), id);
    return result.changes > 0;
  }

  async pauseSubscription(id: number, reason: string): Promise<void> {
    this.db
      .prepare("UPDATE subscriptions SET state = 'paused', pause_reason = ?, lease_owner = NULL, lease_expires_at = NULL WHERE id = ?")
      .run(reason, id);
  }

  async claimSubscriptions(request: ClaimRequest): Promise<Subscription[]> {
    const now = request.now.toISOString();
    const claim = this.db.transaction((): SqliteSubscriptionRow[] =>
      this.db
        .prepare(
          `UPDATE subscriptions SET lease_owner = ?, lease_expires_at = ?
           WHERE id IN (
             SELECT id FROM subscriptions
             WHERE state = 'active'
               AND (? = 1 OR next_run_at <= ?)
               AND (lease_expires_at IS NULL OR lease_expires_at <= ?)
               AND (last_run_at IS NULL OR last_run_at < ?)
             ORDER BY next_run_at, id
             LIMIT ?)
           RETURNING ${SUBSCRIPTION_COLUMNS}`,
        )
        .all(
          request.owner,
          new Date(request.now.getTime() + request.leaseMs).toISOString(),
          request.force ? 1 : 0,
          now,
          now,
          request.runStartedAt.toISOString(),
          request.limit,
        ) as SqliteSubscriptionRow[],
    );
    return claim.immediate().map(subscriptionFromRow).sort((a, b) => a.nextRunAt.getTime() - b.nextRunAt.getTime() || a.id - b.id);
  }

  async renewLease(id: number, owner: string, until: Date): Promise<boolean> {
    const result = this.db
      .prepare("UPDATE subscriptions SET lease_expires_at = ? WHERE id = ? AND lease_owner = ? AND state = 'active'")
      .run(until.toISOString(), id, owner);
    return result.changes > 0;
  }

  async releaseLease(id: number, owner: string, retryAt: Date): Promise<void> {
    this.db
      .prepare('UPDATE subscriptions SET lease_owner = NULL, lease_expires_at = ? WHERE id = ? AND lease_owner = ?')
      .run(retryAt.toISOString(), id, owner);
  }

  async finishRun(id: number, owner: string, result: { finishedAt: Date; nextRunAt?: Date }): Promise<boolean> {
    const outcome = this.db
      .prepare(
        `UPDATE subscriptions SET last_run_at = ?, next_run_at = COALESCE(?, next_run_at), lease_owner = NULL, lease_expires_at = NULL
         WHERE id = ? AND lease_owner = ?`,
      )
      .run(result.finishedAt.toISOString(), result.nextRunAt?.toISOString() ?? null, id, owner);
    return outcome.changes > 0;
  }

  async undeliveredPaperIds(id: number, paperIds: readonly string[]): Promise<string[]> {
    const delivered = new Set(
      (this.db.prepare('SELECT paper_id FROM deliveries WHERE subscription_id = ?').all(id) as { paper_id: string }[]).map((row) => row.paper_id),
    );
    return paperIds.filter((paperId) => !delivered.has(paperId));
  }

  async recordDeliveries(id: number, paperIds: readonly string[], deliveredAt: Date): Promise<void> {
    const at = deliveredAt.toISOString();
    const insert = this.db.prepare('INSERT INTO deliveries (subscription_id, paper_id, delivered_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
    const record = this.db.transaction(() => {
      for (const paperId of paperIds) insert.run(id, paperId, at);
      this.db.prepare('UPDATE subscriptions SET last_delivery_at = ? WHERE id = ?').run(at, id);
    });
    record.immediate();
  }

  async listDeliveries(id: number): Promise<Delivery[]> {
    const rows = this.db
      .prepare('SELECT paper_id, delivered_at FROM deliveries WHERE subscription_id = ? ORDER BY delivered_at, paper_id')
      .all(id) as { paper_id: string; delivered_at: string }[];
    return rows.map((row) => ({ paperId: row.paper_id, deliveredAt: new Date(row.delivered_at) }));
  }
}
