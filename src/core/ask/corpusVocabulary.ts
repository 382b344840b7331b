// The names a question can mention, built once per index: every author (identity = folded name,
// shown in the spelling the corpus uses most) and every venue spelling that resolves to a corpus
// venue (its own name and the aliases in venueAliases.ts, through resolveQuery).
import { QueryError } from '../errors.js';
import { allAuthorNames, foldName, type Paper } from '../paper.js';
import { resolveQuery } from '../query/resolveQuery.js';
import { emptyQuery } from '../query/queryTypes.js';
import { VENUE_ALIASES } from '../query/venueAliases.js';
import { preparedPerKey } from '../search/inSlices.js';
import type { PaperIndex } from '../search/paperIndex.js';
import type { AuthorIdentity } from './askTypes.js';

export interface CorpusVocabulary {
  /** Folded author name -> identity. */
  authors: Map<string, AuthorIdentity>;
  /** Folded venue name or alias -> the corpus's spelling ("nips" -> "NeurIPS"). */
  venues: Map<string, string>;
  /** Folded names of well-known venues this corpus has no papers from -> their usual short name. */
  otherVenues: Map<string, string>;
  /** The longest venue spelling in words, to bound the phrase scan. */
  longestVenueWords: number;
}

const vocabularies = preparedPerKey((index: PaperIndex) => {
  const spellings: Spellings = new Map();
  return { items: index.papers, step: (doc) => addSpellings(spellings, doc.paper), result: () => buildVocabulary(index, spellings) };
});

export function corpusVocabulary(index: PaperIndex): CorpusVocabulary {
  return vocabularies.get(index);
}

/** Collects the names ahead, in slices (a bot does this after loading; 100k papers take ~0.3 s). */
export function prepareCorpusVocabulary(index: PaperIndex, signal?: AbortSignal): Promise<void> {
  return vocabularies.prepare(index, signal);
}

/** Folded author name -> each spelling of it -> how many papers use that spelling. */
type Spellings = Map<string, Map<string, number>>;

function addSpellings(spellings: Spellings, paper: Paper): void {
  for (const name of allAuthorNames(paper)) {
    const folded = foldName(name);
    if (folded === '') continue;
    const counts = spellings.get(folded) ?? new Map<string, number>();
    counts.set(name, (counts.get(name) ?? 0) + 1);
    spellings.set(folded, counts);
  }
}

function buildVocabulary(index: PaperIndex, spellings: Spellings): CorpusVocabulary {
  const authors = new Map<string, AuthorIdentity>();
  for (const [folded, counts] of spellings) {
    const [name] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [folded];
    authors.set(folded, { name, folded });
  }

  const corpusVenues = [...new Set(index.papers.map((doc) => doc.paper.venue))];
  const venues = new Map<string, string>();
  const candidates = [...corpusVenues, ...VENUE_ALIASES.flat()];
  for (const candidate of candidates) {
    const folded = foldName(candidate);
    if (folded === '' || venues.has(folded)) continue;
    const canonical = resolveVenue(candidate, corpusVenues);
    if (canonical !== undefined) venues.set(folded, canonical);
  }
  const otherVenues = new Map<string, string>();
  for (const group of VENUE_ALIASES) {
    const [usual] = group;
    if (usual === undefined) continue;
    for (const alias of group) {
      const folded = foldName(alias);
      if (folded !== '' && !venues.has(folded) && !otherVenues.has(folded)) otherVenues.set(folded, usual);
    }
  }
  const allNames = [...venues.keys(), ...otherVenues.keys()];
  const longestVenueWords = Math.max(1, ...allNames.map((name) => name.split(' ').length));
  return { authors, venues, otherVenues, longestVenueWords };
}

/** The corpus spelling of a venue name or alias, using the same resolution as the query language. */
function resolveVenue(name: string, corpusVenues: string[]): string | undefined {
  const query = emptyQuery();
  query.filters.venues = [name];
  try {
    return resolveQuery(query, { venues: corpusVenues }).filters.venues[0];
  } catch (error) {
    if (error instanceof QueryError) return undefined;
    throw error;
  }
}
