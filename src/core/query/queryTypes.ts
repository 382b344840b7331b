// The parsed form of the query language shared by every platform (see README "Query syntax").
// parseQuery() produces it from one string; the search layer consumes it. Nothing here knows
// about Discord, Slack or the terminal.

/** Fields a word or phrase can be restricted to with `title:`, `abstract:` and friends. */
export type TextField = 'title' | 'abstract' | 'authors' | 'venue';

export interface TextAlternative {
  kind: 'term' | 'phrase';
  /** The words as typed (phrase: the words between the quotes), lower-cased. */
  value: string;
  /** Set when the word was written as `title:word`, `abs:"a phrase"`, ... */
  field?: TextField;
}

/**
 * One free-text clause: a single word or phrase, or several joined with OR. A paper matches the
 * clause when it matches any alternative. Positive clauses rank (papers matching more clauses
 * rank first); negated clauses (`-word`, `NOT word`) exclude.
 */
export interface TextClause {
  alternatives: TextAlternative[];
  negated: boolean;
}

export interface YearRange {
  /** Inclusive lower bound. */
  min?: number;
  /** Inclusive upper bound. */
  max?: number;
}

export type SortOrder = 'relevance' | 'newest' | 'oldest';

/** Where parts of the query were typed, so later stages (venue resolution) can point errors at them. */
export interface QueryPositions {
  /** Zero-based offset in `input` of each venue filter's value, parallel to `filters.venues`. */
  venues: number[];
}

export interface ParsedQuery {
  /** The query string as given. */
  input: string;
  clauses: TextClause[];
  /** Exact filters; several of one kind are ANDed, except venues (a paper has one venue: ORed). */
  filters: {
    years: YearRange[];
    venues: string[];
    authors: string[];
    hasCode: boolean;
  };
  /** Undefined when the query does not say; the search picks relevance for text, newest otherwise. */
  sort?: SortOrder;
  /** Set by parseQuery; absent on queries built by hand. Offsets refer to `input`. */
  positions?: QueryPositions;
}

export function emptyQuery(input = ''): ParsedQuery {
  return { input, clauses: [], filters: { years: [], venues: [], authors: [], hasCode: false } };
}
