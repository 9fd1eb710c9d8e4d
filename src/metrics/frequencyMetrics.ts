/**
 * Metrics of the unigram frequency profile: types, ttr, hapax, missing mass, entropy, Yule's K,
 * Zipf slope.
 *
 * - missing_mass: Good–Turing estimate of the unseen probability mass, N1 / N (Good 1953).
 * - entropy_bits: H = -sum_w (c_w/N) log2(c_w/N).
 * - yules_k: K = 10^4 (sum_i i^2 V_i - N) / N^2, V_i the number of types seen i times (Yule 1944).
 * - zipf_slope: least-squares slope of ln(frequency) on ln(rank), ranks 1..types by descending
 *   frequency (any log base gives the same slope); undefined with fewer than 2 types.
 * All O(types), except the Zipf sort, O(types log types).
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
  const frequencies = Float64Array.from(types, (id) => counts[id]!).sort().reverse();
  let sumX = 0;
  let sumY = 0;
  let sumXY = 0;
  let sumXX = 0;
  const n = frequencies.length;
  for (let r = 0; r < n; r++) {
    const x = Math.log(r + 1);
    const y = Math.log(frequencies[r]!);
    sumX += x;
    sumY += y;
    sumXY += x * y;
    sumXX += x * x;
  }
  return ratio(n * sumXY - sumX * sumY, n * sumXX - sumX * sumX);
}
