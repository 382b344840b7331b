// Finds the one paper a person means by an id, a title, a short title ("GridMix", "DeeR-VLA"),
// an acronym ("ISDA") or a title with typos. Used by /paper, /ask and the "Similar papers" button.
import { foldName, type StoredPaper } from '../paper.js';
import { editDistance } from '../query/editDistance.js';
import { preparedPerKey } from './inSlices.js';
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

  const acronymLongForm = wanted.includes(' ') ? undefined : index.acronyms.get(wanted);
  const titles = titleKeysOf(index);
  const target = wantedTitle(wanted);
  const scored: Array<{ paper: StoredPaper; score: number }> = [];
  for (const doc of index.papers) {
    const title = titleScore(titles[doc.ordinal] ?? EMPTY_TITLE, target);
    // The abstract is read (and folded) only for a known acronym: abstracts are most of a large corpus's memory.
    const score = acronymLongForm === undefined ? title : Math.max(title, acronymScore(doc.foldedTitle, doc.foldedAbstract, wanted, acronymLongForm));
    if (score > 0) scored.push({ paper: doc.paper, score });
  }
  scored.sort((a, b) => b.score - a.score || b.paper.year - a.paper.year);
  const best = scored[0];
  if (best === undefined) return undefined;
  return { paper: best.paper, alternatives: scored.slice(1, 4).map((entry) => entry.paper), score: best.score };
}

/** A title folded the ways titleScore compares it; computed once per index, since every /paper and /ask reads them all. */
export interface TitleKeys {
  folded: string;
  /** ` ${folded} `, for whole-word checks. */
  padded: string;
  /** The part before ":" or "—", folded. */
  short: string;
  /** Whether the title holds characters outside the BMP (then UTF-16 lengths are not code point counts). */
  astral: boolean;
}

const EMPTY_TITLE: TitleKeys = { folded: '', padded: '  ', short: '', astral: false };
const ASTRAL = /[\uD800-\uDFFF]/;

const titleKeysByIndex = preparedPerKey((index: PaperIndex) => {
  const keys: TitleKeys[] = [];
  return { items: index.papers, step: ({ paper }) => keys.push(titleKeys(paper.title)), result: () => keys };
});

/** Every title of the index folded for title lookups, on first use unless prepared ahead. */
export function titleKeysOf(index: PaperIndex): TitleKeys[] {
  return titleKeysByIndex.get(index);
}

/** Folds the titles ahead, in slices (a bot does this after loading; 100k titles take ~0.4 s). */
export function prepareTitleKeys(index: PaperIndex, signal?: AbortSignal): Promise<void> {
  return titleKeysByIndex.prepare(index, signal);
}

function titleKeys(title: string): TitleKeys {
  const folded = foldName(title);
  return { folded, padded: ` ${folded} `, short: foldName(title.split(/[:—]/)[0] ?? ''), astral: ASTRAL.test(title) };
}

interface WantedTitle {
  text: string;
  padded: string;
  astral: boolean;
  /** Words longer than two letters, padded: the words a partial match counts. */
  meaningfulWords: string[];
}

function wantedTitle(wanted: string): WantedTitle {
  return {
    text: wanted,
    padded: ` ${wanted} `,
    astral: ASTRAL.test(wanted),
    meaningfulWords: wanted
      .split(' ')
      .filter((word) => word.length > 2)
      .map((word) => ` ${word} `),
  };
}

/** Whether lengths alone prove two strings more than `edits` edits apart (editDistance counts code points, not UTF-16 units). */
function tooFarApart(a: string, aAstral: boolean, b: string, bAstral: boolean, edits: number): boolean {
  return !aAstral && !bAstral && Math.abs(a.length - b.length) > edits;
}

/**
 * How well a folded query names a title: exact title, short title (the part before ":"), a
 * run of whole words in the title, or close by edit distance.
 */
function titleScore(title: TitleKeys, wanted: WantedTitle): number {
  const { text } = wanted;
  if (title.folded === text) return 100;
  if (title.short === text) return 90;
  if (text.length >= 4 && !tooFarApart(title.short, title.astral, text, wanted.astral, 1) && editDistance(title.short, text, 2) <= 1) return 80;
  if (title.padded.includes(wanted.padded)) return 60 + Math.min(20, text.length / 2);
  if (text.length >= 8) {
    const start = title.folded.slice(0, text.length + 2);
    if (!tooFarApart(start, title.astral, text, wanted.astral, 2) && editDistance(start, text, 3) <= 2) return 50;
  }
  const meaningful = wanted.meaningfulWords.length;
  if (meaningful === 0) return 0;
  let shared = 0;
  for (const word of wanted.meaningfulWords) if (title.padded.includes(word)) shared += 1;
  if (shared / meaningful >= 0.6) return 20 + (shared / meaningful) * 20;
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
