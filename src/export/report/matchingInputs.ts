/**
 * Whether the summary and survival CSVs given to `plot` describe the curves CSV it draws.
 *
 * Contract: `checkSummaryMatches(summary, curves, source)` throws an InputError naming `source` unless
 * every summary line of one of the curves' metrics summarises exactly the curves' values: its cell and
 * generation are in the curves, its `n` is the number of values the curves hold there, and its mean is
 * theirs (to the 6 significant digits both files are written with); and unless, for every metric the
 * summary has lines of, it has one for every cell and generation where the curves hold a value of it
 * (the report draws such a metric from the summary alone: a shard's summary beside the merged curves
 * drew one cell of two, exit 0: audit). Lines of other metrics (the survival law's `theory_*`) are not
 * compared. `checkSurvivalMatches(points, curves, source)` throws
 * unless each Kaplan–Meier cell is a cell of the curves and ends at that cell's last generation, each
 * cell of the curves has Kaplan–Meier rows (every cell of a run has: they share H), and its band 1 starts with the curves' seed hapaxes at risk (their `hapax` at generation 0, summed over
 * the replicates). A
 * summary or survival file of another run would otherwise be drawn as this run's bands, silently.
 * No file access (the plot command reads the files).
 */

import { InputError } from '../../errors.js';
import type { SeriesPoint } from './aggregateCurves.js';
import { metricValue, type CurveRow } from './curveRow.js';
import type { CurveTable } from './curveTable.js';

const HINT = 'give the file the same run wrote next to these curves, or leave the option out';
const SURVIVAL_HINT = "give the file a run of every cell wrote (a shard's holds its own series: run the cells whose curves you want unsharded), or leave --survival out";

/** Relative tolerance of a mean compared across two files rounded to 6 significant digits. */
const ROUNDING = 1e-5;

export function checkSummaryMatches(summary: readonly SeriesPoint[], curves: CurveTable, source: string): void {
  const metrics = new Set(curves.metrics);
  const rows = rowsByCellAndGeneration(curves.rows);
  for (const line of summary) {
    if (!metrics.has(line.metric)) continue;
    const here = rows.get(key(line.cell, line.generation));
    const where = `cell ${line.cell} generation ${line.generation}`;
    if (here === undefined) throw new InputError(`--summary ${source}: ${where} is not in the curves`, HINT);
    const values = here.map((row) => metricValue(row, line.metric)).filter((value): value is number => value !== undefined);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const scale = values.reduce((sum, value) => sum + Math.abs(value), 0) / values.length;
    if (values.length !== line.n || !(Math.abs(mean - line.mean) <= ROUNDING * Math.max(scale, Math.abs(line.mean)))) {
      throw new InputError(
        `--summary ${source}: ${where} ${line.metric} is a mean of ${line.n} (${line.mean}), the curves hold ${values.length} values (mean ${Number(mean.toPrecision(6))})`,
        HINT,
      );
    }
  }
  checkSummaryCovers(summary, metrics, rows, source);
}

/** Each (cell, generation) where the curves hold a value of a metric the summary has lines of has its line. */
function checkSummaryCovers(summary: readonly SeriesPoint[], metrics: ReadonlySet<string>, rows: ReadonlyMap<string, CurveRow[]>, source: string): void {
  const covered = new Map<string, Set<string>>();
  for (const line of summary) {
    if (metrics.has(line.metric)) (covered.get(line.metric) ?? covered.set(line.metric, new Set()).get(line.metric)!).add(key(line.cell, line.generation));
  }
  for (const [metric, lines] of covered) {
    for (const [at, here] of rows) {
      if (lines.has(at) || here.every((row) => metricValue(row, metric) === undefined)) continue;
      const { cell, generation } = here[0]!;
      throw new InputError(`--summary ${source} has no ${metric} line for cell ${cell} generation ${generation}, which the curves hold: it summarises part of them`, HINT);
    }
  }
}

export function checkSurvivalMatches(points: readonly SeriesPoint[], curves: CurveTable, source: string): void {
  const lastOfCurves = lastGenerations(curves.rows);
  const lastOfSurvival = new Map<string, number>();
  for (const point of points) lastOfSurvival.set(point.cell, Math.max(lastOfSurvival.get(point.cell) ?? 0, point.generation));
  for (const [cell, last] of lastOfSurvival) {
    const expected = lastOfCurves.get(cell);
    if (expected === undefined) throw new InputError(`--survival ${source}: cell ${cell} is not in the curves`, HINT);
    if (last !== expected) throw new InputError(`--survival ${source}: cell ${cell} ends at generation ${last}, the curves at ${expected}`, HINT);
  }
  // (a shard's own file, of the cells whose every replicate it ran, beside the merged curves: the
  // chart's legend named both cells and drew one, exit 0: audit)
  for (const cell of lastOfCurves.keys()) {
    if (!lastOfSurvival.has(cell)) throw new InputError(`--survival ${source} has no rows for cell ${cell}, which the curves hold: it is of part of them (a shard's own file?)`, SURVIVAL_HINT);
  }
  checkHapaxesAtRisk(points, curves, source);
}

/**
 * Band 1's subjects at generation 0 are H's hapaxes, one set per replicate: the sum of the curves'
 * `hapax` over the cell's rows of generation 0 (H itself). Another run's file (another --seed splits
 * H otherwise) has other hapaxes, though its cells and last generation may be these. Skipped where the
 * curves have no `hapax` value there.
 */
function checkHapaxesAtRisk(points: readonly SeriesPoint[], curves: CurveTable, source: string): void {
  const rows = rowsByCellAndGeneration(curves.rows);
  for (const point of points) {
    if (point.metric !== 'survival_1' || point.generation !== 0) continue;
    const hapaxes = (rows.get(key(point.cell, 0)) ?? []).map((row) => metricValue(row, 'hapax'));
    if (hapaxes.length === 0 || hapaxes.some((value) => value === undefined)) continue;
    const expected = hapaxes.reduce((sum: number, value) => sum + value!, 0);
    if (point.n !== expected) {
      throw new InputError(`--survival ${source}: cell ${point.cell} has ${point.n} seed hapaxes at risk at generation 0, the curves' H ${expected} over ${hapaxes.length} replicate(s)`, HINT);
    }
  }
}

function key(cell: string, generation: number): string {
  return `${cell}\u0000${generation}`;
}

function rowsByCellAndGeneration(rows: readonly CurveRow[]): Map<string, CurveRow[]> {
  const byKey = new Map<string, CurveRow[]>();
  for (const row of rows) {
    const k = key(row.cell, row.generation);
    const list = byKey.get(k);
    if (list === undefined) byKey.set(k, [row]);
    else list.push(row);
  }
  return byKey;
}

function lastGenerations(rows: readonly CurveRow[]): Map<string, number> {
  const last = new Map<string, number>();
  for (const row of rows) last.set(row.cell, Math.max(last.get(row.cell) ?? 0, row.generation));
  return last;
}
