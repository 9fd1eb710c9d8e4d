/**
 * Curves CSV records (header and fields as text) -> typed CurveRows for charts and tables.
 *
 * Contract: `curveTableFromRecords(header, records, source)` turns every column after `generation`
 * whose values are all numbers or empty into a numeric metric (empty -> undefined), keeps the others
 * as text, and throws an InputError naming `source` and the line for a bad generation or no rows. No
 * file access (readCurves.ts reads files), so the browser playground draws its charts with it.
 */

import { InputError } from '../../errors.js';
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

function isNumeric(records: readonly (readonly string[])[], index: number): boolean {
  return records.every((record) => {
    const text = (record[index] ?? '').trim();
    return text === '' || !Number.isNaN(Number(text));
  });
}
