/**
 * The curves CSV schema (the README's "The curves CSV"): header and the record of one series row.
 *
 * Columns: cell, the cell settings (strategy .. top_p), replicate, seed, generation, then the metric
 * columns of the README's "The curves CSV" in order, then the settings added later (select, tokens_growth). Values are strings already formatted (see formatNumber).
 */

import { METRIC_COLUMNS } from '../metrics/columns.js';
import { APPENDED_CELL_COLUMNS, CELL_COLUMNS, type CellSettings } from '../simulation/settings.js';
import type { SeriesRow } from '../simulation/series.js';
import { formatNumber } from '../validation/formatNumber.js';
import { checkValue, shownValue } from '../validation/valueRule.js';
import { SHARED_RULES } from '../simulation/validateSettings.js';
import { UsageError } from '../errors.js';

export const CURVE_COLUMNS: readonly string[] = Object.freeze([
  'cell',
  ...CELL_COLUMNS.map(([, column]) => column),
  'replicate',
  'seed',
  'generation',
  ...METRIC_COLUMNS,
  ...APPENDED_CELL_COLUMNS.map(([, column]) => column),
]);

/**
 * The CSV record of `row` (a row `simulate` emits) of the run seeded `seed`; a UsageError for a row
 * without its cell or values, or a seed that is no whole number >= 0 (left out, the CSV's seed column
 * read "undefined": audit).
 */
export function curveRecord(row: SeriesRow, seed: number): string[] {
  checkValue('seed', seed, SHARED_RULES.seed);
  const fields = row as Partial<SeriesRow> | null;
  const whole = (value: unknown, least: number): boolean => Number.isSafeInteger(value) && (value as number) >= least;
  // (a replicate left out was written "undefined", -3 and values [] as they came: round 2)
  if (typeof fields?.cell?.id !== 'string' || typeof fields.values !== 'object' || fields.values === null || Array.isArray(fields.values) || !whole(fields.generation, 0) || !whole(fields.replicate, 1)) {
    throw new UsageError(`curveRecord needs a row simulate emits (cell, replicate, generation, values), got ${shownValue(row)}`, 'pass the rows of simulate, simulateAsync or runSeries as they come');
  }
  const settings = row.cell.settings;
  return [
    row.cell.id,
    ...CELL_COLUMNS.map(([name]) => settingText(settings, name)),
    String(row.replicate),
    String(seed),
    String(row.generation),
    ...METRIC_COLUMNS.map((column) => formatNumber(row.values[column])),
    ...APPENDED_CELL_COLUMNS.map(([name]) => settingText(settings, name)),
  ];
}

function settingText(settings: CellSettings, name: keyof CellSettings): string {
  const value = settings[name];
  return typeof value === 'number' ? formatNumber(value) : value;
}
