// The subscriptions table as both stores read it: the columns they select and the row ->
// Subscription mapping. The only difference between the two is how timestamps come back (ISO
// text from SQLite, Date from PostgreSQL's TIMESTAMPTZ); `new Date()` accepts either.
import type { DigestFrequency, Subscription, SubscriptionPlatform, SubscriptionState } from './subscriptionStore.js';

export const SUBSCRIPTION_COLUMNS = `id, platform, workspace_id, channel_id, query, every, at_time, time_zone, created_by, created_at,
  watermark, next_run_at, last_run_at, last_delivery_at, state, pause_reason`;

export interface SubscriptionRow<Timestamp extends string | Date> {
  id: number;
  platform: SubscriptionPlatform;
  workspace_id: string | null;
  channel_id: string;
  query: string;
  every: DigestFrequency;
  at_time: string;
  time_zone: string;
  created_by: string;
  created_at: Timestamp;
  watermark: Timestamp;
  next_run_at: Timestamp;
  last_run_at: Timestamp | null;
  last_delivery_at: Timestamp | null;
  state: SubscriptionState;
  pause_reason: string | null;
}

export function subscriptionFromRow(row: SubscriptionRow<string | Date>): Subscription {
  const subscription: Subscription = {
    id: row.id,
    platform: row.platform,
    channelId: row.channel_id,
    query: row.query,
    schedule: { every: row.every, at: row.at_time, timeZone: row.time_zone },
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    watermark: new Date(row.watermark),
    nextRunAt: new Date(row.next_run_at),
    state: row.state,
  };
  if (row.workspace_id !== null) subscription.workspaceId = row.workspace_id;
  if (row.last_run_at !== null) subscription.lastRunAt = new Date(row.last_run_at);
  if (row.last_delivery_at !== null) subscription.lastDeliveryAt = new Date(row.last_delivery_at);
  if (row.pause_reason !== null) subscription.pauseReason = row.pause_reason;
  return subscription;
}
