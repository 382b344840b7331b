// One contract suite for the subscription side of every store (subscriptions, the delivery
// ledger, leases): the same tests against a real SQLite file and the machine's real PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PaperStore } from '../../../src/core/store/paperStore.js';
import { PostgresStore } from '../../../src/core/store/postgresStore.js';
import { SqliteStore } from '../../../src/core/store/sqliteStore.js';
import type { ClaimRequest, NewSubscription } from '../../../src/core/store/subscriptionStore.js';
import { createTestSchema, type TestSchema } from '../digests/testPostgres.js';

interface StoreFactory {
  name: string;
  /** A fresh database; `second` opens another connection (another "process") to the same one. */
  open(): Promise<{ store: PaperStore; second: () => PaperStore }>;
  cleanup(): Promise<void>;
}

function sqliteFactory(): StoreFactory {
  const directory = mkdtempSync(join(tmpdir(), 'paperbot-subscriptions-'));
  let counter = 0;
  return {
    name: 'SqliteStore',
    open: async () => {
      const path = join(directory, `store-${(counter += 1)}.sqlite`);
      return { store: new SqliteStore(path), second: () => new SqliteStore(path) };
    },
    cleanup: async () => rmSync(directory, { recursive: true, force: true }),
  };
}

function postgresFactory(): StoreFactory {
  const schemas: TestSchema[] = [];
  return {
    name: 'PostgresStore',
    open: async () => {
      const schema = await createTestSchema('subscriptions');
      schemas.push(schema);
      return { store: new PostgresStore(schema.url), second: () => new PostgresStore(schema.url) };
    },
    cleanup: async () => {
      for (const schema of schemas) await schema.drop();
    },
  };
}

const T0 = new Date('2026-03-02T08:00:00.000Z');
const minutes = (n: number): Date => new Date(T0.getTime() + n * 60_000);

function newSubscription(overrides: Partial<NewSubscription> = {}): NewSubscription {
  return {
    platform: 'slack',
    workspaceId: 'T1',
    channelId: 'C1',
    query: 'venue:NeurIPS attention',
    schedule: { every: 'day', at: '09:00', timeZone: 'Europe/Berlin' },
    createdBy: 'U1',
    createdAt: T0,
    nextRunAt: minutes(60),
    ...overrides,
  };
}

function claim(overrides: Partial<ClaimRequest> = {}): ClaimRequest {
  return { owner: 'run-a', now: minutes(61), leaseMs: 5 * 60_000, limit: 100, force: false, runStartedAt: minutes(61), ...overrides };
}

for (const makeFactory of [sqliteFactory, postgresFactory]) {
  const factory = makeFactory();
  describe(`${factory.name} subscriptions`, () => {
    const opened: PaperStore[] = [];
    const open = async (): Promise<{ store: PaperStore; second: () => Promise<PaperStore> }> => {
      const { store, second } = await factory.open();
      opened.push(store);
      await store.migrate();
      return {
        store,
        second: async () => {
          const other = second();
          opened.push(other);
          await other.migrate();
          return other;
        },
      };
    };
    afterAll(async () => {
      for (const store of opened) await store.close();
      await factory.cleanup();
    });

    it('creates a subscription whose watermark is its creation time and lists it for its channel only', async () => {
      const { store } = await open();
      const created = await store.subscriptions.createSubscription(newSubscription());
      await store.subscriptions.createSubscription(newSubscription({ channelId: 'C2', query: 'year:2024' }));
      await store.subscriptions.createSubscription(newSubscription({ platform: 'discord', channelId: 'C1', workspaceId: undefined }));

      expect(created).toMatchObject({
        platform: 'slack',
        workspaceId: 'T1',
        channelId: 'C1',
        query: 'venue:NeurIPS attention',
        schedule: { every: 'day', at: '09:00', timeZone: 'Europe/Berlin' },
        createdBy: 'U1',
        state: 'active',
      });
      expect(created.watermark.toISOString()).toBe(T0.toISOString());
      expect(created.nextRunAt.toISOString()).toBe(minutes(60).toISOString());
      expect(created.lastDeliveryAt).toBeUndefined();
      expect(created.pauseReason).toBeUndefined();

      const listed = await store.subscriptions.listChannelSubscriptions('slack', 'C1');
      expect(listed.map((subscription) => subscription.id)).toEqual([created.id]);
      expect(await store.subscriptions.getSubscription(created.id)).toEqual(created);
      const discord = await store.subscriptions.listChannelSubscriptions('discord', 'C1');
      expect(discord).toHaveLength(1);
      expect(discord[0]?.workspaceId).toBeUndefined();
    });

    it('claims only due, unleased subscriptions, and a lease blocks every other run until it expires', async () => {
      const { store } = await open();
      const due = await store.subscriptions.createSubscription(newSubscription());
      const later = await store.subscriptions.createSubscription(newSubscription({ nextRunAt: minutes(24 * 60) }));

      const first = await store.subscriptions.claimSubscriptions(claim());
      expect(first.map((subscription) => subscription.id)).toEqual([due.id]);
      // Another run a minute later: the lease is live, so nothing.
      expect(await store.subscriptions.claimSubscriptions(claim({ owner: 'run-b', now: minutes(62), runStartedAt: minutes(62) }))).toEqual([]);
      // --now takes the not-yet-due one too, but still not the leased one.
      const forced = await store.subscriptions.claimSubscriptions(claim({ owner: 'run-b', now: minutes(62), runStartedAt: minutes(62), force: true }));
      expect(forced.map((subscription) => subscription.id)).toEqual([later.id]);
      // run-a crashed: once its lease expired, the next run takes the subscription over.
      const recovered = await store.subscriptions.claimSubscriptions(claim({ owner: 'run-c', now: minutes(67), runStartedAt: minutes(67) }));
      expect(recovered.map((subscription) => subscription.id)).toEqual([due.id]);
      // The crashed owner can no longer renew or finish it.
      expect(await store.subscriptions.renewLease(due.id, 'run-a', minutes(80))).toBe(false);
      expect(await store.subscriptions.finishRun(due.id, 'run-a', { finishedAt: minutes(68), nextRunAt: minutes(2000) })).toBe(false);
      expect((await store.subscriptions.getSubscription(due.id))?.nextRunAt.toISOString()).toBe(minutes(60).toISOString());
      expect(await store.subscriptions.renewLease(due.id, 'run-c', minutes(80))).toBe(true);
    });

    it('finishing a run moves the schedule and frees the lease; a run does not claim what it already finished', async () => {
      const { store } = await open();
      const subscription = await store.subscriptions.createSubscription(newSubscription());
      await store.subscriptions.claimSubscriptions(claim({ force: true }));
      expect(await store.subscriptions.finishRun(subscription.id, 'run-a', { finishedAt: minutes(62) })).toBe(true);
      // --now left the schedule alone and the same run does not pick it up again.
      const after = await store.subscriptions.getSubscription(subscription.id);
      expect(after?.nextRunAt.toISOString()).toBe(minutes(60).toISOString());
      expect(after?.lastRunAt?.toISOString()).toBe(minutes(62).toISOString());
      expect(await store.subscriptions.claimSubscriptions(claim({ force: true, now: minutes(63) }))).toEqual([]);

      // A later run claims it (it is still due) and moves it to tomorrow.
      const next = await store.subscriptions.claimSubscriptions(claim({ owner: 'run-b', now: minutes(70), runStartedAt: minutes(70) }));
      expect(next).toHaveLength(1);
      expect(await store.subscriptions.finishRun(subscription.id, 'run-b', { finishedAt: minutes(71), nextRunAt: minutes(1500) })).toBe(true);
      expect((await store.subscriptions.getSubscription(subscription.id))?.nextRunAt.toISOString()).toBe(minutes(1500).toISOString());
      expect(await store.subscriptions.claimSubscriptions(claim({ owner: 'run-c', now: minutes(80), runStartedAt: minutes(80) }))).toEqual([]);
    });

    it('a released lease waits until its retry time', async () => {
      const { store } = await open();
      const subscription = await store.subscriptions.createSubscription(newSubscription());
      await store.subscriptions.claimSubscriptions(claim());
      await store.subscriptions.releaseLease(subscription.id, 'run-a', minutes(90));
      expect(await store.subscriptions.claimSubscriptions(claim({ owner: 'run-b', now: minutes(89), runStartedAt: minutes(89) }))).toEqual([]);
      expect(await store.subscriptions.claimSubscriptions(claim({ owner: 'run-b', now: minutes(90), runStartedAt: minutes(90) }))).toHaveLength(1);
    });

    it('a paused subscription keeps its reason, is never claimed, and runs again once resumed', async () => {
      const { store } = await open();
      const subscription = await store.subscriptions.createSubscription(newSubscription());
      await store.subscriptions.claimSubscriptions(claim());
      await store.subscriptions.pauseSubscription(subscription.id, 'the bot was removed from this channel');
      const paused = await store.subscriptions.getSubscription(subscription.id);
      expect(paused?.state).toBe('paused');
      expect(paused?.pauseReason).toBe('the bot was removed from this channel');
      expect(await store.subscriptions.claimSubscriptions(claim({ owner: 'run-b', now: minutes(100), runStartedAt: minutes(100), force: true }))).toEqual([]);

      expect(await store.subscriptions.resumeSubscription(subscription.id, minutes(120))).toBe(true);
      const resumed = await store.subscriptions.getSubscription(subscription.id);
      expect(resumed?.state).toBe('active');
      expect(resumed?.pauseReason).toBeUndefined();
      expect(await store.subscriptions.claimSubscriptions(claim({ owner: 'run-b', now: minutes(120), runStartedAt: minutes(120) }))).toHaveLength(1);
      expect(await store.subscriptions.resumeSubscription(999_999, minutes(120))).toBe(false);
    });

    it('the ledger records each (subscription, paper) once and reports what is still undelivered', async () => {
      const { store } = await open();
      const subscription = await store.subscriptions.createSubscription(newSubscription());
      const other = await store.subscriptions.createSubscription(newSubscription({ channelId: 'C2' }));
      await store.subscriptions.recordDeliveries(subscription.id, ['p1', 'p2'], minutes(61));
      await store.subscriptions.recordDeliveries(subscription.id, ['p2', 'p3'], minutes(62));

      expect(await store.subscriptions.undeliveredPaperIds(subscription.id, ['p4', 'p1', 'p3', 'p5'])).toEqual(['p4', 'p5']);
      expect(await store.subscriptions.undeliveredPaperIds(other.id, ['p1', 'p2'])).toEqual(['p1', 'p2']);
      const deliveries = await store.subscriptions.listDeliveries(subscription.id);
      expect(deliveries.map((delivery) => delivery.paperId)).toEqual(['p1', 'p2', 'p3']);
      expect(deliveries[1]?.deliveredAt.toISOString()).toBe(minutes(61).toISOString());
      expect((await store.subscriptions.getSubscription(subscription.id))?.lastDeliveryAt?.toISOString()).toBe(minutes(62).toISOString());
    });

    it('unsubscribing deletes only this channel\'s subscriptions, with their ledger', async () => {
      const { store } = await open();
      const first = await store.subscriptions.createSubscription(newSubscription());
      const second = await store.subscriptions.createSubscription(newSubscription({ query: 'year:2024' }));
      const elsewhere = await store.subscriptions.createSubscription(newSubscription({ channelId: 'C2' }));
      await store.subscriptions.recordDeliveries(first.id, ['p1'], minutes(61));

      expect(await store.subscriptions.deleteSubscriptions('slack', 'C1', [elsewhere.id])).toEqual([]);
      const deleted = await store.subscriptions.deleteSubscriptions('slack', 'C1', [first.id]);
      expect(deleted.map((subscription) => subscription.id)).toEqual([first.id]);
      expect(await store.subscriptions.listDeliveries(first.id)).toEqual([]);
      expect(await store.subscriptions.getSubscription(first.id)).toBeUndefined();

      const rest = await store.subscriptions.deleteSubscriptions('slack', 'C1', 'all');
      expect(rest.map((subscription) => subscription.id)).toEqual([second.id]);
      expect(await store.subscriptions.listChannelSubscriptions('slack', 'C2')).toHaveLength(1);
    });

    it('two connections claiming at once split the due subscriptions without overlap', async () => {
      const { store, second } = await open();
      const other = await second();
      const ids: number[] = [];
      for (let index = 0; index < 200; index += 1) ids.push((await store.subscriptions.createSubscription(newSubscription({ channelId: `C${index}` }))).id);

      const claimAll = async (source: PaperStore, owner: string): Promise<number[]> => {
        const claimed: number[] = [];
        for (;;) {
          const batch = await source.subscriptions.claimSubscriptions(claim({ owner, limit: 7 }));
          if (batch.length === 0) return claimed;
          claimed.push(...batch.map((subscription) => subscription.id));
        }
      };
      const [a, b, c] = await Promise.all([claimAll(store, 'run-a'), claimAll(other, 'run-b'), claimAll(store, 'run-c')]);
      const all = [...a, ...b, ...c];
      expect(all.sort((x, y) => x - y)).toEqual(ids);
      expect(new Set(all).size).toBe(200);
    });

    it('a second connection migrating again keeps the subscriptions and sees the same tables', async () => {
      const { store, second } = await open();
      const other = await second();
      await other.migrate();
      await store.subscriptions.createSubscription(newSubscription());
      expect(await other.subscriptions.listChannelSubscriptions('slack', 'C1')).toHaveLength(1);
    });
  });
}
