/**
 * Reading a summary CSV (`run --summary FILE`) into SeriesPoints, so charts draw its bands as written
 * instead of recomputing them.
 *
 * Contract: the file has the columns cell, <setting columns>, generation, metric, n, mean, sd, ci_low,
 * ci_high (extra columns are ignored). `readSummary(path)` resolves to one SummaryRow per line whose mean
 * is given (lines with an empty mean are skipped); empty sd / ci fields become undefined. Rejects with
 * an InputError for a missing or unreadable file, missing columns, no record (a header alone), a ragged record, a generation that
 * is no whole number >= 0, an n that is no whole number >= 1, a mean, sd, ci_low or ci_high that is
 * given and no finite number (each was read as missing: a point or a band left out without a word,
 * an n of "three" read as 1: audit), an sd below 0, an interval that does not hold its mean (ci_low
 * above it or ci_high below), or a (cell, generation, metric) given twice. `summaryRows(header, records, source, lines?)` does the same on records already in
 * memory (`run --report` draws the summary it writes, as `plot --summary` reads it: the same page).
 * `summaryPoints(rows)` turns the rows into SeriesPoints (ordered as in the file).
 */

import { InputError } from '../../errors.js';
import { csvNumber } from './csvNumber.js';
import { readCsvTable } from './csvTable.js';
import { recordLine } from './recordLine.js';
import type { SummaryRow } from './summaryPoints.js';

export { summaryPoints, type SummaryRow } from './summaryPoints.js';

const PRODUCER = 'the summary CSV that `ngram-collapse run --summary FILE` writes';

export async function readSummary(path: string): Promise<SummaryRow[]> {
  const { header, records, lines } = await readCsvTable(path, {
    kind: 'a summary CSV',
    producer: PRODUCER,
    required: ['cell', 'generation', 'metric', 'n', 'mean', 'sd', 'ci_low', 'ci_high'],
  });
  // (an empty shard's summary was read as no summary, exit 0, as a curves CSV of no rows is not: audit)
  if (records.length === 0) throw new InputError(`${path} has a header but no rows`, `give ${PRODUCER} for these curves (an empty shard writes one with none: take merge --summary's)`);
  return summaryRows(header, records, path, lines);
}

/** The summary's records as rows; `lines[i]` is the file line of records[i] (recordLine.ts). */
export function summaryRows(header: readonly string[], records: readonly (readonly string[])[], source: string, lines?: readonly number[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, recordIndex) => {
    const field = (column: string): string => (record[header.indexOf(column)] ?? '').trim();
    const refuse = (what: string): never => {
      throw new InputError(`${source} line ${recordLine(lines, recordIndex)}: ${what}`, `give ${PRODUCER}`);
    };
    const optional = (column: string): number | undefined => {
      const text = field(column);
      if (text === '') return undefined;
      const value = csvNumber(text);
      return Number.isFinite(value) ? value : refuse(`${column} "${text}" is not a number`);
    };
    const mean = optional('mean');
    if (mean === undefined) return;
    const generation = csvNumber(field('generation'));
    if (!Number.isInteger(generation) || generation < 0) refuse(`generation "${field('generation')}" is not a whole number >= 0`);
    const n = optional('n');
    if (n !== undefined && !(Number.isInteger(n) && n >= 1)) refuse(`n "${field('n')}" is not a whole number >= 1`);
    const place = `${field('cell')}\u0000${generation}\u0000${field('metric')}`;
    const before = seen.get(place);
    if (before !== undefined) refuse(`cell ${field('cell')} generation ${generation} ${field('metric')} again (line ${recordLine(lines, before)})`);
    seen.set(place, recordIndex);
    const settings: Record<string, string> = {};
    header.forEach((column, index) => {
      settings[column] = record[index] ?? '';
    });
    const [sd, ciLow, ciHigh] = [optional('sd'), optional('ci_low'), optional('ci_high')];
    // (a negative sd or an interval that does not hold its mean cannot come from run --summary, and was drawn: audit)
    if (sd !== undefined && sd < 0) refuse(`sd "${field('sd')}" is below 0`);
    if ((ciLow !== undefined && ciLow > mean) || (ciHigh !== undefined && ciHigh < mean)) {
      refuse(`the interval [${field('ci_low')}, ${field('ci_high')}] does not hold the mean ${field('mean')}`);
    }
    rows.push({ ...settings, metric: field('metric'), cell: field('cell'), generation, n: n ?? 1, mean, sd, ciLow, ciHigh });
  });
  return rows;
}
