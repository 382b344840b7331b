// Papers per year and per venue for a set of papers: the numbers behind /stats (text table and
// chart) and /ask's counts. Pure functions over papers.
import type { Paper } from '../paper.js';
import type { VenueCount, YearCount } from './authorStats.js';

/**
 * Papers per year, oldest first. Years between the first and the last with no paper are listed
 * with 0, so a chart's year axis has no silent holes.
 */
export function papersPerYear(papers: readonly Paper[]): YearCount[] {
  if (papers.length === 0) return [];
  const counts = new Map<number, number>();
  for (const paper of papers) counts.set(paper.year, (counts.get(paper.year) ?? 0) + 1);
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
  const sorted = [...counts].map(([venue, count]) => ({ venue, papers: count })).sort((a, b) => b.papers - a.papers || a.venue.localeCompare(b.venue));
  if (sorted.length <= limit) return sorted;
  const kept = sorted.slice(0, Math.max(0, limit - 1));
  const rest = sorted.slice(kept.length);
  return [...kept, { venue: `Other (${rest.length} venues)`, papers: rest.reduce((sum, entry) => sum + entry.papers, 0) }];
}
