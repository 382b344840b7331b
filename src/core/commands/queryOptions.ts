// Builds the query a command runs from its options. The same setting can arrive as a separate
// option (Discord's year field) or inside the query string (`year:2024`); both mean the same,
// and two different values for one setting are a clear error rather than a silent pick.
import { ErrorCode, QueryError, UserError } from '../errors.js';
import { foldName } from '../paper.js';
import { formatQuery } from '../query/formatQuery.js';
import { parseQuery } from '../query/parseQuery.js';
import type { ParsedQuery } from '../query/queryTypes.js';
import { resolveQuery } from '../query/resolveQuery.js';
import type { PaperIndex } from '../search/paperIndex.js';
import type { CommandOptions } from './command.js';

const FIELD_OPTIONS = ['year', 'venue', 'author', 'sort'] as const;
type FieldOption = (typeof FIELD_OPTIONS)[number];

/** Straight and typographic double quotes: a field's value is one value, so quotes in it mean nothing. */
const QUOTES = /["\u201C\u201D\u201E]/gu;

export function queryFromOptions(options: CommandOptions, index: PaperIndex, textOption = 'query'): ParsedQuery {
  const text = stringOption(options[textOption]) ?? '';
  const query = parseQuery(text);
  const venues = venuesOf(index);
  for (const field of FIELD_OPTIONS) {
    const value = optionValue(options[field], field);
    if (value === undefined) continue;
    mergeField(query, parseOption(field, value, venues), field, value, venues);
  }
  return resolveQuery(query, { venues });
}

/**
 * The option's value as the query language would write it: quotes dropped (phones type smart
 * quotes: “IEEE TPAMI”) and a pasted `venue:` prefix removed; undefined when nothing is left.
 */
function optionValue(raw: CommandOptions[string], field: FieldOption): string | undefined {
  const text = stringOption(raw);
  if (text === undefined) return undefined;
  return stringOption(text.replace(QUOTES, '').replace(new RegExp(`^\\s*${field}:`, 'iu'), ''));
}

/** The option as a one-field query; its mistakes name the option, since it is not in the query text. */
function parseOption(field: FieldOption, value: string, venues: string[]): ParsedQuery {
  try {
    const parsed = parseQuery(`${field}:${/\s/u.test(value) ? `"${value}"` : value}`);
    if (field !== 'venue') return parsed;
    // Venue names are compared once resolved: venue:nips and a NeurIPS option are one venue.
    const resolved = resolveQuery(parsed, { venues });
    delete resolved.positions;
    return resolved;
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    throw new UserError(ErrorCode.InvalidOption, `The ${field} option: ${error.message.replace(/[^.?!]$/u, '$&.')}`, { hint: error.hint });
  }
}

function mergeField(query: ParsedQuery, fromOption: ParsedQuery, field: FieldOption, value: string, venues: string[]): void {
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
      if (existing.length > 0) {
        // Resolving the query's own venues may fail with its real error and position; let it.
        const written = resolveQuery(query, { venues }).filters.venues;
        if (!sameWords(written, fromOption.filters.venues)) conflict(`venue:${existing.join(',')}`);
        // Same venues: keep the query's, whose positions point into its text.
        break;
      }
      query.filters.venues = fromOption.filters.venues;
      // The venue is not in the query text, so no offset in it describes it; stale positions would
      // point errors at the wrong characters.
      delete query.positions;
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
  const fold = (list: string[]): string => list.map(foldName).sort().join('|');
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
