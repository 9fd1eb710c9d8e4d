/**
 * Curves CSV records (header and fields as text) -> typed CurveRows for charts and tables.
 *
 * Contract: `curveTableFromRecords(header, records, source)` turns every column after `generation`
 * whose values are all numbers or empty into a numeric metric (empty -> undefined), keeps the others
 * as text, and throws an InputError naming `source` and the line for a bad generation, a field of one of
 * the tool's own metric columns (METRIC_COLUMNS) that is not a number, no metric column, or no rows. No
 * file access (readCurves.ts reads files), so the browser playground draws its charts with it.
 */

import { InputError } from '../../errors.js';
import { METRIC_COLUMNS } from '../../metrics/columns.js';
import type { CurveRow, CurveValue } from './curveRow.js';

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
): CurveTable {
  if (records.length === 0) throw new InputError(`${source} has a header but no rows`, `give ${PRODUCER}`);
  const generationIndex = header.indexOf('generation');
  const metrics = header.filter(
    (column, index) => index > generationIndex && !['replicate', 'seed'].includes(column) && isNumeric(records, index),
  );
  for (const column of header) checkOwnMetric(header, records, column, source);
  if (metrics.length === 0) throw new InputError(`${source} has no metric column: no column after generation holds numbers`, `give ${PRODUCER}`);
  const numeric = new Set(['replicate', 'seed', 'generation', ...metrics]);
  const rows = records.map((record, recordIndex) => {
    const row: Record<string, CurveValue> = {};
    header.forEach((column, index) => {
      const text = record[index] ?? '';
      row[column] = numeric.has(column) ? (text.trim() === '' ? undefined : Number(text)) : text;
    });
    const generation = row.generation;
    if (typeof generation !== 'number' || !Number.isInteger(generation) || generation < 0) {
      throw new InputError(
        `${source} line ${recordIndex + 2}: generation "${record[generationIndex]}" is not a whole number >= 0`,
        `give ${PRODUCER}`,
      );
    }
    return row as CurveRow;
  });
  return { columns: header, rows, metrics };
}

/** A column of the tool's own metrics (METRIC_COLUMNS) must hold numbers: a text there is a damaged file, not a text column. */
function checkOwnMetric(header: readonly string[], records: readonly (readonly string[])[], column: string, source: string): void {
  if (!OWN_METRICS.has(column)) return;
  const index = header.indexOf(column);
  const bad = records.findIndex((record) => !isNumber(record[index] ?? ''));
  if (bad < 0) return;
  throw new InputError(`${source} line ${bad + 2}: ${column} is "${records[bad]![index]}", not a number`, `repair or regenerate the file: ${PRODUCER}`);
}

const OWN_METRICS: ReadonlySet<string> = new Set(METRIC_COLUMNS);

function isNumber(field: string): boolean {
  const text = field.trim();
  return text === '' || !Number.isNaN(Number(text));
}

function isNumeric(records: readonly (readonly string[])[], index: number): boolean {
  return records.every((record) => isNumber(record[index] ?? ''));
}
