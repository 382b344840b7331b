// The word-pair filter may only ever skip papers that cannot contain the phrase: whatever the
// punctuation, case, accents or scripts around the words, a phrase made of neighbouring words of
// a text passes the filter of that text. And it does skip what is plainly absent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredPaper } from '../../../src/core/paper.js';
import { buildPhraseFilter, mayContainPhrase, phrasePairs } from '../../../src/core/search/phraseFilter.js';
import { foldedWords } from '../../../src/core/search/searchTokens.js';
import type { IndexedPaper } from '../../../src/core/search/textEngine.js';

function indexed(texts: { title?: string; abstract?: string; venue?: string; authors?: string[] }, ordinal = 0): IndexedPaper {
  const paper = { title: texts.title ?? 'Untitled', abstract: texts.abstract ?? '', venue: texts.venue ?? 'NeurIPS' } as StoredPaper;
  return { paper, ordinal, authorNames: texts.authors ?? [], foldedAuthors: [], foldedTitle: '', foldedAbstract: '', foldedVenue: '', expansions: '' };
}

const word = fc.stringMatching(/^[A-Za-z0-9éÉüß中文]{1,8}$/);
const separator = fc.constantFrom(' ', '-', ', ', ' — ', "'", '. ', ' (', ') ', '\u2019', '/');
const text = fc.array(fc.tuple(word, separator), { minLength: 2, maxLength: 40 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

describe('phrase filter', () => {
  it('never rejects a phrase of neighbouring words of the text, in any field', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.integer({ min: 2, max: 5 }), fc.constantFrom('title', 'abstract', 'venue', 'authors'), (body, start, length, field) => {
        const words = foldedWords(body);
        fc.pre(words.length >= 2);
        const from = start % (words.length - 1);
        const phrase = words.slice(from, from + length).join(' ');
        const doc = field === 'authors' ? indexed({ authors: ['Ada Lovelace', body] }) : indexed({ [field]: body });
        expect(mayContainPhrase(buildPhraseFilter([doc]), 0, phrasePairs(phrase))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects phrases whose word pairs a paper does not have, and keeps each paper to its own filter', () => {
    const papers = [indexed({ title: 'Graph neural networks for molecules', abstract: 'We study message passing.' }, 0), indexed({ title: 'Neural graph rewriting', abstract: 'Rewrite rules.' }, 1)];
    const filter = buildPhraseFilter(papers);
    expect(mayContainPhrase(filter, 0, phrasePairs('graph neural networks'))).toBe(true);
    expect(mayContainPhrase(filter, 1, phrasePairs('graph neural networks'))).toBe(false);
    expect(mayContainPhrase(filter, 1, phrasePairs('neural graph'))).toBe(true);
    expect(mayContainPhrase(filter, 0, phrasePairs('message rules'))).toBe(false);
    // Pairs do not cross from one text into the next: the title's last word and the abstract's first.
    expect(mayContainPhrase(filter, 0, phrasePairs('molecules we'))).toBe(false);
    // One word: no pair, nothing to filter on.
    expect(phrasePairs('graph')).toEqual([]);
  });
});
