// The key sentences of an abstract, picked extractively: no model, just a score per sentence.
// A sentence scores for the content words it shares with the rest of the abstract (what the
// abstract keeps coming back to), for words of the title, and for saying what the paper does
// ("we propose", "we show"); boilerplate (code links) and fragments score nothing.
import { foldName } from '../paper.js';

const STOPWORDS = new Set(
  `a an the and or but nor of in on at to for from by with about into onto over under than then that this these those it its
  is are was were be been being do does did have has had can could should would will may might must not no as such so
  we our us they their them he she his her which who whom what when where why how while also both each more most other some
  very only just than too there here however thus therefore further furthermore moreover via i e g eg ie etc al`.split(/\s+/u).filter((word) => word !== ''),
);

/** What the paper does, said by the authors; these sentences carry the contribution. */
const CONTRIBUTION_CUE = /\b(?:we|this (?:paper|work)|in this (?:paper|work))\b[^.]*?\b(?:propose|present|introduce|develop|design|show|demonstrate|find|reveal|derive|prove|argue|study|explore)/iu;
const RESULT_CUE = /\b(?:outperform|improv|achiev|reduc|boost|surpass|state-of-the-art|significant)/iu;
const BOILERPLATE = /(?:https?:\/\/|github\.com|\bcode (?:is|and [\w-]+ (?:are|is)|for [\w\s]+ (?:are|is)) (?:publicly )?available\b|\bavailable at\b)/iu;

/** Words that end a sentence only seemingly: "e.g.", "et al.", "Fig.". */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'al', 'vs', 'etc', 'fig', 'eq', 'cf', 'resp', 'approx', 'no', 'sec', 'e.g.,', 'i.e.,']);

export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const boundary of text.matchAll(/[.!?]+["”’)]*\s+(?=["“(]?[\p{Lu}\p{N}])/gu)) {
    const end = boundary.index + boundary[0].trimEnd().length;
    const before = text.slice(start, boundary.index);
    const lastWord = (before.split(/\s+/u).pop() ?? '').replace(/^[("]+/u, '');
    // "e.g. CIFAR", "et al. Then", an initial "J. Smith": not the end of a sentence.
    if (ABBREVIATIONS.has(lastWord.toLowerCase()) || /^\p{Lu}$/u.test(lastWord)) continue;
    sentences.push(text.slice(start, end).trim());
    start = boundary.index + boundary[0].length;
  }
  const tail = text.slice(start).trim();
  if (tail !== '') sentences.push(tail);
  return sentences.filter((sentence) => sentence !== '');
}

export interface KeySentenceOptions {
  /** How many sentences at most; by default 1 for short abstracts, 2 otherwise, 3 for long ones. */
  count?: number;
}

/** The abstract's key sentences in their original order; empty for an empty abstract. */
export function keySentences(abstract: string, title: string, options: KeySentenceOptions = {}): string[] {
  const sentences = splitSentences(abstract.replace(/\s+/gu, ' ').trim());
  if (sentences.length === 0) return [];
  const count = options.count ?? (sentences.length <= 3 ? 1 : sentences.length <= 9 ? 2 : 3);
  const wordsOf = sentences.map(contentWords);
  const frequency = new Map<string, number>();
  for (const words of wordsOf) for (const word of new Set(words)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const titleWords = new Set(contentWords(title));

  const scored = sentences.map((sentence, position) => {
    const words = wordsOf[position] ?? [];
    if (words.length < 5 || BOILERPLATE.test(sentence)) return { position, score: -1 };
    const unique = [...new Set(words)];
    // Shared with other sentences (a word used once says nothing about what the abstract stresses).
    const recurring = unique.reduce((sum, word) => sum + Math.max(0, (frequency.get(word) ?? 0) - 1), 0);
    const fromTitle = unique.filter((word) => titleWords.has(word)).length;
    const centrality = (recurring + 2 * fromTitle) / Math.sqrt(words.length);
    const cue = (CONTRIBUTION_CUE.test(sentence) ? 1.5 : 0) + (RESULT_CUE.test(sentence) ? 0.5 : 0);
    return { position, score: centrality + cue };
  });
  const chosen = scored
    .filter((entry) => entry.score >= 0)
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, count)
    .map((entry) => entry.position)
    .sort((a, b) => a - b);
  // An abstract that is all boilerplate still has a first sentence to show.
  return (chosen.length > 0 ? chosen : [0]).map((position) => sentences[position] ?? '').filter((sentence) => sentence !== '');
}

function contentWords(text: string): string[] {
  return foldName(text)
    .split(' ')
    .filter((word) => word.length > 2 && !STOPWORDS.has(word))
    .map(stem);
}

/** Just enough stemming to count "models"/"model" and "modulation"/"modulated" together. */
function stem(word: string): string {
  return word.replace(/(?:ations?|ings?|ed|es|s)$/u, '') || word;
}
