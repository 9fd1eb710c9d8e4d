/**
 * Small statistics over series rows for recipes' findings: the mean of a metric over replicates.
 *
 * Contract: `meanAt(rows, cell, generation, metric)` is the mean over replicates of the metric's defined
 * values in that cell and generation (undefined values skipped; undefined when none; `replicateValues`
 * gives those values, one per replicate), computed by
 * stats' summarize, as the report's charts and --summary are, so a finding quotes the number its chart draws. `meanCurve` gives it for
 * generations 0..G (index = generation). `lastGeneration(rows)` is G. meanAt and lastGeneration are
 * O(rows), meanCurve O(rows x G) (recipes hold a few thousand rows).
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

/** A number for a finding: rounded to 4 significant digits; null when undefined. */
export function shown(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : Number(value.toPrecision(4));
}

/** A number in a sentence. */
export function text(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? 'n/a' : String(Number(value.toPrecision(4)));
}

/** Generations as runs, `1-3, 7` for [1, 2, 3, 7] (sorted, distinct). */
export function generationRuns(generations: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < generations.length; ) {
    let j = i;
    while (j + 1 < generations.length && generations[j + 1] === generations[j]! + 1) j++;
    runs.push(j === i ? String(generations[i]) : `${generations[i]}-${generations[j]}`);
    i = j + 1;
  }
  return runs.join(', ');
}

/**
 * Ordinary least-squares fit y = a + b x, with the coefficient of determination R^2: b = Sxy / Sxx,
 * a = mean(y) - b mean(x), R^2 = Sxy^2 / (Sxx Syy) (1 when y is constant); e.g. Draper and Smith,
 * Applied Regression Analysis, 3rd ed. (1998), chapter 1.
 */
export function linearFit(xs: readonly number[], ys: readonly number[]): { intercept: number; slope: number; r2: number } {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  const slope = sxy / sxx;
  return { intercept: my - slope * mx, slope, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) };
}

/** The q-quantile (0..1) of a sample, linear interpolation between order statistics: type 7 of Hyndman and Fan, "Sample Quantiles in Statistical Packages", The American Statistician 50(4), 1996 (R's default). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/**
 * Whether a share measured over `trials` Bernoulli trials (seed hapaxes x replicates) can be held
 * against a law's probability p by a band of standard errors: the normal approximation of the binomial
 * the band rests on needs trials p >= 10 and trials (1 - p) >= 10 (the success-failure condition;
 * Diez, Çetinkaya-Rundel & Barr, OpenIntro Statistics, 4th ed., section 5.1). With fewer, 4 standard
 * errors span most of 0..1 and no measured share could fail (a drift check on 3 hapaxes held with 0.17
 * against 0.64: audit).
 */
export function normalBandApplies(p: number, trials: number): boolean {
  return trials * p >= MIN_EXPECTED_TRIALS && trials * (1 - p) >= MIN_EXPECTED_TRIALS;
}

/** The standard error of a share of `trials` independent trials, each a success with probability p: sqrt(p (1 - p) / trials). */
export function binomialStandardError(p: number, trials: number): number {
  return Math.sqrt((p * (1 - p)) / trials);
}

/** The success-failure condition's least expected number of successes and of failures. */
export const MIN_EXPECTED_TRIALS = 10;

/** How a number compares with another, as a sentence shows it: `<`, `>`, `=`, or `?` when either is undefined. */
export function relation(a: number | undefined, b: number | undefined): '<' | '>' | '=' | '?' {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) return '?';
  return a < b ? '<' : a > b ? '>' : '=';
}

/**
 * Why a law on seed hapaxes cannot be tested with `hapaxes` x `replicates` trials (normalBandApplies
 * said no), and what would let it: more replicates, or, with no hapax at all, another corpus.
 */
export function tooFewHapaxes(hapaxes: number, replicates: number): string {
  if (hapaxes === 0) return 'H has no seed hapax, so the law has nothing to test (a corpus with words seen once tests it)';
  return (
    `too few seed hapaxes to test: ${hapaxes} x ${replicates} replicates = ${hapaxes * replicates} trials, and a band of standard errors ` +
    `needs at least ${MIN_EXPECTED_TRIALS} expected survivors and ${MIN_EXPECTED_TRIALS} expected losses (run more --replicates, or a larger corpus)`
  );
}
