import { describe, expect, it } from 'vitest';
import { linearFit } from '../../src/stats/linearFit.js';

describe('linearFit', () => {
  it('fits y = a + b x by least squares, with R^2', () => {
    // x 1, 2, 3; y 2, 4, 5: mean x 2, mean y 11/3; Sxy = (-1)(-5/3) + 0 + (1)(4/3) = 3, Sxx = 2,
    // Syy = 25/9 + 1/9 + 16/9 = 42/9: b = 1.5, a = 11/3 - 3 = 2/3, R^2 = 9 / (2 x 42/9) = 81/84
    const fit = linearFit([1, 2, 3], [2, 4, 5]);
    expect(fit.slope).toBeCloseTo(1.5, 14);
    expect(fit.intercept).toBeCloseTo(2 / 3, 14);
    expect(fit.r2).toBeCloseTo(81 / 84, 14);
  });

  it('gives R^2 1 on a straight line, also a flat one', () => {
    expect(linearFit([0, 1, 2, 3], [1, 3, 5, 7])).toEqual({ intercept: 1, slope: 2, r2: 1 });
    expect(linearFit([0, 1, 2], [4, 4, 4])).toEqual({ intercept: 4, slope: 0, r2: 1 });
  });
});
