// Damerau-Levenshtein distance (the "optimal string alignment" variant: insert, delete, substitute,
// swap two neighbours), bounded so typo checks over a whole corpus vocabulary stay cheap.
// Used for "did you mean" hints here and for typo tolerance in the search and /ask layers.

/**
 * Edits needed to turn `a` into `b`, counted over code points (so an emoji is one character).
 * Case-sensitive: fold both sides first (see `foldName`) when case should not count.
 *
 * With `maxDistance`, stops as soon as the answer must exceed it and returns `maxDistance + 1`;
 * callers only ever ask "is it within k?", and most candidates are far away.
 */
const SURROGATE = /[\uD800-\uDFFF]/;

export function editDistance(a: string, b: string, maxDistance = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  // Code points: a string indexes by UTF-16 unit, the same thing unless it holds a surrogate pair.
  // Indexing the strings themselves spares two arrays per call; typo checks make thousands of calls.
  const s: string | string[] = SURROGATE.test(a) ? Array.from(a) : a;
  const t: string | string[] = SURROGATE.test(b) ? Array.from(b) : b;
  const cap = Math.max(0, maxDistance);
  const over = cap + 1;
  if (Math.abs(s.length - t.length) > cap) return over;
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;

  // Three rolling rows: the transposition step looks two rows back.
  let twoBack = new Array<number>(t.length + 1).fill(0);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  let current = new Array<number>(t.length + 1).fill(0);

  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    let rowMin = i;
    const si = s[i - 1];
    for (let j = 1; j <= t.length; j++) {
      const tj = t[j - 1];
      const cost = si === tj ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && si === t[j - 2] && s[i - 2] === tj) {
        value = Math.min(value, (twoBack[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // Every later row is at least this row's minimum, so the bound is already blown.
    if (rowMin > cap) return over;
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  const distance = previous[t.length] ?? 0;
  return distance > cap ? over : distance;
}
