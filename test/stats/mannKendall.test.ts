import { describe, expect, it } from 'vitest';
import { exactUpperTail, fewestForTrend, mannKendallP, mannKendallS, normalUpperTail } from '../../src/stats/mannKendall.js';

/** Every order of 0..n-1. */
function orders(n: number): number[][] {
  if (n <= 1) return [Array.from({ length: n }, (_, i) => i)];
  return orders(n - 1).flatMap((order) => Array.from({ length: n }, (_, at) => [...order.slice(0, at), n - 1, ...order.slice(at)]));
}

describe('the Mann–Kendall test', () => {
  it('S sums the signs of every later-minus-earlier pair', () => {
    // [1, 3, 2, 4]: pairs (1,3)+ (1,2)+ (1,4)+ (3,2)- (3,4)+ (2,4)+ = 5 - 1 = 4
    expect(mannKendallS([1, 3, 2, 4])).toBe(4);
    expect(mannKendallS([4, 3, 2, 1])).toBe(-6);
    // a tie counts 0: [1, 1, 2]: (1,1) 0, (1,2)+, (1,2)+ = 2
    expect(mannKendallS([1, 1, 2])).toBe(2);
    expect(mannKendallS([])).toBe(0);
  });

  it('P is the share of all orders with an S at least as large (every order of n = 2..7 values counted)', () => {
    for (let n = 2; n <= 7; n++) {
      const all = orders(n);
      const scores = all.map((order) => mannKendallS(order));
      for (const s of new Set(scores)) {
        const share = scores.filter((other) => other >= s).length / all.length;
        expect(mannKendallP(all[scores.indexOf(s)]!)).toBeCloseTo(share, 14);
      }
    }
  });

  it('rising at every pair of n values has P = 1/n!; falling at every pair P = 1', () => {
    expect(mannKendallP([1, 2, 3, 4])).toBeCloseTo(1 / 24, 15);
    expect(mannKendallP([10, 20, 30, 40, 50, 60])).toBeCloseTo(1 / 720, 15);
    expect(mannKendallP([3, 2, 1])).toBeCloseTo(1, 15);
    expect(mannKendallP([5])).toBe(1);
  });

  it('with ties P is never below the share of the tied values\' own orders with an S as large (conservative)', () => {
    // [1, 1, 2]: S = 2, one tie, read at S - 1 = 1: P(S' >= 1) = (1 + 2) / 6 = 1/2 for 3 untied values;
    // its own 6 orders (the 1s told apart) reach S >= 2 in 2: 1/3 (read at S = 2 it gave 1/6: review)
    expect(mannKendallP([1, 1, 2])).toBeCloseTo(1 / 2, 15);
    for (const series of [[1, 1, 2], [1, 1, 2, 3], [1, 2, 2, 3, 4], [1, 1, 1, 2, 2], [2, 1, 1, 3, 3, 4], [1, 2, 1, 2, 1, 2, 1]]) {
      const s = mannKendallS(series);
      const all = orders(series.length).map((order) => order.map((at) => series[at]!));
      const share = all.filter((order) => mannKendallS(order) >= s).length / all.length;
      expect(mannKendallP(series), String(series)).toBeGreaterThanOrEqual(share - 1e-12);
    }
  });

  it('the normal approximation is within 0.001 of the exact P for 60 to 100 values (0.0008 at 60, 0.0005 at 100)', () => {
    for (const n of [60, 80, 100]) {
      const pairs = (n * (n - 1)) / 2;
      // (every s has the parity of the number of pairs, as S = pairs - 2K does)
      for (let s = -pairs + 2 * n; s <= pairs; s += 2 * n) expect(Math.abs(normalUpperTail(n, s) - exactUpperTail(n, s))).toBeLessThan(0.001);
    }
  });

  it('past 100 values P is the normal approximation, which at 100 values is within 0.0005 of the exact P near the 5% level', () => {
    // S near the one-sided 5% point at 100 values: 1.645 x sd, sd = sqrt(100 x 99 x 205 / 18) = 335.8
    for (let s = 500; s <= 620; s += 2) expect(Math.abs(normalUpperTail(100, s) - exactUpperTail(100, s))).toBeLessThan(0.0005);
    // one swap in a rising run of 101: S = 5050 - 2 = 5048, far in the tail: P below 1e-40, not 0
    const values = Array.from({ length: 101 }, (_, i) => i);
    [values[10], values[11]] = [values[11]!, values[10]!];
    expect(mannKendallS(values)).toBe(5048);
    expect(mannKendallP(values)).toBeLessThan(1e-40);
    expect(mannKendallP(values)).toBeGreaterThan(0);
  });

  it('the fewest values that can pass a level: 4 at 0.05 (1/24; 3 give 1/6), 5 at 0.01 (1/120), 2 at 0.6', () => {
    expect(fewestForTrend(0.05)).toBe(4);
    expect(fewestForTrend(0.01)).toBe(5);
    expect(fewestForTrend(0.6)).toBe(2);
    expect(() => fewestForTrend(0)).toThrow(RangeError);
    expect(() => fewestForTrend(1.5)).toThrow(RangeError);
  });

  it('refuses values that are not finite', () => {
    expect(() => mannKendallP([1, Number.NaN, 3])).toThrow(RangeError);
    expect(() => mannKendallS([1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });
});
