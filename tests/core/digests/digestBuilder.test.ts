// The neutral digest and the nonce its messages carry: nothing new means no digest, entries are
// newest first with a one-line abstract, and a retried message keeps its nonce.
import { describe, expect, it } from 'vitest';
import { buildDigest, packInOrder } from '../../../src/core/digests/digestBuilder.js';
import { digestNonce } from '../../../src/core/digests/digestRunner.js';
import { samplePaper } from './digestFixtures.js';

describe('buildDigest', () => {
  it('has nothing to post when nothing is new', () => {
    expect(buildDigest({ id: 1, query: 'venue:NeurIPS' }, [])).toBeUndefined();
  });

  it('lists title, venue, year, authors, one line of abstract and the code link, newest first', () => {
    const digest = buildDigest({ id: 3, query: 'attention' }, [
      samplePaper(1, { year: 2024, abstract: 'First sentence here.\nSecond line.' }),
      samplePaper(2, { year: 2026, codeUrls: [] }),
    ]);
    expect(digest?.entries.map((entry) => entry.paperId)).toEqual(['2026-sample-paper-2', '2026-sample-paper-1']);
    expect(digest?.entries[1]).toEqual({
      paperId: '2026-sample-paper-1',
      title: 'Sample Paper 1',
      venue: 'NeurIPS',
      year: 2024,
      authors: 'Ada Lovelace, Alan Turing',
      abstractLine: 'First sentence here. Second line.',
      codeUrl: 'https://github.com/example/sample-1',
    });
    expect(digest?.entries[0]?.codeUrl).toBeUndefined();
  });

  it('packs in order and opens a new message only when a limit would break', () => {
    expect(packInOrder([3, 3, 3, 3], { maxItems: 10, maxSize: 6 }, (size) => size)).toEqual([[3, 3], [3, 3]]);
    expect(packInOrder([1, 1, 1], { maxItems: 2, maxSize: 100 }, (size) => size)).toEqual([[1, 1], [1]]);
    expect(packInOrder([], { maxItems: 2, maxSize: 100 }, (size) => size)).toEqual([]);
  });
});

describe('digestNonce', () => {
  const run = { id: 12, nextRunAt: new Date('2026-03-02T09:00:00Z') };
  it('is the same for a retry of the same message of the same run, and fits Discord\'s 25 characters', () => {
    expect(digestNonce(run, ['a', 'b'])).toBe(digestNonce({ ...run }, ['a', 'b']));
    expect(digestNonce(run, ['a', 'b'])).toHaveLength(25);
  });
  it('differs for another message, run or subscription', () => {
    const nonce = digestNonce(run, ['a', 'b']);
    expect(digestNonce(run, ['c'])).not.toBe(nonce);
    expect(digestNonce({ ...run, nextRunAt: new Date('2026-03-03T09:00:00Z') }, ['a', 'b'])).not.toBe(nonce);
    expect(digestNonce({ ...run, id: 13 }, ['a', 'b'])).not.toBe(nonce);
  });
});
