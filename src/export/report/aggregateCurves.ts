/**
 * Aggregation across replicates: the points the charts draw.
 *
 * Contract: `aggregateCurves(rows, metrics)` groups rows by (metric, cell, generation) and returns one
 * SeriesPoint per group that has at least one defined value (empty fields are skipped, never counted as
 * zero): n values, their mean, the sample standard deviation (n - 1 denominator; undefined for n = 1) and
 * the 95% confidence interval mean ± t_{0.975, n-1} · sd / sqrt(n) (Student t; undefined for n = 1).
 * Points come ordered by metric (in the order given), then cell (first appearance), then generation.
 * Runs in O(rows x metrics). The statistics are stats/sampleSummary.ts's `summarize`, as in --summary.
 */

import { metricValue, type CurveRow } from './curveRow.js';
import { summarize } from '../../stats/sampleSummary.js';

/** One point of one line: a cell's mean of a metric at a generation, with its spread. */
export interface SeriesPoint {
  readonly metric: string;
  readonly cell: string;
  readonly generation: number;
  readonly n: number;
  readonly mean: number;
  readonly sd: number | undefined;
  readonly ciLow: number | undefined;
  readonly ciHigh: number | undefined;
}

export function aggregateCurves(rows: readonly CurveRow[], metrics: readonly string[]): SeriesPoint[] {
  const cells: string[] = [];
  const valuesByCell = new Map<string, Map<number, CurveRow[]>>();
  for (const row of rows) {
    let byGeneration = valuesByCell.get(row.cell);
    if (byGeneration === undefined) {
      byGeneration = new Map();
      valuesByCell.set(row.cell, byGeneration);
      cells.push(row.cell);
    }
    const generation = Number(row.generation);
    const group = byGeneration.get(generation);
    if (group === undefined) byGeneration.set(generation, [row]);
    else group.push(row);
  }
  // each cell's generations in order, with their rows: sorted once, not once a metric
  const groups = cells.map((cell) => {
    const byGeneration = valuesByCell.get(cell)!;
    return { cell, generations: [...byGeneration.keys()].sort((a, b) => a - b).map((generation) => ({ generation, rows: byGeneration.get(generation)! })) };
  });
  const points: SeriesPoint[] = [];
  for (const metric of metrics) {
    for (const { cell, generations } of groups) {
      for (const { generation, rows: group } of generations) {
        const values: number[] = [];
        for (const row of group) {
          const value = metricValue(row, metric);
          if (value !== undefined) values.push(value);
        }
        const summary = summarize(values);
        if (summary.mean !== undefined) points.push({ metric, cell, generation, ...summary, mean: summary.mean });
      }
    }
  }
  return points;
}
