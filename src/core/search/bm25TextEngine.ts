// The text engine for large corpora: a BM25F inverted index held in a handful of typed arrays
// (one posting list per stem and field, document ids ascending), so 100k papers fit in tens of
// megabytes, build in seconds and load from a file in milliseconds (see indexCache.ts).
// It scores exactly what LunrTextEngine scores (every word of an alternative required, same
// fields and boosts, same stemmer and typo rule), so the query language and the ranking tests are
// the same on both; docs/benchmarks.md has the numbers that decide which one a corpus gets.
import { editDistance } from '../query/editDistance.js';
import { AlignedReader, bytesOf, encodeAligned } from './alignedBytes.js';
import type { TextAlternative, TextField } from '../query/queryTypes.js';
import { foldedWords, indexStem, queryStems, typoAllowance } from './searchTokens.js';
import type { IndexedPaper, ScoredPapers, TextEngine } from './textEngine.js';

/** Field order in the arrays; boosts as in LunrTextEngine (a title word counts ten abstract words). */
const FIELD_BOOSTS = [10, 4, 2, 1, 1] as const;
const FIELD_COUNT = FIELD_BOOSTS.length;
const TITLE = 0;
const AUTHORS = 1;
const VENUE = 2;
const ABSTRACT = 3;
const EXPANSIONS = 4;
const ALL_FIELDS = [TITLE, AUTHORS, VENUE, ABSTRACT, EXPANSIONS];
const FIELDS_FOR: Record<TextField, number[]> = {
  title: [TITLE],
  abstract: [ABSTRACT, EXPANSIONS],
  authors: [AUTHORS],
  venue: [VENUE],
};
/** The usual BM25 constants (lunr's too). */
const K1 = 1.2;
const B = 0.75;

/** Bumped whenever the serialized layout or the tokenizer changes, so old index files are rebuilt. */
export const BM25_FORMAT_VERSION = 1;
const MAGIC = 'PBBM25\u0000\u0000';
const MAX_FREQUENCY = 0xffff;
const NO_PAPERS: ScoredPapers = { count: 0, ordinals: new Uint32Array(0), scores: new Float64Array(0) };

/** The whole index; every array is indexed by term id, document ordinal or posting number. */
interface Bm25Data {
  docCount: number;
  /** Term id -> stem. */
  terms: string[];
  /** Postings of (term, field) are postingStarts[term * FIELD_COUNT + field] ..< the next start. */
  postingStarts: Uint32Array;
  postingDocs: Uint32Array;
  postingFrequencies: Uint16Array;
  /** Papers containing the term in any field. */
  documentFrequencies: Uint32Array;
  /** Words per (document, field): fieldLengths[ordinal * FIELD_COUNT + field]. */
  fieldLengths: Uint16Array;
}

export class Bm25TextEngine implements TextEngine {
  readonly name = 'bm25';
  private readonly termIds: Map<string, number>;
  /** K1 * (1 - B + B * length / average length) per (document, field): the BM25 length norm, precomputed. */
  private readonly lengthNorms: Float32Array;
  // Scratch space reused by every query: how many words of the alternative each paper matched so far, and its score.
  private readonly matchedWords: Uint8Array;
  private readonly scores: Float64Array;
  /** The papers the rarest word found, in posting order (each paper once). */
  private readonly candidates: Uint32Array;
  private typoIndex: { lengths: Uint8Array; letterMasks: Uint32Array } | undefined;

  private constructor(private readonly data: Bm25Data) {
    this.termIds = new Map();
    data.terms.forEach((term, id) => this.termIds.set(term, id));
    this.lengthNorms = lengthNormsFor(data.fieldLengths, data.docCount);
    this.matchedWords = new Uint8Array(data.docCount);
    this.scores = new Float64Array(data.docCount);
    this.candidates = new Uint32Array(data.docCount);
  }

  static build(papers: readonly IndexedPaper[]): Bm25TextEngine {
    return new Bm25TextEngine(buildData(papers));
  }

  /** An engine from `serialize()` output; throws if the bytes are not a current-format index. */
  static deserialize(bytes: Uint8Array): Bm25TextEngine {
    return new Bm25TextEngine(decode(bytes));
  }

  get documentCount(): number {
    return this.data.docCount;
  }

  serialize(): Uint8Array {
    return encode(this.data);
  }

  score(alternative: TextAlternative): ScoredPapers {
    const stems = queryStems(alternative.value);
    if (stems.length === 0 || stems.length > 255) return NO_PAPERS;
    const termIds: number[] = [];
    for (const stem of stems) {
      const id = this.termIds.get(stem) ?? this.correctTypo(stem);
      // Every word is required: one unknown word means no paper matches.
      if (id === undefined) return NO_PAPERS;
      termIds.push(id);
    }
    const { postingStarts, postingDocs, postingFrequencies, documentFrequencies, docCount } = this.data;
    // The rarest word first: only papers it finds are candidates for the others.
    termIds.sort((a, b) => (documentFrequencies[a] ?? 0) - (documentFrequencies[b] ?? 0));
    const fields = alternative.field === undefined ? ALL_FIELDS : FIELDS_FOR[alternative.field];
    const { matchedWords, scores, lengthNorms, candidates } = this;
    let candidateCount = 0;
    termIds.forEach((term, position) => {
      const frequency = documentFrequencies[term] ?? 0;
      const idf = Math.log(1 + Math.abs((docCount - frequency + 0.5) / (frequency + 0.5)));
      for (const field of fields) {
        const weight = (FIELD_BOOSTS[field] ?? 1) * idf * (K1 + 1);
        const key = term * FIELD_COUNT + field;
        const end = postingStarts[key + 1] ?? 0;
        for (let posting = postingStarts[key] ?? 0; posting < end; posting += 1) {
          const doc = postingDocs[posting] ?? 0;
          const matched = matchedWords[doc] ?? 0;
          if (matched === position) {
            matchedWords[doc] = position + 1;
            if (position === 0) candidates[candidateCount++] = doc;
          } else if (matched !== position + 1) {
            continue;
          }
          const tf = postingFrequencies[posting] ?? 0;
          scores[doc] = (scores[doc] ?? 0) + (weight * tf) / (tf + (lengthNorms[doc * FIELD_COUNT + field] ?? K1));
        }
      }
    });
    let count = 0;
    for (let i = 0; i < candidateCount; i += 1) if (matchedWords[candidates[i] ?? 0] === termIds.length) count += 1;
    const result: ScoredPapers = { count, ordinals: new Uint32Array(count), scores: new Float64Array(count) };
    let next = 0;
    for (let i = 0; i < candidateCount; i += 1) {
      const doc = candidates[i] ?? 0;
      if (matchedWords[doc] === termIds.length) {
        result.ordinals[next] = doc;
        result.scores[next] = scores[doc] ?? 0;
        next += 1;
      }
      matchedWords[doc] = 0;
      scores[doc] = 0;
    }
    return result;
  }

  /**
   * The vocabulary stem closest to an unknown stem, most frequent on ties (as LunrTextEngine):
   * "atent" (from "atention") becomes "attent", not the rarer "latent".
   */
  private correctTypo(stem: string): number | undefined {
    const allowance = typoAllowance(stem);
    if (allowance === undefined) return undefined;
    const { lengths, letterMasks } = (this.typoIndex ??= buildTypoIndex(this.data.terms));
    const mask = letterMask(stem);
    const { terms, documentFrequencies } = this.data;
    let best: { id: number; distance: number; frequency: number } | undefined;
    for (let id = 0; id < terms.length; id += 1) {
      if (Math.abs((lengths[id] ?? 0) - stem.length) > allowance) continue;
      // One edit changes at most two letters of the set of letters used: a cheap test that skips most of the vocabulary.
      if (popCount((letterMasks[id] ?? 0) ^ mask) > 2 * allowance) continue;
      const distance = editDistance(stem, terms[id] ?? '', allowance);
      if (distance > allowance) continue;
      const frequency = documentFrequencies[id] ?? 0;
      if (best === undefined || distance < best.distance || (distance === best.distance && frequency > best.frequency)) {
        best = { id, distance, frequency };
      }
    }
    return best?.id;
  }
}

function buildData(papers: readonly IndexedPaper[]): Bm25Data {
  const terms: string[] = [];
  const termIdsByStem = new Map<string, number>();
  // Folded word -> term id (-1 for a stop word): one lookup per word of the corpus.
  const termIdsByWord = new Map<string, number>();
  let lastDocOfTerm = new Int32Array(1024).fill(-1);
  let documentFrequencies = new Uint32Array(1024);
  // Word counts of the current field, by term id, and which ids they are (to reset them).
  let fieldCounts = new Uint32Array(1024);
  const fieldTerms: number[] = [];
  const fieldLengths = new Uint16Array(papers.length * FIELD_COUNT);
  // Postings in document order, sorted by (term, field) at the end with one counting sort.
  let keys = new Uint32Array(1 << 16);
  let docs = new Uint32Array(1 << 16);
  let frequencies = new Uint16Array(1 << 16);
  let count = 0;

  const termIdOf = (word: string): number => {
    let id = termIdsByWord.get(word);
    if (id !== undefined) return id;
    const stem = indexStem(word);
    if (stem === '') {
      id = -1;
    } else {
      id = termIdsByStem.get(stem);
      if (id === undefined) {
        id = terms.length;
        terms.push(stem);
        termIdsByStem.set(stem, id);
        if (id >= lastDocOfTerm.length) {
          lastDocOfTerm = grow(lastDocOfTerm, Int32Array, -1);
          documentFrequencies = grow(documentFrequencies, Uint32Array);
          fieldCounts = grow(fieldCounts, Uint32Array);
        }
      }
    }
    termIdsByWord.set(word, id);
    return id;
  };

  for (const doc of papers) {
    const texts = [doc.paper.title, doc.authorNames.join(' '), doc.paper.venue, doc.paper.abstract, doc.expansions];
    for (let field = 0; field < FIELD_COUNT; field += 1) {
      let length = 0;
      for (const word of foldedWords(texts[field] ?? '')) {
        const id = termIdOf(word);
        if (id < 0) continue;
        length += 1;
        if (fieldCounts[id] === 0) fieldTerms.push(id);
        fieldCounts[id] = (fieldCounts[id] ?? 0) + 1;
      }
      fieldLengths[doc.ordinal * FIELD_COUNT + field] = Math.min(length, MAX_FREQUENCY);
      if (count + fieldTerms.length > keys.length) {
        keys = grow(keys, Uint32Array, 0, count + fieldTerms.length);
        docs = grow(docs, Uint32Array, 0, count + fieldTerms.length);
        frequencies = grow(frequencies, Uint16Array, 0, count + fieldTerms.length);
      }
      for (const id of fieldTerms) {
        keys[count] = id * FIELD_COUNT + field;
        docs[count] = doc.ordinal;
        frequencies[count] = Math.min(fieldCounts[id] ?? 0, MAX_FREQUENCY);
        fieldCounts[id] = 0;
        count += 1;
        if (lastDocOfTerm[id] !== doc.ordinal) {
          lastDocOfTerm[id] = doc.ordinal;
          documentFrequencies[id] = (documentFrequencies[id] ?? 0) + 1;
        }
      }
      fieldTerms.length = 0;
    }
  }

  const postingStarts = new Uint32Array(terms.length * FIELD_COUNT + 1);
  for (let i = 0; i < count; i += 1) postingStarts[(keys[i] ?? 0) + 1] = (postingStarts[(keys[i] ?? 0) + 1] ?? 0) + 1;
  for (let key = 1; key < postingStarts.length; key += 1) postingStarts[key] = (postingStarts[key] ?? 0) + (postingStarts[key - 1] ?? 0);
  const next = postingStarts.slice(0, -1);
  const postingDocs = new Uint32Array(count);
  const postingFrequencies = new Uint16Array(count);
  for (let i = 0; i < count; i += 1) {
    const key = keys[i] ?? 0;
    const slot = next[key] ?? 0;
    next[key] = slot + 1;
    postingDocs[slot] = docs[i] ?? 0;
    postingFrequencies[slot] = frequencies[i] ?? 0;
  }
  return {
    docCount: papers.length,
    terms,
    postingStarts,
    postingDocs,
    postingFrequencies,
    documentFrequencies: documentFrequencies.slice(0, terms.length),
    fieldLengths,
  };
}

type TypedArray = Uint32Array | Int32Array | Uint16Array;
function grow<T extends TypedArray>(array: T, Kind: { new (length: number): T }, fill = 0, atLeast = 0): T {
  const grown = new Kind(Math.max(array.length * 2, atLeast));
  grown.set(array);
  if (fill !== 0) grown.fill(fill, array.length);
  return grown;
}

function lengthNormsFor(fieldLengths: Uint16Array, docCount: number): Float32Array {
  const totals = new Float64Array(FIELD_COUNT);
  for (let i = 0; i < fieldLengths.length; i += 1) totals[i % FIELD_COUNT] = (totals[i % FIELD_COUNT] ?? 0) + (fieldLengths[i] ?? 0);
  const averages = Array.from(totals, (total) => Math.max(1, total / Math.max(1, docCount)));
  const norms = new Float32Array(fieldLengths.length);
  for (let i = 0; i < fieldLengths.length; i += 1) {
    norms[i] = K1 * (1 - B + (B * (fieldLengths[i] ?? 0)) / (averages[i % FIELD_COUNT] ?? 1));
  }
  return norms;
}

function buildTypoIndex(terms: readonly string[]): { lengths: Uint8Array; letterMasks: Uint32Array } {
  const lengths = new Uint8Array(terms.length);
  const letterMasks = new Uint32Array(terms.length);
  terms.forEach((term, id) => {
    lengths[id] = Math.min(term.length, 255);
    letterMasks[id] = letterMask(term);
  });
  return { lengths, letterMasks };
}

/** Bit i set when the word uses letter a+i; digits and other letters share bits 26..31. */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i += 1) {
    const code = word.charCodeAt(i);
    const bit = code >= 97 && code <= 122 ? code - 97 : 26 + (code % 6);
    mask |= 1 << bit;
  }
  return mask >>> 0;
}

function popCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

// Layout: magic (8 bytes), u32 format version, u32 header length, header JSON, then the arrays,
// each starting at a multiple of 4 so they can be viewed in place without copying.
interface Bm25Header {
  docCount: number;
  termCount: number;
  postingCount: number;
  termsBytes: number;
}

function encode(data: Bm25Data): Uint8Array {
  const termsBytes = Buffer.from(data.terms.join('\n'), 'utf8');
  const header: Bm25Header = { docCount: data.docCount, termCount: data.terms.length, postingCount: data.postingDocs.length, termsBytes: termsBytes.length };
  return encodeAligned(MAGIC, BM25_FORMAT_VERSION, header, [
    termsBytes,
    ...[data.postingStarts, data.postingDocs, data.documentFrequencies, data.fieldLengths, data.postingFrequencies].map(bytesOf),
  ]);
}

function decode(input: Uint8Array): Bm25Data {
  const reader = new AlignedReader<Bm25Header>(input, MAGIC, BM25_FORMAT_VERSION, 'a paperbot BM25 index');
  const { header } = reader;
  const termsText = reader.take(header.termsBytes).toString('utf8');
  const data: Bm25Data = {
    docCount: header.docCount,
    terms: header.termCount === 0 ? [] : termsText.split('\n'),
    postingStarts: reader.view(Uint32Array, header.termCount * FIELD_COUNT + 1),
    postingDocs: reader.view(Uint32Array, header.postingCount),
    documentFrequencies: reader.view(Uint32Array, header.termCount),
    fieldLengths: reader.view(Uint16Array, header.docCount * FIELD_COUNT),
    postingFrequencies: reader.view(Uint16Array, header.postingCount),
  };
  if (data.terms.length !== header.termCount) reader.fail('term count');
  return data;
}
