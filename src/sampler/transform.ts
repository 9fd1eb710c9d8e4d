/**
 * Sampling transforms: temperature, then top-k, then top-p (nucleus), in that order, as Hugging Face
 * transformers' generate applies them.
 *
 * Definitions (p is the model's next-token distribution over candidates i):
 * - temperature T > 0: q_i = p_i^(1/T) / sum_j p_j^(1/T), computed on log-probabilities
 *   (exp((log p_i - max log p) / T)) so tiny probabilities do not underflow;
 * - top-k (k >= 1): keep the k most probable candidates (ties: lower token id first), renormalise;
 * - top-p (0 < p <= 1): sort by probability (ties: lower id first), keep the shortest prefix whose mass
 *   reaches p (Holtzman et al. 2020, "The Curious Case of Neural Text Degeneration"), renormalise.
 * T = 1, k = 0 (off) and p = 1 leave the distribution unchanged.
 * Returns [candidate index, probability] pairs of the kept candidates, in candidate order; the
 * probabilities sum to 1. Cost O(m log m) for m candidates when truncating, O(m) otherwise.
 */

import type { SamplingOptions } from './sampling.js';

export function isIdentitySampling(sampling: SamplingOptions): boolean {
  return sampling.temperature === 1 && sampling.topK === 0 && sampling.topP >= 1;
}

export function transformDistribution(
  tokens: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  sampling: SamplingOptions,
): Array<[number, number]> {
  const count = probabilities.length;
  let weights = applyTemperature(probabilities, sampling.temperature);
  let kept = Array.from({ length: count }, (_, i) => i).filter((i) => weights[i]! > 0);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, entered without top-k and top-p the cut is the whole ranking, re-sorted into candidate order
  if (sampling.topK > 0 || sampling.topP < 1) {
    // Stryker disable next-line MethodExpression: equivalent, kept is a fresh filtered array, sorting it in place changes nothing else
    const ranked = kept.slice().sort((a, b) => weights[b]! - weights[a]! || tokens[a]! - tokens[b]!);
    let cut = sampling.topK > 0 ? Math.min(sampling.topK, ranked.length) : ranked.length;
    if (sampling.topP < 1) {
      const total = ranked.slice(0, cut).reduce((sum, i) => sum + weights[i]!, 0);
      let mass = 0;
      // Stryker disable next-line EqualityOperator: equivalent, the mass reaches p (within 1e-12) by rank cut - 1 at the latest, so r = cut is never run
      for (let r = 0; r < cut; r++) {
        mass += weights[ranked[r]!]! / total;
        if (mass >= sampling.topP - 1e-12) {
          cut = r + 1;
          break;
        }
      }
    }
    kept = ranked.slice(0, cut).sort((a, b) => a - b);
  }
  const total = kept.reduce((sum, i) => sum + weights[i]!, 0);
  return kept.map((i) => [i, weights[i]! / total]);
}

function applyTemperature(probabilities: ArrayLike<number>, temperature: number): Float64Array {
  const weights = Float64Array.from(probabilities);
  if (temperature === 1) return weights;
  let maxLog = Number.NEGATIVE_INFINITY;
  // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent, reading past a typed array gives undefined (skipped), and log(0) = -Infinity never raises the max
  for (let i = 0; i < weights.length; i++) if (weights[i]! > 0) maxLog = Math.max(maxLog, Math.log(weights[i]!));
  // Stryker disable next-line EqualityOperator: equivalent, a write past the end of a typed array is a no-op
  for (let i = 0; i < weights.length; i++) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, for p = 0 exp((log 0 - M) / T) = exp(-Infinity) = 0 as well
    weights[i] = weights[i]! > 0 ? Math.exp((Math.log(weights[i]!) - maxLog) / temperature) : 0;
  }
  return weights;
}
