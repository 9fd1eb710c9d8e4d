import { describe, expect, it } from 'vitest';
import { logGamma, logGammaDifference, regularizedBeta, studentTCdf, studentTQuantile } from '../../src/stats/studentT.js';

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

describe('studentTQuantile at large df (the summary takes df = replicates - 1, up to 99,999)', () => {
  // Reference values: scipy.stats.t.ppf(p, df) (Boost's quantile). ln Gamma(a + 1/2) - ln Gamma(a) at
  // a = df / 2, the difference of two logarithms of about a ln a, lost its digits to cancellation (the
  // quantile was 1.7e-7 off at df = 1e9, 2.7e-9 at 1e7, 3.2e-10 at 1e6).
  const SCIPY: ReadonlyArray<readonly [number, number, number]> = [
    [0.975, 99_999, 1.9599877077718442],
    [0.975, 1e6, 1.959966356814107],
    [0.995, 1e6, 2.5758342201053344],
    [0.975, 1e7, 1.959964221767205],
    [0.975, 1e9, 1.959963986912325],
  ];
  it.each(SCIPY)('the %f quantile with %d degrees of freedom is %f (relative error below 1e-10 up to df = 1e7, 1e-8 at 1e9)', (p, df, expected) => {
    const error = Math.abs(studentTQuantile(p, df) - expected) / expected;
    expect(error).toBeLessThan(df <= 1e7 ? 1e-10 : 1e-8);
  });
});

describe('Student t at very large df, up to the normal (df = Infinity)', () => {
  // scipy.stats.t (Boost). Near p = 1/2 the quantile is tiny and x = df / (df + t^2) rounds to 1: the
  // CDF was exactly 1/2 there (P(T <= 1e-5) at df = 1e9), the quantile 8.7 times too large at df = 1e9,
  // and above df = 1e10 the continued fraction lost every digit (1e300: 8.6e141 for the 97.5% point).
  const SCIPY: ReadonlyArray<readonly [number, number, number]> = [
    [0.50001, 1e8, 2.5066282811486574e-5],
    // where ln x must come from 1 - x: x rounded to a double, times a = df / 2, was 8.5e-9 and 2.4e-8 off
    [0.9, 1e8, 1.2815515740104482],
    [0.51, 1e9, 0.025068908264982245],
    [0.975, 1e12, 1.9599639845424262],
    [0.6, 1e16, 0.2533471031357996],
    [0.999, 1e50, 3.090232306167813],
    [0.975, 1e300, 1.9599639845400538],
    [0.975, Number.POSITIVE_INFINITY, 1.959963984540054],
  ];
  it.each(SCIPY)('the %f quantile with %d degrees of freedom is %f to 1e-8 (2e-9 up to df = 1e9)', (p, df, expected) => {
    expect(Math.abs(studentTQuantile(p, df) - expected) / expected).toBeLessThan(df <= 1e9 ? 2e-9 : 1e-8);
  });

  it('a far tail above df = 1e9 to 1e-8 relative: P(T <= -10) (scipy; 2.5e-6 off when df was taken at 1e9 alone)', () => {
    for (const [df, expected] of [[1.5e9, 7.619865976745248e-24], [1e10, 7.619854967046964e-24], [Number.POSITIVE_INFINITY, 7.619853024160595e-24]] as const) {
      expect(Math.abs(studentTCdf(-10, df) - expected) / expected, String(df)).toBeLessThan(1e-8);
    }
  });

  it('the CDF just above 0 at df = 1e9 is 1/2 + phi(0) t, and at df = Infinity the normal CDF', () => {
    // phi(0) = 1 / sqrt(2 pi) = 0.3989422804; scipy: t.cdf(1e-5, 1e9) - 0.5 = 3.989422802996856e-06
    expect((studentTCdf(1e-5, 1e9) - 0.5) / 3.989422802996856e-6).toBeCloseTo(1, 9);
    // scipy: norm.cdf(2.5) = 0.9937903346742238, t.cdf(2.5, 1e12) = 0.9937903346741445
    // (to 5e-10: the continued fraction at df = 1e9, which both start from, is 1.6e-10 off here)
    expect(studentTCdf(2.5, Number.POSITIVE_INFINITY)).toBeCloseTo(0.9937903346742238, 9);
    expect(studentTCdf(2.5, 1e12)).toBeCloseTo(0.9937903346741445, 9);
    expect(studentTCdf(-2.5, Number.POSITIVE_INFINITY)).toBeCloseTo(1 - 0.9937903346742238, 9);
  });
});

describe('logGammaDifference: ln Gamma(a + b) - ln Gamma(a)', () => {
  it('is the difference of the two logarithms where that keeps its digits (a = 100 and 150: Stirling against Lanczos)', () => {
    for (const a of [100, 150]) expect(logGammaDifference(a, 0.5)).toBeCloseTo(logGamma(a + 0.5) - logGamma(a), 11);
    // below the switch it is that difference: Gamma(5) / Gamma(3) = 4! / 2! = 12
    expect(logGammaDifference(3, 2)).toBeCloseTo(Math.log(12), 12);
  });

  it('keeps its digits at large a: Gamma(a + 1/2) / Gamma(a) = sqrt(a) (1 - 1/(8a) + 1/(128 a^2) + ...)', () => {
    // at a = 5e8, ln Gamma(a) is about 1e10 (its last bit 2e-6): the plain difference is 1e-6 off
    const a = 5e8;
    const expected = 0.5 * Math.log(a) + Math.log1p(-1 / (8 * a) + 1 / (128 * a * a));
    expect(Math.abs(logGammaDifference(a, 0.5) - expected)).toBeLessThan(1e-14);
  });
});

describe('studentTQuantile refuses what has no quantile, naming the value', () => {
  it.each([[0], [1], [-0.1], [Number.NaN]])('p = %d', (p) => {
    expect(() => studentTQuantile(p, 5)).toThrow(new RangeError(`studentTQuantile: p must be in (0, 1), got ${p}`));
  });

  it.each([[0], [-1], [Number.NaN]])('df = %d', (df) => {
    expect(() => studentTQuantile(0.975, df)).toThrow(new RangeError(`studentTQuantile: df must be > 0, got ${df}`));
  });
});

describe('regularizedBeta against its closed forms', () => {
  // I_x(a, 1) = x^a and I_x(1, b) = 1 - (1 - x)^b (Abramowitz & Stegun 26.5.x); both sides of the
  // continued fraction's switch at x = (a + 1) / (a + b + 2) are exercised.
  it.each([
    [0.2, 3],
    [0.9, 3],
    [0.5, 0.5],
    [0.99, 40],
  ])('I_%d(a = %d, 1) = x^a and I_x(1, b = a) = 1 - (1 - x)^b', (x, a) => {
    expect(regularizedBeta(x, a, 1)).toBeCloseTo(x ** a, 10);
    expect(regularizedBeta(x, 1, a)).toBeCloseTo(1 - (1 - x) ** a, 10);
  });

  it('is 0 at x = 0 and 1 at x = 1', () => {
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
  });

  it('the t CDF is 1/2 at 0 and symmetric', () => {
    expect(studentTCdf(0, 3)).toBe(0.5);
    expect(studentTCdf(-2, 3)).toBeCloseTo(1 - studentTCdf(2, 3), 14);
    // df = 1 is Cauchy: P(T <= 1) = 3/4
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 10);
  });
});

describe('studentTCdf far in the tails, against closed forms', () => {
  // The continued fraction for I_x(a, b) converges fast only below x = (a + 1) / (a + b + 2); above it
  // the code evaluates 1 - I_(1-x)(b, a) instead. Taking the wrong side there gives a wrong value
  // (10 000 terms are not enough), so these points pin the switch. x = df / (df + t^2).
  it('df = 1 (Cauchy): F(t) = 1/2 + atan(t) / pi, so F(-1e6) = atan(1e-6) / pi = 3.1831e-7', () => {
    // x = 1 / (1 + 1e12), far below the switch (1.5 / 3 = 1/2): the direct fraction
    const tail = Math.atan(1e-6) / Math.PI;
    expect(studentTCdf(-1e6, 1) / tail).toBeCloseTo(1, 10);
    expect(1 - studentTCdf(1e6, 1)).toBeCloseTo(tail, 15);
  });

  it('df = 2: F(t) = 1/2 + t / (2 sqrt(2 + t^2)), so F(1e-6) = 1/2 + 3.5355e-7', () => {
    // x = 2 / (2 + 1e-12), far above the switch (2 / 3.5 = 0.571): the complement 1 - I_(1-x)(1/2, 1)
    const t = 1e-6;
    expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 10);
    expect(studentTCdf(-t, 2)).toBeCloseTo(0.5 - t / (2 * Math.sqrt(2 + t * t)), 10);
  });
});

describe('regularizedBeta near 0, to relative precision', () => {
  it('I_x(1, 40) = 1 - (1 - x)^40 = 4.0e-9 at x = 1e-10 (the complement 1 - I_(1-x)(40, 1) would lose it)', () => {
    // 1 - (1 - x)^b computed without cancellation as -expm1(b log1p(-x))
    const exact = -Math.expm1(40 * Math.log1p(-1e-10));
    expect(regularizedBeta(1e-10, 1, 40) / exact).toBeCloseTo(1, 9);
  });
});

describe('regularizedBeta outside [0, 1]', () => {
  // I_x(a, b) is the CDF of the Beta(a, b) distribution, which lives on [0, 1]: 0 below, 1 above.
  it.each([[-0.5], [-1e-9], [-Infinity]])('is 0 at x = %d', (x) => {
    expect(regularizedBeta(x, 2, 3)).toBe(0);
  });
  it.each([[1.5], [1 + 1e-9], [Infinity]])('is 1 at x = %d', (x) => {
    expect(regularizedBeta(x, 2, 3)).toBe(1);
  });
});

describe('studentTQuantile far in the tails: solved on the tail itself, not on 1 - p', () => {
  // df = 1: t_p = tan(pi (p - 1/2)) = -1 / tan(pi p) (the first form loses digits near p = 0: p - 1/2
  // rounds); df = 2: t_p = (2p - 1) / sqrt(2 p (1 - p)) (closed forms). Through 1 - p, p = 1e-12 kept 4
  // digits (1 - 1e-12 rounds by 1e-16, 1e-4 of the tail): 4.8e-5 and 1.7e-5 off; p = 1e-100 gave 1 - p = 1.
  it.each([1e-6, 1e-12, 1e-100, 1e-300])('p = %d at df 1 and 2, to 1e-12 relative', (p) => {
    const cauchy = -1 / Math.tan(Math.PI * p);
    expect(studentTQuantile(p, 1) / cauchy).toBeCloseTo(1, 12);
    const two = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
    expect(studentTQuantile(p, 2) / two).toBeCloseTo(1, 12);
    // the upper tail of a p near 1: 1 - p is exact for p >= 1/2, so the quantile of the double given
    const upper = 1 - p;
    if (upper < 1) expect(studentTQuantile(upper, 1) / (1 / Math.tan(Math.PI * (1 - upper)))).toBeCloseTo(1, 12);
  });

  it('a df below 0.01: its 97.5% point past 1e154 (t * t overflowed), and Infinity past the largest double', () => {
    // checked with mpmath (50 digits): P(T > 5.693035232566828e258) at df = 0.005 is 0.025 (1 + 1e-16)
    expect(studentTQuantile(0.975, 0.005) / 5.693035232566828e258).toBeCloseTo(1, 12);
    expect(studentTQuantile(0.025, 0.005) / -5.693035232566828e258).toBeCloseTo(1, 12);
    // P(T > 1.797e308) at df = 0.01 is 4.0e-4, above 1e-6: no double is the 1 - 1e-6 point
    expect(studentTQuantile(1 - 1e-6, 0.01)).toBe(Infinity);
    expect(studentTQuantile(1e-6, 0.01)).toBe(-Infinity);
    // the CDF at such t: P(T <= -1e200) = I_x(0.005, 1/2) / 2 with x = 0.01 / 1e400 (ln x from ln df - 2 ln t)
    expect(studentTCdf(-1e200, 0.01)).toBeGreaterThan(0);
    expect(studentTCdf(-1e200, 0.01) / studentTCdf(-1e100, 0.01)).toBeCloseTo(Math.pow(1e-100, 0.01), 10);
  });
});

describe('studentTCdf above df = 1e9 at any t', () => {
  it('is 0 and 1 far out, not NaN (the expansion\'s correction 0 * Infinity there)', () => {
    for (const df of [1_000_000_001, 1e12, Infinity]) {
      for (const t of [1e103, 1e300, Infinity]) {
        expect(studentTCdf(t, df), `t ${t} df ${df}`).toBe(1);
        expect(studentTCdf(-t, df), `t ${-t} df ${df}`).toBe(0);
      }
    }
  });
});

