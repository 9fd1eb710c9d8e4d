/**
 * Metric descriptions: one line per metric column of the README's "The curves CSV", shown under each chart's title.
 *
 * Contract: `describeMetric(metric)` returns the plain-words definition of every metric column the
 * tool writes (METRIC_COLUMNS, tested), or '' for a column this file does not know (a column of a
 * user's own still charts, untitled).
 */

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  tokens: 'tokens in the text measured',
  sentences: 'sentences in the text measured',
  types: 'distinct tokens',
  ttr: 'type-token ratio: types / tokens',
  hapax: 'types seen exactly once',
  missing_mass: 'Good–Turing estimate of unseen mass: hapax / tokens',
  entropy_bits: 'Shannon entropy of the unigram distribution (bits)',
  distinct_1: 'distinct unigrams / total unigrams',
  distinct_2: 'distinct bigrams / total bigrams (within sentences)',
  distinct_3: 'distinct trigrams / total trigrams (within sentences)',
  mattr: 'moving-average type-token ratio, window 500 tokens',
  mtld: 'measure of textual lexical diversity (threshold 0.72)',
  yules_k: "Yule's K: 10^4 (Σ i² V_i − N) / N²",
  vocab_retention: "share of the seed's types that still occur",
  rare_survival: "share of the seed's rare types that still occur",
  survival_1: 'share of seed types seen once in the human data that still occur',
  survival_2_5: 'share of seed types seen 2–5 times in the human data that still occur',
  survival_6_20: 'share of seed types seen 6–20 times in the human data that still occur',
  survival_21_plus: 'share of seed types seen 21+ times in the human data that still occur',
  tail_mass: 'share of tokens that are seed-rare types',
  novel_3gram_rate: 'share of trigrams never seen in the human data',
  copy_rate: 'share of sentences copied verbatim from the human data',
  js_divergence: "Jensen–Shannon divergence from the human unigram distribution (bits)",
  zipf_slope: 'slope of log frequency on log rank',
  drift_expected_types: 'types expected under plain multinomial resampling (drift baseline)',
  heldout_perplexity: 'perplexity of the model on held-out human text; each probability is floored near 1e-4 / V, so a word the model gives no probability (MLE after a context never seen with it) weighs heavily, and the value can far exceed the vocabulary size',
  heldout_oov_rate: "share of held-out tokens outside the model's vocabulary",
  gen0_perplexity: 'perplexity of this text under the generation-0 model',
  discount_fallback: "1 if the model's Kneser–Ney discounts fell back to defaults (empty without discounts)",
  model_types: 'distinct tokens the model can emit (non-zero probability), whatever the sample size',
  model_vocab_retention: 'share of the seed types the model can still emit',
  model_rare_survival: 'share of the seed-rare types the model can still emit',
  chao1: 'Chao1 estimate of the types the source holds, seen or not: types + f1²/(2 f2)',
  selected_share: 'share of the candidate tokens kept by --select',
  word_types: "distinct words the text's subword tokens spell",
  word_vocab_retention: "share of the seed's word types that still occur",
  word_rare_survival: "share of the seed's rare word types that still occur",
  novel_word_rate: 'share of the words (occurrences) that never occur in the human data: invented words',
};

export function describeMetric(metric: string): string {
  return (Object.hasOwn(DESCRIPTIONS, metric) ? DESCRIPTIONS[metric] : undefined) ?? '';
}
