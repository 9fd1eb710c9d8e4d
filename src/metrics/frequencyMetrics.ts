/**
 * Metrics of the unigram frequency profile: types, ttr, hapax, missing mass, entropy, Yule's K,
 * Zipf slope.
 *
 * - missing_mass: Good–Turing estimate of the unseen probability mass, N1 / N (Good 1953).
 * - ttr: types / tokens, the type-token ratio (e.g. Templin 1957).
 * - entropy_bits: H = -sum_w (c_w/N) log2(c_w/N), the plug-in Shannon entropy of the unigram
 *   frequencies (Shannon 1948).
 * - yules_k: K = 10^4 (sum_i i^2 V_i - N) / N^2, V_i the number of types seen i times (Yule 1944).
 * - zipf_slope: least-squares slope of ln(frequency) on ln(rank), ranks 1..types by descending
 *   frequency (any log base gives the same slope); undefined with fewer than 2 types. Zipf's law
 *   (Zipf 1949) has a slope near -1 on natural text; the plain log-log fit over every rank is the
 *   descriptive estimate (not the maximum-likelihood one of Clauset, Shalizi and Newman 2009).
 * All O(types); the Zipf fit orders the frequencies by a counting sort (a sort of the few large ones).
 */

import { ratio, type MetricValues } from './columns.js';
import type { UnigramCounts } from './unigramCounts.js';

export function frequencyMetrics(unigrams: UnigramCounts): MetricValues {
  const { counts, types, tokens } = unigrams;
  let hapax = 0;
  let entropy = 0;
  let sumSquares = 0;
  for (let t = 0; t < types.length; t++) {
    const count = counts[types[t]!]!;
    if (count === 1) hapax++;
    const p = count / tokens;
    entropy -= p * Math.log2(p);
    sumSquares += count * count;
  }
  return {
    types: types.length,
    ttr: ratio(types.length, tokens),
    hapax,
    missing_mass: ratio(hapax, tokens),
    entropy_bits: tokens > 0 ? entropy : undefined,
    yules_k: tokens > 0 ? (1e4 * (sumSquares - tokens)) / (tokens * tokens) : undefined,
    zipf_slope: zipfSlope(counts, types),
  };
}

export function zipfSlope(counts: Int32Array, types: Int32Array): number | undefined {
  // fewer than 2 types: every x is log 1 = 0, and the slope is 0 / 0, undefined
  const n = types.length;
  const logRank = logsOfRanks(n);
  const sums = { x: 0, y: 0, xy: 0, xx: 0 };
  // Ranks 1..n by descending frequency, so the sums run over the same terms in the same order as a
  // full sort's would (tied frequencies give equal terms): the same value, to the last bit. The few
  // frequencies above SMALL_COUNT are sorted; the rest are counted per frequency (counting sort).
  const perCount = new Int32Array(SMALL_COUNT + 1);
  const large: number[] = [];
  let lowest = Number.POSITIVE_INFINITY;
  let highest = 0;
  for (let t = 0; t < n; t++) {
    const count = counts[types[t]!]!;
    lowest = Math.min(lowest, count);
    highest = Math.max(highest, count);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a frequency sorted instead of counted takes the same rank
    if (count <= SMALL_COUNT) perCount[count]!++;
    else large.push(count);
  }
  // Every type equally frequent (2 or more): log frequency is constant, so the slope is exactly 0, where
  // the sums below leave rounding noise of about 1e-16 (a collapsed model's flat output: audit).
  if (n >= 2 && lowest === highest) return 0;
  large.sort((a, b) => b - a);
  let rank = 0;
  for (const count of large) addRanks(sums, logRank, rank++, 1, Math.log(count));
  for (let count = SMALL_COUNT; count >= 1; count--) {
    const tied = perCount[count]!;
    // Stryker disable next-line ConditionalExpression: equivalent, a frequency no type has adds no rank
    if (tied === 0) continue;
    addRanks(sums, logRank, rank, tied, Math.log(count));
    rank += tied;
  }
  return ratio(n * sums.xy - sums.x * sums.y, n * sums.xx - sums.x * sums.x);
}

/** Frequencies above this are sorted; those at or below it are counted per value (a Zipfian text has few above). */
const SMALL_COUNT = 4096;

/** Adds ranks from + 1 .. from + tied, all of frequency e^y, to the least-squares sums, rank by rank. */
function addRanks(sums: { x: number; y: number; xy: number; xx: number }, logRank: Float64Array, from: number, tied: number, y: number): void {
  for (let r = from; r < from + tied; r++) {
    const x = logRank[r]!;
    sums.x += x;
    sums.y += y;
    sums.xy += x * y;
    sums.xx += x * x;
  }
}

/** ln(r + 1) for r = 0 .. n - 1 (at least): computed once per thread and grown as needed. */
let rankLogs = new Float64Array(0);
function logsOfRanks(n: number): Float64Array {
  // (how and when the table grows is time and memory only: its entries are ln(r + 1) whatever its size)
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, see above
  if (rankLogs.length < n) {
    // Stryker disable next-line ArithmeticOperator: equivalent, see above
    const grown = new Float64Array(Math.max(n, rankLogs.length * 2));
    grown.set(rankLogs);
    // Stryker disable next-line EqualityOperator: equivalent, entry grown.length is a write past the end: nowhere
    for (let r = rankLogs.length; r < grown.length; r++) grown[r] = Math.log(r + 1);
    rankLogs = grown;
  }
  return rankLogs;
}
