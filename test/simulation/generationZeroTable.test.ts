/**
 * Generation 0's row reads H's n-gram columns from M0's own table when M0 is an order-3 MLE model
 * (trained on exactly H), instead of sorting H's predictions, and gives the values of measuring H
 * from scratch; other models (add-k here) have no such table and H is sorted.
 */

import { describe, expect, it, vi } from 'vitest';
import { expandCells } from '../../src/simulation/cells.js';
import { prepareRun } from '../../src/simulation/preparedRun.js';
import { runSeries, type SeriesRow } from '../../src/simulation/series.js';
import { DEFAULT_RUN, type RunSettings } from '../../src/simulation/settings.js';
import { FIRST_TOKEN_ID } from '../../src/vocabulary/vocabulary.js';
import { randomCorpus } from '../speedHelpers.js';

// Whether each measureText call was given a table (in call order: generation 0 first).
const tables = vi.hoisted(() => [] as boolean[]);
vi.mock('../../src/metrics/measureText.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/metrics/measureText.js')>();
  return {
    ...original,
    measureText: (...args: Parameters<typeof original.measureText>) => {
      tables.push(args[2] !== undefined);
      return original.measureText(...args);
    },
  };
});
const { measureText } = await import('../../src/metrics/measureText.js');

describe("generation 0's n-gram columns", () => {
  it('come from M0\'s table for an order-3 MLE model, with the values of measuring H from scratch; add-k sorts H', () => {
    const corpus = randomCorpus('generation 0 table', 300, 25, 9);
    for (const [smoothing, tableUsed] of [['mle', true], ['add-k', false]] as const) {
      const settings: RunSettings = { ...DEFAULT_RUN, generations: 1, holdout: 0.1, sweep: { ...DEFAULT_RUN.sweep, humanRatio: [0], smoothing: [smoothing] } };
      const run = prepareRun(corpus, FIRST_TOKEN_ID + 25, settings);
      const rows: SeriesRow[] = [];
      tables.length = 0;
      runSeries(run, expandCells(settings.sweep)[0]!, 1, { emit: (row) => rows.push(row) });
      expect(tables[0], smoothing).toBe(tableUsed);
      const fresh = { ids: run.human.ids.slice(), offsets: run.human.offsets.slice() };
      const expected = measureText(fresh, run.reference).values;
      for (const [name, value] of Object.entries(expected)) expect(rows[0]!.values[name as keyof typeof expected], `${smoothing} ${name}`).toBe(value);
    }
  });
});
