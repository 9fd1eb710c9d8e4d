/**
 * The neutral-drift baseline: how many types a text of this size would hold if it had been drawn as
 * plain multinomial resampling of the previous training data's unigram counts (the Wright–Fisher
 * picture of model collapse; Suresh, Thangaraj & Khandavally, AISTATS 2025).
 *
 * Each of the M = tokens + sentences draws of the text (every `</s>` is a draw too) picks type w with
 * probability c_w / T, T = tokens + sentences of the training data, so
 * E[types] = sum_w 1 - (1 - c_w/T)^M. When the text and the training data have the same size this is
 * the README's sum_w 1 - (1 - c_w/M)^M ("The curves CSV", drift_expected_types); for a type seen once, 1 - (1 - 1/M)^M -> 1 - 1/e ~ 0.632.
 * O(types). Summed in ascending id order (reproducible).
 */

import type { UnigramCounts } from './unigramCounts.js';

export function driftExpectedTypes(training: UnigramCounts, trainingSentences: number, draws: number): number {
  const total = training.tokens + trainingSentences;
  let expected = 0;
  for (const id of training.types) {
    // log1p keeps (1 - p)^M accurate for tiny p.
    expected += 1 - Math.exp(draws * Math.log1p(-training.counts[id]! / total));
  }
  return expected;
}
