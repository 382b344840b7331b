// Subscriptions, the delivery ledger and leases in PostgreSQL, for several bot instances sharing
// one database. Claims lock candidate rows with FOR UPDATE SKIP LOCKED, so concurrent schedulers
// split the due subscriptions between them instead of queueing on (or double-claiming) a row.
// Times are always passed in from the caller's clock, never taken from the server's now().
import type pg from 'pg';
import type {
  ClaimRequest,
  Delivery,
  NewSubscription,
  Subscription,
  SubscriptionPlatform,
  SubscriptionStore,
} from './subscriptionStore.js';
import { SUBSCRIPTION_COLUMNS, subscriptionFromRow, type SubscriptionRow } from './subscriptionRows.js';

/** Timestamps come back as Dates (TIMESTAMPTZ). */
type PostgresSubscriptionRow = SubscriptionRow<Date>;

export class PostgresSubscriptionStore implements SubscriptionStore {
  constructor(private readonly pool: pg.Pool) {}

  async createSubscription(input: NewSubscription): Promise<Subscription> {
    const result = await this.pool.query<PostgresSubscriptionRow>(
      `INSERT INTO subscriptions (platform, workspace_id, channel_id, query, every, at_time, time_zone, created_by, created_at, watermark, next_run_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10) RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [
        input.platform,
        input.workspaceId ?? null,
        input.channelId,
        input.query,
        input.schedule.every,
        input.schedule.at,
        input.schedule.timeZone,
        input.createdBy,
        input.createdAt,
        input.nextRunAt,
      ],
    );
    return subscriptionFromRow(firstRow(result));
  }

  async getSubscription(id: number): Promise<Subscription | undefined> {
    const result = await this.pool.query<PostgresSubscriptionRow>(`SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE id = $1`, [id]);
    const row = result.rows[0];
    return row === undefined ? undefined : subscriptionFromRow(row);
  }

  async listChannelSubscriptions(platform: SubscriptionPlatform, channelId: string): Promise<Subscription[]> {
    const result = await this.pool.query<PostgresSubscriptionRow>(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE platform = $1 AND channel_id = $2 ORDER BY id`,
      [platform, channelId],
    );
    return result.rows.map(subscriptionFromRow);
  }

  async deleteSubscriptions(platform: SubscriptionPlatform, channelId: string, ids: readonly number[] | 'all'): Promise<Subscription[]> {
    const result = ids === 'all'
      ? await this.pool.query<PostgresSubscriptionRow>(`DELETE FROM subscriptions WHERE platform = $1 AND channel_id = $2 RETURNING ${SUBSCRIPTION_COLUMNS}`, [platform, channelId])
      : await this.pool.query<PostgresSubscriptionRow>(
        `DELETE FROM subscriptions WHERE platform = $1 AND channel_id = $2 AND id = ANY($3::int[]) RETURNING ${SUBSCRIPTION_COLUMNS}`,
        [platform, channelId, [...ids]],
      );
    return result.rows.map(subscriptionFromRow).sort((a, b) => a.id - b.id);
  }

  async resumeSubscription(id: number, nextRunAt: Date): Promise<boolean> {
    const result = await this.pool.query(
      "UPDATE subscriptions SET state = 'active', pause_reason = NULL, next_run_at = $1, lease_owner = NULL, lease_expires_at = NULL WHERE id = $2",
      [nextRunAt, id],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async pauseSubscription(id: number, reason: string): Promise<void> {
    await this.pool.query(
      "UPDATE subscriptions SET state = 'paused', pause_reason = $1, lease_owner = NULL, lease_expires_at = NULL WHERE id = $2",
      [reason, id],
    );
  }

  /** @see https://www.postgresql.org/docs/current/sql-select.html#SQL-FOR-UPDATE-SHARE */
  async claimSubscriptions(request: ClaimRequest): Promise<Subscription[]> {
    // Under READ COMMITTED a row another instance leased after our snapshot is re-checked against
    // the WHERE clause once locked, and a row still locked by its claim is skipped: never both.
    const result = await this.pool.query<PostgresSubscriptionRow>(
      `UPDATE subscriptions SET lease_owner = $1, lease_expires_at = $2
       WHERE id IN (
         SELECT id FROM subscriptions
         WHERE state = 'active'
           AND ($3::boolean OR next_run_at <= $4)
           AND (lease_expires_at IS NULL OR lease_expires_at <= $4)
           AND (last_run_at IS NULL OR last_run_at < $5)
         ORDER BY next_run_at, id
         LIMIT $6
         FOR UPDATE SKIP LOCKED)
       RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [request.owner, new Date(request.now.getTime() + request.leaseMs), request.force, request.now, request.runStartedAt, request.limit],
    );
    return result.rows.map(subscriptionFromRow).sort((a, b) => a.nextRunAt.getTime() - b.nextRunAt.getTime() || a.id - b.id);
  }

  async renewLease(id: number, owner: string, until: Date): Promise<boolean> {
    const result = await this.pool.query(
      "UPDATE subscriptions SET lease_expires_at = $1 WHERE id = $2 AND lease_owner = $3 AND state = 'active'",
      [until, id, owner],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async releaseLease(id: number, owner: string, retryAt: Date): Promise<void> {
    await this.pool.query('UPDATE subscriptions SET lease_owner = NULL, lease_expires_at = $1 WHERE id = $2 AND lease_owner = $3', [retryAt, id, owner]);
  }

  async finishRun(id: number, owner: string, result: { finishedAt: Date; nextRunAt?: Date }): Promise<boolean> {
    const outcome = await this.pool.query(
      `UPDATE subscriptions SET last_run_at = $1, next_run_at = COALESCE($2, next_run_at), lease_owner = NULL, lease_expires_at = NULL
       WHERE id = $3 AND lease_owner = $4`,
      [result.finishedAt, result.nextRunAt ?? null, id, owner],
    );
    return (outcome.rowCount ?? 0) > 0;
  }

  async undeliveredPaperIds(id: number, paperIds: readonly string[]): Promise<string[]> {
    if (paperIds.length === 0) return [];
    const result = await this.pool.query<{ paper_id: string }>(
      'SELECT paper_id FROM deliveries WHERE subscription_id = $1 AND paper_id = ANY($2::text[])',
      [id, [...paperIds]],
    );
    const delivered = new Set(result.rows.map((row) => row.paper_id));
    return paperIds.filter((paperId) => !delivered.has(paperId));
  }

  async recordDeliveries(id: number, paperIds: readonly string[], deliveredAt: Date): Promise<void> {
    // One statement is one transaction: the ledger rows and the delivery time land together.
    await this.pool.query(
      `WITH recorded AS (
         INSERT INTO deliveries (subscription_id, paper_id, delivered_at)
         SELECT $1, paper_id, $3 FROM unnest($2::text[]) AS paper_id
         ON CONFLICT DO NOTHING)
       UPDATE subscriptions SET last_delivery_at = $3 WHERE id = $1`,
      [id, [...paperIds], deliveredAt],
    );
  }

  async listDeliveries(id: number): Promise<Delivery[]> {
    const result = await this.pool.query<{ paper_id: string; delivered_at: Date }>(
      'SELECT paper_id, delivered_at FROM deliveries WHERE subscription_id = $1 ORDER BY delivered_at, paper_id',
      [id],
    );
    return result.rows.map((row) => ({ paperId: row.paper_id, deliveredAt: row.delivered_at }));
  }
}

function firstRow<T extends pg.QueryResultRow>(result: pg.QueryResult<T>): T {
  const row = result.rows[0];
  if (row === undefined) throw new Error('INSERT ... RETURNING returned no row');
  return row;
}
