/**
 * The curves CSV schema (curveRecord.ts): the header's columns in the README's "The curves CSV" order, and one series
 * row written in them (settings as typed or formatted, metric values by formatNumber, an undefined
 * metric as an empty cell).
 */

import { describe, expect, it } from 'vitest';
import { CURVE_COLUMNS, curveRecord } from '../../src/export/curveRecord.js';
import { METRIC_COLUMNS } from '../../src/metrics/columns.js';
import { expandCells } from '../../src/simulation/cells.js';
import type { SeriesRow } from '../../src/simulation/series.js';
import { DEFAULT_SWEEP } from '../../src/simulation/settings.js';

describe('the curves CSV', () => {
  it('has the columns of the schema, in order', () => {
    const settings = ['strategy', 'human_ratio', 'human_pool', 'anchor', 'order', 'smoothing', 'vocab', 'temperature', 'top_k', 'top_p'];
    expect(CURVE_COLUMNS).toEqual(['cell', ...settings, 'replicate', 'seed', 'generation', ...METRIC_COLUMNS, 'select', 'tokens_growth']);
    expect(METRIC_COLUMNS.slice(0, 3)).toEqual(['tokens', 'sentences', 'types']);
  });

  it('writes a series row in those columns', () => {
    const cell = expandCells({ ...DEFAULT_SWEEP, humanRatio: [0.25], temperature: [0.8] })[0]!;
    const values = Object.fromEntries(METRIC_COLUMNS.map((column, i) => [column, i + 1 / 3]));
    const row = { cell, replicate: 2, generation: 7, values: { ...values, tokens: 1_161_192, ttr: undefined } } as unknown as SeriesRow;
    const record = Object.fromEntries(curveRecord(row, 42).map((text, i) => [CURVE_COLUMNS[i]!, text]));
    expect(curveRecord(row, 42)).toHaveLength(CURVE_COLUMNS.length);
    expect([record['cell'], record['replicate'], record['seed'], record['generation']]).toEqual([cell.id, '2', '42', '7']);
    expect([record['strategy'], record['human_ratio'], record['temperature'], record['smoothing']]).toEqual([cell.settings.strategy, '0.25', '0.8', cell.settings.smoothing]);
    expect([record['select'], record['tokens_growth']]).toEqual([cell.settings.select, String(cell.settings.tokensGrowth)]);
    // tokens exactly, ttr undefined as an empty cell, types (column 3: 2 + 1/3) to 6 significant digits
    expect([record['tokens'], record['ttr'], record['types']]).toEqual(['1161192', '', '2.33333']);
  });

  it('refuses a seed that is no whole number >= 0 (left out, the seed column read "undefined": audit) and a row that is no row', () => {
    const cell = expandCells(DEFAULT_SWEEP)[0]!;
    const row = { cell, replicate: 1, generation: 0, values: {} } as unknown as SeriesRow;
    expect(() => curveRecord(row, undefined as never)).toThrow('seed is required');
    expect(() => curveRecord(row, -1)).toThrow("seed must be a whole number >= 0, got '-1'");
    expect(() => curveRecord(row, 1.5)).toThrow("seed must be a whole number >= 0, got '1.5'");
    for (const bad of [null, {}, { cell, values: {} }, { ...row, values: null }, { ...row, values: [] }, { ...row, replicate: undefined }, { ...row, replicate: 0 }, { ...row, replicate: -3 }, { ...row, generation: -1 }, { ...row, generation: 1.5 }]) {
      expect(() => curveRecord(bad as never, 42)).toThrow(/^curveRecord row must be a row simulate emits \(cell, replicate, generation, values\), got /u);
    }
    // a value that is no number, and a setting that is neither a number nor a name, refused as seriesCurveTable
    // refuses them (written as an empty cell, and as it came, without a word: review)
    for (const value of ['0.5', true, {}, null]) {
      expect(() => curveRecord({ ...row, values: { ttr: value } } as never, 42)).toThrow(`curveRecord row.values.ttr must be a number (or undefined), got ${value === null ? 'null' : typeof value === 'string' ? "'0.5'" : typeof value === 'boolean' ? "'true'" : '{}'}`);
    }
    expect(() => curveRecord({ ...row, cell: { ...cell, settings: { ...cell.settings, order: Number.NaN } } } as never, 42)).toThrow("curveRecord row.cell.settings.order must be a number or a string, got 'NaN'");
    // a misspelt metric: refused by name (it was dropped, and every metric cell left empty: review)
    expect(() => curveRecord({ ...row, values: { vocab_retention: 0.5, vocab_retension: 0.5 } } as never, 42)).toThrow('curveRecord row.values.vocab_retension is no metric of the curves');
    expect(curveRecord({ ...row, values: { vocab_retention: 0.5 } }, 42)).toContain('0.5');
  });
});
