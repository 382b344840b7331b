// Axis ticks: round steps from zero past the largest value.
import { describe, expect, it } from 'vitest';
import { niceScale } from '../../../src/core/chart/niceScale.js';

describe('niceScale', () => {
  it.each([
    [7, { max: 8, step: 2, ticks: [0, 2, 4, 6, 8] }],
    [14, { max: 15, step: 5, ticks: [0, 5, 10, 15] }],
    [3, { max: 3, step: 1, ticks: [0, 1, 2, 3] }],
    [0, { max: 1, step: 1, ticks: [0, 1] }],
    [120, { max: 150, step: 50, ticks: [0, 50, 100, 150] }],
  ])('largest %i', (largest, expected) => {
    expect(niceScale(largest)).toEqual(expected);
  });

  it('never has more than the asked number of steps and always covers the largest value', () => {
    for (let largest = 0; largest <= 2000; largest += 7) {
      const scale = niceScale(largest, 5);
      expect(scale.max).toBeGreaterThanOrEqual(largest);
      expect(scale.ticks.length - 1).toBeLessThanOrEqual(5);
    }
  });
});
