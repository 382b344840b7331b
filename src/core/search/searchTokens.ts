// Words as the search engines see them: folded like `foldName` (case, accents and punctuation do
// not count), stop words dropped, then Porter-stemmed with lunr's stemmer so that every engine
// agrees on what "learning" and "learned" have in common. Stems are memoised: a corpus of 100k
// abstracts has ~20M words but only a few hundred thousand distinct ones.
import lunr from 'lunr';

const NON_ASCII = /[^ -~\t\n\r]/;
const COMBINING_MARKS = /\p{M}/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/u;
const ASCII_SEPARATORS = /[^a-z0-9]+/;

/** The folded words of a text, in order (same words as `foldName(text).split(' ')`). */
export function foldedWords(text: string): string[] {
  let lower = text.toLowerCase();
  let separators = ASCII_SEPARATORS;
  if (NON_ASCII.test(lower)) {
    lower = lower.normalize('NFKD').replace(COMBINING_MARKS, '');
    separators = SEPARATORS;
  }
  const words = lower.split(separators);
  // split() leaves an empty string at either end when the text starts or ends with punctuation.
  if (words[0] === '') words.shift();
  if (words.at(-1) === '') words.pop();
  return words;
}

/** `foldName(text)`, with a fast path for ASCII text (almost every title and abstract). */
export function foldText(text: string): string {
  return foldedWords(text).join(' ');
}

const stems = new Map<string, string>();
const MAX_REMEMBERED_STEMS = 1_000_000;

/** lunr's Porter stemmer, memoised. */
export function stemWord(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = lunr.stemmer(new lunr.Token(word, {})).toString();
    if (stems.size >= MAX_REMEMBERED_STEMS) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

/** lunr's English stop words ("the", "of", "to", ...): too common to rank or to require. */
export function isStopWord(word: string): boolean {
  // Typed as always returning a token; it returns undefined for a stop word.
  const keep = lunr.stopWordFilter as (token: lunr.Token) => lunr.Token | undefined;
  return keep(new lunr.Token(word, {})) === undefined;
}

const indexStems = new Map<string, string>();
/** What a word of an indexed text is stored as: its stem, or '' for a stop word. Memoised like stemWord. */
export function indexStem(word: string): string {
  let stem = indexStems.get(word);
  if (stem === undefined) {
    stem = isStopWord(word) ? '' : stemWord(word);
    if (indexStems.size >= MAX_REMEMBERED_STEMS) indexStems.clear();
    indexStems.set(word, stem);
  }
  return stem;
}

/**
 * The stems a query alternative must match. Stop words are dropped unless the alternative has
 * nothing else ("the" alone still means "the"), so `"learning to rank"` needs learn + rank.
 */
export function queryStems(value: string): string[] {
  const words = foldedWords(value);
  const meaningful = words.filter((word) => !isStopWord(word));
  return [...new Set((meaningful.length > 0 ? meaningful : words).map(stemWord))];
}

/** Typos allowed in a (stemmed) query word: short words must match exactly, or "vit" would match half the vocabulary. */
export function typoAllowance(word: string): number | undefined {
  if (word.length >= 8) return 2;
  if (word.length >= 4) return 1;
  return undefined;
}
