/**
 * Metric ranges: the values each metric column of the curves CSV can take, so that a chart's 95%
 * band, a Student t interval around a mean of replicates (which reaches past the metric's range when
 * the replicates spread near an end), is drawn inside it: a share drawn down to -0.1 is no share.
 *
 * Contract: `metricRange(metric)` returns [lowest, highest] for every metric column the tool writes
 * (METRIC_COLUMNS, tested), the bounds its definition gives (the README's "The curves CSV"; Infinity
 * where there is none above, -Infinity below), and [-Infinity, Infinity] for a column it does not know.
 * `withinRange(metric, value)` clamps a value to that range. `isPerplexity(metric)` is true for the
 * perplexity columns (range [1, Infinity)), which a chart draws on a log axis.
 */

/** Shares, rates and ratios of a part to its whole; Jensen–Shannon divergence in bits; a 0/1 flag. */
const UNIT = [0, 1] as const;
/** Counts, sizes, entropy, Yule's K, MTLD, Chao1. */
const NOT_NEGATIVE = [0, Number.POSITIVE_INFINITY] as const;
/** A perplexity, 2 to the cross-entropy in bits (never negative). */
const PERPLEXITY = [1, Number.POSITIVE_INFINITY] as const;
/** The Zipf slope: a least-squares slope of log frequency on log rank, frequencies never rising with rank. */
const NOT_POSITIVE = [Number.NEGATIVE_INFINITY, 0] as const;
const UNBOUNDED = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY] as const;

const RANGES: Readonly<Record<string, readonly [number, number]>> = {
  tokens: NOT_NEGATIVE,
  sentences: NOT_NEGATIVE,
  types: NOT_NEGATIVE,
  ttr: UNIT,
  hapax: NOT_NEGATIVE,
  missing_mass: UNIT,
  entropy_bits: NOT_NEGATIVE,
  distinct_1: UNIT,
  distinct_2: UNIT,
  distinct_3: UNIT,
  mattr: UNIT,
  mtld: NOT_NEGATIVE,
  yules_k: NOT_NEGATIVE,
  vocab_retention: UNIT,
  rare_survival: UNIT,
  survival_1: UNIT,
  survival_2_5: UNIT,
  survival_6_20: UNIT,
  survival_21_plus: UNIT,
  tail_mass: UNIT,
  novel_3gram_rate: UNIT,
  copy_rate: UNIT,
  js_divergence: UNIT,
  zipf_slope: NOT_POSITIVE,
  drift_expected_types: NOT_NEGATIVE,
  heldout_perplexity: PERPLEXITY,
  heldout_oov_rate: UNIT,
  gen0_perplexity: PERPLEXITY,
  discount_fallback: UNIT,
  model_types: NOT_NEGATIVE,
  model_vocab_retention: UNIT,
  model_rare_survival: UNIT,
  chao1: NOT_NEGATIVE,
  selected_share: UNIT,
  word_types: NOT_NEGATIVE,
  word_vocab_retention: UNIT,
  word_rare_survival: UNIT,
  novel_word_rate: UNIT,
};

export function metricRange(metric: string): readonly [number, number] {
  return (Object.hasOwn(RANGES, metric) ? RANGES[metric] : undefined) ?? UNBOUNDED;
}

export function withinRange(metric: string, value: number): number {
  const [lowest, highest] = metricRange(metric);
  return Math.min(Math.max(value, lowest), highest);
}

/**
 * True for a perplexity column: 2 to a cross-entropy, so its values spread over orders of magnitude
 * (a model that has lost a word gives the held-out text's perplexity a jump of thousands): charted on a
 * log axis, where equal steps of cross-entropy are equal heights and no one cell flattens the others.
 */
export function isPerplexity(metric: string): boolean {
  return metricRange(metric) === PERPLEXITY;
}
