// "Did you mean ...?" suggestions for command names, venues, authors and titles.
import { editDistance } from '../query/editDistance.js';

/** The candidate closest to the word within a small edit distance, or a unique prefix match. */
export function closestWord(word: string, candidates: readonly string[], maxDistance = Math.max(1, Math.floor(word.length / 3))): string | undefined {
  const lower = word.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase(), maxDistance + 1);
    if (distance <= maxDistance && (best === undefined || distance < best.distance)) best = { candidate, distance };
  }
  if (best !== undefined) return best.candidate;
  const prefixed = candidates.filter((candidate) => candidate.toLowerCase().startsWith(lower));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}
