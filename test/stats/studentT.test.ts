import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile } from '../../src/stats/studentT.js';

// Reference values: R's qt(0.975, df) (and any printed t table to 3 decimals).
const QT_975: ReadonlyArray<readonly [number, number]> = [
  [1, 12.706204736],
  [2, 4.30265273],
  [4, 2.776445105],
  [9, 2.262157163],
  [29, 2.045229642],
  [100, 1.983971519],
  [1e6, 1.959966],
];

describe('studentTQuantile', () => {
  it.each(QT_975)('the 97.5%% quantile with %d degrees of freedom is %f', (df, expected) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 5);
  });

  it('is symmetric around zero', () => {
    expect(studentTQuantile(0.025, 4)).toBeCloseTo(-2.776445105, 6);
    expect(studentTQuantile(0.5, 7)).toBeCloseTo(0, 9);
  });

  it('inverts the CDF', () => {
    for (const df of [1, 3, 12]) for (const p of [0.6, 0.9, 0.995]) expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 9);
  });

  it('refuses a probability outside (0, 1)', () => {
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.5, 0)).toThrow(RangeError);
  });
});
