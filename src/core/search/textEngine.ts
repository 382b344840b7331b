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

export interface TextEngine {
  readonly name: string;
  /**
   * Papers (by ordinal) containing every word of the alternative in its field (or any field),
   * with stemming and light typo tolerance, and a relevance score (higher is better).
   */
  score(alternative: TextAlternative): Map<number, number>;
}

/** Builds (or loads) the engine for one corpus; PaperIndex calls it once per index. */
export type TextEngineFactory = (papers: readonly IndexedPaper[]) => TextEngine;
