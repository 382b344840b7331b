// The searchable corpus: exact filters (years, venues, authors, has:code) over in-memory records,
// then full-text ranking of what is left by a text engine (lunr by default). Filters never go
// through the text engine, so `venue:NeurIPS year:2019` is exact whatever the ranking does.
import type { StoredPaper } from '../paper.js';
import { allAuthorNames, foldName } from '../paper.js';
import type { ParsedQuery, SortOrder, TextAlternative, TextClause, YearRange } from '../query/queryTypes.js';
import { buildAcronymDictionary, expansionsFor, type AcronymDictionary } from './acronyms.js';
import { LunrTextEngine } from './lunrTextEngine.js';
import type { IndexedPaper, TextEngine } from './textEngine.js';

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
}

export type TextEngineFactory = (papers: readonly IndexedPaper[]) => TextEngine;

export class PaperIndex {
  readonly papers: readonly IndexedPaper[];
  readonly acronyms: AcronymDictionary;
  private readonly engine: TextEngine;
  private readonly byId: Map<string, IndexedPaper>;

  constructor(papers: readonly StoredPaper[], createEngine: TextEngineFactory = (docs) => new LunrTextEngine(docs)) {
    this.acronyms = buildAcronymDictionary(papers);
    this.papers = papers.map((paper, ordinal) => indexPaper(paper, ordinal, this.acronyms));
    this.byId = new Map(this.papers.map((doc) => [doc.paper.id, doc]));
    this.engine = createEngine(this.papers);
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

  search(query: ParsedQuery, options: SearchOptions = {}): SearchResult {
    const positive = query.clauses.filter((clause) => !clause.negated);
    const negative = query.clauses.filter((clause) => clause.negated);
    const sort: SortOrder = query.sort ?? (positive.length > 0 ? 'relevance' : 'newest');

    let candidates = this.papers.filter((doc) => matchesFilters(doc, query.filters));
    for (const clause of negative) {
      const excluded = this.matchClause(clause);
      candidates = candidates.filter((doc) => !excluded.has(doc.ordinal));
    }

    const matched = new Map<number, { clauses: number; score: number }>();
    if (positive.length === 0) {
      for (const doc of candidates) matched.set(doc.ordinal, { clauses: 0, score: 0 });
    } else {
      const allowed = new Set(candidates.map((doc) => doc.ordinal));
      for (const clause of positive) {
        for (const [ordinal, score] of this.matchClause(clause)) {
          if (!allowed.has(ordinal)) continue;
          const entry = matched.get(ordinal) ?? { clauses: 0, score: 0 };
          entry.clauses += 1;
          entry.score += score;
          matched.set(ordinal, entry);
        }
      }
    }

    const hits: SearchHit[] = [];
    for (const [ordinal, entry] of matched) {
      const doc = this.papers[ordinal];
      if (doc !== undefined) hits.push({ paper: doc.paper, matchedClauses: entry.clauses, score: entry.score });
    }
    hits.sort(compareHits(sort));
    const offset = options.offset ?? 0;
    const end = options.limit === undefined ? undefined : offset + options.limit;
    return { total: hits.length, hits: hits.slice(offset, end), sort };
  }

  /** Ordinals matching any alternative of the clause, with the best score among them. */
  private matchClause(clause: TextClause): Map<number, number> {
    const scores = new Map<number, number>();
    for (const alternative of clause.alternatives) {
      for (const [ordinal, score] of this.matchAlternative(alternative)) {
        scores.set(ordinal, Math.max(score, scores.get(ordinal) ?? 0));
      }
    }
    return scores;
  }

  private matchAlternative(alternative: TextAlternative): Map<number, number> {
    const scores = this.engine.score(alternative);
    if (alternative.kind !== 'phrase') return scores;
    // Engines rank the phrase's words; the phrase itself is checked on the folded text.
    const phrase = ` ${foldName(alternative.value)} `;
    for (const ordinal of scores.keys()) {
      const doc = this.papers[ordinal];
      if (doc === undefined || !fieldTexts(doc, alternative.field).some((text) => text.includes(phrase))) scores.delete(ordinal);
    }
    return scores;
  }
}

function indexPaper(paper: StoredPaper, ordinal: number, acronyms: AcronymDictionary): IndexedPaper {
  const authorNames = allAuthorNames(paper);
  const foldedTitle = foldName(paper.title);
  const foldedAbstract = foldName(paper.abstract);
  return {
    paper,
    ordinal,
    authorNames,
    foldedAuthors: authorNames.map(foldName),
    foldedTitle: ` ${foldedTitle} `,
    foldedAbstract: ` ${foldedAbstract} `,
    foldedVenue: foldName(paper.venue),
    expansions: expansionsFor(`${foldedTitle} ${foldedAbstract}`, acronyms),
  };
}

function fieldTexts(doc: IndexedPaper, field: TextAlternative['field']): string[] {
  switch (field) {
    case 'title':
      return [doc.foldedTitle];
    case 'abstract':
      return [doc.foldedAbstract];
    case 'authors':
      return doc.foldedAuthors.map((name) => ` ${name} `);
    case 'venue':
      return [` ${doc.foldedVenue} `];
    default:
      return [doc.foldedTitle, doc.foldedAbstract, ...doc.foldedAuthors.map((name) => ` ${name} `)];
  }
}

export function matchesFilters(doc: IndexedPaper, filters: ParsedQuery['filters']): boolean {
  const { paper } = doc;
  if (!filters.years.every((range) => inYearRange(paper.year, range))) return false;
  if (filters.venues.length > 0 && !filters.venues.some((venue) => foldName(venue) === doc.foldedVenue)) return false;
  if (filters.hasCode && paper.codeUrls.length === 0) return false;
  return filters.authors.every((author) => doc.foldedAuthors.some((name) => nameMatches(name, foldName(author))));
}

/** "huang" and "gao huang" both match "gao huang": the query's words, in order, within the name. */
export function nameMatches(foldedName: string, foldedQuery: string): boolean {
  if (foldedQuery === '') return false;
  return ` ${foldedName} `.includes(` ${foldedQuery} `);
}

function inYearRange(year: number, range: YearRange): boolean {
  return (range.min === undefined || year >= range.min) && (range.max === undefined || year <= range.max);
}

function compareHits(sort: SortOrder): (a: SearchHit, b: SearchHit) => number {
  const byRelevance = (a: SearchHit, b: SearchHit): number => b.matchedClauses - a.matchedClauses || b.score - a.score;
  const byTitle = (a: SearchHit, b: SearchHit): number => a.paper.title.localeCompare(b.paper.title);
  switch (sort) {
    case 'newest':
      return (a, b) => b.paper.year - a.paper.year || byRelevance(a, b) || byTitle(a, b);
    case 'oldest':
      return (a, b) => a.paper.year - b.paper.year || byRelevance(a, b) || byTitle(a, b);
    default:
      return (a, b) => byRelevance(a, b) || b.paper.year - a.paper.year || byTitle(a, b);
  }
}
