// lunr as the text engine: BM25 ranking with stemming over title (weighted highest), authors,
// venue, abstract and acronym expansions. Words missing from the vocabulary get an edit-distance
// search so that light typos ("atention") still find papers. Query words go through the same
// folding, stop-word and stemming rules as the BM25 engine (searchTokens.ts).
import lunr from 'lunr';
import { editDistance } from '../query/editDistance.js';
import type { TextAlternative, TextField } from '../query/queryTypes.js';
import { queryStems, typoAllowance } from './searchTokens.js';
import { scoredPapers, type IndexedPaper, type ScoredPapers, type TextEngine } from './textEngine.js';

const FIELD_BOOSTS = { title: 10, authors: 4, venue: 2, abstract: 1, expansions: 1 } as const;
type LunrField = keyof typeof FIELD_BOOSTS;

const FIELDS_FOR: Record<TextField, LunrField[]> = {
  title: ['title'],
  abstract: ['abstract', 'expansions'],
  authors: ['authors'],
  venue: ['venue'],
};

export class LunrTextEngine implements TextEngine {
  readonly name = 'lunr';
  private readonly index: lunr.Index;
  /** lunr's inverted index keyed by stemmed word; not in its type definitions. */
  private readonly vocabulary: Record<string, unknown>;

  constructor(papers: readonly IndexedPaper[]) {
    this.index = lunr(function build() {
      this.ref('ordinal');
      for (const [field, boost] of Object.entries(FIELD_BOOSTS)) this.field(field, { boost });
      for (const doc of papers) {
        this.add({
          ordinal: String(doc.ordinal),
          title: doc.paper.title,
          authors: doc.authorNames.join(' '),
          venue: doc.paper.venue,
          abstract: doc.paper.abstract,
          expansions: doc.expansions,
        });
      }
    });
    this.vocabulary = (this.index as unknown as { invertedIndex: Record<string, unknown> }).invertedIndex;
  }

  score(alternative: TextAlternative): ScoredPapers {
    const stems = queryStems(alternative.value);
    if (stems.length === 0) return scoredPapers([]);
    const fields = alternative.field === undefined ? undefined : FIELDS_FOR[alternative.field];
    const results = this.index.query((query) => {
      for (const stemmed of stems) {
        const known = Object.hasOwn(this.vocabulary, stemmed);
        // lunr checks `'fields' in clause`: a key set to undefined would break it, so keys are
        // only present when they have values.
        const corrected = known ? stemmed : this.correctTypo(stemmed);
        query.term(corrected ?? stemmed, {
          presence: lunr.Query.presence.REQUIRED,
          usePipeline: false,
          ...(fields === undefined ? {} : { fields }),
        });
      }
    });
    return scoredPapers(results.map((result) => [Number(result.ref), result.score]));
  }

  /**
   * The vocabulary word closest to an unknown (stemmed) word, most frequent on ties: "atent"
   * (from "atention") becomes "attent", not the rarer "latent". Undefined when none is close.
   */
  private correctTypo(stemmed: string): string | undefined {
    const allowance = typoAllowance(stemmed);
    if (allowance === undefined) return undefined;
    let best: { term: string; distance: number; frequency: number } | undefined;
    for (const term of Object.keys(this.vocabulary)) {
      if (Math.abs(term.length - stemmed.length) > allowance) continue;
      const distance = editDistance(stemmed, term, allowance);
      if (distance > allowance) continue;
      const frequency = documentFrequency(this.vocabulary[term]);
      if (best === undefined || distance < best.distance || (distance === best.distance && frequency > best.frequency)) {
        best = { term, distance, frequency };
      }
    }
    return best?.term;
  }
}

/** Papers containing a term: lunr's posting is { field: { docRef: metadata } } plus an "_index". */
function documentFrequency(posting: unknown): number {
  const refs = new Set<string>();
  for (const [field, docs] of Object.entries(posting as Record<string, unknown>)) {
    if (field === '_index' || typeof docs !== 'object' || docs === null) continue;
    for (const ref of Object.keys(docs)) refs.add(ref);
  }
  return refs.size;
}
