/**
 * Reading a curves CSV (the README's "The curves CSV") from a file into typed CurveRows.
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

import { readCsvTable } from './csvTable.js';
import { REQUIRED_COLUMNS } from './curveRow.js';
import { curveTableFromRecords, type CurveTable } from './curveTable.js';

export { curveTableFromRecords, type CurveTable } from './curveTable.js';


const PRODUCER = 'the curves CSV that `ngram-collapse run --out FILE` writes';

export async function readCurves(path: string): Promise<CurveTable> {
  const { header, records, lines } = await readCsvTable(path, {
    kind: 'a curves CSV',
    producer: PRODUCER,
    required: REQUIRED_COLUMNS,
  });
  return curveTableFromRecords(header, records, path, lines);
}
