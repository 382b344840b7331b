// The searchable corpus: exact filters (years, venues, authors, has:code) over in-memory records,
// then full-text ranking of what is left by a text engine (the BM25 typed-array engine unless the
// caller passes another: see engineSelection.ts). Filters never go through the text
// engine, so `venue:NeurIPS year:2019` is exact whatever the ranking does.
// Per-paper folded texts are computed on first use and filters fold their values once per query,
// so building an index over 100k papers costs little more than the engine itself.
import type { StoredPaper } from '../paper.js';
import { allAuthorNames } from '../paper.js';
import type { ParsedQuery, SortOrder, TextAlternative, TextClause } from '../query/queryTypes.js';
import { buildAcronymDictionary, expansionsFor, type AcronymDictionary } from './acronyms.js';
import { selectTextEngine } from './engineSelection.js';
import { buildPhraseFilter, mayContainPhrase, phrasePairs } from './phraseFilter.js';
import { buildInSlices, buildNow, SLICE_MS, type StepwiseBuild } from './inSlices.js';
import { foldText } from './searchTokens.js';
import { scoredPapers, type IndexedPaper, type ScoredPapers, type TextEngine, type TextEngineFactory } from './textEngine.js';

export type { TextEngineFactory } from './textEngine.js';

export interface SearchHit {
  paper: StoredPaper;
  /** Relevance: how many positive clauses matched, then the engine's score. */
  matchedClauses: number;
  score: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  sort: SortOrder;
}

export interface SearchOptions {
  /** Return at most this many hits (total still counts every match). */
  limit?: number;
  offset?: number;
  /**
   * false: the hits in no particular order, not ranked. For callers that count or pick among all
   * matches (/stats, /random): ranking 99k hits of a broad query at 100k papers takes ~40 ms.
   */
  ranked?: boolean;
}

export class PaperIndex {
  readonly papers: readonly IndexedPaper[];
  private readonly engine: TextEngine;
  private readonly byId: Map<string, IndexedPaper>;
  private acronymDictionary: AcronymDictionary | undefined;
  private titleRankCache: Uint32Array | undefined;
  private paperList: StoredPaper[] | undefined;
  private authorIndex: Map<string, number[]> | undefined;
  private venueSpellingCache: string[] | undefined;
  private phraseFilterCache: Uint32Array | undefined;
  /** Years by ordinal: sorting reads them millions of times, faster from a typed array than from the records. */
  private readonly years: Uint16Array;
  private readonly hasCode: Uint8Array;
  private readonly venueIds: Uint16Array;
  private readonly venueIdByFolded: Map<string, number>;
  /** Per paper: PHRASE_SAFE_TEXT holds for all its texts (see isPhraseSafe); testing it on every phrase query cost a third of the phrase check. */
  private readonly phraseSafety: Uint8Array;

  /**
   * @param columns what filters and sorting read, when the caller has them already (an index
   *   restored from a saved snapshot, whose papers are read from disk only when asked for).
   */
  constructor(papers: readonly StoredPaper[], createEngine: TextEngineFactory = selectTextEngine, columns: PaperColumns = paperColumns(papers)) {
    this.papers = papers.map((paper, ordinal) => new LazyIndexedPaper(paper, ordinal, () => this.acronyms));
    this.byId = new Map(this.papers.map((doc) => [doc.paper.id, doc]));
    this.years = columns.years;
    this.hasCode = columns.hasCode;
    this.venueIds = columns.venueIds;
    this.venueIdByFolded = new Map(columns.foldedVenues.map((venue, id) => [venue, id]));
    this.titleRankCache = columns.titleRanks;
    this.acronymDictionary = columns.acronyms;
    this.phraseFilterCache = columns.phraseFilter;
    this.phraseSafety = new Uint8Array(papers.length);
    this.engine = createEngine(this.papers);
  }

  get textEngine(): TextEngine {
    return this.engine;
  }

  /** The columns as a snapshot saves them (title ranks computed if no query needed them yet). */
  get columns(): Required<PaperColumns> {
    const foldedVenues: string[] = [];
    for (const [venue, id] of this.venueIdByFolded) foldedVenues[id] = venue;
    return {
      years: this.years,
      hasCode: this.hasCode,
      venueIds: this.venueIds,
      foldedVenues,
      titleRanks: this.titleRanks(),
      acronyms: this.acronyms,
      phraseFilter: this.phraseFilter(),
    };
  }

  /** Acronyms defined anywhere in the corpus; built on first use (an engine loaded from disk never needs it). */
  get acronyms(): AcronymDictionary {
    this.acronymDictionary ??= buildAcronymDictionary(this.papers.map((doc) => doc.paper));
    return this.acronymDictionary;
  }

  /** Every paper record in ordinal order: the same array on every call, so per-corpus caches (authorStats) can key on it. */
  get records(): readonly StoredPaper[] {
    return (this.paperList ??= this.papers.map((doc) => doc.paper));
  }

  get size(): number {
    return this.papers.length;
  }

  get engineName(): string {
    return this.engine.name;
  }

  getById(id: string): StoredPaper | undefined {
    return this.byId.get(id)?.paper;
  }

  /** Every paper matching the query (filters, exclusions, then text), with the text clauses each matched and their summed scores. */
  private match(query: ParsedQuery): { order: number[]; clauses: Uint16Array; scores: Float64Array; sort: SortOrder } {
    const positive = query.clauses.filter((clause) => !clause.negated);
    const negative = query.clauses.filter((clause) => clause.negated);
    const sort: SortOrder = query.sort ?? (positive.length > 0 ? 'relevance' : 'newest');

    const allowed = this.allowedByFilters(query.filters);
    for (const clause of negative) {
      const { count, ordinals } = this.matchClause(clause);
      for (let i = 0; i < count; i += 1) allowed[ordinals[i] ?? 0] = 0;
    }

    // Hits live in typed arrays by ordinal; SearchHit objects are made only for the page returned.
    const order: number[] = [];
    const clauses = new Uint16Array(positive.length === 0 ? 0 : this.papers.length);
    const scores = new Float64Array(positive.length === 0 ? 0 : this.papers.length);
    if (positive.length === 0) {
      allowed.forEach((isAllowed, ordinal) => {
        if (isAllowed === 1) order.push(ordinal);
      });
    } else {
      for (const clause of positive) {
        const matched = this.matchClause(clause);
        for (let i = 0; i < matched.count; i += 1) {
          const ordinal = matched.ordinals[i] ?? 0;
          if (allowed[ordinal] !== 1) continue;
          if (clauses[ordinal] === 0) order.push(ordinal);
          clauses[ordinal] = (clauses[ordinal] ?? 0) + 1;
          scores[ordinal] = (scores[ordinal] ?? 0) + (matched.scores[i] ?? 0);
        }
      }
    }
    return { order, clauses, scores, sort };
  }

  search(query: ParsedQuery, options: SearchOptions = {}): SearchResult {
    const { order, clauses, scores, sort } = this.match(query);
    const offset = options.offset ?? 0;
    const end = options.limit === undefined ? order.length : Math.min(order.length, offset + Math.max(0, options.limit));
    const ranked = options.ranked === false ? order : this.rank(order, end, compareOrdinals(sort, this.years, clauses, scores, this.titleRanks()));
    // Papers are read from a plain array of them rather than through each IndexedPaper: ranking
    // all 99k hits of a broad query touched 99k scattered objects just to reach their papers.
    const papers = this.records;
    const hits: SearchHit[] = new Array<SearchHit>(Math.max(0, end - offset));
    for (let i = offset; i < end; i += 1) {
      const ordinal = ranked[i]!;
      hits[i - offset] = { paper: papers[ordinal]!, matchedClauses: clauses[ordinal] ?? 0, score: scores[ordinal] ?? 0 };
    }
    return { total: order.length, hits, sort };
  }

  /**
   * How many papers match the query, per year and per venue, read from the typed columns: no
   * paper record is read and nothing is ranked (/stats at 100k read every match's year and venue
   * from its record, ~30 ms). Venues that fold alike ("NeurIPS", "neurips") are one venue, as for
   * `venue:`, shown in the spelling most of the corpus's papers use.
   */
  countMatches(query: ParsedQuery): { total: number; perYear: Map<number, number>; perVenue: Map<string, number> } {
    const { order } = this.match(query);
    const perYear = new Map<number, number>();
    const perVenueId = new Uint32Array(this.venueIdByFolded.size);
    for (const ordinal of order) {
      const year = this.years[ordinal]!;
      perYear.set(year, (perYear.get(year) ?? 0) + 1);
      const venueId = this.venueIds[ordinal]!;
      perVenueId[venueId] = (perVenueId[venueId] ?? 0) + 1;
    }
    const names = this.venueSpellings();
    const perVenue = new Map<string, number>();
    perVenueId.forEach((count, id) => {
      if (count > 0) perVenue.set(names[id] ?? '', count);
    });
    return { total: order.length, perYear, perVenue };
  }

  /** Each venue id's commonest spelling among the papers (the first one on a tie); read once per index. */
  private venueSpellings(): string[] {
    if (this.venueSpellingCache === undefined) {
      const spellings = Array.from({ length: this.venueIdByFolded.size }, () => new Map<string, number>());
      const { records } = this;
      for (let ordinal = 0; ordinal < records.length; ordinal += 1) {
        const counts = spellings[this.venueIds[ordinal]!]!;
        const venue = records[ordinal]!.venue;
        counts.set(venue, (counts.get(venue) ?? 0) + 1);
      }
      this.venueSpellingCache = spellings.map((counts) => {
        let best: [string, number] = ['', 0];
        for (const entry of counts) if (entry[1] > best[1]) best = entry;
        return best[0];
      });
    }
    return this.venueSpellingCache;
  }

  /** The first `end` of the hits in `compare` order. */
  private rank(order: number[], end: number, compare: (a: number, b: number) => number): ArrayLike<number> {
    // A page of a broad search (85k hits at 100k papers) needs only its first `end` hits in order,
    // not all of them: the comparison is a total order, so both give the same page.
    // A typed array sorts faster with the same comparison (measured: 84k hits 28 -> 22 ms).
    return end < order.length / 8 ? smallestInOrder(order, end, compare) : Uint32Array.from(order).sort(compare);
  }

  /**
   * Reads ahead what the first author filter, `/authors` or `/ask` would otherwise read on demand:
   * every paper's authors (parsed lazily in a restored index: 0.6-0.9 s at 100k papers, in the
   * first such command), in slices of `sliceMs` between which commands arriving meanwhile are answered.
   */
  async warmUp(sliceMs = SLICE_MS, signal?: AbortSignal): Promise<void> {
    const byName = await buildInSlices(authorIndexBuild(this.papers), sliceMs, signal);
    this.authorIndex ??= byName;
  }

  /**
   * Whether an `author:` filter value names anyone in the corpus (the same matching the filter
   * uses: a whole name, or whole words of one). A query that finds nothing because of an author
   * filter that names nobody is most likely a misspelled name, which deserves a "did you mean".
   */
  namesAnAuthor(author: string): boolean {
    const matches = nameMatcher(foldText(author));
    for (const name of this.papersByAuthor().keys()) if (matches(name)) return true;
    return false;
  }

  /** Folded author name -> the papers listing it (shown authors and cluster people), built on the first author filter. */
  private papersByAuthor(): Map<string, number[]> {
    this.authorIndex ??= buildNow(authorIndexBuild(this.papers));
    return this.authorIndex;
  }

  /** Each paper's position in title order, computed once (sorting hits then compares numbers, not strings). */
  private titleRanks(): Uint32Array {
    if (this.titleRankCache !== undefined) return this.titleRankCache;
    const titles = this.papers.map((doc) => foldText(doc.paper.title));
    const byTitle = this.papers.map((doc) => doc.ordinal);
    // Folded titles compare like localeCompare for letters, digits and spaces, at a fraction of the cost.
    byTitle.sort((a, b) => {
      const left = titles[a] ?? '';
      const right = titles[b] ?? '';
      return left < right ? -1 : left > right ? 1 : (this.papers[a]?.paper.title ?? '').localeCompare(this.papers[b]?.paper.title ?? '');
    });
    const ranks = new Uint32Array(this.papers.length);
    byTitle.forEach((ordinal, rank) => {
      ranks[ordinal] = rank;
    });
    this.titleRankCache = ranks;
    return ranks;
  }

  /** 1 for each paper (by ordinal) that passes the exact filters; years, venues and has:code are read from typed columns. */
  private allowedByFilters(filters: ParsedQuery['filters']): Uint8Array {
    const count = this.papers.length;
    const allowed = new Uint8Array(count).fill(1);
    const { years, venueIds, hasCode } = this;
    for (const range of filters.years) {
      const min = range.min ?? 0;
      const max = range.max ?? Number.MAX_SAFE_INTEGER;
      for (let ordinal = 0; ordinal < count; ordinal += 1) {
        const year = years[ordinal] ?? 0;
        if (year < min || year > max) allowed[ordinal] = 0;
      }
    }
    if (filters.venues.length > 0) {
      const wanted = new Set(filters.venues.map((venue) => this.venueIdByFolded.get(foldCached(venue)) ?? -1));
      for (let ordinal = 0; ordinal < count; ordinal += 1) if (!wanted.has(venueIds[ordinal] ?? -1)) allowed[ordinal] = 0;
    }
    if (filters.hasCode) for (let ordinal = 0; ordinal < count; ordinal += 1) if (hasCode[ordinal] === 0) allowed[ordinal] = 0;
    // Each author filter is matched against the corpus's distinct names, not every name of every
    // paper (100k papers list ~800k names, a few hundred thousand distinct); a paper stays only if
    // one of its names matches every filter.
    for (const author of filters.authors) {
      const matches = nameMatcher(foldText(author));
      const named = new Uint8Array(count);
      for (const [name, ordinals] of this.papersByAuthor()) {
        if (matches(name)) for (const ordinal of ordinals) named[ordinal] = 1;
      }
      for (let ordinal = 0; ordinal < count; ordinal += 1) if (named[ordinal] === 0) allowed[ordinal] = 0;
    }
    return allowed;
  }

  /** Ordinals matching any alternative of the clause, with the best score among them. */
  private matchClause(clause: TextClause): ScoredPapers {
    const [only] = clause.alternatives;
    if (clause.alternatives.length === 1 && only !== undefined) return this.matchAlternative(only);
    // OR of alternatives (rare, short lists): a Map keeps each paper once with its best score.
    const best = new Map<number, number>();
    for (const alternative of clause.alternatives) {
      const { count, ordinals, scores } = this.matchAlternative(alternative);
      for (let i = 0; i < count; i += 1) {
        const ordinal = ordinals[i] ?? 0;
        best.set(ordinal, Math.max(scores[i] ?? 0, best.get(ordinal) ?? 0));
      }
    }
    return scoredPapers(best);
  }

  private matchAlternative(alternative: TextAlternative): ScoredPapers {
    const matched = this.engine.score(alternative);
    if (alternative.kind !== 'phrase') return matched;
    // Engines rank the phrase's words; the phrase itself is checked on the text, as folded text would read.
    const foldedPhrase = foldText(alternative.value);
    const phrase = phraseMatcher(foldedPhrase);
    const pairs = phrasePairs(foldedPhrase);
    const filter = pairs.length === 0 ? undefined : this.phraseFilter();
    const kept: ScoredPapers = { count: 0, ordinals: new Uint32Array(matched.count), scores: new Float64Array(matched.count) };
    for (let i = 0; i < matched.count; i += 1) {
      const ordinal = matched.ordinals[i] ?? 0;
      // Most candidates lack a word pair of the phrase: their text is never read.
      if (filter !== undefined && !mayContainPhrase(filter, ordinal, pairs)) continue;
      const doc = this.papers[ordinal];
      const contains = this.isPhraseSafe(ordinal) ? phrase.inSafeText : phrase.inText;
      if (doc === undefined || !someFieldText(doc, alternative.field, contains)) continue;
      kept.ordinals[kept.count] = ordinal;
      kept.scores[kept.count] = matched.scores[i] ?? 0;
      kept.count += 1;
    }
    return kept;
  }

  /** Word pairs per paper (phraseFilter.ts); built on the first phrase unless restored with the index. */
  private phraseFilter(): Uint32Array {
    this.phraseFilterCache ??= buildPhraseFilter(this.papers);
    return this.phraseFilterCache;
  }

  /** Whether all of a paper's texts can be read by the phrase expression unfolded; checked once per paper, then remembered. */
  private isPhraseSafe(ordinal: number): boolean {
    let known = this.phraseSafety[ordinal];
    if (known === PHRASE_SAFETY_UNKNOWN) {
      const doc = this.papers[ordinal];
      known = doc !== undefined && !someFieldText(doc, undefined, (text) => !PHRASE_SAFE_TEXT.test(text)) ? PHRASE_SAFE : PHRASE_UNSAFE;
      this.phraseSafety[ordinal] = known;
    }
    return known === PHRASE_SAFE;
  }
}

/** Folded author name -> the papers listing it, in ordinal order, each listed once per name. */
function authorIndexBuild(papers: readonly IndexedPaper[]): StepwiseBuild<IndexedPaper, Map<string, number[]>> {
  const byName = new Map<string, number[]>();
  const step = (doc: IndexedPaper): void => {
    for (const name of doc.foldedAuthors) {
      const ordinals = byName.get(name);
      if (ordinals === undefined) byName.set(name, [doc.ordinal]);
      else if (ordinals.at(-1) !== doc.ordinal) ordinals.push(doc.ordinal);
    }
  };
  return { items: papers, step, result: () => byName };
}

/** Per-paper values that every query reads, by ordinal, in typed arrays. */
export interface PaperColumns {
  years: Uint16Array;
  /** 1 when the paper links to code. */
  hasCode: Uint8Array;
  /** Index into foldedVenues: papers whose venues fold alike share an id. */
  venueIds: Uint16Array;
  foldedVenues: string[];
  /** Each paper's position in title order; computed on first use when absent. */
  titleRanks?: Uint32Array;
  /** The corpus's acronyms (not a column, but as costly to recompute: every abstract); built on first use when absent. */
  acronyms?: AcronymDictionary;
  /** PHRASE_FILTER_WORDS words per paper (phraseFilter.ts); built on the first phrase query when absent. */
  phraseFilter?: Uint32Array;
}

function paperColumns(papers: readonly StoredPaper[]): PaperColumns {
  const idByFolded = new Map<string, number>();
  const venueIds = Uint16Array.from(papers, (paper) => {
    const folded = foldCached(paper.venue);
    let id = idByFolded.get(folded);
    if (id === undefined) {
      id = idByFolded.size;
      idByFolded.set(folded, id);
    }
    return id;
  });
  return {
    years: Uint16Array.from(papers, (paper) => paper.year),
    hasCode: Uint8Array.from(papers, (paper) => (paper.codeUrls.length > 0 ? 1 : 0)),
    venueIds,
    foldedVenues: [...idByFolded.keys()],
  };
}

/** IndexedPaper whose folded texts are computed on first use and then kept. */
class LazyIndexedPaper implements IndexedPaper {
  private names: string[] | undefined;
  private foldedNames: string[] | undefined;
  private title: string | undefined;
  private abstract: string | undefined;
  private expanded: string | undefined;

  constructor(
    readonly paper: StoredPaper,
    readonly ordinal: number,
    private readonly acronyms: () => AcronymDictionary,
  ) {}

  get authorNames(): string[] {
    this.names ??= allAuthorNames(this.paper);
    return this.names;
  }

  get foldedAuthors(): string[] {
    // The folded forms of authorNames: shown authors, then cluster people not among them.
    this.foldedNames ??= [...new Set([...this.paper.authors.map((author) => foldCached(author.name)), ...this.paper.clusterAuthors.map(foldCached)])];
    return this.foldedNames;
  }

  get foldedTitle(): string {
    this.title ??= ` ${foldText(this.paper.title)} `;
    return this.title;
  }

  get foldedAbstract(): string {
    this.abstract ??= ` ${foldText(this.paper.abstract)} `;
    return this.abstract;
  }

  get foldedVenue(): string {
    return foldCached(this.paper.venue);
  }

  get expansions(): string {
    // Only engine builds read this; the folded abstract is not kept for it (it would double the memory of a large corpus).
    this.expanded ??= expansionsFor(`${this.title?.trim() ?? foldText(this.paper.title)} ${this.abstract?.trim() ?? foldText(this.paper.abstract)}`, this.acronyms());
    return this.expanded;
  }
}

/** Venue and author names repeat across thousands of papers: fold each distinct one once. */
const foldedNames = new Map<string, string>();
function foldCached(name: string): string {
  let folded = foldedNames.get(name);
  if (folded === undefined) {
    folded = foldText(name);
    if (foldedNames.size > 500_000) foldedNames.clear();
    foldedNames.set(name, folded);
  }
  return folded;
}

/**
 * Whether `test` holds for some text of the field as written (any field when undefined), title
 * and abstract first. No array per paper: a phrase over a large corpus checks tens of thousands.
 */
function someFieldText(doc: IndexedPaper, field: TextAlternative['field'], test: (text: string) => boolean): boolean {
  const { paper } = doc;
  switch (field) {
    case 'title':
      return test(paper.title);
    case 'abstract':
      return test(paper.abstract);
    case 'authors':
      return doc.authorNames.some(test);
    case 'venue':
      return test(paper.venue);
    default:
      return test(paper.title) || test(paper.abstract) || doc.authorNames.some(test);
  }
}

/**
 * Text the phrase expression can read as folding would: ASCII, plus the General Punctuation block
 * (curly quotes, en and em dashes: in a fifth of real abstracts), whose every character folds to a
 * word separator, as the expression's `[^a-z0-9]` treats it. Other text is folded first (slow).
 */
const PHRASE_SAFE_TEXT = /^[\x20-\x7e\t\n\r\u2000-\u206f]*$/;
const PHRASE_SAFETY_UNKNOWN = 0;
const PHRASE_SAFE = 1;
const PHRASE_UNSAFE = 2;

/**
 * Whether a text contains the folded phrase as whole words. Nearly all text is searched with a
 * regular expression that treats any run of punctuation as the one space folding would leave, so
 * the 100k abstracts of a large corpus are never folded and kept in memory.
 * The expression starts with the first word itself (no leading group) and the word boundaries
 * on either side are checked by hand at each match: a leading `(?:^|[^a-z0-9])` would make the
 * engine try every position of every candidate abstract (phrases were 10x slower than words).
 */
function phraseMatcher(foldedPhrase: string): { inText: (text: string) => boolean; inSafeText: (text: string) => boolean } {
  if (foldedPhrase === '') return { inText: () => false, inSafeText: () => false };
  const padded = ` ${foldedPhrase} `;
  // Each ASCII letter as a two-case class ("[lL][aA]…") instead of the `i` flag: irregexp scans
  // for such a pattern 2.5x faster (the text is ASCII here, where both mean the same).
  const words = foldedPhrase.split(' ').map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[a-z]/g, (letter) => `[${letter}${letter.toUpperCase()}]`));
  const pattern = new RegExp(words.join('[^a-zA-Z0-9]+'), 'g');
  /** For text known to pass PHRASE_SAFE_TEXT. */
  const inSafeText = (text: string): boolean => {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      if (!isAsciiLetterOrDigit(text.charCodeAt(match.index - 1)) && !isAsciiLetterOrDigit(text.charCodeAt(match.index + match[0].length))) return true;
      pattern.lastIndex = match.index + 1;
    }
    return false;
  };
  return { inSafeText, inText: (text) => (PHRASE_SAFE_TEXT.test(text) ? inSafeText(text) : ` ${foldText(text)} `.includes(padded)) };
}

/** [a-z0-9] case-insensitively, as the phrase expression's separators see it; NaN (outside the text) is not. */
function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * "huang" and "gao huang" both match "gao huang": the query's words, in order, within the folded
 * name, tested without building a padded string per name.
 */
function nameMatcher(foldedQuery: string): (foldedName: string) => boolean {
  if (foldedQuery === '') return () => false;
  const asFirst = `${foldedQuery} `;
  const asLast = ` ${foldedQuery}`;
  const inside = ` ${foldedQuery} `;
  return (name) => name === foldedQuery || name.startsWith(asFirst) || name.endsWith(asLast) || name.includes(inside);
}

/**
 * The `count` first items of `items` in `compare` order, as `[...items].sort(compare).slice(0, count)`
 * gives them, kept in a sorted buffer: most items of a large result lose to the buffer's last
 * entry with one comparison, so this costs about one comparison per item instead of a full sort.
 */
function smallestInOrder(items: readonly number[], count: number, compare: (a: number, b: number) => number): number[] {
  const best: number[] = [];
  if (count <= 0) return best;
  for (const item of items) {
    if (best.length === count) {
      if (compare(item, best[count - 1] ?? item) >= 0) continue;
      best.pop();
    }
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(best[middle] ?? item, item) <= 0) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, item);
  }
  return best;
}

function compareOrdinals(sort: SortOrder, years: Uint16Array, clauses: Uint16Array, scores: Float64Array, titleRanks: Uint32Array): (a: number, b: number) => number {
  // Every read is by an ordinal of this index, so always in range: `!` instead of `?? 0` spares a
  // check in each of the ~1.4M comparisons that ranking 85k hits takes, and each order is one
  // flat function (no helper calls), which made the sort 15% faster.
  if (clauses.length === 0) {
    if (sort === 'oldest') return (a, b) => years[a]! - years[b]! || titleRanks[a]! - titleRanks[b]!;
    return (a, b) => years[b]! - years[a]! || titleRanks[a]! - titleRanks[b]!;
  }
  switch (sort) {
    case 'newest':
      return (a, b) => years[b]! - years[a]! || clauses[b]! - clauses[a]! || scores[b]! - scores[a]! || titleRanks[a]! - titleRanks[b]!;
    case 'oldest':
      return (a, b) => years[a]! - years[b]! || clauses[b]! - clauses[a]! || scores[b]! - scores[a]! || titleRanks[a]! - titleRanks[b]!;
    default:
      return (a, b) => clauses[b]! - clauses[a]! || scores[b]! - scores[a]! || years[b]! - years[a]! || titleRanks[a]! - titleRanks[b]!;
  }
}
