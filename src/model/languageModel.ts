/**
 * LanguageModel: what every trained n-gram model offers the rest of the pipeline.
 *
 * Contract (ARPA convention, as SRILM and KenLM): a sentence is `<s> w1 .. wm </s>`; each of w1..wm and
 * `</s>` is predicted from its history, the up to n-1 items before it, `<s>` included. At the start of a
 * sentence the history is simply shorter (for order 3 the first word is predicted from `<s>` alone).
 * `<s>` itself is never predicted.
 *
 * - `probability(history, w)` is a proper conditional distribution over the model's support plus `</s>`:
 *   for every history, seen or not, the values over all ids sum to 1 (property-tested). For a history
 *   that never occurred in training, the model uses the longest suffix of it that did (for MLE) or its
 *   smoothing's own back-off (for smoothed models).
 * - Models do not sample: the sampler layer builds a sampler from a frozen model
 *   (src/sampler/samplerFor.ts), which draws from exactly these probabilities after the transforms.
 * - Every model is trained once and frozen; nothing mutates it afterwards.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';

export type SmoothingName = 'mle' | 'add-k' | 'witten-bell' | 'kneser-ney';
export const SMOOTHING_NAMES: readonly SmoothingName[] = Object.freeze(['mle', 'add-k', 'witten-bell', 'kneser-ney']);

export type VocabMode = 'observed' | 'seed';
export const VOCAB_MODES: readonly VocabMode[] = Object.freeze(['observed', 'seed']);

export interface ModelOptions {
  /** n >= 1. */
  readonly order: number;
  readonly smoothing: SmoothingName;
  /** Lidstone constant for `add-k`. */
  readonly k: number;
  readonly vocab: VocabMode;
  /**
   * Size of the id space (vocabulary size including `<s>` and `</s>`): ids are < idSpace.
   */
  readonly idSpace: number;
  /**
   * For `vocab: 'seed'`: the ids that make up the fixed vocabulary (real tokens only, no markers).
   * Ignored for `observed`.
   */
  readonly seedTypes?: Int32Array;
}

export interface LanguageModel {
  readonly order: number;
  readonly smoothing: SmoothingName;
  /** Ids the model can emit as tokens (its vocabulary, markers excluded). */
  readonly support: Int32Array;
  /** Size of the id space the model was built for. */
  readonly idSpace: number;
  /** True when Kneser–Ney discounts fell back to defaults (degenerate counts-of-counts). */
  readonly discountFallback: boolean;
  /**
   * P(token | history). `history` holds the ids before `token` in the sentence, `<s>` first,
   * in `history[start .. end)`; only the last order-1 items matter. `token` may be `</s>`.
   */
  probability(history: Int32Array, start: number, end: number, token: number): number;
}

/** Signature of a trainer: one per smoothing. */
export type Trainer = (corpus: TokenCorpus, options: ModelOptions) => LanguageModel;
