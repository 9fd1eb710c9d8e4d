/**
 * Reading a `--survival` CSV (Kaplan–Meier curves by seed-count band) into chart points.
 *
 * Contract: `survivalPoints(header, records)` turns records of SURVIVAL_CURVE_COLUMNS (cell, band,
 * generation, at_risk, events, survival, theory_survival) into SeriesPoints with metric `survival_<band>`
 * (the curves' band names, so the survival chart lays them out) and mean = survival, n = the row's at_risk
 * (the subjects still at risk at that generation, whatever order the rows come in), and, where the row's
 * theory_survival is given, a point of metric `theory_survival_<band>` with that mean (the law the
 * Kaplan–Meier chart draws: the file's own, empty where the law does not apply, under --tokens-growth
 * for one); rows with an empty survival are skipped; a band that is none of 1, 2_5, 6_20, 21_plus, a
 * generation or at_risk that is no whole number >= 0, a survival or theory_survival that is no number
 * in [0, 1] (read as csvNumber reads them: no hex), or a (cell, band, generation) given twice, is an
 * InputError naming `source` and the line (`lines[i]`, the file's line of records[i], when given:
 * recordLine.ts).
 * `readSurvival(path)` reads the file first (InputError for a missing file, missing columns, or no
 * record: a header alone).
 */

import type { SeriesPoint } from './aggregateCurves.js';
import { InputError } from '../../errors.js';
import { csvNumber } from './csvNumber.js';
import { readCsvTable } from './csvTable.js';
import { recordLine } from './recordLine.js';
import { BAND_NAMES } from '../survivalCurves.js';
import { quotedText } from '../../validation/valueRule.js';

const REQUIRED = ['cell', 'band', 'generation', 'at_risk', 'survival'];

export function survivalPoints(header: readonly string[], records: ReadonlyArray<readonly string[]>, source = 'the survival CSV', lines?: readonly number[]): SeriesPoint[] {
  // (theory_survival is not required: a file of an earlier version has none)
  // (fields trimmed, as the summary's are: a band " 1" was refused)
  const indexOf = new Map(header.map((column, index) => [column, index]));
  const at = (record: readonly string[], column: string): string => {
    const index = indexOf.get(column);
    return index === undefined ? '' : record[index]!.trim();
  };
  const points: SeriesPoint[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    if (at(record, 'survival') === '') return;
    const refuse = (what: string): never => {
      throw new InputError(`${source} line ${recordLine(lines, index)}: ${what}`, `give ${PRODUCER}`);
    };
    const number = (column: string, whole: boolean): number => {
      const value = csvNumber(at(record, column));
      // (a survival of 7 was drawn: audit)
      if (Number.isFinite(value) && value >= 0 && (whole ? Number.isInteger(value) : value <= 1)) return value;
      return refuse(`${column} is ${quotedText(at(record, column))}, not ${whole ? 'a whole number >= 0' : 'a number in [0, 1]'}`);
    };
    const band = at(record, 'band');
    // (a band 99 was skipped without a word: audit)
    if (!BAND_NAMES.includes(band)) refuse(`band is ${quotedText(band)}, not one of ${BAND_NAMES.join(', ')}`);
    const cell = at(record, 'cell');
    const generation = number('generation', true);
    const place = `${cell}\u0000${band}\u0000${generation}`;
    const before = seen.get(place);
    // (a row given twice was drawn twice: audit)
    if (before !== undefined) refuse(`cell ${cell} band ${band} generation ${generation} again (line ${recordLine(lines, before)})`);
    seen.set(place, index);
    points.push({ metric: `survival_${band}`, cell, generation, n: number('at_risk', true), mean: number('survival', false), sd: undefined, ciLow: undefined, ciHigh: undefined });
    if (at(record, 'theory_survival') !== '') {
      points.push({ metric: `theory_survival_${band}`, cell, generation, n: 0, mean: number('theory_survival', false), sd: undefined, ciLow: undefined, ciHigh: undefined });
    }
  });
  return points;
}

const PRODUCER = 'the file `ngram-collapse run --survival FILE` writes';

export async function readSurvival(path: string): Promise<SeriesPoint[]> {
  const { header, records, lines } = await readCsvTable(path, { kind: 'a survival CSV', producer: PRODUCER, required: REQUIRED });
  if (records.length === 0) throw new InputError(`${path} has a header but no rows`, `give ${PRODUCER} for these curves`);
  return survivalPoints(header, records, path, lines);
}
