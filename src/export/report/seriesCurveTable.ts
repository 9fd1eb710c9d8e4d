/**
 * The curve table of rows in memory: what `simulate` emits, typed as `readCurves` types a curves CSV,
 * for `writeReport`, `renderReportHtml` and `renderSvgCharts` without a file between.
 *
 * Contract: `seriesCurveTable(rows, seed)` formats each SeriesRow as its curves-CSV record
 * (../curveRecord.ts, with the run's seed) and types the records as a CSV's (./curveTable.ts), so
 * the rows, columns and metrics are those `readCurves` gives for the CSV `run` writes of the same
 * rows, values rounded to the CSV's 6 significant digits included. Throws a UsageError for rows that
 * are no list of SeriesRows, an empty list (naming the rows as `source`) or a seed that is no whole
 * number >= 0, and an InputError for a (cell, replicate, generation) given twice, naming the rows as
 * `source`.
 */

import { InputError, UsageError } from '../../errors.js';
import { SHARED_RULES } from '../../simulation/validateSettings.js';
import { checkValue, shownValue } from '../../validation/valueRule.js';
import type { SeriesRow } from '../../simulation/series.js';
import { ALL_CELL_COLUMNS } from '../../simulation/settings.js';
import { CURVE_COLUMNS, curveRecord } from '../curveRecord.js';
import { curveTableFromRecords, type CurveTable } from './curveTable.js';

export function seriesCurveTable(rows: readonly SeriesRow[], seed: number, source = 'the rows'): CurveTable {
  if (!Array.isArray(rows)) throw new UsageError(`rows must be a list of the rows simulate emits, got ${shownValue(rows)}`, 'pass the rows your emit hook collected');
  const bad = rows.findIndex((row: unknown) => !isSeriesRow(row));
  if (bad >= 0) throw new UsageError(`rows[${bad}] must be a row simulate emits (cell, replicate, generation, values), got ${shownValue(rows[bad])}`, 'pass the rows your emit hook collected');
  // (a metric that is no number was written as an empty cell, and a cell without its settings as
  // empty setting columns, without a word: audit)
  rows.forEach((row, index) => {
    const setting = ALL_CELL_COLUMNS.find(([name]) => !isSettingValue(row.cell.settings[name]));
    if (setting !== undefined) throw new UsageError(`rows[${index}].cell.settings.${setting[0]} must be a number or a string, got ${shownValue(row.cell.settings[setting[0]])}`, 'pass the rows your emit hook collected, cells and all');
    const metric = Object.entries(row.values).find(([, value]) => value !== undefined && typeof value !== 'number');
    if (metric !== undefined) throw new UsageError(`rows[${index}].values.${metric[0]} must be a number (or undefined), got ${shownValue(metric[1])}`, 'pass the values simulate gave');
  });
  checkValue('seed', seed, SHARED_RULES.seed);
  // (a UsageError, as README's table of checked arguments says: it was an InputError: audit)
  if (rows.length === 0) throw new UsageError(`${source} are none`, 'pass the rows simulate emitted');
  // (a row given twice, said of rows in memory: the table's own check speaks of a file's lines and shards)
  const first = new Map<string, number>();
  rows.forEach((row, index) => {
    const key = `${row.cell.id}\u0000${row.replicate}\u0000${row.generation}`;
    const before = first.get(key);
    if (before !== undefined) throw new InputError(`${source}: rows[${index}] is cell ${row.cell.id} replicate ${row.replicate} generation ${row.generation} again (rows[${before}])`, 'pass each row once');
    first.set(key, index);
  });
  return curveTableFromRecords(CURVE_COLUMNS, rows.map((row) => curveRecord(row, seed)), source);
}

/** A cell setting as a cell has it: a finite number (ratios, order, temperature, ...) or a name. */
function isSettingValue(value: unknown): boolean {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** A row as simulate emits it: a cell with an id and settings, a whole replicate >= 1 and generation >= 0, values. */
function isSeriesRow(row: unknown): row is SeriesRow {
  const given = row as Partial<SeriesRow> | null | undefined;
  const cell = given?.cell as Partial<SeriesRow['cell']> | undefined;
  return (
    typeof cell?.id === 'string' &&
    typeof cell.settings === 'object' &&
    cell.settings !== null &&
    Number.isInteger(given!.replicate) &&
    given!.replicate! >= 1 &&
    Number.isInteger(given!.generation) &&
    given!.generation! >= 0 &&
    typeof given!.values === 'object' &&
    given!.values !== null
  );
}
