/**
 * Curves CSV records (header and fields as text) -> typed CurveRows for charts and tables.
 *
 * Contract: `curveTableFromRecords(header, records, source, lines?)` turns the metric columns (curveRow.ts
 * metricColumnsOf: each of the tool's own metrics, METRIC_COLUMNS, wherever it stands, and every other
 * column after `generation` but the settings whose values are all numbers or empty) into numbers
 * (empty -> undefined), keeps the others
 * as text, and throws an InputError naming `source` and the line for a bad generation or replicate (a
 * whole number >= 0, >= 1), a field of one of
 * the tool's own metric columns (METRIC_COLUMNS) that is not a finite number or lies outside the
 * metric's range (metricRanges.ts: a perplexity below 1, a share above 1), a (cell, replicate,
 * generation) that is there twice, the header again (files joined with `cat`), no metric column, or
 * no rows; `lines` gives each record's line in its file (recordLine.ts: else a record a line, after the
 * header). A header again is one whatever byte-order mark starts it. No
 * file access (readCurves.ts reads files), so the browser playground draws its charts with it.
 */

import { InputError } from '../../errors.js';
import { METRIC_COLUMNS } from '../../metrics/columns.js';
import { csvNumber, isMissingText } from './csvNumber.js';
import { metricColumnsOf, type CurveRow, type CurveValue } from './curveRow.js';
import { metricRange } from './metricRanges.js';
import { recordLine } from './recordLine.js';
import { quotedText } from '../../validation/valueRule.js';

const PRODUCER = 'the curves CSV that `ngram-collapse run --out FILE` writes';

export interface CurveTable {
  readonly columns: readonly string[];
  readonly rows: readonly CurveRow[];
  readonly metrics: readonly string[];
}

export function curveTableFromRecords(
  header: readonly string[],
  records: readonly (readonly string[])[],
  source: string,
  lines?: readonly number[],
): CurveTable {
  const line = (index: number): number => recordLine(lines, index);
  if (records.length === 0) throw new InputError(`${source} has a header but no rows`, `give ${PRODUCER}`);
  checkNoSecondHeader(header, records, source, line);
  const fields = new ColumnValues(records);
  for (const [index, column] of header.entries()) if (OWN_METRICS.has(column)) checkOwnMetric(records, column, index, fields.of(index), source, line);
  // (the tool's own metrics hold numbers or nothing now: checked above)
  const metrics = metricColumnsOf(header, (column) => isNumeric(records, header.indexOf(column), fields.of(header.indexOf(column))));
  if (metrics.length === 0) throw new InputError(`${source} has no metric column: no column after generation holds numbers`, `give ${PRODUCER}`);
  const numeric = new Set(['replicate', 'seed', 'generation', ...metrics]);
  const read = header.map((column, index) => (numeric.has(column) ? fields.of(index) : undefined));
  const rows = records.map((record, recordIndex) => {
    const row: Record<string, CurveValue> = {};
    header.forEach((column, index) => {
      // (another program's column: its NaN or NA is no value, as an empty field is; the tool's own columns were checked for numbers above)
      row[column] = read[index] === undefined ? (record[index] ?? '') : numberOrNone(read[index][recordIndex], record[index] ?? '');
    });
    // (a replicate of "abc" was read as a replicate of its own, NaN: audit)
    for (const [column, least] of [['generation', 0], ['replicate', 1]] as const) {
      const value = row[column];
      // (a whole number the doubles hold exactly: 9007199254740993 was read as ...992, and then refused by the report's row check: audit)
      if (typeof value === 'number' && Number.isSafeInteger(value) && value >= least) continue;
      throw new InputError(`${source} line ${line(recordIndex)}: ${column} "${record[header.indexOf(column)]}" is not a whole number >= ${least}`, `give ${PRODUCER}`);
    }
    return row as CurveRow;
  });
  checkRowsOnce(header, records, rows, source, line);
  return { columns: header, rows, metrics };
}

/**
 * Each column's fields read as numbers once, when first asked for (a table was read four or five times
 * over, field by field, and the playground froze for a second redrawing 24,000 rows: audit): a field's
 * value is csvNumber's (NaN for a text, also for NaN or NA), or undefined when it is blank.
 */
class ColumnValues {
  private readonly read = new Map<number, ReadonlyArray<number | undefined>>();

  constructor(private readonly records: readonly (readonly string[])[]) {}

  of(index: number): ReadonlyArray<number | undefined> {
    let values = this.read.get(index);
    if (values === undefined) {
      values = this.records.map((record) => fieldValue(record[index] ?? ''));
      this.read.set(index, values);
    }
    return values;
  }
}

function fieldValue(field: string): number | undefined {
  return field.trim() === '' ? undefined : csvNumber(field);
}

/** A numeric column's field as a row holds it: its number, or undefined for no value (blank, NaN, NA). */
function numberOrNone(value: number | undefined, field: string): number | undefined {
  return value === undefined || (Number.isNaN(value) && isMissingText(field)) ? undefined : value;
}

/**
 * A column of the tool's own metrics (METRIC_COLUMNS) must hold finite numbers inside the metric's
 * range, or nothing: a text or an infinity there (the tool writes neither: formatNumber,
 * validation/formatNumber.ts, leaves a non-finite value empty), or a perplexity below 1, is a damaged
 * file, not a text column or a point to skip. `values` are the column's fields read (ColumnValues).
 */
function checkOwnMetric(records: readonly (readonly string[])[], column: string, index: number, values: ReadonlyArray<number | undefined>, source: string, line: LineOf): void {
  const bad = values.findIndex((value) => value !== undefined && !Number.isFinite(value));
  if (bad >= 0) {
    const what = Number.isNaN(values[bad]) ? 'not a number' : 'not a finite number';
    throw new InputError(`${source} line ${line(bad)}: ${column} is ${quotedText(records[bad]![index]!)}, ${what}`, `repair or regenerate the file: ${PRODUCER}`);
  }
  // (a perplexity of 0, edited in, was drawn at the top of a log axis with no ticks: audit)
  const [low, high] = metricRange(column);
  const outside = values.findIndex((value) => value !== undefined && (value < low || value > high));
  if (outside >= 0) {
    const shown = (bound: number): string => (Number.isFinite(bound) ? String(bound) : bound > 0 ? 'Infinity' : '-Infinity');
    throw new InputError(`${source} line ${line(outside)}: ${column} is ${quotedText(records[outside]![index]!.trim())}, outside its range [${shown(low)}, ${shown(high)}]`, `repair or regenerate the file: ${PRODUCER}`);
  }
}

/**
 * A record that is the header again: files joined with `cat`, header and all (its fields read as values
 * otherwise), the second file's byte-order mark, if it had one, now inside the joined file.
 */
function checkNoSecondHeader(header: readonly string[], records: readonly (readonly string[])[], source: string, line: LineOf): void {
  const again = records.findIndex((record) => record.length === header.length && record.every((field, index) => (index === 0 ? field.replace(/^\uFEFF/, '') : field) === header[index]));
  if (again < 0) return;
  throw new InputError(`${source} line ${line(again)} repeats the header: files joined into one`, 'join shards with `ngram-collapse merge`, not by concatenating files');
}

/**
 * Each (cell, replicate, generation) once: a repeated row (two shards joined with `cat`, a file pasted
 * twice) would count as another replicate and narrow every interval.
 */
function checkRowsOnce(header: readonly string[], records: readonly (readonly string[])[], rows: readonly CurveRow[], source: string, line: LineOf): void {
  const [cell, replicate, generation] = ['cell', 'replicate', 'generation'].map((column) => header.indexOf(column)) as [number, number, number];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const key = `${row.replicate} ${row.generation} ${row.cell}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const record = records[index]!;
      throw new InputError(
        `${source} line ${line(index)}: cell ${record[cell]} replicate ${record[replicate]} generation ${record[generation]} is there already (line ${line(first)})`,
        'give each row once: join shards with `ngram-collapse merge`, not by concatenating files',
      );
    }
    seen.set(key, index);
  });
}

type LineOf = (index: number) => number;

const OWN_METRICS: ReadonlySet<string> = new Set(METRIC_COLUMNS);

/** Whether a column holds numbers: each field a number or no value (blank, NaN, NA). */
function isNumeric(records: readonly (readonly string[])[], index: number, values: ReadonlyArray<number | undefined>): boolean {
  return values.every((value, row) => value === undefined || !Number.isNaN(value) || isMissingText(records[row]![index] ?? ''));
}
