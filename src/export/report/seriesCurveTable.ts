/**
 * The curve table of rows in memory: what `simulate` emits, typed as `readCurves` types a curves CSV,
 * for `writeReport`, `renderReportHtml` and `renderSvgCharts` without a file between.
 *
 * Contract: `seriesCurveTable(rows, seed)` formats each SeriesRow as its curves-CSV record
 * (../curveRecord.ts, with the run's seed) and types the records as a CSV's (./curveTable.ts), so
 * the rows, columns and metrics are those `readCurves` gives for the CSV `run` writes of the same
 * rows, values rounded to the CSV's 6 significant digits included. Throws a UsageError for rows that
 * are no list of SeriesRows or a seed that is no whole number >= 0, and an InputError for no rows or a
 * (cell, replicate, generation) given twice, naming the rows as `source`.
 */

import { InputError, UsageError } from '../../errors.js';
import { SHARED_RULES } from '../../simulation/validateSettings.js';
import { checkValue, shownValue } from '../../validation/valueRule.js';
import type { SeriesRow } from '../../simulation/series.js';
import { CURVE_COLUMNS, curveRecord } from '../curveRecord.js';
import { curveTableFromRecords, type CurveTable } from './curveTable.js';

export function seriesCurveTable(rows: readonly SeriesRow[], seed: number, source = 'the rows'): CurveTable {
  if (!Array.isArray(rows)) throw new UsageError(`rows must be a list of the rows simulate emits, got ${shownValue(rows)}`, 'pass the rows your emit hook collected');
  const bad = rows.findIndex((row: Partial<SeriesRow> | null) => typeof row?.cell?.id !== 'string' || typeof row.values !== 'object');
  if (bad >= 0) throw new UsageError(`rows[${bad}] must be a row simulate emits (cell, replicate, generation, values), got ${shownValue(rows[bad])}`, 'pass the rows your emit hook collected');
  checkValue('seed', seed, SHARED_RULES.seed);
  if (rows.length === 0) throw new InputError(`${source} are none`, 'pass the rows simulate emitted');
  return curveTableFromRecords(CURVE_COLUMNS, rows.map((row) => curveRecord(row, seed)), source);
}
