// Acronyms defined in abstracts ("Reinforcement Learning with Verifiable Rewards (RLVR)") become
// searchable both ways: a paper that only writes the long form is found by "RLVR", and one that
// only writes "RLVR" is found by the long form.
import type { Paper } from '../paper.js';

/** Lower-case acronym -> lower-case long form. */
export type AcronymDictionary = Map<string, string>;

const MINOR_WORDS = new Set(['a', 'an', 'and', 'for', 'in', 'of', 'on', 'the', 'to', 'with', 'via', 'by']);
const DEFINITION = /((?:[\p{L}][\p{L}\p{N}'-]*\s+){1,10})\(([\p{Lu}][\p{L}\p{N}-]{1,11})s?\)/gu;

export function buildAcronymDictionary(papers: readonly Paper[]): AcronymDictionary {
  const dictionary: AcronymDictionary = new Map();
  for (const paper of papers) {
    for (const [acronym, longForm] of findDefinitions(`${paper.title}. ${paper.abstract}`)) {
      if (!dictionary.has(acronym)) dictionary.set(acronym, longForm);
    }
  }
  return dictionary;
}

/** Pairs (acronym, long form) defined in the text, both lower-cased. */
export function findDefinitions(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const match of text.matchAll(DEFINITION)) {
    const acronym = (match[2] ?? '').replace(/-/g, '');
    const capitals = acronym.replace(/[^\p{Lu}]/gu, '');
    if (capitals.length < 2) continue;
    const words = (match[1] ?? '').trim().split(/\s+/);
    const longForm = longFormFor(words, capitals);
    if (longForm !== undefined) pairs.push([acronym.toLowerCase(), longForm.toLowerCase()]);
  }
  return pairs;
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

/** Words to add to a paper's index entry so that each acronym it uses is found both ways. */
export function expansionsFor(foldedText: string, dictionary: AcronymDictionary): string {
  const padded = ` ${foldedText} `;
  const extra: string[] = [];
  for (const [acronym, longForm] of dictionary) {
    const hasAcronym = padded.includes(` ${acronym} `);
    const hasLongForm = padded.includes(` ${longForm.replace(/-/g, ' ')} `);
    if (hasAcronym && !hasLongForm) extra.push(longForm);
    if (hasLongForm && !hasAcronym) extra.push(acronym);
  }
  return extra.join(' ');
}
