// Builds the query a command runs from its options. The same setting can arrive as a separate
// option (Discord's year field) or inside the query string (`year:2024`); both mean the same,
// and two different values for one setting are a clear error rather than a silent pick.
import { ErrorCode, UserError } from '../errors.js';
import { formatQuery } from '../query/formatQuery.js';
import { parseQuery } from '../query/parseQuery.js';
import type { ParsedQuery } from '../query/queryTypes.js';
import { resolveQuery } from '../query/resolveQuery.js';
import type { PaperIndex } from '../search/paperIndex.js';
import type { CommandOptions } from './command.js';

const FIELD_OPTIONS = ['year', 'venue', 'author', 'sort'] as const;

export function queryFromOptions(options: CommandOptions, index: PaperIndex, textOption = 'query'): ParsedQuery {
  const text = stringOption(options[textOption]) ?? '';
  const query = parseQuery(text);
  for (const field of FIELD_OPTIONS) {
    const value = stringOption(options[field]);
    if (value === undefined) continue;
    const fromOption = parseQuery(`${field}:${/\s/.test(value) ? `"${value.replace(/"/g, '')}"` : value}`);
    mergeField(query, fromOption, field, value);
  }
  return resolveQuery(query, { venues: venuesOf(index) });
}

function mergeField(query: ParsedQuery, fromOption: ParsedQuery, field: (typeof FIELD_OPTIONS)[number], value: string): void {
  const conflict = (written: string): never => {
    throw new UserError(ErrorCode.OptionConflict, `${field} is given twice: ${written} in the query and ${value} in the ${field} option.`, {
      hint: `Keep one of them: remove ${written} from the query or clear the ${field} option.`,
    });
  };
  switch (field) {
    case 'year': {
      const existing = query.filters.years;
      if (existing.length > 0 && JSON.stringify(existing) !== JSON.stringify(fromOption.filters.years)) conflict(formatYears(query));
      query.filters.years = fromOption.filters.years;
      break;
    }
    case 'venue': {
      const existing = query.filters.venues;
      if (existing.length > 0 && !sameWords(existing, fromOption.filters.venues)) conflict(`venue:${existing.join(',')}`);
      query.filters.venues = fromOption.filters.venues;
      break;
    }
    case 'author': {
      const existing = query.filters.authors;
      if (existing.length > 0 && !sameWords(existing, fromOption.filters.authors)) conflict(`author:${existing.join(',')}`);
      query.filters.authors = fromOption.filters.authors;
      break;
    }
    case 'sort':
      if (query.sort !== undefined && query.sort !== fromOption.sort) conflict(`sort:${query.sort}`);
      query.sort = fromOption.sort;
      break;
  }
}

function formatYears(query: ParsedQuery): string {
  return formatQuery({ ...query, clauses: [], filters: { ...query.filters, venues: [], authors: [], hasCode: false }, sort: undefined });
}

function sameWords(a: string[], b: string[]): boolean {
  const fold = (list: string[]): string => list.map((item) => item.toLowerCase()).sort().join('|');
  return fold(a) === fold(b);
}

export function stringOption(value: CommandOptions[string]): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

const venueCache = new WeakMap<PaperIndex, string[]>();
export function venuesOf(index: PaperIndex): string[] {
  let venues = venueCache.get(index);
  if (venues === undefined) {
    venues = [...new Set(index.papers.map((doc) => doc.paper.venue))].sort();
    venueCache.set(index, venues);
  }
  return venues;
}
