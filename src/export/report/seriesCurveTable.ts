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
import { checkedCurveRecord, checkSeriesRow, CURVE_COLUMNS } from '../curveRecord.js';
import { curveTableFromRecords, type CurveTable } from './curveTable.js';

export function seriesCurveTable(rows: readonly SeriesRow[], seed: number, source = 'the rows'): CurveTable {
  if (!Array.isArray(rows)) throw new UsageError(`rows must be a list of the rows simulate emits, got ${shownValue(rows)}`, 'pass the rows your emit hook collected');
  // (by index: forEach skips a list's holes, which reached the table as a raw TypeError: review)
  for (let index = 0; index < rows.length; index++) checkSeriesRow(rows[index], `rows[${index}]`);
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
  return curveTableFromRecords(CURVE_COLUMNS, rows.map((row) => checkedCurveRecord(row, seed)), source);
}
