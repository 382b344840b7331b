// MiniSearch behind the TextEngine interface, only for the benchmark: the alternative engine run
// side by side with lunr and BM25 on the same papers and query mix. It gets the same tokenizer,
// stop words and stemmer, the same field boosts, every word required, and fuzzy matching (the
// same typo allowance) only when the exact words find nothing.
import MiniSearch from 'minisearch';
import type { TextAlternative, TextField } from '../src/core/query/queryTypes.js';
import { foldedWords, indexStem, typoAllowance } from '../src/core/search/searchTokens.js';
import { scoredPapers, type IndexedPaper, type ScoredPapers, type TextEngine } from '../src/core/search/textEngine.js';

const BOOSTS = { title: 10, authors: 4, venue: 2, abstract: 1, expansions: 1 };
const FIELDS_FOR: Record<TextField, string[]> = { title: ['title'], abstract: ['abstract', 'expansions'], authors: ['authors'], venue: ['venue'] };

interface MiniDocument {
  id: number;
  title: string;
  authors: string;
  venue: string;
  abstract: string;
  expansions: string;
}

export class MiniSearchTextEngine implements TextEngine {
  readonly name = 'minisearch';
  readonly index: MiniSearch<MiniDocument>;

  constructor(papers: readonly IndexedPaper[]) {
    this.index = new MiniSearch<MiniDocument>({
      fields: Object.keys(BOOSTS),
      tokenize: (text) => foldedWords(text),
      processTerm: (term) => indexStem(term) || null,
    });
    this.index.addAll(
      papers.map((doc) => ({
        id: doc.ordinal,
        title: doc.paper.title,
        authors: doc.authorNames.join(' '),
        venue: doc.paper.venue,
        abstract: doc.paper.abstract,
        expansions: doc.expansions,
      })),
    );
  }

  score(alternative: TextAlternative): ScoredPapers {
    const fields = alternative.field === undefined ? Object.keys(BOOSTS) : FIELDS_FOR[alternative.field];
    const options = { fields, boost: BOOSTS, combineWith: 'AND' as const, prefix: false };
    let results = this.index.search(alternative.value, options);
    if (results.length === 0) results = this.index.search(alternative.value, { ...options, fuzzy: (term: string) => typoAllowance(term) ?? false });
    return scoredPapers(results.map((result) => [Number(result.id), result.score]));
  }
}
