/**
 * seriesCurveTable: the rows `simulate` emits, typed for the report as `readCurves` types the curves
 * CSV `run` writes of them (audit: the library had no way from SeriesRows to a report but a file).
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../../src/errors.js';
import { openCsv } from '../../../src/export/csvFile.js';
import { CURVE_COLUMNS, curveRecord } from '../../../src/export/curveRecord.js';
import { readCurves } from '../../../src/export/report/readCurves.js';
import { seriesCurveTable } from '../../../src/export/report/seriesCurveTable.js';
import type { SeriesRow } from '../../../src/simulation/series.js';
import { DEFAULT_RUN } from '../../../src/simulation/settings.js';
import { simulate } from '../../../src/simulation/simulate.js';
import { fixture } from '../../helpers/corpus.js';
import { tempDir } from '../../helpers/cli.js';

const f = fixture(['the cat sat', 'the dog sat down', 'a cat ran', 'the end', 'a dog ran off', 'the cat sat down']);

function rowsOf(seed: number): SeriesRow[] {
  const rows: SeriesRow[] = [];
  const settings = { ...DEFAULT_RUN, seed, generations: 3, holdout: 0, replicates: 2 };
  simulate(f.corpus, f.vocabulary.size, settings, { emit: (row) => rows.push(row) });
  return rows;
}

describe('seriesCurveTable', () => {
  it('gives the rows, columns and metrics readCurves gives for the CSV of the same rows', async () => {
    const rows = rowsOf(7);
    const path = join(tempDir(), 'curves.csv');
    const csv = openCsv(path, CURVE_COLUMNS);
    for (const row of rows) csv.write(curveRecord(row, 7));
    await csv.close();
    const fromFile = await readCurves(path);
    const inMemory = seriesCurveTable(rows, 7);
    // 2 cells (ratio 0, 0.1) x 2 replicates x generations 0..3 = 16 rows
    expect(inMemory.rows).toHaveLength(16);
    expect(inMemory).toEqual(fromFile);
    expect(inMemory.rows[0]!['seed']).toBe(7);
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe(CURVE_COLUMNS.join(','));
  });

  it('refuses what is no list of rows, and a seed that is no whole number >= 0 (UsageError, never a TypeError)', () => {
    const rows = rowsOf(7);
    expect(() => seriesCurveTable(5 as never, 1)).toThrow("rows must be a list of the rows simulate emits, got '5'");
    expect(() => seriesCurveTable([rows[0]!, { generation: 1 }] as never, 1)).toThrow('rows[1] must be a row simulate emits (cell, replicate, generation, values), got {"generation":1}');
    // a list with a hole: the hole is refused by its place (forEach skipped it, and a TypeError came from inside: review)
    // eslint-disable-next-line no-sparse-arrays
    expect(() => seriesCurveTable([rows[0]!, , rows[1]!] as never, 1)).toThrow('rows[1] must be a row simulate emits (cell, replicate, generation, values), got undefined');
    expect(() => seriesCurveTable([null] as never, 1)).toThrow(UsageError);
    // values null, a cell without settings, a generation that is none: refused, not a raw TypeError (audit)
    const row = rows[0]!;
    for (const broken of [{ ...row, values: null }, { ...row, cell: { id: 'x' } }, { ...row, generation: undefined }, { ...row, replicate: 0 }]) {
      expect(() => seriesCurveTable([broken] as never, 1)).toThrow(/^rows\[0\] must be a row simulate emits/u);
    }
    expect(() => seriesCurveTable(rows, -1)).toThrow("seed must be a whole number >= 0, got '-1'");
  });

  it('refuses a cell without its settings and a metric value that is no number (they were written as empty columns)', () => {
    const row = rowsOf(7)[0]!;
    expect(() => seriesCurveTable([{ ...row, cell: { ...row.cell, settings: {} } }] as never, 1)).toThrow("rows[0].cell.settings.strategy must be a number or a string, got undefined");
    const noOrder = { ...row.cell.settings, order: Number.NaN };
    expect(() => seriesCurveTable([row, { ...row, generation: 9, cell: { ...row.cell, settings: noOrder } }] as never, 1)).toThrow('rows[1].cell.settings.order must be a number or a string, got \'NaN\'');
    expect(() => seriesCurveTable([{ ...row, values: { ...row.values, types: '12' } }] as never, 1)).toThrow("rows[0].values.types must be a number (or undefined), got '12'");
    // undefined is a column the row has no value of (held-out figures of a run without holdout): kept empty
    expect(seriesCurveTable([{ ...row, values: { ...row.values, heldout_perplexity: undefined } }], 1).rows[0]!['heldout_perplexity']).toBeUndefined();
  });

  it('refuses a row given twice, by its places in the list (the check of a file spoke of lines and shards)', () => {
    const rows = rowsOf(7);
    expect(() => seriesCurveTable([...rows, rows[3]!], 7)).toThrow(`the rows: rows[16] is cell ${rows[3]!.cell.id} replicate 1 generation 3 again (rows[3])`);
  });

  it('refuses no rows, naming them as the caller says, as a UsageError (README: an argument it checks; it was an InputError: audit)', () => {
    expect(() => seriesCurveTable([], 1)).toThrow(UsageError);
    expect(() => seriesCurveTable([], 1, 'the rows of my run')).toThrow('the rows of my run are none');
  });
});
