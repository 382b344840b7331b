// The canonical spelling of a parsed query, echoed back to users as "interpreted as ..." so they
// can see (and copy, and edit) what the bot understood. parseQuery(formatQuery(q)) gives back an
// equivalent query: the same clauses, filters and sort, in the same order.
import type { ParsedQuery, TextAlternative, TextClause, TextField, YearRange } from './queryTypes.js';
import { MAX_YEAR, MIN_YEAR } from './parseQuery.js';

const FIELD_PREFIX: Readonly<Record<TextField, string>> = {
  title: 'title:',
  abstract: 'abstract:',
  authors: 'author:',
  venue: 'venue:',
};

/** Filters first (they decide what is in), then the text (what ranks first), then the order. */
export function formatQuery(q: ParsedQuery): string {
  const parts: string[] = [];
  for (const venue of q.filters.venues) parts.push(`venue:${formatValue(venue)}`);
  for (const author of q.filters.authors) parts.push(`author:${formatValue(author)}`);
  for (const range of q.filters.years) {
    const year = formatYears(range);
    if (year !== undefined) parts.push(year);
  }
  if (q.filters.hasCode) parts.push('has:code');
  for (const clause of q.clauses) {
    const text = formatClause(clause);
    if (text !== '') parts.push(text);
  }
  if (q.sort !== undefined) parts.push(`sort:${q.sort}`);
  return parts.join(' ');
}

function formatClause(clause: TextClause): string {
  if (!clause.negated) return clause.alternatives.map(formatAlternative).join(' OR ');
  // "not (a or b)" is "not a, not b": the language has no negated OR, so spell it that way.
  return clause.alternatives.map((alternative) => `-${formatAlternative(alternative)}`).join(' ');
}

function formatAlternative(alternative: TextAlternative): string {
  const prefix = alternative.field === undefined ? '' : FIELD_PREFIX[alternative.field];
  return alternative.kind === 'phrase' ? `${prefix}"${alternative.value}"` : `${prefix}${alternative.value}`;
}

/**
 * Bare when it is one word, quoted when it has spaces: `venue:NeurIPS`, `venue:"IEEE TPAMI"`;
 * also quoted when it starts with `//`, which bare would read as a URL (`venue://a` is text).
 */
function formatValue(value: string): string {
  return /^\S+$/u.test(value) && !value.startsWith('//') ? value : `"${value}"`;
}

function formatYears(range: YearRange): string | undefined {
  const { min, max } = range;
  if (min !== undefined && max !== undefined) return min === max ? `year:${min}` : `year:${min}..${max}`;
  // `year:>2100` parses to min 2101, which only the strict form can say again.
  if (min !== undefined) return min <= MAX_YEAR ? `year:>=${min}` : `year:>${min - 1}`;
  if (max !== undefined) return max >= MIN_YEAR ? `year:<=${max}` : `year:<${max + 1}`;
  return undefined;
}
