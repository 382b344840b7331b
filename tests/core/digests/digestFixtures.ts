// Small builders shared by the digest tests: papers, digests and a test clock whose sleep returns
// at once and records what was asked, so retry and rate-limit waits are asserted, never timed.
import { buildDigest, type Digest } from '../../../src/core/digests/digestBuilder.js';
import type { StoredPaper } from '../../../src/core/paper.js';

export function samplePaper(index: number, overrides: Partial<StoredPaper> = {}): StoredPaper {
  return {
    id: `2026-sample-paper-${index}`,
    title: `Sample Paper ${index}`,
    venue: 'NeurIPS',
    venueKind: 'Conference',
    year: 2026,
    type: 'Conference Paper',
    authors: [{ name: 'Ada Lovelace' }, { name: 'Alan Turing' }],
    authorsTruncated: false,
    clusterAuthors: [],
    abstract: `We study attention number ${index}. It works well. More text follows here.`,
    codeUrls: [`https://github.com/example/sample-${index}`],
    sources: [{ file: 'sample.txt' }],
    firstSeenAt: new Date('2026-03-01T00:00:00Z'),
    ...overrides,
  };
}

export function sampleDigest(count: number, overrides: (index: number) => Partial<StoredPaper> = () => ({})): Digest {
  const digest = buildDigest({ id: 7, query: 'venue:NeurIPS attention' }, Array.from({ length: count }, (_, index) => samplePaper(index + 1, overrides(index + 1))));
  if (digest === undefined) throw new Error('a digest needs at least one paper');
  return digest;
}

export interface TestClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Every wait asked for, in order. */
  sleeps: number[];
}

/** `advance: false` freezes time, so waits pile up visibly behind a rate limit. */
export function testClock(options: { start?: number; advance?: boolean } = {}): TestClock {
  let time = options.start ?? 1_000_000;
  const sleeps: number[] = [];
  return {
    now: () => time,
    sleeps,
    sleep: async (ms) => {
      sleeps.push(ms);
      if (options.advance !== false) time += ms;
    },
  };
}
