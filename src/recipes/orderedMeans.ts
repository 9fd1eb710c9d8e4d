/**
 * A check that one set of replicates' values lies below another's, decided by the means and a test:
 * the means say whether it can hold, and where both sides have two replicates or more, a one-sided
 * Welch test at 5% (../stats/welch.ts) must pass too, or the check is undecided rather than read off
 * means within the replicates' noise (human-ratio's "bounded" flipped on 1 seed of 12 so: the recipes
 * audit). With one replicate the means decide (the caveat under the findings says the checks then rest
 * on one series).
 *
 * Contract: `orderedVerdict(meansHold, orderings)`: does not hold when `meansHold` is false; else
 * undecided when some ordering with 2 or more finite values a side has a one-sided Welch P (mean of
 * `lower` below mean of `higher`) of 5% or more, naming each such ordering and its P; else holds. `p` is
 * the largest of the orderings' P (NaN when none is testable). `replicateTable(rows, cell, metric,
 * generations)` gives, per replicate (in replicate order) with a finite value at every one of
 * `generations`, those values in that order. Pure.
 *
 * A check's means and its test may read the replicates a little differently: the means verdict takes
 * a ratio or a line of the means over every replicate with a value, the test each replicate's own
 * ratio or line over the replicates with every value it needs (truncation's share kept: the two
 * differed by at most 7e-5 on seeds 4, 7 and 10, the review of this rule). Means that fail within
 * the noise give "does not hold": the verdict then says the means went the other way, not that a
 * test found the opposite.
 */

import type { MetricName } from '../metrics/columns.js';
import type { SeriesRow } from '../simulation/series.js';
import { welchLessP } from '../stats/welch.js';
import type { Finding } from './recipe.js';
import { text } from './findingNumbers.js';

export const ORDERED_TEST_LEVEL = 0.05;

/** How such a check is decided, for its expectation's text. */
export const ORDERED_TEST_TEXT = `means over the replicates, and a one-sided Welch test at ${ORDERED_TEST_LEVEL * 100}% over them with 2 replicates or more`;

/** Values (one per replicate) of two sides, the check being that `lower`'s mean is below `higher`'s. */
export interface Ordering {
  readonly label: string;
  readonly lower: readonly number[];
  readonly higher: readonly number[];
}

export function orderedVerdict(meansHold: boolean, orderings: readonly Ordering[]): Pick<Finding, 'holds' | 'undecided'> & { readonly p: number } {
  const tested = orderings.map((ordering) => ({ label: ordering.label, p: orderingP(ordering) })).filter(({ p }) => !Number.isNaN(p));
  const p = tested.length === 0 ? Number.NaN : Math.max(...tested.map((one) => one.p));
  if (!meansHold) return { holds: false, p };
  const failing = tested.filter((one) => !(one.p < ORDERED_TEST_LEVEL));
  if (failing.length === 0) return { holds: true, p };
  const which = failing.map((one) => `${one.label} (p = ${text(one.p)})`).join('; ');
  return { holds: false, p, undecided: `the means hold, but not by a one-sided Welch test over the replicates at ${ORDERED_TEST_LEVEL * 100}%: ${which}; run more --replicates` };
}

/** The one-sided Welch P of the ordering over its finite values (NaN under 2 a side). */
function orderingP({ lower, higher }: Ordering): number {
  return welchLessP(lower.filter(Number.isFinite), higher.filter(Number.isFinite));
}

export function replicateTable(rows: readonly SeriesRow[], cell: string, metric: MetricName, generations: readonly number[]): number[][] {
  const byReplicate = new Map<number, Map<number, number>>();
  for (const row of rows) {
    const value = row.values[metric];
    if (row.cell.id !== cell || value === undefined || !Number.isFinite(value)) continue;
    if (!byReplicate.has(row.replicate)) byReplicate.set(row.replicate, new Map());
    byReplicate.get(row.replicate)!.set(row.generation, value);
  }
  return [...byReplicate.entries()]
    .sort(([a], [b]) => a - b)
    .filter(([, values]) => generations.every((generation) => values.has(generation)))
    .map(([, values]) => generations.map((generation) => values.get(generation)!));
}
