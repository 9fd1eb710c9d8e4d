/**
 * The survival law of Suresh, Thangaraj & Khandavally (AISTATS 2025), generalised to M != T draws:
 * hand-computed exponents (the agreement with the simulator on brown:news is survivalTheory.brown.test.ts).
 */

import { describe, expect, it } from 'vitest';
import { bandSurvival, expectedSurvival, rowExponents, survivalExponents, theoryBands } from '../../src/metrics/survivalTheory.js';

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
});

describe('rowExponents: growing batches, rows of one size', () => {
  it('is the plain recursion when nothing grows', () => {
    // draws equal in every generation: m_j = 1, so g_1 = 1, g_2 = 1 - e^-1, g_3 = 1 - e^-(1 - e^-1)
    expect(Array.from(rowExponents([100, 100, 100, 100]))).toEqual(Array.from(survivalExponents([1, 1, 1])));
  });

  it('composes the batches\' growth with the measuring draw of the last step', () => {
    // growth 2, rows of 100 draws: batches B_1 = 100, B_2 = 200. Row 2: m_1 = B_1 / B_0 = 1, measuring
    // m = D_2 / B_1 = 1, so g = 1 * (1 - e^-1). Row 3: m_1 = 1, m_2 = B_2 / B_1 = 2, measuring 100 / 200.
    const [g1, g2, g3] = rowExponents([100, 100, 100, 100], 2);
    expect(g1).toBeCloseTo(1, 12);
    expect(g2).toBeCloseTo(-Math.expm1(-1), 12);
    const inner = 0.5; // measuring step first (innermost), then m_2 = 2, then m_1 = 1
    expect(g3).toBeCloseTo(1 * -Math.expm1(-(2 * -Math.expm1(-inner))), 12);
  });
});

describe('rowExponents: rows measuring M tokens of batches of N (--measure-tokens)', () => {
  it('scales the batches by N / M, the measuring draw stays the row\'s own', () => {
    // H 1000 draws, rows of 200 (M), batches of 1000 (N): batchScale 5, B_1 = 200 * 5 = 1000.
    // Row 1: measuring 200 / 1000 = 0.2, so g_1 = 0.2. Row 2: m_1 = B_1 / B_0 = 1, measuring
    // 200 / B_1 = 0.2: g_2 = 1 * (1 - e^-0.2) = 0.181269.
    const [g1, g2] = rowExponents([1000, 200, 200], 1, 5);
    expect(g1).toBeCloseTo(0.2, 12);
    expect(g2).toBeCloseTo(-Math.expm1(-0.2), 12);
    expect(g2).toBeCloseTo(0.181269, 6);
    // without the scale, the rows were taken for the batches: m_1 = 0.2, and g_2 = 0.2 (1 - e^-1) = 0.126424
    expect(rowExponents([1000, 200, 200])[1]).toBeCloseTo(0.2 * -Math.expm1(-1), 12);
  });
});

describe('theoryBands: the law per generation and band', () => {
  it('is 1 at generation 0 for every band with seed types, then 1 - e^(-c g_k) averaged over the band', () => {
    // seed counts 1 and 3 (bands 1 and 2-5; bands 6-20 and 21+ empty); equal draws: g_1 = 1, g_2 = 1 - e^-1
    // gen 1: 1 - e^-1 = 0.632121, 1 - e^-3 = 0.950213; gen 2: 1 - e^-0.632121 = 0.468536, 1 - e^-1.896362 = 0.849886
    const bands = theoryBands([1, 3], [100, 100, 100]);
    expect(bands[0]).toEqual([1, 1, undefined, undefined]);
    expect(bands[1]).toEqual([expect.closeTo(0.632121, 6), expect.closeTo(0.950213, 6), undefined, undefined]);
    expect(bands[2]).toEqual([expect.closeTo(0.468536, 6), expect.closeTo(0.849886, 6), undefined, undefined]);
  });
});
