/**
 * Generations read off the sampler's path (a model trained on its batch, and the measured text's
 * n-gram columns from its own table) must give the rows of counting the texts from scratch: each
 * generation's text columns equal measureText on a fresh copy of the same text (which sorts the
 * text), for a pure and a mixed batch, with sentences cut at the length cap.
 */

import { describe, expect, it, vi } from 'vitest';
import { measureText } from '../../src/metrics/measureText.js';
import { flooredPerplexity } from '../../src/metrics/perplexity.js';
import { MleModel } from '../../src/model/mle.js';
import { expandCells } from '../../src/simulation/cells.js';
import { prepareRun } from '../../src/simulation/preparedRun.js';
import { runSeries, type GenerationTexts, type SeriesRow } from '../../src/simulation/series.js';
import { DEFAULT_RUN, type RunSettings } from '../../src/simulation/settings.js';
import { FIRST_TOKEN_ID } from '../../src/vocabulary/vocabulary.js';
import { COLUMN_SLOTS, scratchInts } from '../../src/counts/scratchBuffers.js';
import { randomCorpus } from '../speedHelpers.js';

describe('rows of generations read off the sample path', () => {
  it('equal measuring each text from scratch (human ratio 0 and 0.3, cut sentences)', () => {
    const corpus = randomCorpus('path rows', 400, 30, 10);
    const idSpace = FIRST_TOKEN_ID + 30;
    const settings: RunSettings = { ...DEFAULT_RUN, generations: 3, holdout: 0.1, maxSentenceLength: 6, sweep: { ...DEFAULT_RUN.sweep, humanRatio: [0, 0.3] } };
    const run = prepareRun(corpus, idSpace, settings);
    for (const cell of expandCells(settings.sweep)) {
      const rows: SeriesRow[] = [];
      const texts: GenerationTexts[] = [];
      runSeries(run, cell, 1, { emit: (row) => rows.push(row), onTexts: (t) => texts.push(t) });
      expect(texts.length).toBe(3);
      for (const t of texts) {
        const fresh = { ids: t.measured.ids.slice(), offsets: t.measured.offsets.slice() };
        const expected = measureText(fresh, run.reference).values;
        const row = rows[t.generation]!.values;
        for (const [name, value] of Object.entries(expected)) expect(row[name as keyof typeof row], `${cell.id} generation ${t.generation} ${name}`).toBe(value);
      }
    }
  });
});

describe('gen0_perplexity of a series read off sample paths, other orders than 3', () => {
  // M0 reads the measured text's own table (a view of its hash table) instead of walking the text:
  // the value of walking a fresh copy of the text through M0, up to float rounding (the sum runs by
  // pairs), and the table path is taken for every row (generation 0: M0's own table, H's).
  it('equals walking each measured text through M0 (orders 1, 2, 4; human ratio 0 and 0.3; cut sentences)', () => {
    const corpus = randomCorpus('gen0 rows', 400, 30, 10);
    const idSpace = FIRST_TOKEN_ID + 30;
    const settings: RunSettings = { ...DEFAULT_RUN, generations: 3, holdout: 0.1, maxSentenceLength: 6, sweep: { ...DEFAULT_RUN.sweep, order: [1, 2, 4], humanRatio: [0, 0.3] } };
    const run = prepareRun(corpus, idSpace, settings);
    const seedTypes = run.reference.unigrams.types.length;
    const spy = vi.spyOn(MleModel.prototype, 'flooredLog2Sum');
    try {
      for (const cell of expandCells(settings.sweep)) {
        spy.mockClear();
        const rows: SeriesRow[] = [];
        const texts: GenerationTexts[] = [];
        runSeries(run, cell, 1, { emit: (row) => rows.push(row), onTexts: (t) => texts.push(t) });
        expect(spy.mock.results.map((result) => result.value === undefined), cell.id).toEqual([false, false, false, false]);
        const h = { ids: run.human.ids.slice(), offsets: run.human.offsets.slice() };
        expect(rows[0]!.values.gen0_perplexity, `${cell.id} generation 0`).toBeCloseTo(flooredPerplexity(texts[0]!.model0!, h, seedTypes)!, 10);
        for (const t of texts) {
          const fresh = { ids: t.measured.ids.slice(), offsets: t.measured.offsets.slice() };
          expect(rows[t.generation]!.values.gen0_perplexity, `${cell.id} generation ${t.generation}`).toBeCloseTo(flooredPerplexity(t.model0!, fresh, seedTypes)!, 10);
        }
      }
    } finally {
      spy.mockRestore();
    }
  });
});

describe('the column buffers in a series read off sample paths', () => {
  // After generation 0 no pass sorts a text's predictions (order-3 MLE, default sampling, replace), so
  // the loop lets the four prediction-sized column buffers go: a request afterwards gets a new, small
  // buffer (16 ids, the least a slot holds) instead of the one sized for the texts.
  it('are let go after generation 0, and kept by a series that still sorts texts', () => {
    const corpus = randomCorpus('columns', 300, 20, 8);
    const settings: RunSettings = { ...DEFAULT_RUN, generations: 2, holdout: 0, sweep: { ...DEFAULT_RUN.sweep, humanRatio: [0] } };
    const sizeAfter = (smoothing: string): number => {
      const sweep = { ...settings.sweep, smoothing: [smoothing] } as RunSettings['sweep'];
      const run = prepareRun(corpus, FIRST_TOKEN_ID + 20, { ...settings, sweep });
      runSeries(run, expandCells(sweep)[0]!, 1, { emit: () => undefined });
      return scratchInts(COLUMN_SLOTS[0], 1).buffer.byteLength / 4;
    };
    expect(sizeAfter('mle')).toBe(16);
    expect(sizeAfter('add-k')).toBeGreaterThan(1000);
  });
});
