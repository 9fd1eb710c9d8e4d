import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile } from '../../src/stats/studentT.js';

describe('studentTQuantile against t tables', () => {
  // Reference values: standard t tables (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
  it.each([
    [1, 12.706205],
    [2, 4.302653],
    [3, 3.182446],
    [4, 2.776445],
    [9, 2.262157],
    [29, 2.04523],
    [100, 1.983972],
  ])('gives t_0.975 with %i degrees of freedom as %f', (df, expected) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 5);
  });

  it('tends to the normal quantile 1.959964 as the degrees of freedom grow', () => {
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5);
  });

  it('is the median 0 at p = 0.5 and inverts the CDF', () => {
    expect(studentTQuantile(0.5, 5)).toBeCloseTo(0, 9);
    expect(studentTCdf(studentTQuantile(0.9, 7), 7)).toBeCloseTo(0.9, 9);
  });

  it('refuses p = 1 and degrees of freedom <= 0', () => {
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.975, 0)).toThrow(/df must be > 0/u);
  });
});
