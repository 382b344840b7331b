// Finds the one paper a person means by an id, a title, a short title ("GridMix", "DeeR-VLA"),
// an acronym or a title with typos. Used by /paper, /ask and the "Similar papers" button.
import { foldName, type StoredPaper } from '../paper.js';
import { editDistance } from '../query/editDistance.js';
import type { PaperIndex } from './paperIndex.js';

export interface PaperMatch {
  paper: StoredPaper;
  /** Other plausible papers, best first, for "did you mean". */
  alternatives: StoredPaper[];
}

export function findPaper(index: PaperIndex, text: string): PaperMatch | undefined {
  const wanted = foldName(text);
  if (wanted === '') return undefined;
  const byId = index.getById(text.trim().toLowerCase());
  if (byId !== undefined) return { paper: byId, alternatives: [] };

  const scored = index.papers
    .map((doc) => ({ paper: doc.paper, score: titleScore(doc.paper.title, wanted) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || b.paper.year - a.paper.year);
  const best = scored[0];
  if (best === undefined) return undefined;
  return { paper: best.paper, alternatives: scored.slice(1, 4).map((entry) => entry.paper) };
}

/**
 * How well a folded query names a title: exact title, short title (the part before ":"), a
 * run of whole words in the title, an acronym defined in it, or close by edit distance.
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
