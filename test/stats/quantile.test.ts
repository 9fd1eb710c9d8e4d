import { describe, expect, it } from 'vitest';
import { quantile } from '../../src/stats/quantile.js';

describe('quantile (Hyndman and Fan type 7, R\'s default)', () => {
  it('interpolates between order statistics at (n - 1) q', () => {
    const sorted = [1, 2, 4, 8];
    // position (4 - 1) x 0.5 = 1.5: 2 + (4 - 2) x 0.5 = 3; x 0.25 = 0.75: 1 + 1 x 0.75 = 1.75; x 0.9 = 2.7: 4 + 4 x 0.7 = 6.8
    expect(quantile(sorted, 0.5)).toBe(3);
    expect(quantile(sorted, 0.25)).toBe(1.75);
    expect(quantile(sorted, 0.9)).toBeCloseTo(6.8, 14);
    // R: quantile(c(1, 2, 4, 8), c(0, 1)) is 1 and 8
    expect([quantile(sorted, 0), quantile(sorted, 1)]).toEqual([1, 8]);
    expect(quantile([5], 0.3)).toBe(5);
  });
});
