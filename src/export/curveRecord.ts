/**
 * The curves CSV schema (the README's "The curves CSV"): header and the record of one series row.
 *
 * Columns: cell, the cell settings (strategy .. top_p), replicate, seed, generation, then the metric
 * columns of the README's "The curves CSV" in order, then the settings added later (select, tokens_growth). Values are strings already formatted (see formatNumber).
 */

import { METRIC_COLUMNS } from '../metrics/columns.js';
import { ALL_CELL_COLUMNS, APPENDED_CELL_COLUMNS, CELL_COLUMNS, type CellSettings } from '../simulation/settings.js';
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
 * checkSeriesRow refuses, or a seed that is no whole number >= 0 (left out, the CSV's seed column
 * read "undefined": audit).
 */
export function curveRecord(row: SeriesRow, seed: number): string[] {
  checkValue('seed', seed, SHARED_RULES.seed);
  checkSeriesRow(row, 'curveRecord row');
  return checkedCurveRecord(row, seed);
}

/** curveRecord of a row and a seed already checked (seriesCurveTable checks each row once, naming it by its index). */
export function checkedCurveRecord(row: SeriesRow, seed: number): string[] {
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

const ROW_HINT = 'pass the rows simulate, simulateAsync or runSeries emit, as they come';

/**
 * A UsageError, naming the row as `name`, unless `row` is one as simulate emits it: a cell with an id
 * and its settings (each a finite number or a name), a whole replicate >= 1 and generation >= 0, and
 * values that are numbers or undefined (a replicate left out was written "undefined", -3 and values
 * [] as they came: round 2; a value that is no number was written as an empty cell, and a cell without
 * its settings as empty setting columns, without a word: audit, and by curveRecord until a review).
 */
export function checkSeriesRow(row: unknown, name: string): asserts row is SeriesRow {
  const given = row as Partial<SeriesRow> | null | undefined;
  const cell = given?.cell as Partial<SeriesRow['cell']> | undefined;
  const whole = (value: unknown, least: number): boolean => Number.isSafeInteger(value) && (value as number) >= least;
  if (typeof cell?.id !== 'string' || typeof cell.settings !== 'object' || cell.settings === null || typeof given!.values !== 'object' || given!.values === null || Array.isArray(given!.values) || !whole(given!.generation, 0) || !whole(given!.replicate, 1)) {
    throw new UsageError(`${name} must be a row simulate emits (cell, replicate, generation, values), got ${shownValue(row)}`, ROW_HINT);
  }
  const settings = cell.settings as CellSettings;
  const setting = ALL_CELL_COLUMNS.find(([key]) => !isSettingValue(settings[key]));
  if (setting !== undefined) throw new UsageError(`${name}.cell.settings.${setting[0]} must be a number or a string, got ${shownValue(settings[setting[0]])}`, ROW_HINT);
  const metric = Object.entries(given!.values).find(([, value]) => value !== undefined && typeof value !== 'number');
  if (metric !== undefined) throw new UsageError(`${name}.values.${metric[0]} must be a number (or undefined), got ${shownValue(metric[1])}`, ROW_HINT);
  // (a misspelt metric was dropped, its column left empty, without a word: review)
  const unknown = Object.keys(given!.values).find((key) => !METRIC_NAMES.has(key));
  if (unknown !== undefined) throw new UsageError(`${name}.values.${unknown} is no metric of the curves`, `name each value by a column of METRIC_COLUMNS (${METRIC_COLUMNS.slice(0, 3).join(', ')}, ...)`);
}

const METRIC_NAMES: ReadonlySet<string> = new Set(METRIC_COLUMNS);

/** A cell setting as a cell has it: a finite number (ratios, order, temperature, ...) or a name. */
function isSettingValue(value: unknown): boolean {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

function settingText(settings: CellSettings, name: keyof CellSettings): string {
  const value = settings[name];
  return typeof value === 'number' ? formatNumber(value) : value;
}
