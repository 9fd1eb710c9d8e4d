/**
 * Reading a recipe's series rows: a metric's values and mean over replicates in a cell and generation,
 * the cells and the last generation of the rows, the half where a second-half check starts.
 *
 * Contract: `meanAt(rows, cell, generation, metric)` is the mean over replicates of the metric's defined
 * values in that cell and generation (undefined values skipped; undefined when none; `replicateValues`
 * gives those values, one per replicate; `replicateCount` counts the replicates with a row there),
 * computed by stats' summarize, as the report's charts and --summary are, so a finding quotes the
 * number its chart draws. `meanCurve` gives it for generations 0..G (index = generation).
 * `lastGeneration(rows)` is G, `cellIds(rows)` the cells in first-appearance order. meanAt and
 * lastGeneration are O(rows), meanCurve O(rows x G) (recipes hold a few thousand rows). Pure. How a
 * finding writes these numbers is ./findingNumbers.ts.
 */

import type { MetricName } from '../metrics/columns.js';
import type { SeriesRow } from '../simulation/series.js';
import { summarize } from '../stats/sampleSummary.js';

export function meanAt(rows: readonly SeriesRow[], cell: string, generation: number, metric: MetricName): number | undefined {
  return summarize(replicateValues(rows, cell, generation, metric).filter(Number.isFinite)).mean;
}

/** The metric's defined values in that cell and generation, one per replicate that has one. */
export function replicateValues(rows: readonly SeriesRow[], cell: string, generation: number, metric: MetricName): number[] {
  return rowsAt(rows, cell, generation).flatMap((row) => {
    const value = row.values[metric];
    return value === undefined ? [] : [value];
  });
}

/** How many replicates of the cell have a row at that generation (whatever its values). */
export function replicateCount(rows: readonly SeriesRow[], cell: string, generation: number): number {
  return rowsAt(rows, cell, generation).length;
}

/** The cell's rows at that generation, one per replicate. */
function rowsAt(rows: readonly SeriesRow[], cell: string, generation: number): SeriesRow[] {
  return rows.filter((row) => row.cell.id === cell && row.generation === generation);
}

/** The metric's mean over replicates at each generation 0..G (index = generation; see meanAt). */
export function meanCurve(rows: readonly SeriesRow[], cell: string, metric: MetricName): Array<number | undefined> {
  const last = lastGeneration(rows);
  return Array.from({ length: last + 1 }, (_, generation) => meanAt(rows, cell, generation, metric));
}

/**
 * The generation where the second half of generations 0..last starts: ceil(last / 2), so the second
 * half is never the longer one (last 3: generations 2..3, not 1..3, which is the whole run after
 * generation 1's; last 2: 1..2, the one span a half of two generations has).
 */
export function halfway(last: number): number {
  return Math.ceil(last / 2);
}

export function lastGeneration(rows: readonly SeriesRow[]): number {
  let last = 0;
  for (const row of rows) last = Math.max(last, row.generation);
  return last;
}

/** The cell ids in first-appearance order. */
export function cellIds(rows: readonly SeriesRow[]): string[] {
  return [...new Set(rows.map((row) => row.cell.id))];
}
