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
