// Damerau-Levenshtein with a bound: known distances, transpositions, code points, and that the
// bounded answer agrees with the exact one wherever it is within the bound.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../src/core/query/editDistance.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['neurips', 'neuripss', 1],
    ['icml', 'iclr', 2],
    ['yaer', 'year', 1],
    ['ab', 'ba', 1],
    ['ca', 'abc', 3],
    ['Mamba', 'mamba', 1],
    ['😀a', 'a😀', 1],
    ['注意力', '注意', 1],
  ] as const)('%s -> %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  it('returns maxDistance + 1 once the bound is exceeded', () => {
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
    expect(editDistance('neurips', 'neuripss', 1)).toBe(1);
    expect(editDistance('same', 'same', 0)).toBe(0);
    expect(editDistance('same', 'sane', 0)).toBe(1);
  });

  it('agrees with the textbook table over code points, for any bound', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'é', '😀', ' '), maxLength: 20 });
    const bound = fc.oneof(fc.integer({ min: 0, max: 8 }), fc.double({ min: -3, max: 9, noNaN: true }), fc.constantFrom(Number.POSITIVE_INFINITY, Number.NaN));
    fc.assert(
      fc.property(text, text, bound, (a, b, maxDistance) => {
        const exact = textbookDistance(Array.from(a), Array.from(b));
        // Whole edits: 2.5 allows 2, below 0 allows none, NaN sets no bound.
        const whole = Number.isNaN(maxDistance) ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(maxDistance));
        expect(editDistance(a, b, maxDistance)).toBe(Math.min(exact, whole + 1));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same answers whatever was compared before (its buffers are reused)', () => {
    const long = 'x'.repeat(300);
    expect(editDistance(long, `${long}y`, 2)).toBe(1);
    expect(editDistance('ab', 'ba', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('agrees with the exact distance within the bound, and is a metric-like measure', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '😀'), maxLength: 8 });
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 6 }), (a, b, bound) => {
        const exact = editDistance(a, b);
        expect(editDistance(a, b, bound)).toBe(Math.min(exact, bound + 1));
        expect(editDistance(b, a)).toBe(exact);
        expect(exact === 0).toBe(a === b);
        expect(exact).toBeLessThanOrEqual(Math.max(Array.from(a).length, Array.from(b).length));
        expect(exact).toBeGreaterThanOrEqual(Math.abs(Array.from(a).length - Array.from(b).length));
      }),
      { numRuns: 2000 },
    );
  });
});

/** Optimal string alignment distance, the full table with no bound or band: the reference. */
function textbookDistance(s: string[], t: string[]): number {
  const table = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let value = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) value = Math.min(value, table[i - 2]![j - 2]! + 1);
      table[i]![j] = value;
    }
  }
  return table[s.length]![t.length]!;
}
