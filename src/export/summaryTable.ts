/**
 * SummaryTable: the `--summary` CSV: per cell, generation and metric, across replicates: n, mean,
 * standard deviation and the 95% confidence interval of the mean (Student t), as a tidy table.
 *
 * Contract: fed the curves CSV records (CURVE_COLUMNS order, values as written to the curves file, so
 * the summary is a function of that file alone and a resumed or merged run summarizes to the same
 * bytes). Empty cells are skipped: n counts the replicates with a value. mean = sum / n (in replicate
 * order); sd = sqrt(sum (x - mean)^2 / (n - 1)) (empty for n < 2); ci = mean -/+ t(0.975, n - 1) sd /
 * sqrt(n) (empty for n < 2). Each row carries its cell's settings: the cell columns first, the
 * settings added later (select, tokens_growth) last, as the curves CSV has them. Cells in order of
 * first appearance, generations ascending, metrics in curves-CSV order. Memory: O(cells x generations x metrics x replicates) numbers.
 *
 * Given H's seed counts (`new SummaryTable(seedCounts)`), cells where the survival law applies
 * (survivalLaw.ts) get, after each generation's metrics, one row per band `theory_survival_1` ..
 * `theory_survival_21_plus` whose mean is the law's expected survival for the mean sizes drawn (n, sd
 * and the interval empty: a prediction, not a sample).
 */

import { InputError } from '../errors.js';
import { METRIC_COLUMNS } from '../metrics/columns.js';
import { summarize, type SampleSummary } from '../stats/sampleSummary.js';
import { APPENDED_CELL_COLUMNS, CELL_COLUMNS } from '../simulation/settings.js';
import { CURVE_COLUMNS } from './curveRecord.js';
import { formatNumber } from '../validation/formatNumber.js';
import { checkedBatchSizes, type BatchSizes } from '../metrics/survivalTheory.js';
import { lawBands, LawDraws, THEORY_METRICS } from './survivalLaw.js';
import { quotedText } from '../validation/valueRule.js';

const CELL_FIELDS = ['cell', ...CELL_COLUMNS.map(([, column]) => column)];
/** The settings added later (select, tokens_growth): after the statistics, as in the curves CSV. */
const APPENDED_FIELDS = APPENDED_CELL_COLUMNS.map(([, column]) => column);

export const SUMMARY_COLUMNS: readonly string[] = Object.freeze([...CELL_FIELDS, 'generation', 'metric', 'n', 'mean', 'sd', 'ci_low', 'ci_high', ...APPENDED_FIELDS]);

/** The summary of one metric across replicates (see stats/sampleSummary.ts). */
export type MetricSummary = SampleSummary;
export { summarize };

const column = (name: string): number => CURVE_COLUMNS.indexOf(name);

export class SummaryTable {
  /** cell id -> its settings fields and, per generation, per metric, the values. */
  private readonly cells = new Map<string, { fields: string[]; appended: string[]; generations: Map<number, number[][]> }>();
  /** The survival law's inputs (the mean draws per generation of the cells it covers). */
  private readonly draws = new LawDraws();

  /**
   * `seedCounts`: the count in H of every seed type, for the survival law's rows (none without it).
   * `sizes`: the run's batch N and measured size M (`BatchSizes`: the law's batches estimated from the
   * rows' tokens too), or N / M alone (1: rows that measure the batch's size).
   */
  private readonly sizes: BatchSizes | number;

  constructor(
    private readonly seedCounts?: ArrayLike<number>,
    sizes: BatchSizes | number = 1,
  ) {
    // (sizes without M made the law's rows NaN without a word: review; a number is N / M, as it always was)
    this.sizes = typeof sizes === 'number' ? sizes : checkedBatchSizes(sizes);
  }

  /** True when some cell added so far is one the survival law covers (its rows need the seed counts). */
  get coversLaw(): boolean {
    return [...this.draws.cellIds()].some((cell) => this.draws.input(cell) !== undefined);
  }

  add(record: readonly string[]): void {
    const id = record[column('cell')]!;
    let cell = this.cells.get(id);
    if (cell === undefined) {
      cell = { fields: CELL_FIELDS.map((name) => record[column(name)]!), appended: APPENDED_FIELDS.map((name) => record[column(name)]!), generations: new Map() };
      this.cells.set(id, cell);
    }
    this.draws.add(record);
    const generation = Number(record[column('generation')]);
    let metrics = cell.generations.get(generation);
    if (metrics === undefined) {
      metrics = METRIC_COLUMNS.map(() => []);
      cell.generations.set(generation, metrics);
    }
    METRIC_COLUMNS.forEach((metric, m) => {
      const text = record[column(metric)]!;
      if (text === '') return;
      const value = Number(text);
      if (!Number.isFinite(value)) throw new InputError(`cell ${id} generation ${generation}: ${metric} is ${quotedText(text)}, not a number`, 'summarize the curves CSV that ngram-collapse run writes');
      metrics[m]!.push(value);
    });
  }

  /** The summary records, in SUMMARY_COLUMNS order. */
  *records(): Generator<string[]> {
    for (const [id, { fields, appended, generations }] of this.cells) {
      const sorted = [...generations.keys()].sort((a, b) => a - b);
      const law = this.seedCounts === undefined ? undefined : this.draws.input(id);
      const theory = law === undefined ? undefined : lawBands(this.seedCounts!, law, this.sizes);
      for (const generation of sorted) {
        const metrics = generations.get(generation)!;
        for (let m = 0; m < METRIC_COLUMNS.length; m++) {
          const s = summarize(metrics[m]!);
          yield [...fields, String(generation), METRIC_COLUMNS[m]!, String(s.n), ...[s.mean, s.sd, s.ciLow, s.ciHigh].map(formatNumber), ...appended];
        }
        const bands = theory?.[generation];
        if (bands !== undefined) {
          for (let b = 0; b < THEORY_METRICS.length; b++) yield [...fields, String(generation), THEORY_METRICS[b]!, '', formatNumber(bands[b]), '', '', '', ...appended];
        }
      }
    }
  }
}
