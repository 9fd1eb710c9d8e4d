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

export const CURVE_COLUMNS: readonly string[] = Object.freeze([
  'cell',
  ...CELL_COLUMNS.map(([, column]) => column),
  'replicate',
  'seed',
  'generation',
  ...METRIC_COLUMNS,
  ...APPENDED_CELL_COLUMNS.map(([, column]) => column),
]);

export function curveRecord(row: SeriesRow, seed: number): string[] {
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
