/**
 * Reading a `--survival` CSV (Kaplan–Meier curves by seed-count band) into chart points.
 *
 * Contract: `survivalPoints(header, records)` turns records of SURVIVAL_CURVE_COLUMNS (cell, band,
 * generation, at_risk, events, survival, theory_survival) into SeriesPoints with metric `survival_<band>`
 * (the curves' band names, so the survival chart lays them out) and mean = survival, n = the row's at_risk
 * (the subjects still at risk at that generation, whatever order the rows come in); rows with an empty
 * survival are skipped; a generation or at_risk that is no whole number >= 0, or a survival that is no
 * number >= 0 (read as csvNumber reads them: no hex), is an InputError naming `source` and the line
 * (`lines[i]`, the file's line of records[i], when given: recordLine.ts).
 * `readSurvival(path)` reads the file first (InputError for a missing file or missing columns).
 */

import type { SeriesPoint } from './aggregateCurves.js';
import { InputError } from '../../errors.js';
import { csvNumber } from './csvNumber.js';
import { readCsvTable } from './csvTable.js';
import { recordLine } from './recordLine.js';

const REQUIRED = ['cell', 'band', 'generation', 'at_risk', 'survival'];

export function survivalPoints(header: readonly string[], records: ReadonlyArray<readonly string[]>, source = 'the survival CSV', lines?: readonly number[]): SeriesPoint[] {
  const at = (record: readonly string[], column: string): string => record[header.indexOf(column)]!;
  const points: SeriesPoint[] = [];
  records.forEach((record, index) => {
    if (at(record, 'survival') === '') return;
    const number = (column: string, whole: boolean): number => {
      const value = csvNumber(at(record, column));
      if (Number.isFinite(value) && value >= 0 && (!whole || Number.isInteger(value))) return value;
      throw new InputError(`${source} line ${recordLine(lines, index)}: ${column} is "${at(record, column)}", not ${whole ? 'a whole number >= 0' : 'a number >= 0'}`, `give ${PRODUCER}`);
    };
    points.push({ metric: `survival_${at(record, 'band')}`, cell: at(record, 'cell'), generation: number('generation', true), n: number('at_risk', true), mean: number('survival', false), sd: undefined, ciLow: undefined, ciHigh: undefined });
  });
  return points;
}

const PRODUCER = 'the file `ngram-collapse run --survival FILE` writes';

export async function readSurvival(path: string): Promise<SeriesPoint[]> {
  const { header, records, lines } = await readCsvTable(path, { kind: 'a survival CSV', producer: PRODUCER, required: REQUIRED });
  return survivalPoints(header, records, path, lines);
}
