// Author filters go through an index of distinct names; they must pick exactly the papers a
// paper-by-paper check picks (every filter's words, in order, within one of the paper's names),
// for full names, surnames, given names, several filters at once and names no paper has.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/syntheticCorpus.js';
import { readCorpusFile } from '../../../src/core/ingest/corpusFile.js';
import { emptyQuery } from '../../../src/core/query/queryTypes.js';
import { PaperIndex } from '../../../src/core/search/paperIndex.js';
import { foldText } from '../../../src/core/search/searchTokens.js';

let index: PaperIndex;
let names: string[];
beforeAll(async () => {
  const seed = (await readCorpusFile('data/papers.json')).papers;
  const papers = [...seed, ...generateCorpus({ size: 400, shapeFrom: seed })].map((paper) => ({ ...paper, firstSeenAt: new Date(0) }));
  index = new PaperIndex(papers);
  names = [...new Set(papers.flatMap((paper) => [...paper.authors.map((author) => author.name), ...paper.clusterAuthors]))];
});

describe('author filters', () => {
  it('pick the same papers as checking every paper', () => {
    const nameQuery = fc.oneof(
      fc.nat().map((i) => names[i % names.length]!),
      fc.nat().map((i) => names[i % names.length]!.split(' ').at(-1)!),
      fc.nat().map((i) => names[i % names.length]!.split(' ')[0]!),
      fc.nat().map((i) => names[i % names.length]!.toUpperCase()),
      fc.constantFrom('Shiji Song', 'huang', 'Gao  Huang', 'nobody at all', 'wang'),
    );
    fc.assert(
      fc.property(fc.array(nameQuery, { minLength: 1, maxLength: 3 }), (authors) => {
        const query = emptyQuery();
        query.filters.authors = authors;
        const found = index.search(query).hits.map((hit) => hit.paper.id).sort();
        const named = (doc: (typeof index.papers)[number], author: string): boolean => doc.foldedAuthors.some((name) => ` ${name} `.includes(` ${foldText(author)} `));
        const expected = index.papers.filter((doc) => authors.every((author) => named(doc, author))).map((doc) => doc.paper.id).sort();
        expect(found).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
