/**
 * The survival law of Suresh, Thangaraj & Khandavally (AISTATS 2025), generalised to M != T draws:
 * hand-computed exponents, and agreement with the simulator on brown:news within sampling error for seed
 * counts c = 1..20 over 3 generations (MLE, replace, no human data; orders 2 and 3, R = 1 and 2).
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import type { TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import { bandSurvival, expectedSurvival, rowExponents, survivalExponents } from '../../src/metrics/survivalTheory.js';
import { expandCells } from '../../src/simulation/cells.js';
import { prepareRun } from '../../src/simulation/preparedRun.js';
import { runSeries } from '../../src/simulation/series.js';
import { DEFAULT_RUN, type RunSettings } from '../../src/simulation/settings.js';

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

describe('the law beside the simulator on brown:news', () => {
  let corpus: TokenCorpus;
  let idSpace: number;
  beforeAll(async () => {
    const loaded = await loadCorpus(['brown:news']);
    corpus = loaded.corpus;
    idSpace = loaded.vocabulary.size;
  });

  it.each([
    [2, 1, 4],
    [3, 2, 3],
  ])('order %i, growth %d: measured survival by seed count 1..20 is within 4 standard errors of the law', (order, growth, replicates) => {
    const settings: RunSettings = { ...DEFAULT_RUN, generations: 3, holdout: 0, sweep: { ...DEFAULT_RUN.sweep, humanRatio: [0], order: [order], tokensGrowth: [growth] } };
    const run = prepareRun(corpus, idSpace, settings);
    const cell = expandCells(settings.sweep)[0]!;
    const alive = [1, 2, 3].map(() => new Float64Array(21));
    const types = new Float64Array(21);
    const draws = [0, 0, 0, 0]; // mean tokens + sentences of each generation's text
    const seed = run.reference.unigrams;
    for (let replicate = 1; replicate <= replicates; replicate++) {
      // present[g][id] = 1 when the text row g describes holds the type (with growth the row is a
      // subsample of a larger batch, so a type can be missing from one row and back in the next)
      const present = [1, 2, 3].map(() => new Uint8Array(idSpace));
      runSeries(run, cell, replicate, {
        emit: (row) => (draws[row.generation]! += (row.values.tokens! + row.values.sentences!) / replicates),
        onTexts: (texts) => {
          for (const id of texts.measured.ids) present[texts.generation - 1]![id] = 1;
        },
      });
      for (const id of seed.types) {
        const c = seed.counts[id]!;
        if (c > 20) continue;
        types[c]!++;
        for (let k = 1; k <= 3; k++) alive[k - 1]![c]! += present[k - 1]![id]!;
      }
    }
    // Rows measure N tokens while the batches grow: the law composes the batch ratios with the measuring draw.
    const exponents = rowExponents(draws, growth);
    let checked = 0;
    for (let k = 1; k <= 3; k++) {
      for (let c = 1; c <= 20; c++) {
        const n = types[c]!;
        if (n === 0) continue;
        const expected = expectedSurvival(c, exponents[k - 1]!);
        // binomial standard error, floored at one type's worth so near-certain survival is not a zero-width test
        const se = Math.sqrt(Math.max(expected * (1 - expected), 1 / n) / n);
        expect(Math.abs(alive[k - 1]![c]! / n - expected), `k ${k}, c ${c}`).toBeLessThan(4 * se);
        checked++;
      }
    }
    expect(checked).toBe(60);
  }, 120_000);
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
