/**
 * Reading a curves CSV (SPEC §5) from a file into typed CurveRows.
 *
 * Contract: `readCurves(path)` resolves to the header (CSV order), the rows and the metric columns.
 * In each row `cell` and the setting columns are text; `replicate`, `seed` and `generation` are numbers;
 * every metric column (a column after `generation` whose non-empty fields all parse as numbers) holds a
 * number, or undefined for an empty field; any other column keeps its text. Rejects with an InputError
 * for a missing or unreadable file, a file without the columns cell, replicate and generation, a ragged
 * record, a generation that is not a non-negative integer, or a file with no data rows.
 * `curveTableFromRecords(header, records, source)` does the same typing on records already in memory
 * (arrays of CSV field text, as the CSV writer produces them), so `run --report` charts exactly what the
 * CSV holds; `source` names the data in messages.
 */

import { InputError } from '../../errors.js';
import { readCsvTable } from './csvTable.js';
import { REQUIRED_COLUMNS, type CurveRow, type CurveValue } from './curveRow.js';

export interface CurveTable {
  readonly columns: readonly string[];
  readonly rows: readonly CurveRow[];
  readonly metrics: readonly string[];
}

const PRODUCER = 'the curves CSV that `ngram-collapse run --out FILE` writes';

export async function readCurves(path: string): Promise<CurveTable> {
  const { header, records } = await readCsvTable(path, {
    kind: 'a curves CSV',
    producer: PRODUCER,
    required: REQUIRED_COLUMNS,
  });
  return curveTableFromRecords(header, records, path);
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
      const text = record[index];
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
    const text = record[index].trim();
    return text === '' || !Number.isNaN(Number(text));
  });
}
