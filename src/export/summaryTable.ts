/**
 * SummaryTable: the `--summary` CSV: per cell, generation and metric, across replicates: n, mean,
 * standard deviation and the 95% confidence interval of the mean (Student t), as a tidy table.
 *
 * Contract: fed the curves CSV records (CURVE_COLUMNS order, values as written to the curves file, so
 * the summary is a function of that file alone and a resumed or merged run summarizes to the same
 * bytes). Empty cells are skipped: n counts the replicates with a value. mean = sum / n (in replicate
 * order); sd = sqrt(sum (x - mean)^2 / (n - 1)) (empty for n < 2); ci = mean -/+ t(0.975, n - 1) sd /
 * sqrt(n) (empty for n < 2). Cells in order of first appearance, generations ascending, metrics in
 * curves-CSV order. Memory: O(cells x generations x metrics x replicates) numbers.
 */

import { METRIC_COLUMNS } from '../metrics/columns.js';
import { summarize, type SampleSummary } from '../stats/sampleSummary.js';
import { CELL_COLUMNS } from '../simulation/settings.js';
import { CURVE_COLUMNS } from './curveRecord.js';
import { formatNumber } from './formatNumber.js';

const CELL_FIELDS = ['cell', ...CELL_COLUMNS.map(([, column]) => column)];

export const SUMMARY_COLUMNS: readonly string[] = [...CELL_FIELDS, 'generation', 'metric', 'n', 'mean', 'sd', 'ci_low', 'ci_high'];

/** The summary of one metric across replicates (see stats/sampleSummary.ts). */
export type MetricSummary = SampleSummary;
export { summarize };

const column = (name: string): number => CURVE_COLUMNS.indexOf(name);

export class SummaryTable {
  /** cell id -> its settings fields and, per generation, per metric, the values. */
  private readonly cells = new Map<string, { fields: string[]; generations: Map<number, number[][]> }>();

  add(record: readonly string[]): void {
    const id = record[column('cell')]!;
    let cell = this.cells.get(id);
    if (cell === undefined) {
      cell = { fields: CELL_FIELDS.map((name) => record[column(name)]!), generations: new Map() };
      this.cells.set(id, cell);
    }
    const generation = Number(record[column('generation')]);
    let metrics = cell.generations.get(generation);
    if (metrics === undefined) {
      metrics = METRIC_COLUMNS.map(() => []);
      cell.generations.set(generation, metrics);
    }
    METRIC_COLUMNS.forEach((metric, m) => {
      const text = record[column(metric)]!;
      if (text !== '') metrics[m]!.push(Number(text));
    });
  }

  /** The summary records, in SUMMARY_COLUMNS order. */
  *records(): Generator<string[]> {
    for (const { fields, generations } of this.cells.values()) {
      for (const generation of [...generations.keys()].sort((a, b) => a - b)) {
        const metrics = generations.get(generation)!;
        for (let m = 0; m < METRIC_COLUMNS.length; m++) {
          const s = summarize(metrics[m]!);
          yield [...fields, String(generation), METRIC_COLUMNS[m]!, String(s.n), ...[s.mean, s.sd, s.ciLow, s.ciHigh].map(formatNumber)];
        }
      }
    }
  }
}
