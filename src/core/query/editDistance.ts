// Damerau-Levenshtein distance (the "optimal string alignment" variant: insert, delete, substitute,
// swap two neighbours), bounded so typo checks over a whole corpus vocabulary stay cheap.
// Used for "did you mean" hints here and for typo tolerance in the search and /ask layers.

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Three rolling rows of the distance table, reused by every call: `/ask` and `/paper` compare a
 * query with every title of a corpus (100k calls), and three fresh arrays per call were most of
 * the cost.
 */
let rows = new Int32Array(3 * 64);
/** The two strings' characters as numbers, reused likewise. */
let codesA = new Int32Array(64);
let codesB = new Int32Array(64);

/**
 * Edits needed to turn `a` into `b`, counted over code points (so an emoji is one character).
 * Case-sensitive: fold both sides first (see `foldName`) when case should not count.
 *
 * With `maxDistance` (whole edits: 2.5 means 2; below 0 means 0; NaN means no bound), stops as
 * soon as the answer must exceed it and returns that bound + 1; callers only ever ask "is it
 * within k?", and most candidates are far away. Within the bound only cells at most that many
 * off the diagonal can matter, so only those are computed.
 */
export function editDistance(a: string, b: string, maxDistance = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  // Compared as code points: a UTF-16 unit each, unless the text holds a surrogate pair.
  if (codesA.length < a.length) codesA = new Int32Array(a.length * 2);
  if (codesB.length < b.length) codesB = new Int32Array(b.length * 2);
  const n = characterCodes(a, codesA);
  const m = characterCodes(b, codesB);
  const s = codesA;
  const t = codesB;
  const longest = Math.max(n, m);
  const bound = Number.isNaN(maxDistance) ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(maxDistance));
  // Distances never exceed the longer length, so a larger bound answers the same.
  const cap = Math.min(bound, longest);
  const over = bound + 1;
  if (Math.abs(n - m) > cap) return over;
  if (n === 0 || m === 0) return longest;

  const width = m + 1;
  if (rows.length < 3 * width) rows = new Int32Array(3 * width * 2);
  let twoBack = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j <= m; j++) rows[previous + j] = Math.min(j, over);

  for (let i = 1; i <= n; i++) {
    const low = Math.max(1, i - cap);
    const high = Math.min(m, i + cap);
    // The cells just outside this row's band are read by this row and the next: beyond the bound.
    rows[current + low - 1] = low === 1 ? Math.min(i, over) : over;
    if (high < m) rows[current + high + 1] = over;
    let rowMin = rows[current + low - 1]!;
    const si = s[i - 1]!;
    for (let j = low; j <= high; j++) {
      const tj = t[j - 1]!;
      let value = Math.min(rows[previous + j]! + 1, rows[current + j - 1]! + 1, rows[previous + j - 1]! + (si === tj ? 0 : 1));
      if (i > 1 && j > 1 && si === t[j - 2] && s[i - 2] === tj) value = Math.min(value, rows[twoBack + j - 2]! + 1);
      if (value > over) value = over;
      rows[current + j] = value;
      if (value < rowMin) rowMin = value;
    }
    // Every later row is at least this row's minimum, so the bound is already blown.
    if (rowMin > cap) return over;
    const oldest = twoBack;
    twoBack = previous;
    previous = current;
    current = oldest;
  }
  const distance = rows[previous + m]!;
  return distance > cap ? over : distance;
}

/** Writes the text's code points into `into` (large enough for its UTF-16 length) and returns how many. */
function characterCodes(text: string, into: Int32Array): number {
  if (!SURROGATE.test(text)) {
    for (let i = 0; i < text.length; i++) into[i] = text.charCodeAt(i);
    return text.length;
  }
  let count = 0;
  for (const character of text) into[count++] = character.codePointAt(0) ?? 0;
  return count;
}
