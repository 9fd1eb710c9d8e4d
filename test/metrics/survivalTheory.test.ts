/**
 * The survival law of Suresh, Thangaraj & Khandavally (AISTATS 2025), generalised to M != T draws:
 * hand-computed exponents, and agreement with the simulator on brown:news within sampling error for seed
 * counts c = 1..20 over 3 generations (MLE, replace, no human data; orders 2 and 3, R = 1 and 2).
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import type { TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import { bandSurvival, expectedSurvival, survivalExponents } from '../../src/metrics/survivalTheory.js';
import { expandCells } from '../../src/simulation/cells.js';
import { ExtinctionTracker } from '../../src/simulation/extinctionTracker.js';
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
    for (let replicate = 1; replicate <= replicates; replicate++) {
      const tracker = new ExtinctionTracker(run.reference);
      runSeries(run, cell, replicate, {
        emit: (row) => (draws[row.generation]! += (row.values.tokens! + row.values.sentences!) / replicates),
        onTexts: (texts) => tracker.observe(texts.generation, texts.synthetic),
      });
      const table = tracker.result();
      for (let t = 0; t < table.types.length; t++) {
        const c = table.seedCounts[t]!;
        if (c > 20) continue;
        types[c]!++;
        for (let k = 1; k <= 3; k++) if (table.firstAbsent[t] === -1 || table.firstAbsent[t]! > k) alive[k - 1]![c]!++;
      }
    }
    const exponents = survivalExponents([1, 2, 3].map((g) => draws[g]! / draws[g - 1]!));
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
