/**
 * The survival law of Suresh, Thangaraj & Khandavally (AISTATS 2025), generalised to M != T draws and
 * binomial offspring (their Poisson law is its large-T limit):
 * hand-computed exponents (the agreement with the simulator on brown:news is survivalTheory.brown.test.ts).
 */

import { describe, expect, it } from 'vitest';
import { bandSurvival, expectedSurvival, lawBatchSizes, rowExponents, sizesBatchScale, survivalExponents, theoryBands } from '../../src/metrics/survivalTheory.js';

describe('survival exponents', () => {
  it('follow g_1 = 1, g_(k+1) = 1 - exp(-g_k) for T draws per generation', () => {
    // g_2 = 1 - e^-1 = 0.632121, g_3 = 1 - e^-0.632121 = 0.468536
    const g = survivalExponents([1, 1, 1]);
    expect(g[0]).toBe(1);
    expect(g[1]).toBeCloseTo(0.632121, 6);
    expect(g[2]).toBeCloseTo(0.468536, 6);
    // a hapax survives one generation with 1 - 1/e, three with 1 - exp(-0.468536) = 0.374082
    expect(expectedSurvival(1, g[0]!)).toBeCloseTo(0.632121, 6);
    expect(expectedSurvival(1, g[2]!)).toBeCloseTo(0.374082, 6);
  });

  it('with the fits\' sizes, take binomial offspring: a hapax survives one generation with 1 - (1 - 1/T)^M exactly', () => {
    // T = M = 15 (a tiny corpus): 1 - (14/15)^15 = 0.644736, where the Poisson limit says 1 - 1/e = 0.632121
    expect(expectedSurvival(1, survivalExponents([1], [15])[0]!)).toBeCloseTo(1 - (14 / 15) ** 15, 12);
    expect(1 - (14 / 15) ** 15).toBeCloseTo(0.644736, 6);
    // M = 30 draws from a fit on T = 10: 1 - 0.9^30 = 0.957609
    expect(expectedSurvival(1, survivalExponents([3], [10])[0]!)).toBeCloseTo(0.957609, 6);
    // T = M = 100 for two generations: g_1 = -100 ln 0.99 = 1.005034, g_2 = -100 ln(1 - (1 - e^-g_1) / 100) = 0.635986
    const g = survivalExponents([1, 1], [100, 100]);
    expect(g[0]).toBeCloseTo(1.005034, 6);
    expect(g[1]).toBeCloseTo(0.635986, 6);
    // a fit of one draw passes its one item on for sure
    expect(expectedSurvival(1, survivalExponents([5], [1])[0]!)).toBe(1);
    // an estimated fit below one draw has no binomial offspring: the Poisson step (x = 2 (1 - e^-Infinity) = 2),
    // a number and not NaN; then 10 draws from a fit on 10: -10 ln(1 - (1 - e^-2) / 10)
    expect(survivalExponents([1, 2], [10, 0.5])[1]).toBeCloseTo(-10 * Math.log1p(-(1 - Math.exp(-2)) / 10), 12);
    // large T: the Poisson limit
    expect(survivalExponents([1, 2], [1e9, 1e9])[1]).toBeCloseTo(survivalExponents([1, 2])[1]!, 7);
  });

  it('compose the generations from the last one inwards when the draw ratio changes', () => {
    // m = (1, 2): g_2 = m_1 (1 - exp(-m_2)) = 1 - e^-2 = 0.864665 (not m_2 (1 - exp(-m_1)) = 1.264241)
    expect(survivalExponents([1, 2])[1]).toBeCloseTo(0.864665, 6);
    // m = (2, 1): g_2 = 2 (1 - e^-1) = 1.264241
    expect(survivalExponents([2, 1])[1]).toBeCloseTo(1.264241, 6);
  });

  it('tend to the positive root of g = R (1 - exp(-g)) when the data grow by R > 1, and to 0 when R = 1', () => {
    const grown = survivalExponents(Array(200).fill(2));
    expect(grown[199]).toBeCloseTo(2 * -Math.expm1(-grown[199]!), 9);
    expect(grown[199]).toBeCloseTo(1.593624, 5);
    expect(survivalExponents(Array(200).fill(1))[199]).toBeLessThan(0.01);
  });

  it('average over the seed types of a band', () => {
    // counts 1, 1, 2, 7 with g = 1: band 1-1 -> 1 - e^-1; band 2-5 -> 1 - e^-2; band 8-9 -> none
    const counts = [1, 1, 2, 7];
    expect(bandSurvival(counts, 1, 1, 1)).toBeCloseTo(0.632121, 6);
    expect(bandSurvival(counts, 1, 2, 1)).toBeCloseTo((2 * 0.632121 + 0.864665) / 3, 6);
    expect(bandSurvival(counts, 8, 9, 1)).toBeUndefined();
  });

  it('give the same bits for the same seed counts in any order (run reads them in id order, plot from the record\'s histogram)', () => {
    // Brown-like counts: many distinct values per band, so summing type by type in two orders differs in the last bits
    const counts = Array.from({ length: 5000 }, (_, i) => 1 + ((i * 7919) % 37) + (i % 3 === 0 ? 0 : (i * 104729) % 400));
    const ascending = [...counts].sort((a, b) => a - b);
    const draws = [60_000, 59_000, 61_000, 60_500];
    const bands = theoryBands(counts, draws);
    expect(bands.flat().every((value, i) => Object.is(value, theoryBands(ascending, draws).flat()[i]))).toBe(true);
    expect(bands.flat().every((value, i) => Object.is(value, theoryBands([...counts].reverse(), draws).flat()[i]))).toBe(true);
    expect(Object.is(bandSurvival(counts, 6, 20, 0.7), bandSurvival(ascending, 6, 20, 0.7))).toBe(true);
  });
});

describe('rowExponents: growing batches, rows of one size', () => {
  it('is the plain recursion when nothing grows, with binomial offspring of T = M = 100', () => {
    // draws equal in every generation: m_j = 1 and T_j = 100, so g_1 = -100 ln 0.99 = 1.005034, g_2 = 0.635986
    expect(Array.from(rowExponents([100, 100, 100, 100]))).toEqual(Array.from(survivalExponents([1, 1, 1], [100, 100, 100])));
    expect(rowExponents([100, 100, 100, 100])[1]).toBeCloseTo(0.635986, 6);
  });

  it('composes the batches\' growth with the measuring draw of the last step', () => {
    // growth 2, rows of 100 draws: batches B_0 = 100, B_1 = 100, B_2 = 200. Row 1: M = 100 from T = 100.
    // Row 2: measuring 100 from B_1 = 100, then 100 from B_0. Row 3: measuring 100 draws from B_2 = 200
    // (innermost), then B_2 = 200 draws from B_1 = 100, then B_1 = 100 from B_0 = 100.
    // -ln of the offspring pgf at exp(-x), M draws from a fit on T: -M ln(1 - (1 - e^-x) / T)
    const step = (draws: number, fit: number, x: number): number => -draws * Math.log(1 - (1 - Math.exp(-x)) / fit);
    const [g1, g2, g3] = rowExponents([100, 100, 100, 100], 2);
    expect(g1).toBeCloseTo(step(100, 100, Infinity), 12);
    expect(g2).toBeCloseTo(step(100, 100, step(100, 100, Infinity)), 12);
    expect(g3).toBeCloseTo(step(100, 100, step(200, 100, step(100, 200, Infinity))), 12);
    expect(g3).toBeCloseTo(0.54766, 5);
  });
});

describe('rowExponents: rows measuring M tokens of batches of N (--measure-tokens)', () => {
  it('scales the batches by N / M, the measuring draw stays the row\'s own', () => {
    // H 1000 draws, rows of 200 (M), batches of 1000 (N): batchScale 5, B_1 = 200 * 5 = 1000.
    // Row 1: measuring 200 draws from T = 1000: g_1 = -200 ln 0.999 = 0.200100 (Poisson limit: 0.2).
    // Row 2: measuring 200 from B_1 = 1000, then B_1 = 1000 from B_0 = 1000: g_2 = 0.181368.
    const [g1, g2] = rowExponents([1000, 200, 200], 1, 5);
    expect(g1).toBeCloseTo(0.2001, 6);
    expect(g2).toBeCloseTo(0.181368, 6);
    // without the scale, the rows were taken for the batches: 200 from 200, then 200 from 1000: 0.126649
    expect(rowExponents([1000, 200, 200])[1]).toBeCloseTo(0.126649, 6);
  });
});

describe('the batch scale N / M', () => {
  it('is the batch over the measured size, from a run\'s sizes or from its settings', () => {
    expect(sizesBatchScale({ batchTokens: 1000, measureTokens: 200 })).toBe(5);
    // without --measure-tokens the rows measure the batch itself
    expect(lawBatchSizes({}, 900)).toEqual({ batchTokens: 900, measureTokens: 900 });
    // the batch is --tokens, else H's 900 tokens
    expect(lawBatchSizes({ measureTokens: 300 }, 900)).toEqual({ batchTokens: 900, measureTokens: 300 });
    expect(sizesBatchScale(lawBatchSizes({ tokens: 600, measureTokens: 300 }, 900))).toBe(2);
  });
});

describe('theoryBands: the law per generation and band', () => {
  it('is 1 at generation 0 for every band with seed types, then 1 - e^(-c g_k) averaged over the band', () => {
    // seed counts 1 and 3 (bands 1 and 2-5; bands 6-20 and 21+ empty); 100 draws from fits of 100:
    // g_1 = -100 ln 0.99 = 1.005034, g_2 = 0.635986. Gen 1: 1 - 0.99^100 = 0.633968, 1 - 0.99^300 = 0.950959;
    // gen 2: 1 - e^-0.635986 = 0.470587, 1 - e^-1.907957 = 0.851617
    const bands = theoryBands([1, 3], [100, 100, 100]);
    expect(bands[0]).toEqual([1, 1, undefined, undefined]);
    expect(bands[1]).toEqual([expect.closeTo(0.633968, 6), expect.closeTo(0.950959, 6), undefined, undefined]);
    expect(bands[2]).toEqual([expect.closeTo(0.470587, 6), expect.closeTo(0.851617, 6), undefined, undefined]);
  });
});

describe('rowExponents, one composition a row', () => {
  // Its definition: row k's exponent is survivalExponents' k-th, from the batches' ratios m_1 .. m_(k-1)
  // and the measured text's m_k = draws_k / batch_(k-1), with the batches as the fits. It computed every
  // row's exponents for each row, O(G^3) (207 s for a summary of 3,000 generations: audit); one
  // composition a row gives the very same doubles.
  it('gives, bit for bit, survivalExponents of each row (random draws, growths and scales)', () => {
    let seed = 11;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 60; round++) {
      const generations = 1 + Math.floor(next() * 12);
      const draws = Array.from({ length: generations + 1 }, () => 0.5 + next() * 5000);
      const growth = 1 + next();
      const scale = 0.5 + next() * 3;
      const batches = draws.map((value, g) => (g === 0 ? value : value * scale * growth ** (g - 1)));
      const fast = rowExponents(draws, growth, scale);
      for (let k = 1; k <= generations; k++) {
        const ratios = [...batches.slice(1, k).map((batch, j) => batch / batches[j]!), draws[k]! / batches[k - 1]!];
        expect(Object.is(fast[k - 1], survivalExponents(ratios, batches)[k - 1]), `round ${round}, row ${k}`).toBe(true);
      }
    }
  });

  it('gives the same doubles when asked again with more rows, as a table redrawn as its rows arrive asks (rows it had are taken from before)', () => {
    // Two cells' draws, each asked for as it grows, interleaved (the playground's redraws), then one
    // whose third draw changed, one with another growth, and one asked for with fewer rows: each
    // equals, bit for bit, the composition of its own rows (survivalExponents, as the test above).
    const byDefinition = (draws: readonly number[], growth: number, scale: number): number[] => {
      const batches = draws.map((value, g) => (g === 0 ? value : value * scale * growth ** (g - 1)));
      return draws.slice(1).map((_, index) => {
        const k = index + 1;
        return survivalExponents([...batches.slice(1, k).map((batch, j) => batch / batches[j]!), draws[k]! / batches[k - 1]!], batches)[k - 1]!;
      });
    };
    const a = [900, 850, 700, 720, 640, 600, 610, 580];
    const b = [300, 310, 290, 305, 280, 270, 260, 250];
    for (let rows = 2; rows <= a.length; rows++) {
      for (const draws of [a, b]) expect(Array.from(rowExponents(draws.slice(0, rows), 1.1, 2))).toEqual(byDefinition(draws.slice(0, rows), 1.1, 2));
    }
    const changed = [...a.slice(0, 2), 111, ...a.slice(3)];
    expect(Array.from(rowExponents(changed, 1.1, 2))).toEqual(byDefinition(changed, 1.1, 2));
    expect(Array.from(rowExponents(a, 1.3, 2))).toEqual(byDefinition(a, 1.3, 2));
    expect(Array.from(rowExponents(a, 1.1, 2.5))).toEqual(byDefinition(a, 1.1, 2.5));
    expect(Array.from(rowExponents(a.slice(0, 4), 1.1, 2))).toEqual(byDefinition(a.slice(0, 4), 1.1, 2));
    // (what it returns is the caller's own: changing it changes no later answer)
    rowExponents(a, 1.1, 2).fill(0);
    expect(Array.from(rowExponents([...a, 500], 1.1, 2))).toEqual(byDefinition([...a, 500], 1.1, 2));
  });

  it('gives a row for each of 3,000 generations, falling as lineages die out (near 2 / (k + 2) for pure resampling)', () => {
    const draws = Array.from({ length: 3001 }, () => 1e6);
    const exponents = rowExponents(draws);
    expect(exponents).toHaveLength(3000);
    // the critical branching process: -ln q_k ~ 1 - q_k ~ 2 / (k + 2) for large k (Kolmogorov's estimate, variance 1)
    expect(exponents[2999]! * 3002).toBeCloseTo(2, 1);
  });
});
