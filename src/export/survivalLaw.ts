/**
 * The survival law beside a run's curves: for the cells where it applies, the expected survival of each
 * seed-count band at every generation (metrics/survivalTheory.ts), from H's seed counts and the sizes of
 * the texts the run actually drew.
 *
 * Contract: the law applies to a cell with pure MLE, `replace`, no human data or anchors, no curation
 * and plain sampling (temperature 1, no top-k/top-p): every generation is then a resample of the last.
 * `drawsByCell(records)` reads curves records (CURVE_COLUMNS order; `LawDraws` takes them one at a
 * time) and returns, per cell id, the mean over replicates of tokens + sentences at each generation
 * 0..G (a cell whose generations are not all there has none; a draw is a token or a sentence end), so
 * m_g = draws_g / draws_(g-1), and of tokens alone (the batches' estimate: survivalTheory.ts's
 * batchDraws); `lawBands` turns them into band survival with the run's N and M (metrics/survivalTheory.ts's `theoryBands`).
 * `theoryPoints` gives the law as chart points for the report. `seedCountHistogram` / `seedCountsFrom`
 * carry H's seed counts through the run record (for `merge --summary`).
 */

import { SURVIVAL_BANDS } from '../metrics/seedReference.js';
import { lawBatchSizes, sizesBatchScale, theoryBands, type BatchSizes } from '../metrics/survivalTheory.js';
import { CURVE_COLUMNS } from './curveRecord.js';
import type { SeriesPoint } from './report/aggregateCurves.js';
import type { RunRecord } from './runRecord.js';

/** Summary metric names of the law's rows: theory_survival_1, theory_survival_2_5, ... */
export const THEORY_METRICS: readonly string[] = SURVIVAL_BANDS.map(([name]) => `theory_${name}`);

/** Whether the law applies, from a record's setting fields as written in the curves CSV. */
export function lawApplies(setting: (column: string) => string | undefined): boolean {
  return (
    setting('smoothing') === 'mle' &&
    setting('strategy') === 'replace' &&
    Number(setting('human_ratio')) === 0 &&
    Number(setting('anchor')) === 0 &&
    (setting('select') ?? 'none') === 'none' &&
    Number(setting('temperature')) === 1 &&
    Number(setting('top_k')) === 0 &&
    Number(setting('top_p')) === 1
  );
}

/** What the law needs of a cell: mean tokens + sentences per generation, mean tokens per generation, and its --tokens-growth. */
export interface LawInput {
  readonly draws: number[];
  /** Mean tokens per generation (absent: the batches are estimated from the draws alone). */
  readonly tokens?: number[];
  readonly growth: number;
}

/**
 * The law's inputs, fed curves records one at a time: per cell the sum and number of tokens +
 * sentences at each generation (the one place a cell's draws are added up: the summary's law rows and
 * the report's law points read the same means).
 */
export class LawDraws {
  private readonly cells = new Map<string, { sums: number[]; tokens: number[]; counts: number[]; growth: number } | undefined>();

  add(record: readonly string[]): void {
    const cell = record[at('cell')]!;
    if (!this.cells.has(cell)) this.cells.set(cell, lawApplies((column) => record[at(column)]) ? { sums: [], tokens: [], counts: [], growth: Number(record[at('tokens_growth')] ?? 1) || 1 } : undefined);
    const entry = this.cells.get(cell);
    if (entry === undefined) return;
    const generation = Number(record[at('generation')]);
    entry.sums[generation] = (entry.sums[generation] ?? 0) + Number(record[at('tokens')]) + Number(record[at('sentences')]);
    entry.tokens[generation] = (entry.tokens[generation] ?? 0) + Number(record[at('tokens')]);
    entry.counts[generation] = (entry.counts[generation] ?? 0) + 1;
  }

  /** A cell's input: undefined when the law does not apply to it, or its generations are not 0..G in a row. */
  input(cell: string): LawInput | undefined {
    const entry = this.cells.get(cell);
    if (entry === undefined) return undefined;
    const draws = Array.from(entry.sums, (sum, g) => (sum === undefined ? Number.NaN : sum / entry.counts[g]!));
    const tokens = Array.from(entry.tokens, (sum, g) => (sum === undefined ? Number.NaN : sum / entry.counts[g]!));
    return draws.some(Number.isNaN) ? undefined : { draws, tokens, growth: entry.growth };
  }

  /** The cells seen, in order of first appearance. */
  cellIds(): IterableIterator<string> {
    return this.cells.keys();
  }
}

const at = (name: string): number => CURVE_COLUMNS.indexOf(name);

/** Per cell id (in order of first appearance): its law input, if the law applies and its generations run 0..G. */
export function drawsByCell(records: ReadonlyArray<readonly string[]>): Map<string, LawInput> {
  const draws = new LawDraws();
  for (const record of records) draws.add(record);
  const result = new Map<string, LawInput>();
  for (const cell of draws.cellIds()) {
    const input = draws.input(cell);
    if (input !== undefined) result.set(cell, input);
  }
  return result;
}

/**
 * The law as chart points (metric theory_survival_*, per covered cell and generation), for the report.
 * `sizes`: the run's N and M (the batches estimated from the rows' tokens), or N / M alone (lawScale).
 */
export function theoryPoints(records: ReadonlyArray<readonly string[]>, seedCounts: ArrayLike<number>, sizes: BatchSizes | number = 1): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  for (const [cell, input] of drawsByCell(records)) {
    lawBands(seedCounts, input, sizes).forEach((bands, generation) => {
      bands.forEach((mean, b) => {
        if (mean !== undefined) points.push({ metric: THEORY_METRICS[b]!, cell, generation, n: 1, mean, sd: undefined, ciLow: undefined, ciHigh: undefined });
      });
    });
  }
  return points;
}

/**
 * A cell's law (theoryBands) from its input and the run's sizes: with N and M, the batches are estimated
 * from the rows' tokens too (survivalTheory.ts's batchDraws); with N / M alone, by the draws scaled.
 */
export function lawBands(seedCounts: ArrayLike<number>, input: LawInput, sizes: BatchSizes | number): Array<Array<number | undefined>> {
  if (typeof sizes === 'number' || input.tokens === undefined) return theoryBands(seedCounts, input.draws, input.growth, typeof sizes === 'number' ? sizes : sizesBatchScale(sizes));
  return theoryBands(seedCounts, input.draws, input.growth, sizesBatchScale(sizes), { tokens: input.tokens, measureTokens: sizes.measureTokens });
}

/** The histogram of seed counts (count -> number of types), as the run record keeps it. */
export function seedCountHistogram(seedCounts: ArrayLike<number>): Record<string, number> {
  const histogram: Record<string, number> = {};
  for (let t = 0; t < seedCounts.length; t++) histogram[String(seedCounts[t])] = (histogram[String(seedCounts[t])] ?? 0) + 1;
  return histogram;
}

/** The seed counts back from a histogram, ascending (the law depends only on the multiset). */
export function seedCountsFrom(histogram: Readonly<Record<string, number>>): Int32Array {
  const entries = Object.entries(histogram).map(([count, types]) => [Number(count), types] as const).sort((a, b) => a[0] - b[0]);
  const counts: number[] = [];
  for (const [count, types] of entries) for (let i = 0; i < types; i++) counts.push(count);
  return Int32Array.from(counts);
}

/**
 * The survival law's batch sizes N and M of a run record: from its provenance, else (a record without
 * one) from its settings, the batch defaulting to H's tokens (the sum of its seed counts).
 */
export function recordBatchSizes(record: RunRecord, seedCounts: ArrayLike<number>): BatchSizes {
  const provenance = record.provenance;
  if (provenance !== undefined) return { batchTokens: provenance.batchTokens, measureTokens: provenance.measureTokens };
  let humanTokens = 0;
  for (let t = 0; t < seedCounts.length; t++) humanTokens += seedCounts[t]!;
  return lawBatchSizes(record.identity.settings, humanTokens);
}

/**
 * The law's chart points of a curves table read from a file (rows typed, any column order), with the
 * seed counts and batch scale of the run record beside it; none without the record's seed counts.
 */
export function theoryPointsOfRecord(rows: ReadonlyArray<Readonly<Record<string, unknown>>>, record: RunRecord | undefined): SeriesPoint[] {
  if (record?.seedCounts === undefined) return [];
  const counts = seedCountsFrom(record.seedCounts);
  const records = rows.map((row) => CURVE_COLUMNS.map((column) => (row[column] === undefined || row[column] === null ? '' : String(row[column]))));
  return theoryPoints(records, counts, recordBatchSizes(record, counts));
}
