import { describe, expect, it } from 'vitest';
import { studentTQuantile } from '../../src/stats/studentT.js';
import { thrown } from '../helpers/thrown.js';
import { UsageError } from '../../src/errors.js';
import { summarize } from '../../src/stats/sampleSummary.js';

describe('summarize', () => {
  it('gives mean, sd and the Student t interval', () => {
    // 1, 2, 3, 4, 5: mean 3, sd sqrt(10/4) = 1.58114, half width 2.776445 * 1.58114 / sqrt(5) = 1.96324
    const s = summarize([1, 2, 3, 4, 5]);
    expect(s.n).toBe(5);
    expect(s.mean).toBe(3);
    expect(s.sd).toBeCloseTo(1.5811388, 6);
    expect(s.ciLow).toBeCloseTo(3 - 1.963243, 5);
    expect(s.ciHigh).toBeCloseTo(3 + 1.963243, 5);
  });

  it('has no spread for a single value and nothing for none', () => {
    expect(summarize([7])).toEqual({ n: 1, mean: 7, sd: undefined, ciLow: undefined, ciHigh: undefined });
    expect(summarize([]).mean).toBeUndefined();
    expect(summarize([]).n).toBe(0);
  });

  it('has sd 0 exactly for equal values, whatever the rounding of their mean', () => {
    // 22052.4 x 3 sums to a mean one ulp off 22052.4: around it the deviations summed to sd 4.5e-12
    for (const value of [22052.4, 0.1, 1 / 3, 123456.789, 7e-5]) {
      for (const n of [2, 3, 5, 7]) {
        const summary = summarize(Array<number>(n).fill(value));
        expect(summary.sd, `${value} x ${n}`).toBe(0);
        expect(summary.ciLow).toBe(summary.mean);
      }
    }
    expect(summarize([22052.4, 22052.4, 22052.4]).mean).not.toBe(22052.4); // (the case: the mean itself is rounded)
  });

  it('has a spread from two values on (df = 1)', () => {
    // 1, 3: mean 2, sd sqrt((1 + 1) / 1) = sqrt 2, half width t_{0.975,1} sqrt 2 / sqrt 2 = 12.706205
    const s = summarize([1, 3]);
    expect(s.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(s.ciLow).toBeCloseTo(2 - 12.706205, 5);
    expect(s.ciHigh).toBeCloseTo(2 + 12.706205, 5);
  });

  it('summarizes finite values whose sum overflows (1e308 twice gave mean Infinity, sd NaN: audit)', () => {
    // 1e308, 1e308: mean 1e308, sd 0; 1e308, -1e308: mean 0, sd sqrt((1e308^2 x 2) / 1) = 1.414e308
    expect(summarize([1e308, 1e308])).toMatchObject({ n: 2, mean: 1e308, sd: 0, ciLow: 1e308, ciHigh: 1e308 });
    const apart = summarize([1e308, -1e308]);
    expect(apart.mean).toBe(0);
    expect(apart.sd! / (Math.SQRT2 * 1e308)).toBeCloseTo(1, 14);
    // the same sample 2^512 times smaller, scaled back: the same figures, bit for bit (a power of two is exact)
    const small = summarize([3e150, 5e150, 4e150]);
    const large = summarize([3e150 * 2 ** 512, 5e150 * 2 ** 512, 4e150 * 2 ** 512]);
    expect([large.mean, large.sd, large.ciLow, large.ciHigh]).toEqual([small.mean, small.sd, small.ciLow, small.ciHigh].map((value) => value! * 2 ** 512));
  });
});

describe('summarize (the report\'s error bands)', () => {
  it('gives mean, sample sd and the Student-t 95% interval', () => {
    // 0.8, 0.9, 1.0: mean 0.9, sd sqrt((0.01 + 0 + 0.01) / 2) = 0.1,
    // half width t_{0.975,2} * 0.1 / sqrt(3) = 4.302653 * 0.057735 = 0.248414.
    const sample = summarize([0.8, 0.9, 1.0]);
    expect(sample.n).toBe(3);
    expect(sample.mean).toBeCloseTo(0.9, 12);
    expect(sample.sd).toBeCloseTo(0.1, 12);
    expect(sample.ciLow).toBeCloseTo(0.651586, 6);
    expect(sample.ciHigh).toBeCloseTo(1.148414, 6);
  });

  it('has no spread and no interval for one value', () => {
    expect(summarize([0.7])).toEqual({ n: 1, mean: 0.7, sd: undefined, ciLow: undefined, ciHigh: undefined });
  });

  it('keeps its digits for tiny values: their squared deviations underflowed (sd 0 for 1e-300, 2e-300, 3e-300: review)', () => {
    // sd of 1, 2, 3 is 1: scaled by 1e-300 and 1e-160 it is 1e-300 and 1e-160, to the last digits
    for (const scale of [1e-300, 1e-160, 5e-324 * 2 ** 20]) {
      const { mean, sd } = summarize([1 * scale, 2 * scale, 3 * scale]);
      expect(mean! / scale).toBeCloseTo(2, 12);
      expect(sd! / scale).toBeCloseTo(1, 12);
    }
  });

  it('refuses what would give a NaN or a concatenated mean: a NaN, an infinity, a string; a confidence outside (0, 1)', () => {
    expect(() => summarize([1, Number.NaN, 3])).toThrow(UsageError);
    expect(() => summarize([1, Number.NaN, 3])).toThrow("values must be finite numbers, got 'NaN' at index 1");
    expect(() => summarize([1, Number.POSITIVE_INFINITY])).toThrow('at index 1');
    // ['1', '2'] summed from 0 is '012': a mean of 6
    expect(() => summarize(['1', '2'] as never)).toThrow("values must be finite numbers, got the string '1' at index 0");
    expect(() => summarize('12' as never)).toThrow("values must be a list of numbers, got '12'");
    for (const confidence of [0, 1, 1.5, Number.NaN]) expect(() => summarize([1, 2, 3], confidence)).toThrow('confidence must be a number > 0 and < 1');
    // 1 - 1e-16 is below 1, though the quantile's p, 1 - (1 - c) / 2, rounds to 1 in doubles: taken, its
    // quantile read off the lower tail (it was refused as not < 1: review); t(1 - 5.55e-17, 2) is about
    // 9.5e7 (sqrt(2 / 2)/ (2 x 5.55e-17)^(1/2) for df 2: the tail 1/(2 t^2))
    // near 1 the lower tail keeps the interval: 1 - 1e-15 (p = 1 - 5e-16 rounded lost 6%: review);
    // t(5e-16, 2) = -sqrt(1 / (2 x 5e-16)) to 1e-15 relative (the tail of t with 2 df: P(T < -t) ~ 1 / (2 t^2))
    const near = summarize([1, 2, 3], 1 - 1e-15);
    expect((near.ciHigh! - 2) * Math.sqrt(3) / Math.sqrt(1 / (2 * ((1 - (1 - 1e-15)) / 2)))).toBeCloseTo(1, 9);
    const sure = summarize([1, 2, 3], 0.9999999999999999);
    expect(sure.ciHigh! - 2).toBeCloseTo(2 - sure.ciLow!, 6);
    expect((sure.ciHigh! - 2) / (1 / Math.sqrt(3))).toBeGreaterThan(9e7);
    expect((sure.ciHigh! - 2) / (1 / Math.sqrt(3))).toBeLessThan(1e8);
    // '0.5' compares as 0.5 (> 0 and < 1): only its type tells it from a number
    expect(() => summarize([1, 2, 3], '0.5' as never)).toThrow("confidence must be a number > 0 and < 1, got the string '0.5'");
    expect(summarize([1, 2, 3], 0.5).n).toBe(3);
  });

  it('says what to do in each refusal', () => {
    const hint = (call: () => unknown) => (thrown(call) as UsageError).hint;
    expect(hint(() => summarize('12' as never))).toBe('pass e.g. [1, 2, 3]');
    expect(hint(() => summarize([1, Number.NaN]))).toBe('leave missing values out of the list');
    expect(hint(() => summarize([1, 2], 2))).toBe('pass e.g. 0.95');
  });
});

describe('summarize remembers its critical values', () => {
  it('gives the interval of studentTQuantile for every sample size, before and after its memory of 1024 sizes is cleared', () => {
    for (let round = 0; round < 2; round++) {
      for (let n = 2; n <= 1200; n += round === 0 ? 1 : 97) {
        const values = Array.from({ length: n }, (_, i) => (i % 7) - 3 + n / 100);
        const s = summarize(values);
        // t(0.975) read off the lower tail, -t((1 - 0.95) / 2): the same by symmetry, no p rounded near 1
        const half = (-studentTQuantile((1 - 0.95) / 2, n - 1) * s.sd!) / Math.sqrt(n);
        expect([s.ciLow, s.ciHigh], `n ${n}`).toEqual([s.mean! - half, s.mean! + half]);
      }
    }
    // another confidence is another critical value, not the 95% one remembered for the same size
    expect(summarize([1, 2, 3]).ciHigh).toBe(2 - studentTQuantile((1 - 0.95) / 2, 2) / Math.sqrt(3));
    expect(summarize([1, 2, 3], 0.9).ciHigh).toBe(2 - studentTQuantile((1 - 0.9) / 2, 2) / Math.sqrt(3));
    // and the same as the upper quantile to 1e-12 (symmetry), where p = 0.975 is held exactly enough
    expect(summarize([1, 2, 3]).ciHigh).toBeCloseTo(2 + studentTQuantile(0.975, 2) / Math.sqrt(3), 12);
  });
});
