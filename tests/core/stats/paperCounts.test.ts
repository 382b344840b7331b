// Papers per year and per venue from counts: the numbers behind /stats.
import { describe, expect, it } from 'vitest';
import { readCorpusFile } from '../../../src/core/ingest/corpusFile.js';
import type { Paper } from '../../../src/core/paper.js';
import { topVenues, venueCounts, yearCounts } from '../../../src/core/stats/paperCounts.js';

/** How many papers have each value of `key`: what PaperIndex.countMatches hands these functions. */
function tally<K>(papers: readonly Paper[], key: (paper: Paper) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const paper of papers) counts.set(key(paper), (counts.get(key(paper)) ?? 0) + 1);
  return counts;
}
const papersPerYear = (papers: readonly Paper[]) => yearCounts(tally(papers, (paper) => paper.year));
const papersPerVenue = (papers: readonly Paper[], limit = Number.POSITIVE_INFINITY) => topVenues(venueCounts(tally(papers, (paper) => paper.venue)), limit);

describe('paper counts on the bundled corpus', async () => {
  const corpus = (await readCorpusFile('data/papers.json')).papers;

  it('counts papers per year with empty years as 0, oldest first', () => {
    expect(papersPerYear(corpus)).toEqual([
      { year: 2015, papers: 2 },
      { year: 2016, papers: 0 },
      { year: 2017, papers: 0 },
      { year: 2018, papers: 0 },
      { year: 2019, papers: 4 },
      { year: 2020, papers: 1 },
      { year: 2021, papers: 2 },
      { year: 2022, papers: 3 },
      { year: 2023, papers: 5 },
      { year: 2024, papers: 7 },
      { year: 2025, papers: 3 },
    ]);
    expect(papersPerYear([])).toEqual([]);
  });

  it('counts papers per venue, most first, ties alphabetical', () => {
    expect(papersPerVenue(corpus)).toEqual([
      { venue: 'NeurIPS', papers: 14 },
      { venue: 'AAAI', papers: 4 },
      { venue: 'IROS', papers: 4 },
      { venue: 'ICLR', papers: 3 },
      { venue: 'ICML', papers: 1 },
      { venue: 'IJCAI', papers: 1 },
    ]);
  });

  it('sums the venues past a limit into one Other row', () => {
    const limited = papersPerVenue(corpus, 3);
    expect(limited).toEqual([
      { venue: 'NeurIPS', papers: 14 },
      { venue: 'AAAI', papers: 4 },
      { venue: 'Other (4 venues)', papers: 9 },
    ]);
    expect(limited.reduce((sum, entry) => sum + entry.papers, 0)).toBe(corpus.length);
  });
});
