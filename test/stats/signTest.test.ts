import { describe, expect, it } from 'vitest';
import { fewestForSign, signTestP } from '../../src/stats/signTest.js';

describe('signTestP: P(X >= k), X ~ Binomial(n, 1/2)', () => {
  it('counts the tail by hand: 3 of 3 = 1/8, 7 of 8 = 9/256, 6 of 8 = 37/256, 0 of n = 1', () => {
    expect(signTestP(3, 3)).toBeCloseTo(1 / 8, 15);
    // C(8,7) + C(8,8) = 9; + C(8,6) = 28: 37
    expect(signTestP(7, 8)).toBeCloseTo(9 / 256, 15);
    expect(signTestP(6, 8)).toBeCloseTo(37 / 256, 15);
    expect(signTestP(0, 8)).toBe(1);
    expect(signTestP(0, 0)).toBe(1);
  });

  it('is a distribution: the tails step down by the point probabilities, which sum to 1 (n = 1..60)', () => {
    for (let n = 1; n <= 60; n++) {
      let total = 0;
      for (let k = 0; k <= n; k++) total += signTestP(k, n) - (k < n ? signTestP(k + 1, n) : 0);
      expect(total, `n = ${n}`).toBeCloseTo(1, 12);
      // (summed in log space: relative error ~1e-15)
      expect(Math.abs(signTestP(n, n) * 2 ** n - 1), `n = ${n}`).toBeLessThan(1e-12);
    }
  });

  it('keeps its digits far out: 10,000 of 10,000 = 2^-10000 underflows to 0, and half of a million is just over 1/2', () => {
    expect(signTestP(10_000, 10_000)).toBe(0);
    // P(X >= n/2) = 1/2 + P(X = n/2) / 2, P(X = n/2) ~ sqrt(2 / (pi n)) = 7.9788e-4 at n = 10^6
    expect(signTestP(500_000, 1_000_000)).toBeCloseTo(0.5 + 7.9788e-4 / 2, 6);
  });

  it('refuses what is no count', () => {
    for (const [k, n] of [[-1, 3], [4, 3], [1.5, 3], [1, Number.NaN]] as const) expect(() => signTestP(k, n)).toThrow(RangeError);
  });
});

describe('fewestForSign', () => {
  it('is 5 at 0.05 (5 of 5: 1/32 < 0.05; 4 of 4: 1/16 is not) and 7 at 0.01 (1/128; 1/64 = 0.0156 is not)', () => {
    expect(fewestForSign(0.05)).toBe(5);
    expect(fewestForSign(0.01)).toBe(7);
    expect(fewestForSign(1)).toBe(1);
    expect(() => fewestForSign(0)).toThrow(RangeError);
  });
});
