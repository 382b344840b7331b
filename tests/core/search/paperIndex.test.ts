// PaperIndex's own work around the text engine: a page asked for with `limit` must be exactly the
// same papers, in the same order, as the head of the full ranking (it is selected without sorting
// every hit), and phrases must match across the punctuation real abstracts use (curly quotes,
// en and em dashes) as folded text reads them.
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/syntheticCorpus.js';
import { readCorpusFile } from '../../../src/core/ingest/corpusFile.js';
import type { StoredPaper } from '../../../src/core/paper.js';
import { parseQuery } from '../../../src/core/query/parseQuery.js';
import { PaperIndex } from '../../../src/core/search/paperIndex.js';

const SEEN = new Date('2026-01-01T00:00:00Z');

async function syntheticIndex(size: number): Promise<PaperIndex> {
  const seed = (await readCorpusFile('data/papers.json')).papers;
  return new PaperIndex(generateCorpus({ size, shapeFrom: seed }).map((paper) => ({ ...paper, firstSeenAt: SEEN })));
}

describe('PaperIndex.search with a limit', () => {
  it('returns the head of the full ranking for every sort order, with the full total', async () => {
    const index = await syntheticIndex(2_000);
    const ids = (hits: { paper: StoredPaper }[]): string[] => hits.map((hit) => hit.paper.id);
    for (const text of ['learning', 'reinforcement learning', 'attention sort:newest', 'model sort:oldest', 'year:2021..2023', '', 'learning -attention']) {
      const query = parseQuery(text);
      const all = index.search(query);
      expect(all.total).toBeGreaterThan(100);
      for (const [offset, limit] of [[0, 5], [0, 50], [10, 5], [95, 10]] as const) {
        const page = index.search(query, { offset, limit });
        expect(page.total, text).toBe(all.total);
        expect(ids(page.hits), `${text} offset ${offset} limit ${limit}`).toEqual(ids(all.hits.slice(offset, offset + limit)));
        expect(page.hits.map((hit) => hit.score)).toEqual(all.hits.slice(offset, offset + limit).map((hit) => hit.score));
      }
      expect(index.search(query, { limit: 0 }).hits).toEqual([]);
      expect(ids(index.search(query, { limit: all.total + 10 }).hits)).toEqual(ids(all.hits));
    }
  });
});

describe('PaperIndex counts and unranked hits', () => {
  it('counts per year and venue from its columns as counting the ranked hits would (each venue spelled one way)', async () => {
    const index = await syntheticIndex(2_000);
    const tally = <K>(keys: K[]): Map<K, number> => keys.reduce((counts, key) => counts.set(key, (counts.get(key) ?? 0) + 1), new Map<K, number>());
    for (const text of ['learning', 'year:2021..2023', '', 'learning -attention', 'venue:NeurIPS has:code', 'zzzz']) {
      const query = parseQuery(text);
      const papers = index.search(query).hits.map((hit) => hit.paper);
      const counted = index.countMatches(query);
      expect(counted.total, text).toBe(papers.length);
      expect(counted.perYear, text).toEqual(tally(papers.map((paper) => paper.year)));
      expect(counted.perVenue, text).toEqual(tally(papers.map((paper) => paper.venue)));
    }
  });

  it('counts venues that fold alike as one, under the spelling most papers use', async () => {
    const seed = (await readCorpusFile('data/papers.json')).papers;
    const spelled = (venue: string, year: number) => (paper: (typeof seed)[number], i: number): StoredPaper => ({ ...paper, id: `${venue}-${year}-${i}`, venue, year, firstSeenAt: SEEN });
    const index = new PaperIndex([...seed.slice(0, 1).map(spelled('neurips', 2020)), ...seed.slice(1, 4).map(spelled('NeurIPS', 2021)), ...seed.slice(4, 5).map(spelled('ICML', 2021))]);
    expect(index.countMatches(parseQuery('year:2021')).perVenue).toEqual(new Map([['NeurIPS', 3], ['ICML', 1]]));
    expect(index.countMatches(parseQuery('')).perVenue).toEqual(new Map([['NeurIPS', 4], ['ICML', 1]]));
  });

  it('returns the same hits unranked, only in another order', async () => {
    const index = await syntheticIndex(2_000);
    for (const text of ['learning', 'year:2021..2023 sort:oldest']) {
      const query = parseQuery(text);
      const ranked = index.search(query).hits.map((hit) => hit.paper.id);
      const unranked = index.search(query, { ranked: false }).hits.map((hit) => hit.paper.id);
      expect(unranked).not.toEqual(ranked);
      expect([...unranked].sort()).toEqual([...ranked].sort());
    }
  });
});

describe('PaperIndex phrases', () => {
  it('reads curly quotes, dashes and accents the way folded text does', async () => {
    const [template] = (await readCorpusFile('data/papers.json')).papers;
    if (template === undefined) throw new Error('the bundled corpus is empty');
    const paper = (id: string, title: string, abstract: string): StoredPaper => ({ ...template, id, title, abstract, firstSeenAt: SEEN });
    const index = new PaperIndex([
      paper('dash', 'Plain title', 'We study language\u2014models at scale.'),
      paper('quote', 'Another title', 'The \u201clanguage models\u201d of today.'),
      paper('accent', 'Third title', 'Une étude des language modèles.'),
      paper('glued', 'Fourth title', 'Large\u2013scale xlanguage models\u2019 failures.'),
      paper('ellipsis', 'Fifth title', 'It said language\u2026 models and language\u2026'),
    ]);
    const found = (text: string): string[] => index.search(parseQuery(text)).hits.map((hit) => hit.paper.id).sort();
    expect(found('"language models"')).toEqual(['dash', 'ellipsis', 'quote']);
    expect(found('"language modeles"')).toEqual(['accent']);
    expect(found('"large scale"')).toEqual(['glued']);
    expect(found('"models failures"')).toEqual(['glued']);
  });
});
