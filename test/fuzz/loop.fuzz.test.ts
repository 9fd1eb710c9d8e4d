/**
 * Property-based tests of the whole loop (the library's simulate) on random small corpora and
 * settings: batch sizes and the human share add up, every metric is finite and in its range (or an
 * empty cell), and under pure MLE with replace and human ratio 0 vocab_retention never rises.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusFromSentences, type TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import { InputError } from '../../src/errors.js';
import { METRIC_COLUMNS, type MetricName } from '../../src/metrics/columns.js';
import type { GenerationTexts, SeriesRow } from '../../src/simulation/series.js';
import { DEFAULT_RUN, type RunSettings } from '../../src/simulation/settings.js';
import { simulate } from '../../src/simulation/simulate.js';

const RUNS = { numRuns: 40, seed: 424242 };

/** Sentences over a small alphabet (ids 2..9), 1 to 6 tokens each. */
const corpus = fc
  .array(fc.array(fc.integer({ min: 2, max: 9 }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 25 })
  .map((sentences) => corpusFromSentences(sentences));

const settings = fc.record({
  order: fc.integer({ min: 1, max: 3 }),
  humanRatio: fc.constantFrom(0, 0.1, 0.5, 1),
  strategy: fc.constantFrom('replace' as const, 'accumulate' as const, 'accumulate-subsample' as const),
  humanPool: fc.constantFrom('fixed' as const, 'fresh' as const),
  anchor: fc.integer({ min: 0, max: 2 }),
  temperature: fc.constantFrom(1, 0.5, 2),
  topK: fc.constantFrom(0, 1, 3),
  topP: fc.constantFrom(1, 0.5),
  generations: fc.integer({ min: 1, max: 4 }),
  tokens: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  holdout: fc.constantFrom(0, 0.2),
  maxSentenceLength: fc.constantFrom(3, 200),
  seed: fc.integer({ min: 0, max: 1000 }),
});

type Drawn = typeof settings extends fc.Arbitrary<infer T> ? T : never;

function runSettings(drawn: Drawn): RunSettings {
  const { order, humanRatio, strategy, humanPool, anchor, temperature, topK, topP, tokens, ...shared } = drawn;
  return {
    ...DEFAULT_RUN,
    ...shared,
    ...(tokens === undefined ? {} : { tokens }),
    sweep: { ...DEFAULT_RUN.sweep, order: [order], humanRatio: [humanRatio], strategy: [strategy], humanPool: [humanPool], anchor: [anchor], temperature: [temperature], topK: [topK], topP: [topP] },
  };
}

const RATIOS: readonly MetricName[] = [
  'ttr', 'missing_mass', 'distinct_1', 'distinct_2', 'distinct_3', 'mattr', 'vocab_retention', 'rare_survival',
  'survival_1', 'survival_2_5', 'survival_6_20', 'survival_21_plus', 'tail_mass', 'novel_3gram_rate', 'copy_rate',
  'js_divergence', 'heldout_oov_rate', 'discount_fallback',
];

function run(text: TokenCorpus, chosen: RunSettings): { rows: SeriesRow[]; texts: GenerationTexts[]; human: TokenCorpus; batchTokens: number } | undefined {
  const rows: SeriesRow[] = [];
  const texts: GenerationTexts[] = [];
  try {
    const prepared = simulate(text, 10, chosen, { emit: (row) => rows.push(row), onTexts: (t) => texts.push(t), warn: () => undefined });
    return { rows, texts, human: prepared.human, batchTokens: prepared.batchTokens };
  } catch (error) {
    // Too few sentences for the split or the anchors: a clear input error, before any row.
    expect(error).toBeInstanceOf(InputError);
    expect(rows).toHaveLength(0);
    return undefined;
  }
}

describe('the loop on random small corpora', () => {
  it('keeps batch sizes, the human share and every metric in range', () => {
    fc.assert(
      fc.property(corpus, settings, (text, drawn) => {
        const chosen = runSettings(drawn);
        const result = run(text, chosen);
        if (result === undefined) return;
        const { rows, texts, human, batchTokens } = result;
        expect(rows.map((row) => row.generation)).toEqual(Array.from({ length: chosen.generations + 1 }, (_, g) => g));
        let longest = 0;
        for (let s = 0; s + 1 < human.offsets.length; s++) longest = Math.max(longest, human.offsets[s + 1]! - human.offsets[s]!);
        const humanTarget = Math.round(drawn.humanRatio * batchTokens);
        for (const { synthetic, human: share } of texts) {
          // The human share: whole sentences, at least the target (unless H is smaller), less than one sentence over.
          expect(share.ids.length).toBeGreaterThanOrEqual(Math.min(humanTarget, human.ids.length));
          if (humanTarget > 0) expect(share.ids.length).toBeLessThan(humanTarget + longest);
          else expect(share.ids.length).toBe(0);
          // The synthetic part fills the batch, overshooting by less than one sampled sentence.
          const target = Math.max(0, batchTokens - share.ids.length);
          expect(synthetic.ids.length).toBeLessThan(target + Math.max(1, drawn.maxSentenceLength));
          // Unless the sentence cap stopped it: at most max(target, 1) sentences are drawn (an order-1
          // model can draw empty sentences; see syntheticText).
          if (synthetic.ids.length < target) expect(synthetic.offsets.length - 1).toBe(Math.max(target, 1));
        }
        for (const row of rows) {
          for (const column of METRIC_COLUMNS) {
            const value = row.values[column];
            if (value === undefined) continue;
            expect(Number.isFinite(value), `${column} = ${value}`).toBe(true);
            if (RATIOS.includes(column)) {
              expect(value, column).toBeGreaterThanOrEqual(0);
              expect(value, column).toBeLessThanOrEqual(1 + 1e-12);
            }
          }
          const v = row.values;
          expect(v.types!).toBeLessThanOrEqual(v.tokens!);
          expect(v.hapax!).toBeLessThanOrEqual(v.types!);
          if (v.entropy_bits !== undefined) expect(v.entropy_bits).toBeGreaterThanOrEqual(0);
          for (const perplexity of [v.heldout_perplexity, v.gen0_perplexity]) if (perplexity !== undefined) expect(perplexity).toBeGreaterThanOrEqual(1 - 1e-9);
          if (row.generation === 0) expect(v.drift_expected_types).toBeUndefined();
        }
      }),
      RUNS,
    );
  });

  it('pure MLE, replace, human ratio 0: vocab_retention never rises', () => {
    fc.assert(
      fc.property(corpus, settings, (text, drawn) => {
        const chosen = runSettings({ ...drawn, humanRatio: 0, strategy: 'replace', anchor: 0 });
        const result = run(text, chosen);
        if (result === undefined) return;
        const retention = result.rows.map((row) => row.values.vocab_retention ?? 0);
        for (let g = 1; g < retention.length; g++) expect(retention[g]!).toBeLessThanOrEqual(retention[g - 1]!);
      }),
      RUNS,
    );
  });
});
