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
    expect(linearFit([0, 1, 2, 3], [1, 3, 5, 7])).toEqual({ intercept: 1, slope: 2, r2: 1, riseP: 0 });
    expect(linearFit([0, 1, 2], [4, 4, 4])).toEqual({ intercept: 4, slope: 0, r2: 1, riseP: 1 });
  });
});

describe('linearFit: the one-sided P of a rising line (the slope\'s t test, n - 2 degrees of freedom)', () => {
  it('is Student t\'s upper tail at b / se(b)', () => {
    // x 1, 2, 3; y 2, 4, 5: b = 1.5, residual SS = Syy - b Sxy = 42/9 - 4.5 = 1/6, s^2 = 1/6 over 1 df,
    // se(b) = sqrt((1/6) / 2) = 0.288675, t = 5.196, P(T >= 5.196 | df 1) = 0.0605189 (scipy's linregress, alternative='greater')
    expect(linearFit([1, 2, 3], [2, 4, 5]).riseP).toBeCloseTo(0.06051885916183852, 12);
    // drift's medians by seed count at seed 42: P = 2.0577e-10 (scipy), kept to its digits by the lower tail
    const drift = linearFit([1, 2, 3, 4, 5, 6, 7, 8, 10, 12], [2, 5, 7, 10, 14, 16, 20, 22, 29, 32]).riseP;
    expect(drift / 2.0576692706702737e-10).toBeCloseTo(1, 8);
  });

  it('is 0 on a rising straight line, 1 on a falling one, NaN under 3 points', () => {
    expect(linearFit([0, 1, 2], [1, 3, 5]).riseP).toBe(0);
    expect(linearFit([0, 1, 2], [5, 3, 1]).riseP).toBe(1);
    expect(linearFit([0, 1], [1, 3]).riseP).toBeNaN();
    // two points whose residual sum of squares rounds to 3.5e-18, not 0: still no degree of freedom
    expect(linearFit([1, 4], [0.1, 0.35]).riseP).toBeNaN();
    // every x equal: no slope, no P
    expect(linearFit([2, 2, 2], [1, 2, 3]).riseP).toBeNaN();
  });
});
