/**
 * The survival law of Suresh, Thangaraj & Khandavally (AISTATS 2025), generalised to M != T draws, beside
 * the simulator on brown:news: measured survival within sampling error of the law for seed counts
 * c = 1..20 over 3 generations (MLE, replace, no human data; orders 2 and 3, R = 1 and 2). Seconds of
 * simulation: left out of mutation testing (vitest.mutation.config.ts), as the fidelity runs are.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import type { TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import { expectedSurvival, rowExponents } from '../../src/metrics/survivalTheory.js';
import { expandCells } from '../../src/simulation/cells.js';
import { prepareRun } from '../../src/simulation/preparedRun.js';
import { runSeries } from '../../src/simulation/series.js';
import { DEFAULT_RUN, type RunSettings } from '../../src/simulation/settings.js';

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
