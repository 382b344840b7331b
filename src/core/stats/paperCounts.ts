// Papers per year and per venue, from counts made by the index (PaperIndex.countMatches): the
// numbers behind /stats's text table and chart.
import type { VenueCount, YearCount } from './authorStats.js';

/**
 * Papers per year, oldest first. Years between the first and the last with no paper are listed
 * with 0, so a chart's year axis has no silent holes.
 */
export function yearCounts(counts: ReadonlyMap<number, number>): YearCount[] {
  if (counts.size === 0) return [];
  const years = [...counts.keys()];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const result: YearCount[] = [];
  for (let year = first; year <= last; year++) result.push({ year, papers: counts.get(year) ?? 0 });
  return result;
}

/** Papers per venue, most first (ties alphabetical). */
export function venueCounts(counts: ReadonlyMap<string, number>): VenueCount[] {
  return [...counts].map(([venue, count]) => ({ venue, papers: count })).sort((a, b) => b.papers - a.papers || a.venue.localeCompare(b.venue));
}

/** Venue counts (most first) cut to `limit` rows, the rest summed into "Other (N venues)" so a chart or table stays readable. */
export function topVenues(sorted: readonly VenueCount[], limit: number): VenueCount[] {
  if (sorted.length <= limit) return [...sorted];
  const kept = sorted.slice(0, Math.max(0, limit - 1));
  const rest = sorted.slice(kept.length);
  return [...kept, { venue: `Other (${rest.length} venues)`, papers: rest.reduce((sum, entry) => sum + entry.papers, 0) }];
}
