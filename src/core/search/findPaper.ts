// Finds the one paper a person means by an id, a title, a short title ("GridMix", "DeeR-VLA"),
// an acronym ("ISDA") or a title with typos. Used by /paper, /ask and the "Similar papers" button.
import { foldName, type StoredPaper } from '../paper.js';
import { editDistance } from '../query/editDistance.js';
import type { PaperIndex } from './paperIndex.js';

export interface PaperMatch {
  paper: StoredPaper;
  /** Other plausible papers, best first, for "did you mean". */
  alternatives: StoredPaper[];
  /**
   * How sure the match is, 0-100: 100 an id or the exact title, 90 the short title, 60-80 a typo
   * or a run of title words, 50-70 an acronym, below 50 only some shared words. Callers that
   * guess whether text names a paper at all (/ask) need it; /paper takes any match.
   */
  score: number;
}

export function findPaper(index: PaperIndex, text: string): PaperMatch | undefined {
  const wanted = foldName(text);
  if (wanted === '') return undefined;
  const byId = index.getById(text.trim().toLowerCase());
  if (byId !== undefined) return { paper: byId, alternatives: [], score: 100 };

  const acronymLongForm = index.acronyms.get(wanted.replace(/ /g, ''));
  const scored = index.papers
    .map((doc) => ({
      paper: doc.paper,
      score: Math.max(titleScore(doc.paper.title, wanted), acronymScore(doc.foldedTitle, doc.foldedAbstract, wanted, acronymLongForm)),
    }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || b.paper.year - a.paper.year);
  const best = scored[0];
  if (best === undefined) return undefined;
  return { paper: best.paper, alternatives: scored.slice(1, 4).map((entry) => entry.paper), score: best.score };
}

/**
 * How well a folded query names a title: exact title, short title (the part before ":"), a
 * run of whole words in the title, or close by edit distance.
 */
function titleScore(title: string, wanted: string): number {
  const folded = foldName(title);
  if (folded === wanted) return 100;
  const shortTitle = foldName(title.split(/[:—]/)[0] ?? '');
  if (shortTitle === wanted) return 90;
  if (editDistance(shortTitle, wanted, 2) <= 1 && wanted.length >= 4) return 80;
  if (` ${folded} `.includes(` ${wanted} `)) return 60 + Math.min(20, wanted.length / 2);
  if (wanted.length >= 8 && editDistance(folded.slice(0, wanted.length + 2), wanted, 3) <= 2) return 50;
  const wantedWords = wanted.split(' ');
  const titleWords = new Set(folded.split(' '));
  const shared = wantedWords.filter((word) => word.length > 2 && titleWords.has(word)).length;
  const meaningful = wantedWords.filter((word) => word.length > 2).length;
  if (meaningful > 0 && shared / meaningful >= 0.6) return 20 + (shared / meaningful) * 20;
  return 0;
}

/**
 * An acronym names the paper whose title spells out its long form ("ISDA" -> "Implicit Semantic
 * Data Augmentation ..."), less surely one whose abstract defines or uses it: several papers may
 * share an acronym (RLVR), and then the newest wins with the others as alternatives.
 */
function acronymScore(paddedTitle: string, paddedAbstract: string, wanted: string, longForm: string | undefined): number {
  if (longForm === undefined || wanted.includes(' ')) return 0;
  const spelledOut = ` ${foldName(longForm)} `;
  if (paddedTitle.includes(spelledOut)) return 70;
  if (paddedAbstract.includes(spelledOut) || paddedAbstract.includes(` ${wanted} `)) return 45;
  return 0;
}
