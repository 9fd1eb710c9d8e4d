import { describe, expect, it } from 'vitest';
import { welchError, welchLessP, welchMargin } from '../../src/stats/welch.js';

describe("Welch's t", () => {
  // a = 1, 2, 3 and b = 4, 5, 6: means 2 and 5, sd 1 each; s^2 / n = 1/3 a side; error sqrt(2/3) = 0.81650;
  // df = (2/3)^2 / ((1/3)^2 / 2 + (1/3)^2 / 2) = (4/9) / (1/9) = 4
  it('gives the standard error of the difference and the Welch-Satterthwaite degrees of freedom', () => {
    const welch = welchError([1, 2, 3], [4, 5, 6])!;
    expect(welch.error).toBeCloseTo(Math.sqrt(2 / 3), 14);
    expect(welch.df).toBeCloseTo(4, 12);
    // unequal sizes and variances: a = 0, 2 (s^2 2, /2 = 1), b = 0, 0, 3 (s^2 3, /3 = 1): df = 4 / (1 / 1 + 1 / 2) = 2.6667
    expect(welchError([0, 2], [0, 0, 3])!.df).toBeCloseTo(8 / 3, 12);
  });

  it("the 95% margin is Student's 0.975 quantile at df times the error: 2.776445 x 0.816497 = 2.266958 at df 4 (scipy)", () => {
    expect(welchMargin([1, 2, 3], [4, 5, 6])).toBeCloseTo(2.2669579355, 8);
  });

  it('the one-sided P of a lower mean is P(T <= t) at df: t = -3 / 0.81650 = -3.6742 at 4 df, 0.0106558 (scipy.stats.t.cdf)', () => {
    expect(welchLessP([1, 2, 3], [4, 5, 6])).toBeCloseTo(0.0106558206, 9);
    // the other way round: 1 - 0.0106558
    expect(welchLessP([4, 5, 6], [1, 2, 3])).toBeCloseTo(0.9893441794, 9);
  });

  it('is undefined (NaN) under 2 values a side, and for constant sides exact: margin 0, P 0 or 1', () => {
    expect(welchError([1], [2, 3])).toBeUndefined();
    expect(welchMargin([1, 2], [3])).toBeNaN();
    expect(welchLessP([1], [2, 3])).toBeNaN();
    expect(welchMargin([1, 1], [2, 2])).toBe(0);
    expect(welchLessP([1, 1], [2, 2])).toBe(0);
    expect(welchLessP([2, 2], [2, 2])).toBe(1);
  });
});
