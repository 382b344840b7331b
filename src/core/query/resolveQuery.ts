// Second pass over a parsed query, once the corpus is known: venue filters are mapped to the
// corpus's own spelling ("nips" -> "NeurIPS"), and a venue the corpus does not have is an error
// with a "did you mean" instead of a search that silently finds nothing.
import { QueryError } from '../errors.js';
import { foldName } from '../paper.js';
import { editDistance } from './editDistance.js';
import type { ParsedQuery, TextClause } from './queryTypes.js';
import { VENUE_ALIASES } from './venueAliases.js';

export interface QueryFacts {
  /** The corpus's venue names as it writes them ("NeurIPS", "IEEE TPAMI"). */
  venues: string[];
}

/** How many venues a hint lists before "and N more"; chat replies are short. */
const HINT_VENUE_LIMIT = 25;

/** Returns a copy with canonical venue names; throws QueryError for a venue the corpus lacks. */
export function resolveQuery(query: ParsedQuery, facts: QueryFacts): ParsedQuery {
  const lookup = venueLookup(facts.venues);
  const venues: string[] = [];
  const positions: number[] = [];
  query.filters.venues.forEach((typed, index) => {
    const position = query.positions?.venues[index] ?? 0;
    const canonical = lookup.get(foldName(typed));
    if (canonical === undefined) throw unknownVenue(typed, position, lookup, facts.venues);
    // `venue:nips venue:NeurIPS` is one venue once resolved.
    if (venues.includes(canonical)) return;
    venues.push(canonical);
    positions.push(position);
  });

  // Excluded venues are text clauses; map them too so `-venue:nips` excludes NeurIPS papers. A
  // venue the corpus lacks excludes nothing, which is what the user asked for, so no error.
  const clauses = query.clauses.map((clause): TextClause => ({
    negated: clause.negated,
    alternatives: clause.alternatives.map((alternative) => {
      if (alternative.field !== 'venue') return { ...alternative };
      const canonical = lookup.get(foldName(alternative.value));
      return canonical === undefined ? { ...alternative } : { ...alternative, value: canonical.toLowerCase() };
    }),
  }));

  const resolved: ParsedQuery = {
    ...query,
    clauses,
    filters: { ...query.filters, years: query.filters.years.map((range) => ({ ...range })), authors: [...query.filters.authors], venues },
  };
  if (query.positions !== undefined) resolved.positions = { ...query.positions, venues: positions };
  return resolved;
}

/**
 * Lookups by venue list. Callers pass the same list for a whole index (venuesOf caches it), and
 * building the lookup folds every alias against every venue: it was the largest cost of a command.
 */
const lookupByVenues = new WeakMap<readonly string[], ReadonlyMap<string, string>>();

/** Folded name or alias -> the corpus's spelling. Corpus names win over aliases. */
function venueLookup(corpusVenues: readonly string[]): ReadonlyMap<string, string> {
  let lookup = lookupByVenues.get(corpusVenues);
  if (lookup === undefined) {
    lookup = buildLookup(corpusVenues);
    lookupByVenues.set(corpusVenues, lookup);
  }
  return lookup;
}

function buildLookup(corpusVenues: readonly string[]): Map<string, string> {
  const folded = corpusVenues.map((venue) => ({ venue, folded: foldName(venue) }));
  const lookup = new Map<string, string>();
  for (const group of VENUE_ALIASES) {
    const aliases = group.map(foldName);
    const inCorpus = folded.find((candidate) => aliases.includes(candidate.folded))?.venue;
    if (inCorpus === undefined) continue;
    for (const alias of aliases) if (!lookup.has(alias)) lookup.set(alias, inCorpus);
  }
  for (const candidate of folded) lookup.set(candidate.folded, candidate.venue);
  return lookup;
}

function unknownVenue(typed: string, position: number, lookup: ReadonlyMap<string, string>, corpusVenues: readonly string[]): QueryError {
  const suggestion = closestVenue(foldName(typed), lookup);
  if (suggestion !== undefined) {
    return new QueryError(`no venue ${typed}; did you mean ${suggestion}?`, { position, hint: `Write venue:${quoteIfSpaced(suggestion)}.` });
  }
  const names = [...new Set(corpusVenues)].sort((a, b) => a.localeCompare(b));
  const shown = names.slice(0, HINT_VENUE_LIMIT).join(', ');
  const more = names.length > HINT_VENUE_LIMIT ? `, and ${names.length - HINT_VENUE_LIMIT} more` : '';
  return new QueryError(`no venue ${typed}`, {
    position,
    hint: names.length === 0 ? 'This corpus has no venues yet; leave out venue:.' : `Venues in this corpus: ${shown}${more}.`,
  });
}

/** Closest known name by edit distance (a typo), else one the typed text starts (`neur` -> NeurIPS). */
function closestVenue(folded: string, lookup: ReadonlyMap<string, string>): string | undefined {
  if (folded === '') return undefined;
  // One edit for short names (ICML/ICLR are one apart, so be careful), up to a third for long ones.
  const allowed = Math.max(1, Math.floor(folded.length / 3));
  let best: { venue: string; distance: number } | undefined;
  for (const [name, venue] of lookup) {
    const distance = editDistance(folded, name, allowed);
    if (distance <= allowed && (best === undefined || distance < best.distance)) best = { venue, distance };
  }
  if (best !== undefined) return best.venue;
  if (folded.length < 2) return undefined;
  for (const [name, venue] of lookup) if (name.startsWith(folded)) return venue;
  return undefined;
}

function quoteIfSpaced(value: string): string {
  return /\s/u.test(value) ? `"${value}"` : value;
}
