import { describe, expect, it } from 'vitest';
import { asFraction, ceilQuotient, roundedCount } from '../../src/simulation/decimalCounts.js';
import { randomFor } from '../../src/random/random.js';

describe('decimalCounts: whole counts from decimal settings, on the decimals as written', () => {
  it('rounds a half up where the double falls below it (audit: 85 x 0.7 is 59.49999999999999 in doubles)', () => {
    expect(85 * 0.7).toBeLessThan(59.5); // what Math.round read: 59
    expect(roundedCount(85, 0.7)).toBe(60); // 85 x 7/10 = 59.5 -> 60
    expect(roundedCount(45, 0.7, 1)).toBe(32); // 31.5 -> 32 (the double 31.499999999999996 gave 31)
    expect(roundedCount(50, 2.3, 2)).toBe(265); // 50 x 5.29 = 264.5 -> 265 (the double gave 264)
    expect(roundedCount(45, 0.7, 2)).toBe(22); // 45 x 0.49 = 22.05 -> 22
    expect(roundedCount(10, 1.25, 1)).toBe(13); // 12.5, a double exactly: up
    expect(roundedCount(100, 1.5, 0)).toBe(100); // d^0 = 1
    expect(roundedCount(0, 0.7)).toBe(0);
    expect(roundedCount(7, 0)).toBe(0); // a ratio of 0
  });

  it('takes ceil of a quotient that is whole as a decimal, not the double above it (audit: 42 / 0.7 is 60.00000000000001)', () => {
    expect(42 / 0.7).toBeGreaterThan(60); // what Math.ceil read: 61
    expect(ceilQuotient(42, 0.7)).toBe(60); // 42 x 10/7
    expect(ceilQuotient(21, 0.7)).toBe(30);
    expect(ceilQuotient(42, 0.35)).toBe(120); // 42 x 100/35
    expect(ceilQuotient(43, 0.7)).toBe(62); // 61.43 -> 62
    expect(ceilQuotient(36, 0.6)).toBe(60);
    expect(ceilQuotient(5, 1)).toBe(5);
  });

  it('passes a value past the doubles on at once (Infinity: a caller refuses it), not through the exact path (minutes for a large power: audit)', () => {
    // 1.1^(2 x 10^9) overflows; the exact path would compute 11^(2 x 10^9), past the largest BigInt
    // (a RangeError; at 100,000 generations it took tens of milliseconds a call, minutes in all)
    expect(roundedCount(1000, 1.1, 2_000_000_000)).toBe(Number.POSITIVE_INFINITY);
    expect(ceilQuotient(1e308, 1e-10)).toBe(Number.POSITIVE_INFINITY);
  });

  it('reads a double as the fraction its shortest decimal form says', () => {
    const shown = (d: number): string => { const { numerator, denominator } = asFraction(d); return `${numerator}/${denominator}`; };
    expect([0.7, 12, 1e-7, 2.5e-7, 123.456, 1e21, 2.5e22].map(shown)).toEqual(['7/10', '12/1', '1/10000000', '25/100000000', '123456/1000', '1000000000000000000000/1', '25000000000000000000000/1']);
  });

  it('agrees with exact rational arithmetic on random decimals of 1-3 places, near the halves and wholes above all', () => {
    // d = m / 10^s, written as a decimal string and read as a double, as a setting is; the expected
    // values from m and s in integers: round half up of n m^k / 10^(s k), ceil of n 10^s / m.
    const random = randomFor(['decimalCounts']);
    let halves = 0;
    let wholes = 0;
    for (let trial = 0; trial < 20000; trial++) {
      const s = 1 + Math.floor(random() * 3);
      const m = 1 + Math.floor(random() * 3 * 10 ** s);
      const d = Number(`${Math.floor(m / 10 ** s)}.${String(m % 10 ** s).padStart(s, '0')}`);
      const n = Math.floor(random() * 2000);
      const k = Math.floor(random() * 4);
      const top = BigInt(n) * BigInt(m) ** BigInt(k);
      const bottom = 10n ** BigInt(s * k);
      if ((2n * top) % bottom === 0n && ((2n * top) / bottom) % 2n === 1n) halves++;
      expect(roundedCount(n, d, k), `${n} x ${d}^${k}`).toBe(Number((2n * top + bottom) / (2n * bottom)));
      const over = BigInt(n) * 10n ** BigInt(s);
      if (over % BigInt(m) === 0n) wholes++;
      expect(ceilQuotient(n, d), `${n} / ${d}`).toBe(Number((over + BigInt(m) - 1n) / BigInt(m)));
    }
    expect(halves).toBeGreaterThan(100); // the hard cases were met
    expect(wholes).toBeGreaterThan(100);
  });
});
