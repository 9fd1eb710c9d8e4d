/**
 * Generations read off the sampler's path (a model trained on its batch, and the measured text's
 * n-gram columns from its own table) must give the rows of counting the texts from scratch: each
 * generation's text columns equal measureText on a fresh copy of the same text (which sorts the
 * text), for a pure and a mixed batch, with sentences cut at the length cap.
 */

import { describe, expect, it } from 'vitest';
import { measureText } from '../../src/metrics/measureText.js';
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
