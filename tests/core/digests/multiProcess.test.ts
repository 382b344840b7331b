// Several processes running digests against one PostgreSQL at once, and processes killed in the
// middle of a run. Real child processes, the real runner and the real PostgreSQL; the loopback
// Discord and Slack stand-ins record every post, so the tests count what channels would see.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpusFile } from '../../../src/core/ingest/corpusFile.js';
import { PostgresStore } from '../../../src/core/store/postgresStore.js';
import type { DigestRunReport } from '../../../src/core/digests/digestRunner.js';
import { FakeDiscord } from '../../helpers/fakeDiscord.js';
import { startFakeSlack, type FakeSlack } from '../../helpers/fakeSlack.js';
import { samplePaper } from './digestFixtures.js';
import { CORPUS_SEEN_AT } from './digestTestRuntime.js';
import { createTestSchema, type TestSchema } from './testPostgres.js';

const CREATED_AT = new Date('2026-03-02T08:00:00Z');
const DUE_AT = new Date('2026-03-02T09:00:00Z');
const RUN_AT = new Date('2026-03-02T09:30:00Z');
const NEW_PAPERS = [
  samplePaper(1, { venue: 'NeurIPS', title: 'Attention Arrives', abstract: 'Sparse attention for long inputs.' }),
  samplePaper(2, { venue: 'ICML', title: 'Other Venue Paper', abstract: 'Convex optimisation revisited.' }),
  samplePaper(3, { venue: 'NeurIPS', title: 'Quiet Results', abstract: 'Negative results in reinforcement learning.' }),
];
/** The queries subscriptions use, and which new papers each must receive. */
const QUERIES: [string, string[]][] = [
  ['', ['Attention Arrives', 'Other Venue Paper', 'Quiet Results']],
  ['venue:NeurIPS', ['Attention Arrives', 'Quiet Results']],
  ['venue:ICML', ['Other Venue Paper']],
  ['attention', ['Attention Arrives']],
  ['venue:IROS', []],
];

interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
  /** The report line, or undefined when the process died first. */
  done: Promise<{ report?: DigestRunReport; signal: NodeJS.Signals | null }>;
}

function startWorker(env: Record<string, string>): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/core/digests/digestWorker.ts'], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  let report: DigestRunReport | undefined;
  const ready = new Promise<void>((resolve) => {
    lines.on('line', (line) => {
      if (line === 'READY') resolve();
      else if (line.startsWith('{')) report = JSON.parse(line) as DigestRunReport;
    });
  });
  const done = new Promise<{ report?: DigestRunReport; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (_code, signal) => resolve({ report, signal }));
  });
  return { child, ready, done };
}

async function runWorkersTogether(envs: Record<string, string>[]): Promise<{ report?: DigestRunReport; signal: NodeJS.Signals | null }[]> {
  const workers = envs.map(startWorker);
  await Promise.all(workers.map((worker) => worker.ready));
  for (const worker of workers) worker.child.stdin?.write('go\n');
  return Promise.all(workers.map((worker) => worker.done));
}

/** Every post as (subscription, paper title) pairs, read from what the stand-ins received. */
function deliveredPairs(slack: FakeSlack, discord?: FakeDiscord): string[] {
  const pairs: string[] = [];
  for (const call of slack.callsTo('chat.postMessage')) {
    const text = String(call.params.text);
    const subscription = /subscription #(\d+)/.exec(text)?.[1];
    for (const match of text.matchAll(/^• \*<[^|]+\|([^>]+)>\*/gm)) pairs.push(`${subscription}|${match[1]}`);
  }
  for (const message of discord?.channelMessages ?? []) {
    const subscription = /subscription #(\d+)/.exec(String(message.body.content))?.[1];
    for (const embed of (message.body.embeds as { title: string }[] | undefined) ?? []) pairs.push(`${subscription}|${embed.title}`);
  }
  return pairs;
}

async function prepareDatabase(schema: TestSchema, subscriptionCount: number, platformOf: (index: number) => 'slack' | 'discord'): Promise<Map<number, string[]>> {
  const store = new PostgresStore(schema.url);
  try {
    await store.migrate();
    await store.upsertPapers((await readCorpusFile('data/papers.json')).papers, CORPUS_SEEN_AT);
    const expected = new Map<number, string[]>();
    for (let index = 0; index < subscriptionCount; index += 1) {
      const [query, titles] = QUERIES[index % QUERIES.length]!;
      const platform = platformOf(index);
      const subscription = await store.subscriptions.createSubscription({
        platform,
        channelId: platform === 'discord' ? String(1_400_000_000_000_000_000n + BigInt(index)) : `C${index}`,
        query,
        schedule: { every: 'day', at: '09:00', timeZone: 'UTC' },
        createdBy: 'U1',
        createdAt: CREATED_AT,
        nextRunAt: DUE_AT,
      });
      expected.set(subscription.id, titles);
    }
    await store.upsertPapers(NEW_PAPERS, new Date(CREATED_AT.getTime() + 600_000));
    return expected;
  } finally {
    await store.close();
  }
}

function expectedPairs(expected: Map<number, string[]>): string[] {
  return [...expected].flatMap(([id, titles]) => titles.map((title) => `${id}|${title}`)).sort();
}

async function ledgerPairs(schema: TestSchema): Promise<string[]> {
  const store = new PostgresStore(schema.url);
  try {
    const result = await store.pool.query<{ subscription_id: number; paper_id: string }>('SELECT subscription_id, paper_id FROM deliveries');
    const titles = new Map(NEW_PAPERS.map((paper) => [paper.id, paper.title]));
    return result.rows.map((row) => `${row.subscription_id}|${titles.get(row.paper_id) ?? row.paper_id}`).sort();
  } finally {
    await store.close();
  }
}

describe('two processes, one PostgreSQL, 1,000 subscriptions', () => {
  let schema: TestSchema;
  let slack: FakeSlack;
  let discord: FakeDiscord;
  beforeAll(async () => {
    schema = await createTestSchema('digests_two_processes');
    slack = await startFakeSlack();
    discord = await FakeDiscord.start();
  });
  afterAll(async () => {
    await slack.close();
    await discord.close();
    await schema.drop();
  });

  it('delivers every (subscription, paper) exactly once, and both processes take part', { timeout: 180_000 }, async () => {
    const expected = await prepareDatabase(schema, 1000, (index) => (index % 2 === 0 ? 'slack' : 'discord'));
    const env = {
      DATABASE_URL: schema.url,
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: 'unused-by-digests',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      WORKER_NOW: RUN_AT.toISOString(),
    };
    const results = await runWorkersTogether([env, env]);

    expect(results.map((result) => result.signal)).toEqual([null, null]);
    const reports = results.map((result) => result.report!);
    expect(reports.reduce((sum, report) => sum + report.claimed, 0)).toBe(1000);
    for (const report of reports) expect(report.claimed).toBeGreaterThan(0);
    expect(reports.flatMap((report) => report.paused)).toEqual([]);
    expect(reports.flatMap((report) => report.deferred)).toEqual([]);

    const delivered = deliveredPairs(slack, discord).sort();
    expect(delivered).toEqual(expectedPairs(expected));
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(await ledgerPairs(schema)).toEqual(expectedPairs(expected));
    // Subscriptions with nothing new got no message at all.
    const messages = slack.callsTo('chat.postMessage').length + discord.channelMessages.length;
    expect(messages).toBe([...expected.values()].filter((titles) => titles.length > 0).length);
  });
});

describe('a process killed in the middle of a run', () => {
  let schema: TestSchema;
  let slack: FakeSlack;
  beforeAll(async () => {
    schema = await createTestSchema('digests_crash');
    slack = await startFakeSlack();
  });
  afterAll(async () => {
    await slack.close();
    await schema.drop();
  });

  it('loses nothing after the next run, and repeats at most the one message in flight', { timeout: 180_000 }, async () => {
    const expected = await prepareDatabase(schema, 60, () => 'slack');
    const env = {
      DATABASE_URL: schema.url,
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: 'unused-by-digests',
      SLACK_API_URL: slack.apiUrl,
      WORKER_NOW: RUN_AT.toISOString(),
      DIGEST_BATCH: '10',
      // One post in flight at a time, so "killed right after a post" means exactly one unrecorded post.
      DIGEST_CONCURRENCY: '1',
    };
    // One dies right after claiming (before posting), one right after its first post (before recording).
    const [afterClaim, afterPost] = await runWorkersTogether([{ ...env, CRASH_AT: 'claimed' }, { ...env, CRASH_AT: 'posted' }]);
    expect(afterClaim?.signal).toBe('SIGKILL');
    expect(afterPost?.signal).toBe('SIGKILL');
    const postedBeforeRecovery = slack.callsTo('chat.postMessage').length;
    expect(postedBeforeRecovery).toBe(1);

    // While their leases last, another run leaves those subscriptions alone but does the rest.
    const [during] = await runWorkersTogether([{ ...env, WORKER_NOW: new Date(RUN_AT.getTime() + 60_000).toISOString() }]);
    expect(during?.report?.claimed).toBe(40);
    // After the leases expire (10 minutes), the next run finishes the crashed work.
    const [recovery] = await runWorkersTogether([{ ...env, WORKER_NOW: new Date(RUN_AT.getTime() + 11 * 60_000).toISOString() }]);
    expect(recovery?.report?.claimed).toBe(20);

    const delivered = deliveredPairs(slack);
    const counts = new Map<string, number>();
    for (const pair of delivered) counts.set(pair, (counts.get(pair) ?? 0) + 1);
    // Nothing lost: every expected pair reached its channel and is in the ledger.
    expect([...counts.keys()].sort()).toEqual(expectedPairs(expected));
    expect(await ledgerPairs(schema)).toEqual(expectedPairs(expected));
    // Duplicates bounded: only the message posted just before the crash went out twice.
    const repeated = [...counts].filter(([, count]) => count > 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    expect(new Set(repeated.map(([pair]) => pair.split('|')[0])).size).toBe(1);
    expect(slack.callsTo('chat.postMessage').length).toBe([...expected.values()].filter((titles) => titles.length > 0).length + 1);
  });
});
