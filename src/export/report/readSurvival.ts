/**
 * Reading a `--survival` CSV (Kaplan–Meier curves by seed-count band) into chart points.
 *
 * Contract: `survivalPoints(header, records)` turns records of SURVIVAL_CURVE_COLUMNS (cell, band,
 * generation, at_risk, events, survival, theory_survival) into SeriesPoints with metric `survival_<band>`
 * (the curves' band names, so the survival chart lays them out) and mean = survival, n = the row's at_risk
 * (the subjects still at risk at that generation, whatever order the rows come in); rows with an empty
 * survival are skipped. `readSurvival(path)` reads the file first
 * (InputError for a missing file or missing columns).
 */

import type { SeriesPoint } from './aggregateCurves.js';
import { readCsvTable } from './csvTable.js';

const REQUIRED = ['cell', 'band', 'generation', 'at_risk', 'survival'];

export function survivalPoints(header: readonly string[], records: ReadonlyArray<readonly string[]>): SeriesPoint[] {
  const at = (record: readonly string[], column: string): string => record[header.indexOf(column)]!;
  const points: SeriesPoint[] = [];
  for (const record of records) {
    const metric = `survival_${at(record, 'band')}`;
    if (at(record, 'survival') === '') continue;
    points.push({ metric, cell: at(record, 'cell'), generation: Number(at(record, 'generation')), n: Number(at(record, 'at_risk')), mean: Number(at(record, 'survival')), sd: undefined, ciLow: undefined, ciHigh: undefined });
  }
  return points;
}

export async function readSurvival(path: string): Promise<SeriesPoint[]> {
  const { header, records } = await readCsvTable(path, { kind: 'a survival CSV', producer: 'the file `ngram-collapse run --survival FILE` writes', required: REQUIRED });
  return survivalPoints(header, records);
}
