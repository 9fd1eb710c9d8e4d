/**
 * CurveRow: one row of the curves CSV (the README's "The curves CSV"), as the report machinery reads it.
 *
 * Contract: a row is a flat record keyed by CSV column name. `cell` names the cell (string), the
 * setting columns hold their CSV text, `replicate`, `seed` and `generation` are numbers, and every
 * metric column holds a number or `undefined`/`null`/'' for an empty CSV field ("undefined": the point
 * is skipped). Metric columns are the tool's own metrics wherever they stand and the numeric columns
 * after `generation`, in CSV order (metricColumnsOf); columns may be
 * appended to the CSV later and are picked up without code changes. The column names come from the
 * one schema, export/curveRecord.ts (CURVE_COLUMNS), never a second list.
 */

import { ALL_CELL_COLUMNS } from '../../simulation/settings.js';
import { CURVE_COLUMNS } from '../curveRecord.js';
import { csvNumber, isMissingText } from './csvNumber.js';
import { METRIC_COLUMNS } from '../../metrics/columns.js';
import { UsageError } from '../../errors.js';
import { shownValue } from '../../validation/valueRule.js';

/** A field of a curves row: text for settings, a number for counts and metrics, empty when undefined. */
export type CurveValue = string | number | null | undefined;

/** One run x replicate x generation. The index signature lets later-appended metric columns through. */
export interface CurveRow {
  readonly cell: string;
  readonly replicate: number;
  readonly generation: number;
  readonly [column: string]: CurveValue;
}

/** The identity and setting columns that precede the metrics, in CSV order: derived from the schema (curveRecord.ts). */
export const ID_COLUMNS: readonly string[] = CURVE_COLUMNS.slice(0, CURVE_COLUMNS.indexOf('generation') + 1);

/** The columns that describe a cell's settings (everything in ID_COLUMNS but the cell and run ids). */
export const SETTING_COLUMNS: readonly string[] = ALL_CELL_COLUMNS.map(([, column]) => column);

/** Settings added later, appended after the metric columns (the README's "The curves CSV"): settings, not metrics. */
export const APPENDED_SETTING_COLUMNS = ['select', 'tokens_growth'] as const;

/**
 * Refuses (UsageError) rows that are not a list of curve rows: objects with a text `cell`, a
 * `generation` that is a whole number >= 0 and every value a CurveValue (the report's entries and
 * formatFinalTable check what they are given with it).
 */
export function checkCurveRows(rows: unknown): asserts rows is readonly CurveRow[] {
  if (!Array.isArray(rows)) throw new UsageError(`rows must be a list of curve rows, got ${shownValue(rows)}`, 'pass the rows readCurves gives');
  // (a generation that is no whole number >= 0, NaN or -1, was a raw TypeError inside the aggregation: audit)
  const bad = rows.findIndex((row) => typeof row !== 'object' || row === null || typeof (row as CurveRow).cell !== 'string' || !isGeneration((row as CurveRow).generation));
  if (bad >= 0) throw new UsageError(`rows[${bad}] must be a curve row (a text cell and a generation, a whole number >= 0), got ${shownValue(rows[bad])}`, 'pass the rows readCurves gives');
  // (a value of another kind, an object, was a raw TypeError inside: audit)
  for (const [index, row] of (rows as CurveRow[]).entries()) {
    const column = Object.keys(row).find((key) => !isCurveValue(row[key]));
    if (column !== undefined) throw new UsageError(`rows[${index}].${column} must be a number, a text or empty, got ${shownValue(row[column])}`, 'pass the rows readCurves gives');
  }
}

function isGeneration(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isCurveValue(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'number' || typeof value === 'string';
}

/** Columns a file must have to be read as a curves CSV. */
export const REQUIRED_COLUMNS = ['cell', 'replicate', 'generation'] as const;

/** Survival by seed-count band, in band order, with the band's display name. */
export const SURVIVAL_BANDS: ReadonlyArray<{ readonly metric: string; readonly band: string }> = [
  { metric: 'survival_1', band: '1' },
  { metric: 'survival_2_5', band: '2–5' },
  { metric: 'survival_6_20', band: '6–20' },
  { metric: 'survival_21_plus', band: '21+' },
];

/** A metric value as a finite number, or undefined when the field is empty or not a number. */
export function metricValue(row: CurveRow, metric: string): number | undefined {
  const value = row[metric];
  if (value === null || value === undefined || value === '') return undefined;
  const number = typeof value === 'number' ? value : csvNumber(value);
  return Number.isFinite(number) ? number : undefined;
}

/**
 * The metric columns of rows: see metricColumnsOf; a column holds numbers when its non-empty values
 * are all numbers (infinities count, and are skipped as points; NaN or NA, another program's missing
 * value, is no value; any other text makes it a text column).
 * `columns` is the CSV header; without it the first row's key order is used. O(rows x columns).
 */
export function metricColumns(rows: readonly CurveRow[], columns?: readonly string[]): string[] {
  const [firstRow] = rows;
  const order = columns ?? (firstRow === undefined ? [] : Object.keys(firstRow));
  return metricColumnsOf(order, (column) => isNumericColumn(rows, column));
}

/**
 * The one rule for which columns of a curves table are metrics, in column order: each of the tool's
 * own metrics (METRIC_COLUMNS) wherever it stands (a file may have its columns reordered), and every
 * other column after `generation` (all of them when there is none) that is no identity or setting
 * column and `holdsNumbers`. (curveTable.ts applies it to the text of a file, metricColumns to rows.)
 */
export function metricColumnsOf(order: readonly string[], holdsNumbers: (column: string) => boolean): string[] {
  const start = order.indexOf('generation');
  return order.filter((column, index) => (OWN_METRICS.has(column) || (!isIdColumn(column) && index > start)) && holdsNumbers(column));
}

/**
 * The columns metricColumnsOf would take but for their text: after `generation`, no identity or setting
 * column, and not among `metrics` (another program's column that holds words). Not drawn; named in a
 * note of the report and a warning of `plot` (they were dropped without a word: audit).
 */
export function textColumnsOf(order: readonly string[], metrics: readonly string[]): string[] {
  const start = order.indexOf('generation');
  return order.filter((column, index) => index > start && !isIdColumn(column) && !metrics.includes(column));
}

/** What the report's note and `plot`'s warning say of textColumnsOf's columns (one sentence, no end stop). */
export function textColumnsNote(columns: readonly string[]): string {
  const [what, verb, pronoun] = columns.length === 1 ? ['the column', 'holds', 'it is'] : ['the columns', 'hold', 'they are'];
  return `${what} ${columns.join(', ')} ${verb} text (a value other than a number, an empty field, NaN or NA), so ${pronoun} not drawn`;
}

const OWN_METRICS: ReadonlySet<string> = new Set(METRIC_COLUMNS);

/** True for a column that names a row (cell, replicate, generation) or a setting of its cell. */
export function isIdColumn(column: string): boolean {
  return ID_COLUMNS.includes(column) || (APPENDED_SETTING_COLUMNS as readonly string[]).includes(column);
}

function isNumericColumn(rows: readonly CurveRow[], column: string): boolean {
  for (const row of rows) {
    const value = row[column];
    if (value === null || value === undefined || value === '') continue;
    if (typeof value === 'number') continue;
    if (Number.isNaN(csvNumber(value)) && !isMissingText(value)) return false;
  }
  return true;
}
