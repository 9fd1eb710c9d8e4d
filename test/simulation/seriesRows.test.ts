/**
 * runSeries beyond the batch arithmetic (series.test.ts): the drift baseline's inputs, the warnings of a
 * series, the expected work behind its progress, and the random streams (a seeded golden check).
 */

import { describe, expect, it } from 'vitest';
import { tokenCount, type TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import { expandCells } from '../../src/simulation/cells.js';
import { prepareRun } from '../../src/simulation/preparedRun.js';
import { runSeries, type SeriesRow } from '../../src/simulation/series.js';
import { DEFAULT_RUN, type CellSettings, type RunSettings } from '../../src/simulation/settings.js';
import { fixture } from '../helpers/corpus.js';

interface Series {
  rows: SeriesRow[];
  warnings: string[];
  progress: Array<[number, number]>;
  synthetic: TokenCorpus[];
}

function series(sentences: readonly string[], cell: Partial<CellSettings>, shared: Partial<RunSettings> = {}, withWarn = true): Series {
  const f = fixture(sentences);
  const sweep = { ...DEFAULT_RUN.sweep, humanRatio: [0] } as Record<string, unknown>;
  for (const [key, value] of Object.entries(cell)) sweep[key] = [value];
  const settings: RunSettings = { ...DEFAULT_RUN, generations: 2, ...shared, sweep: sweep as unknown as RunSettings['sweep'] };
  const run = prepareRun(f.corpus, f.vocabulary.size, settings);
  const result: Series = { rows: [], warnings: [], progress: [], synthetic: [] };
  runSeries(run, expandCells(settings.sweep)[0]!, 1, {
    emit: (row) => result.rows.push(row),
    ...(withWarn ? { warn: (message: string) => result.warnings.push(message) } : {}),
    onProgress: (generation, fraction) => result.progress.push([generation, fraction]),
    onTexts: (texts) => result.synthetic.push(texts.synthetic),
  });
  return result;
}

/** 20 x "a b": H is 18 of them (36 tokens); an order-3 MLE model writes "a b" and nothing else. */
const AB = Array.from({ length: 20 }, () => 'a b');

describe('a series', () => {
  it('sets the drift baseline from the previous training counts and the measured text\'s tokens + </s>', () => {
    // Training H: a 18, b 18 in 18 sentences, T = 36 + 18 = 54. Measured text (--measure-tokens 2): "a b",
    // M = 2 tokens + 1 </s> = 3 draws. E[types] = 2 (1 - (1 - 18/54)^3) = 2 (1 - 8/27) = 38/27.
    const { rows } = series(AB, {}, { measureTokens: 2 });
    expect(rows[1]!.values.drift_expected_types).toBeCloseTo(38 / 27, 12);
    expect(rows[2]!.values.drift_expected_types).toBeCloseTo(38 / 27, 12); // the batch is 18 x "a b" again
  });

  it('warns when the model runs out of sentences before the share is full', () => {
    // H: 5 x "a" and 45 empty sentences (holdout 0): N = 5 tokens, at most 5 sentences, each "a" with p = 0.1
    const { warnings, synthetic } = series([...Array(5).fill('a'), ...Array(45).fill('')], {}, { holdout: 0, generations: 1 });
    const produced = tokenCount(synthetic[0]!);
    expect(produced).toBeLessThan(5);
    expect(warnings).toContain(`cell default replicate 1 generation 1: the model produced only ${produced} of 5 tokens (said once per series)`);
    expect(series([...Array(5).fill('a'), ...Array(45).fill('')], {}, { holdout: 0, generations: 1 }, false).rows).toHaveLength(2); // no warn hook: no warning, no error
  });

  it('warns when --select dedup reaches its draw cap', () => {
    // every candidate is "a b", a sentence of H: 10 x 36 candidate tokens are drawn, then duplicates fill the share
    const { warnings } = series(AB, { select: 'dedup' }, { generations: 1 });
    expect(warnings).toContain('cell default replicate 1 generation 1: select dedup found too few new sentences in 10 x 36 candidate tokens; duplicates fill the rest (said once per series)');
    expect(series(AB, { select: 'dedup' }, { generations: 1 }, false).rows).toHaveLength(2);
    // it happens every generation, and is said once (it was one line per generation: 40 for 20 generations x 2 replicates)
    const again = series(AB, { select: 'dedup' }, { generations: 4 }).warnings.filter((warning) => warning.includes('select dedup'));
    expect(again).toEqual(['cell default replicate 1 generation 1: select dedup found too few new sentences in 10 x 36 candidate tokens; duplicates fill the rest (said once per series)']);
  });

  it('expects sampling max(share, measured size), training on the batch (accumulate: H and every batch), measuring', () => {
    // The last report below 1 of generation g is its training point: (sample + train) / (sample + train + measure).
    const trainingPoint = (s: Series, g: number): number => Math.max(...s.progress.filter(([generation, f]) => generation === g && f < 1).map(([, f]) => f));
    const words = Array.from({ length: 40 }, (_, s) => `w${s % 7} w${(s * 3) % 11} w${(s * 5) % 13}`);
    // replace, N = |H|: sample N, train N, measure N -> 2/3
    const replace = series(words, {});
    expect(trainingPoint(replace, 1)).toBe(2 / 3);
    // accumulate: train |H| + g N = (1 + g) N -> g = 1: 3/4, g = 2: 4/5
    const accumulate = series(words, { strategy: 'accumulate' });
    expect(trainingPoint(accumulate, 1)).toBe(3 / 4);
    expect(trainingPoint(accumulate, 2)).toBe(4 / 5);
    // accumulate with --tokens-growth 2 (batches N, 2N, ...; measured size N): g = 2 samples 2N, trains
    // on |H| + N + 2N = 4N, measures N -> 6/7
    expect(trainingPoint(series(words, { strategy: 'accumulate', tokensGrowth: 2 }), 2)).toBe(6 / 7);
    // measured size 2N: sample max(N, 2N) = 2N, train N, measure 2N -> 3/5
    // (N = |H| = 36 sentences of 3 tokens = 108)
    expect(trainingPoint(series(words, {}, { measureTokens: 2 * 108 }), 1)).toBe(3 / 5);
  });

  it('draws the trajectory and each top-up from their seeded streams (golden values)', () => {
    // Seeded golden values: half the batch human, the rest sampled, each row topped up from its own stream.
    // They change only if a random stream changes (which changes every run's output).
    const words = Array.from({ length: 40 }, (_, s) => `w${s % 7} w${(s * 3) % 11} w${(s * 5) % 13} w${s % 17}`);
    const { rows } = series(words, { humanRatio: 0.5, order: 2 });
    expect(rows.map((row) => row.values.tokens)).toEqual([144, 146, 149]);
    [6.856768272212455, 6.468428754671209, 6.381911284173027].forEach((value, g) => expect(rows[g]!.values.gen0_perplexity).toBeCloseTo(value, 9));
  });
});
