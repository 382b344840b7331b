// A per-paper filter of word pairs, to check phrases without reading most abstracts. A phrase's
// words must stand next to each other in the paper's text, so every pair of neighbouring phrase
// words is a pair of neighbouring words in one of its texts. Each paper keeps the pairs of its
// title, abstract, venue and author names in a 2,048-bit Bloom filter (256 bytes): a paper whose
// filter lacks a pair of the phrase cannot contain it, and its text is never scanned. At 100k
// papers "language models" leaves 28k candidate abstracts (48 MB) to the text check without it.
// Words are `foldedWords`, the words both phrase checks see (the expression reads runs of ASCII
// letters and digits, the folded path the folded words: the same words for every text).
import { foldedWords } from './searchTokens.js';
import type { IndexedPaper } from './textEngine.js';

/** 32-bit words per paper: 64 × 32 = 2,048 bits. ~250 pairs in a typical abstract set ~22% of them. */
export const PHRASE_FILTER_WORDS = 64;
const BIT_MASK = PHRASE_FILTER_WORDS * 32 - 1;

/** The filter of every paper, by ordinal. */
export function buildPhraseFilter(papers: readonly IndexedPaper[]): Uint32Array {
  const filter = new Uint32Array(papers.length * PHRASE_FILTER_WORDS);
  for (const doc of papers) {
    const base = doc.ordinal * PHRASE_FILTER_WORDS;
    const add = (text: string): void => {
      for (const pair of wordPairHashes(foldedWords(text))) {
        filter[base + ((pair & BIT_MASK) >>> 5)]! |= 1 << (pair & 31);
        const second = pair >>> 16;
        filter[base + ((second & BIT_MASK) >>> 5)]! |= 1 << (second & 31);
      }
    };
    add(doc.paper.title);
    add(doc.paper.abstract);
    add(doc.paper.venue);
    for (const name of doc.authorNames) add(name);
  }
  return filter;
}

/** The pairs a folded phrase needs; empty for a one-word phrase (nothing to filter on). */
export function phrasePairs(foldedPhrase: string): number[] {
  return wordPairHashes(foldedPhrase === '' ? [] : foldedPhrase.split(' '));
}

/** False only when the paper cannot contain a phrase with these pairs. */
export function mayContainPhrase(filter: Uint32Array, ordinal: number, pairs: readonly number[]): boolean {
  const base = ordinal * PHRASE_FILTER_WORDS;
  for (const pair of pairs) {
    const second = pair >>> 16;
    if ((filter[base + ((pair & BIT_MASK) >>> 5)]! & (1 << (pair & 31))) === 0) return false;
    if ((filter[base + ((second & BIT_MASK) >>> 5)]! & (1 << (second & 31))) === 0) return false;
  }
  return true;
}

function wordPairHashes(words: readonly string[]): number[] {
  const pairs: number[] = [];
  let previous = words.length === 0 ? 0 : wordHash(words[0]!);
  for (let i = 1; i < words.length; i += 1) {
    const current = wordHash(words[i]!);
    pairs.push(mix(Math.imul(previous, 0x9e3779b1) ^ current));
    previous = current;
  }
  return pairs;
}

/** FNV-1a over the UTF-16 code units. */
function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** MurmurHash3's finaliser: spreads the pair's bits, so its two filter positions are independent. */
function mix(value: number): number {
  let hash = value;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}
