// The contract between the index and a full-text engine. The index owns filters, phrases,
// clause logic and ordering; an engine only scores one word (or hyphenated word group) at a time,
// so a second engine for large corpora can be swapped in without touching the query language.
import type { StoredPaper } from '../paper.js';
import type { TextAlternative } from '../query/queryTypes.js';

/**
 * A paper prepared for searching: folded texts are padded with spaces for whole-word checks.
 * PaperIndex computes the folded fields on first use, so a 100k-paper corpus whose engine comes
 * from a persisted index never folds abstracts it is not asked about.
 */
export interface IndexedPaper {
  paper: StoredPaper;
  ordinal: number;
  /** Shown authors plus cluster people, display form. */
  authorNames: string[];
  foldedAuthors: string[];
  foldedTitle: string;
  foldedAbstract: string;
  foldedVenue: string;
  /** Acronyms and long forms the paper uses only one way (see acronyms.ts). */
  expansions: string;
}

/**
 * Papers and their scores, side by side in typed arrays: a common word of a large corpus matches
 * most of it (85k of 100k synthetic papers), and a Map of that many entries cost more than the search.
 */
export interface ScoredPapers {
  /** How many entries are used; the arrays may be longer. Ordinals are distinct, in no particular order. */
  count: number;
  ordinals: Uint32Array;
  scores: Float64Array;
}

export interface TextEngine {
  readonly name: string;
  /**
   * Papers (by ordinal) containing every word of the alternative in its field (or any field),
   * with stemming and light typo tolerance, and a relevance score (higher is better).
   */
  score(alternative: TextAlternative): ScoredPapers;
}

/** ScoredPapers from (ordinal, score) pairs, for engines whose libraries return lists of results. */
export function scoredPapers(entries: Iterable<readonly [number, number]>): ScoredPapers {
  const pairs = [...entries];
  const ordinals = new Uint32Array(pairs.length);
  const scores = new Float64Array(pairs.length);
  pairs.forEach(([ordinal, score], i) => {
    ordinals[i] = ordinal;
    scores[i] = score;
  });
  return { count: pairs.length, ordinals, scores };
}

/** Builds (or loads) the engine for one corpus; PaperIndex calls it once per index. */
export type TextEngineFactory = (papers: readonly IndexedPaper[]) => TextEngine;
