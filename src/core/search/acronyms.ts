// Acronyms defined in abstracts ("Reinforcement Learning with Verifiable Rewards (RLVR)") become
// searchable both ways: a paper that only writes the long form is found by "RLVR", and one that
// only writes "RLVR" is found by the long form.
// Both passes are linear in the text (no regex that backtracks over every word, no loop over the
// whole dictionary per paper), because a corpus of 100k abstracts goes through them on every build.
import type { Paper } from '../paper.js';

/** Lower-case acronym -> lower-case long form. */
export type AcronymDictionary = Map<string, string>;

const MINOR_WORDS = new Set(['a', 'an', 'and', 'for', 'in', 'of', 'on', 'the', 'to', 'with', 'via', 'by']);
/** "(RLVR)", "(LLMs)", "(DeeR-VLA)": only the parenthesis is searched for; the words before it are read backwards. */
const ACRONYM_IN_PARENS = /\(([\p{Lu}][\p{L}\p{N}-]{1,11})s?\)/gu;
const WHOLE_WORD = /^[\p{L}][\p{L}\p{N}'-]*$/u;
const WORD_AT_END = /[\p{L}][\p{L}\p{N}'-]*$/u;
/** A long form has at most 10 words; 400 characters before the parenthesis always hold them. */
const LOOK_BACK_CHARS = 400;
const MAX_LONG_FORM_WORDS = 10;

export function buildAcronymDictionary(papers: readonly Paper[]): AcronymDictionary {
  const dictionary: AcronymDictionary = new Map();
  for (const paper of papers) {
    if (!paper.abstract.includes('(') && !paper.title.includes('(')) continue;
    for (const [acronym, longForm] of findDefinitions(`${paper.title}. ${paper.abstract}`)) {
      if (!dictionary.has(acronym)) dictionary.set(acronym, longForm);
    }
  }
  return dictionary;
}

/** Pairs (acronym, long form) defined in the text, both lower-cased. */
export function findDefinitions(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const match of text.matchAll(ACRONYM_IN_PARENS)) {
    const acronym = (match[1] ?? '').replace(/-/g, '');
    const capitals = acronym.replace(/[^\p{Lu}]/gu, '');
    if (capitals.length < 2) continue;
    const words = wordsBefore(text, match.index);
    if (words.length === 0) continue;
    const longForm = longFormFor(words, capitals);
    if (longForm !== undefined) pairs.push([acronym.toLowerCase(), longForm.toLowerCase()]);
  }
  return pairs;
}

/** Up to 10 words (letters, digits, ' and -, starting with a letter) right before `end`, each followed by white space. */
function wordsBefore(text: string, end: number): string[] {
  const before = text.slice(Math.max(0, end - LOOK_BACK_CHARS), end);
  if (!/\s$/u.test(before)) return [];
  const tokens = before.trimEnd().split(/\s+/u);
  const words: string[] = [];
  for (let i = tokens.length - 1; i >= 0 && words.length < MAX_LONG_FORM_WORDS; i -= 1) {
    const token = tokens[i] ?? '';
    if (WHOLE_WORD.test(token)) {
      words.unshift(token);
      continue;
    }
    // "(RNNs" or "3D": the word starts inside the token, and nothing before it can belong to the long form.
    const tail = WORD_AT_END.exec(token)?.[0];
    if (tail !== undefined) words.unshift(tail);
    break;
  }
  return words;
}

/**
 * The shortest run of trailing words whose initials (minor words optional, hyphenated parts
 * counted) spell the capitals of the acronym.
 */
function longFormFor(words: string[], capitals: string): string | undefined {
  for (let start = words.length - 1; start >= 0 && words.length - start <= capitals.length + 4; start -= 1) {
    const candidate = words.slice(start);
    const initials = candidate
      .filter((word) => !MINOR_WORDS.has(word.toLowerCase()))
      .flatMap((word) => word.split('-'))
      .map((part) => part.charAt(0).toUpperCase())
      .join('');
    if (initials === capitals.toUpperCase() && !MINOR_WORDS.has((candidate[0] ?? '').toLowerCase())) {
      return candidate.join(' ');
    }
  }
  return undefined;
}

interface DictionaryLookup {
  /** Acronym -> its position in the dictionary (expansions keep dictionary order). */
  acronyms: Map<string, number>;
  /** First word of a long form -> the long forms starting with it, as searched in folded text. */
  longFormsByFirstWord: Map<string, Array<{ position: number; acronym: string; words: string[] }>>;
  longForms: string[];
}

const lookups = new WeakMap<AcronymDictionary, DictionaryLookup>();

function lookupFor(dictionary: AcronymDictionary): DictionaryLookup {
  let lookup = lookups.get(dictionary);
  if (lookup !== undefined) return lookup;
  lookup = { acronyms: new Map(), longFormsByFirstWord: new Map(), longForms: [] };
  let position = 0;
  for (const [acronym, longForm] of dictionary) {
    const words = longForm.replace(/-/g, ' ').split(' ');
    const firstWord = words[0] ?? '';
    lookup.acronyms.set(acronym, position);
    lookup.longForms.push(longForm);
    const list = lookup.longFormsByFirstWord.get(firstWord) ?? [];
    list.push({ position, acronym, words });
    lookup.longFormsByFirstWord.set(firstWord, list);
    position += 1;
  }
  lookups.set(dictionary, lookup);
  return lookup;
}

/** Words to add to a paper's index entry so that each acronym it uses is found both ways. */
export function expansionsFor(foldedText: string, dictionary: AcronymDictionary): string {
  if (dictionary.size === 0) return '';
  const lookup = lookupFor(dictionary);
  const words = foldedText.split(' ');
  const withAcronym = new Set<number>();
  const withLongForm = new Map<number, string>();
  words.forEach((word, start) => {
    const position = lookup.acronyms.get(word);
    if (position !== undefined) withAcronym.add(position);
    for (const entry of lookup.longFormsByFirstWord.get(word) ?? []) {
      if (!withLongForm.has(entry.position) && entry.words.every((part, offset) => words[start + offset] === part)) {
        withLongForm.set(entry.position, entry.acronym);
      }
    }
  });
  const extra: Array<[number, string]> = [];
  for (const position of withAcronym) if (!withLongForm.has(position)) extra.push([position, lookup.longForms[position] ?? '']);
  for (const [position, acronym] of withLongForm) if (!withAcronym.has(position)) extra.push([position, acronym]);
  return extra
    .sort((a, b) => a[0] - b[0])
    .map(([, text]) => text)
    .join(' ');
}
