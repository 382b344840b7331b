// Papers per year and per venue for a set of papers: the numbers behind /stats (text table and
// chart) and /ask's counts. Pure functions over papers.
import type { Paper } from '../paper.js';
import type { VenueCount, YearCount } from './authorStats.js';

/**
 * Papers per year, oldest first. Years between the first and the last with no paper are listed
 * with 0, so a chart's year axis has no silent holes.
 */
export function papersPerYear(papers: readonly Paper[]): YearCount[] {
  const counts = new Map<number, number>();
  for (const paper of papers) counts.set(paper.year, (counts.get(paper.year) ?? 0) + 1);
  return yearCounts(counts);
}

/** papersPerYear from counts already made (PaperIndex.countMatches). */
export function yearCounts(counts: ReadonlyMap<number, number>): YearCount[] {
  if (counts.size === 0) return [];
  const years = [...counts.keys()];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const result: YearCount[] = [];
  for (let year = first; year <= last; year++) result.push({ year, papers: counts.get(year) ?? 0 });
  return result;
}

/**
 * Papers per venue, most first (ties alphabetical). With `limit`, the venues past it are summed
 * into one "Other (N venues)" row so a chart stays readable.
 */
export function papersPerVenue(papers: readonly Paper[], limit = Number.POSITIVE_INFINITY): VenueCount[] {
  const counts = new Map<string, number>();
  for (const paper of papers) counts.set(paper.venue, (counts.get(paper.venue) ?? 0) + 1);
  return topVenues(venueCounts(counts), limit);
}

/** Venue counts most first (ties alphabetical) from counts already made (PaperIndex.countMatches). */
export function venueCounts(counts: ReadonlyMap<string, number>): VenueCount[] {
  return [...counts].map(([venue, count]) => ({ venue, papers: count })).sort((a, b) => b.papers - a.papers || a.venue.localeCompare(b.venue));
}

/** Venue counts (most first) cut to `limit` rows, the rest summed into "Other (N venues)": a chart's or table's view of one count. */
export function topVenues(sorted: readonly VenueCount[], limit: number): VenueCount[] {
  if (sorted.length <= limit) return [...sorted];
  const kept = sorted.slice(0, Math.max(0, limit - 1));
  const rest = sorted.slice(kept.length);
  return [...kept, { venue: `Other (${rest.length} venues)`, papers: rest.reduce((sum, entry) => sum + entry.papers, 0) }];
}
