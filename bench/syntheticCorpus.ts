// Deterministic synthetic corpora for the benchmark: N papers shaped like the bundled seed corpus
// (title and abstract lengths, Zipf-distributed vocabulary taken from the seed abstracts plus made-up
// words that grow with N as real vocabularies do, 3-8 authors from a shared pool, the seed's venues
// and years, acronym definitions, code links). The same seed and size give byte-identical papers.
import { createHash } from 'node:crypto';
import type { Paper } from '../src/core/paper.js';

/** Small fast seeded PRNG (mulberry32): the same seed gives the same stream on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  size: number;
  seed?: number;
  /** The seed corpus whose shape and words to follow (data/papers.json). */
  shapeFrom: readonly Paper[];
}

/** Venues as the seed writes them, most frequent first, plus more for large corpora. */
const EXTRA_VENUES = ['CVPR', 'ICCV', 'ECCV', 'ACL', 'EMNLP', 'NAACL', 'KDD', 'WWW', 'SIGIR', 'ICRA', 'CoRL', 'UAI', 'AISTATS', 'COLT', 'IEEE TPAMI', 'JMLR', 'TMLR'];
const FIRST_NAMES = ['Wei', 'Jing', 'Yang', 'Li', 'Hao', 'Xin', 'Yu', 'Chen', 'Ming', 'Lei', 'Anna', 'David', 'Maria', 'John', 'Sara', 'Peter', 'Elena', 'Omar', 'Priya', 'Kenji', 'Lukas', 'Sofia', 'Ivan', 'Chloe', 'Mateo', 'Aisha', 'Noah', 'Emma', 'Ravi', 'Yuki'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ten', 'vor', 'sel', 'dar', 'qui', 'ne', 'pha', 'tro', 'gen', 'lis', 'mor', 'zen', 'cal', 'ber', 'tiv', 'ox', 'ul', 'ant', 'ist', 'er'];

/** Words a paper can be written from: the seed's own words by frequency, then made-up ones. */
interface Vocabulary {
  words: string[];
  /** Cumulative Zipf weights, for sampling by binary search. */
  cumulative: Float64Array;
}

export function generateCorpus(options: SyntheticOptions): Paper[] {
  const random = seededRandom(options.seed ?? 7);
  const seed = options.shapeFrom;
  if (seed.length === 0) throw new Error('the seed corpus is empty');
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const vocabulary = buildVocabulary(seed, options.size, random);
  const word = (): string => sampleWord(vocabulary, random);

  const venues = venueWeights(seed, options.size);
  const years = seed.map((paper) => paper.year);
  const authorCounts = seed.map((paper) => paper.authors.length);
  const abstractLengths = seed.map((paper) => paper.abstract.split(/\s+/).length);
  const titleLengths = seed.map((paper) => paper.title.split(/\s+/).length);
  const people = authorPool(seed, Math.max(50, Math.round(options.size / 3)), random);
  const acronyms = acronymPool(Math.max(20, Math.round(options.size / 40)), word, random);
  const cluster = seed[0]?.clusterAuthors[0];

  const papers: Paper[] = [];
  for (let n = 0; n < options.size; n += 1) {
    const titleWords = Array.from({ length: pick(titleLengths) }, () => capitalize(word()));
    const acronym = random() < 0.3 ? pick(acronyms) : undefined;
    if (acronym !== undefined && random() < 0.5) titleWords.splice(Math.floor(random() * titleWords.length), 0, acronym.short);
    const title = random() < 0.35 ? `${capitalize(word())}${capitalize(word())}: ${titleWords.join(' ')}` : titleWords.join(' ');
    const length = Math.max(40, Math.round(pick(abstractLengths) * (0.8 + random() * 0.4)));
    const sentences: string[] = [];
    let sentence: string[] = [];
    for (let i = 0; i < length; i += 1) {
      sentence.push(word());
      if (sentence.length >= 12 + Math.floor(random() * 18)) {
        sentences.push(`${capitalize(sentence.join(' '))}.`);
        sentence = [];
      }
    }
    if (sentence.length > 0) sentences.push(`${capitalize(sentence.join(' '))}.`);
    if (acronym !== undefined) sentences.splice(Math.min(1, sentences.length), 0, `We propose ${acronym.long} (${acronym.short}), which improves ${word()} ${word()}.`);
    const codeUrls = random() < 0.33 ? [`https://github.com/${pick(people).replace(/\s+/g, '').toLowerCase()}/${slug(title).slice(0, 24).replace(/-+$/, '')}`] : [];
    if (codeUrls.length > 0) sentences.push(`Code is available at ${codeUrls[0]}.`);
    const authorCount = pick(authorCounts);
    const authors = uniqueNames(authorCount, () => pick(people)).map((name) => ({ name }));
    const year = pick(years) + (random() < 0.2 ? -Math.floor(random() * 5) : 0);
    papers.push({
      id: `${year}-${slug(title).slice(0, 60).replace(/-+$/, '')}-${createHash('sha1').update(`${options.seed ?? 7}:${n}:${title}`).digest('hex').slice(0, 8)}`,
      title,
      venue: sampleWeighted(venues, random),
      venueKind: 'Conference',
      year,
      type: 'Conference Paper',
      authors,
      authorsTruncated: authorCount >= 8,
      clusterAuthors: cluster !== undefined && random() < 0.1 ? [cluster] : [],
      abstract: sentences.join(' '),
      codeUrls,
      sources: [{ file: `synthetic-${options.size}.json` }],
    });
  }
  return papers;
}

function buildVocabulary(seed: readonly Paper[], size: number, random: () => number): Vocabulary {
  const counts = new Map<string, number>();
  for (const paper of seed) {
    for (const raw of `${paper.title} ${paper.abstract}`.split(/\s+/)) {
      const cleaned = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if (cleaned === '' || /^https?:/.test(cleaned)) continue;
      const lower = cleaned.toLowerCase();
      counts.set(lower, (counts.get(lower) ?? 0) + 1);
    }
  }
  const words = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([text]) => text);
  // Heaps' law: a vocabulary grows like N^0.7; the seed's ~2.5k words cover a few dozen papers.
  const extra = Math.round(15 * size ** 0.7);
  const known = new Set(words);
  while (words.length < counts.size + extra) {
    const syllables = 2 + Math.floor(random() * 3);
    let made = '';
    for (let i = 0; i < syllables; i += 1) made += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    if (known.has(made)) made += SYLLABLES[Math.floor(random() * SYLLABLES.length)] ?? '';
    if (known.has(made)) continue;
    known.add(made);
    words.push(made);
  }
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (let rank = 0; rank < words.length; rank += 1) {
    total += 1 / (rank + 2.7);
    cumulative[rank] = total;
  }
  return { words, cumulative };
}

function sampleWord(vocabulary: Vocabulary, random: () => number): string {
  const { cumulative, words } = vocabulary;
  const target = random() * (cumulative[cumulative.length - 1] ?? 0);
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cumulative[middle] ?? 0) < target) low = middle + 1;
    else high = middle;
  }
  return words[low] ?? 'model';
}

function venueWeights(seed: readonly Paper[], size: number): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const paper of seed) counts.set(paper.venue, (counts.get(paper.venue) ?? 0) + 1);
  // Bigger corpora cover more venues, each rarer than the seed's own.
  if (size > seed.length) for (const venue of EXTRA_VENUES) counts.set(venue, counts.get(venue) ?? 1.5);
  return [...counts.entries()];
}

function sampleWeighted(items: ReadonlyArray<[string, number]>, random: () => number): string {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let target = random() * total;
  for (const [item, weight] of items) {
    target -= weight;
    if (target < 0) return item;
  }
  return items[items.length - 1]?.[0] ?? 'NeurIPS';
}

/** Seed authors first, then made-up people; some appear on many papers (the first ones), most on few. */
function authorPool(seed: readonly Paper[], size: number, random: () => number): string[] {
  const names = [...new Set(seed.flatMap((paper) => paper.authors.map((author) => author.name)))];
  const known = new Set(names);
  while (names.length < size) {
    const last = capitalize(SYLLABLES[Math.floor(random() * SYLLABLES.length)] ?? 'ka') + (SYLLABLES[Math.floor(random() * SYLLABLES.length)] ?? 'lo');
    const name = `${FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)] ?? 'Wei'} ${last}`;
    if (known.has(name)) {
      names.push(`${name} ${capitalize(SYLLABLES[Math.floor(random() * SYLLABLES.length)] ?? 'ka')}`);
    } else {
      known.add(name);
      names.push(name);
    }
  }
  // Skew towards the front of the list: squaring a uniform number favours small indexes.
  return Array.from({ length: names.length * 2 }, () => names[Math.floor(random() ** 2 * names.length)] ?? 'Wei Kalo');
}

function acronymPool(size: number, word: () => string, random: () => number): Array<{ short: string; long: string }> {
  return Array.from({ length: size }, () => {
    const words = Array.from({ length: 2 + Math.floor(random() * 3) }, () => capitalize(word()));
    return { long: words.join(' '), short: words.map((part) => part.charAt(0).toUpperCase()).join('') };
  }).filter((entry) => /^[A-Z]{2,}$/.test(entry.short));
}

function uniqueNames(count: number, next: () => string): string[] {
  const names = new Set<string>();
  for (let tries = 0; names.size < count && tries < count * 20; tries += 1) names.add(next());
  return [...names];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
