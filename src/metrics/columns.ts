/**
 * The metric columns of the curves CSV, in the README's "The curves CSV" order (append new ones at the end only).
 *
 * A metric value is a finite number, or `undefined` when its denominator is zero or it does not apply
 * (written as an empty cell, never NaN or Infinity).
 */

export const METRIC_COLUMNS = Object.freeze([
  'tokens',
  'sentences',
  'types',
  'ttr',
  'hapax',
  'missing_mass',
  'entropy_bits',
  'distinct_1',
  'distinct_2',
  'distinct_3',
  'mattr',
  'mtld',
  'yules_k',
  'vocab_retention',
  'rare_survival',
  'survival_1',
  'survival_2_5',
  'survival_6_20',
  'survival_21_plus',
  'tail_mass',
  'novel_3gram_rate',
  'copy_rate',
  'js_divergence',
  'zipf_slope',
  'drift_expected_types',
  'heldout_perplexity',
  'heldout_oov_rate',
  'gen0_perplexity',
  'discount_fallback',
  // Appended (the README's "The curves CSV": later columns are appended, never inserted).
  'model_types',
  'model_vocab_retention',
  'model_rare_survival',
  'chao1',
  'selected_share',
  'word_types',
  'word_vocab_retention',
  'word_rare_survival',
  'novel_word_rate',
] as const);

export type MetricName = (typeof METRIC_COLUMNS)[number];

export type MetricValues = Partial<Record<MetricName, number | undefined>>;

/** a / b, or undefined when b is 0 or the result is not finite. */
export function ratio(numerator: number, denominator: number): number | undefined {
  const value = numerator / denominator; // b = 0 gives NaN or +-Infinity
  return Number.isFinite(value) ? value : undefined;
}
