import { describe, expect, it } from 'vitest';
import { sentenceCount, tokenCount, type TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import { expandCells } from '../../src/simulation/cells.js';
import { prepareRun } from '../../src/simulation/preparedRun.js';
import { pickSentences } from '../../src/simulation/sentencePicks.js';
import { runSeries, seriesRandom, type GenerationTexts, type SeriesRow } from '../../src/simulation/series.js';
import { DEFAULT_RUN, type CellSettings, type RunSettings } from '../../src/simulation/settings.js';
import { fixture } from '../helpers/corpus.js';

// 200 sentences of 3..7 tokens over a vocabulary of 60 words: a small but non-trivial seed corpus.
const sentences = Array.from({ length: 200 }, (_, s) =>
  Array.from({ length: 3 + (s % 5) }, (_, i) => `w${(s * 7 + i * 13) % 60}`).join(' '),
);
const f = fixture(sentences);

function run(cell: Partial<CellSettings>, shared: Partial<RunSettings> = {}) {
  const sweep = Object.fromEntries(Object.entries({ ...DEFAULT_RUN.sweep, humanRatio: [0] }).map(([k, v]) => [k, v])) as Record<string, unknown>;
  for (const [key, value] of Object.entries(cell)) sweep[key] = [value];
  const settings: RunSettings = { ...DEFAULT_RUN, generations: 3, ...shared, sweep: sweep as unknown as RunSettings['sweep'] };
  const prepared = prepareRun(f.corpus, f.vocabulary.size, settings);
  const theCell = expandCells(settings.sweep)[0]!;
  const rows: SeriesRow[] = [];
  const texts: GenerationTexts[] = [];
  runSeries(prepared, theCell, 1, { emit: (row) => rows.push(row), onTexts: (t) => texts.push(t) });
  return { prepared, rows, texts, cell: theCell };
}

function sentenceStrings(corpus: TokenCorpus): string[] {
  return Array.from({ length: sentenceCount(corpus) }, (_, s) => f.text(corpus, s));
}

describe('the collapse loop (the README\'s "The loop")', () => {
  it('splits off the held-out share once: 10% of 200 sentences', () => {
    const { prepared } = run({});
    expect(sentenceCount(prepared.heldout)).toBe(20);
    expect(sentenceCount(prepared.human)).toBe(180);
    expect(prepared.batchTokens).toBe(tokenCount(prepared.human));
  });

  it('writes generation 0 about H itself and one row per generation after it', () => {
    const { rows, prepared } = run({});
    expect(rows.map((row) => row.generation)).toEqual([0, 1, 2, 3]);
    expect(rows[0]!.values.tokens).toBe(tokenCount(prepared.human));
    expect(rows[0]!.values.vocab_retention).toBe(1);
    expect(rows[0]!.values.copy_rate).toBe(1);
    expect(rows[0]!.values.drift_expected_types).toBeUndefined();
    expect(rows[1]!.values.drift_expected_types).toBeGreaterThan(0);
  });

  it('fills each batch with N tokens: round(alpha N) human, the rest synthetic (each overshooting by < one sentence)', () => {
    const { texts, prepared } = run({ humanRatio: 0.3 });
    const n = prepared.batchTokens;
    for (const { human, synthetic } of texts) {
      expect(tokenCount(human)).toBeGreaterThanOrEqual(Math.round(0.3 * n));
      expect(tokenCount(human)).toBeLessThan(Math.round(0.3 * n) + 8);
      expect(tokenCount(synthetic)).toBeGreaterThanOrEqual(n - tokenCount(human));
      expect(tokenCount(synthetic)).toBeLessThan(n - tokenCount(human) + 200);
    }
  });

  it('measures the synthetic share topped up to N tokens: the share first, then whole sentences of the same model', () => {
    const { texts, rows, prepared } = run({ humanRatio: 0.5 });
    const n = prepared.batchTokens;
    texts.forEach((t, i) => {
      expect(rows[i + 1]!.values.tokens).toBe(tokenCount(t.measured));
      expect(tokenCount(t.synthetic)).toBeLessThan(0.6 * n); // the share alone is about half the batch
      const sentences = sentenceCount(t.measured); // whole sentences, stopping at the first that reaches N
      expect(t.measured.offsets[sentences]).toBeGreaterThanOrEqual(n);
      expect(t.measured.offsets[sentences - 1]).toBeLessThan(n);
      expect(t.shareSentences).toBe(sentenceCount(t.synthetic));
      expect(sentenceStrings(t.measured).slice(0, t.shareSentences)).toEqual(sentenceStrings(t.synthetic));
    });
  });

  it('measures the synthetic batch itself at human ratio 0', () => {
    const { texts } = run({ humanRatio: 0 });
    for (const t of texts) {
      expect(t.measured).toBe(t.synthetic);
      expect(t.shareSentences).toBe(sentenceCount(t.synthetic));
    }
  });

  it('measures --measure-tokens M tokens instead of N when asked (smaller and larger)', () => {
    // The batch's stopping rule: whole sentences, stop at the first one that reaches the size.
    for (const size of [100, 1500]) {
      const { texts, rows } = run({ humanRatio: 0.3 }, { measureTokens: size });
      texts.forEach((t, i) => {
        const sentences = sentenceCount(t.measured);
        expect(t.measured.offsets[sentences]).toBeGreaterThanOrEqual(size);
        expect(t.measured.offsets[sentences - 1]).toBeLessThan(size);
        expect(rows[i + 1]!.values.tokens).toBe(tokenCount(t.measured));
      });
    }
  });

  it('draws the top-up from its own stream: the batches and models are those of a run that measures less', () => {
    const plain = run({ humanRatio: 0.5 }, { measureTokens: 1 });
    const topped = run({ humanRatio: 0.5 });
    expect(topped.texts.map((t) => sentenceStrings(t.training))).toEqual(plain.texts.map((t) => sentenceStrings(t.training)));
    expect(topped.rows.map((row) => row.values.heldout_perplexity)).toEqual(plain.rows.map((row) => row.values.heldout_perplexity));
    expect(topped.texts.map((t) => tokenCount(t.measured))).not.toEqual(plain.texts.map((t) => tokenCount(t.measured)));
  });

  it('a fixed pool reuses the same human sentences; a fresh pool draws new ones', () => {
    const fixed = run({ humanRatio: 0.2, humanPool: 'fixed' }).texts.map((t) => sentenceStrings(t.human));
    expect(fixed[1]).toEqual(fixed[0]);
    expect(fixed[2]).toEqual(fixed[0]);
    const fresh = run({ humanRatio: 0.2, humanPool: 'fresh' }).texts.map((t) => sentenceStrings(t.human));
    expect(fresh[1]).not.toEqual(fresh[0]);
  });

  it('replace trains on the batch alone; accumulate keeps H and every batch; subsample keeps N', () => {
    const replace = run({ strategy: 'replace' });
    replace.texts.forEach((t) => expect(tokenCount(t.training)).toBe(tokenCount(t.synthetic)));
    const accumulate = run({ strategy: 'accumulate' });
    let expected = tokenCount(accumulate.prepared.human);
    accumulate.texts.forEach((t) => {
      expected += tokenCount(t.synthetic);
      expect(tokenCount(t.training)).toBe(expected);
    });
    const subsample = run({ strategy: 'accumulate-subsample' });
    const n = subsample.prepared.batchTokens;
    subsample.texts.forEach((t) => {
      expect(tokenCount(t.training)).toBeGreaterThanOrEqual(n);
      // the pool holds synthetic sentences too, so the overshoot is below the sentence cap (200)
      expect(tokenCount(t.training)).toBeLessThan(n + 200);
    });
  });

  it('adds the K anchor sentences, chosen once, to every training set', () => {
    const { texts, prepared, cell } = run({ anchor: 2 });
    const anchors = sentenceStrings(pickSentences(prepared.human, 2, seriesRandom(prepared, cell, 1)));
    expect(anchors).toHaveLength(2);
    for (const t of texts) {
      const training = sentenceStrings(t.training);
      expect(training.slice(-2)).toEqual(anchors);
      expect(tokenCount(t.training)).toBe(tokenCount(t.synthetic) + anchors.join(' ').split(' ').length);
    }
  });

  it('is deterministic: the same seed gives the same rows, another seed other rows', () => {
    const a = run({}).rows.map((row) => row.values);
    const b = run({}).rows.map((row) => row.values);
    const c = run({}, { seed: 7 }).rows.map((row) => row.values);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it('never lets vocab_retention rise under pure MLE replace with no human data', () => {
    const { rows } = run({ order: 2 }, { generations: 6 });
    const retention = rows.map((row) => row.values.vocab_retention!);
    retention.slice(1).forEach((value, i) => expect(value).toBeLessThanOrEqual(retention[i]!));
  });

  it('keeps vocab_retention above zero with half human data, and accumulate above replace', () => {
    const last = (rows: SeriesRow[]): number => rows[rows.length - 1]!.values.vocab_retention!;
    const half = run({ humanRatio: 0.5, order: 1 }, { generations: 8 }).rows;
    expect(last(half)).toBeGreaterThan(0.3);
    const replace = run({ order: 1 }, { generations: 8 }).rows;
    const accumulate = run({ order: 1, strategy: 'accumulate' }, { generations: 8 }).rows;
    expect(last(accumulate)).toBeGreaterThan(last(replace));
  });
});
