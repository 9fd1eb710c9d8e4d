/**
 * Estimator: what one smoothing method is, as NLTK's `nltk/lm/smoothing.py` draws it (a smoothing is an
 * `alpha_gamma` rule; the interpolation is written once): its counts (raw or adjusted), the discounts it
 * takes from them (from its counts-of-counts), and the mass it reserves for the lower distribution.
 * `trainInterpolated` turns any estimator into the alpha/gamma tables of interpolated.ts, in one loop:
 *
 *     for each history h (every trie node below order n), over its children c = h w (skipping `<s>`,
 *     a child of the root only: it is never predicted):
 *       total(h)      = sum_c count(c)
 *       distinct(h)   = number of such children
 *       discounted(h) = sum_c discount(c)
 *       reserved(h)   = the estimator's extra mass for h (given total and distinct)
 *       denominator   = total(h) + reserved(h)
 *       alpha(h w)    = max(count(c) - discount(c), 0) / denominator
 *       gamma(h)      = (discounted(h) + reserved(h)) / denominator,   or 1 when denominator = 0
 *
 * so that gamma(h) + sum_w alpha(h w) = 1 whenever every discount is <= its count (Chen & Goodman 1998,
 * TR-10-98 §3, the interpolated form). The three methods (see their files for the sources):
 *
 * | smoothing   | count(c)            | discount(c)       | reserved(h)    | lower     |
 * |-------------|---------------------|-------------------|----------------|-----------|
 * | add-k       | c(h w)              | 0                 | k |V|          | uniform   |
 * | Witten–Bell | c(h w)              | 0                 | N1+(h •)       | suffix    |
 * | Kneser–Ney  | adjusted a(h w)     | D_order(a(h w))   | 0              | suffix    |
 *
 * Trains in O(nodes) after counting; the model is frozen afterwards.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { buildNgramTrie, type NgramTrie } from '../counts/ngramTrie.js';
import { BOS } from '../vocabulary/vocabulary.js';
import { InterpolatedModel, modelSupport, type LowerDistribution } from './interpolated.js';
import type { LanguageModel, ModelOptions, SmoothingName } from './languageModel.js';

export interface Estimator {
  readonly smoothing: SmoothingName;
  readonly lower: LowerDistribution;
  /** True when the estimator had to fall back to default discounts (Kneser–Ney only). */
  readonly discountFallback: boolean;
  /** The count of the k-gram node that the estimate uses. */
  count(node: number): number;
  /** The amount taken from that count for the lower distribution; `order` is the node's order. */
  discount(node: number, order: number): number;
  /** Extra mass of history node `history` for the lower distribution, given its total and distinct. */
  reserved(history: number, total: number, distinct: number): number;
}

/** Builds the estimator of one smoothing from the trie and the model's support. */
export type EstimatorFactory = (trie: NgramTrie, support: Int32Array, options: ModelOptions) => Estimator;

/** Counts the corpus, builds the estimator, fills alpha and gamma (the loop above), freezes the model. */
export function trainInterpolated(corpus: TokenCorpus, options: ModelOptions, factory: EstimatorFactory): LanguageModel {
  const trie = buildNgramTrie(corpus, options.order, options.idSpace);
  const support = modelSupport(trie, options.vocab, options.seedTypes);
  const estimator = factory(trie, support, options);
  const alpha = new Float64Array(trie.nodeCount);
  const gamma = new Float64Array(trie.nodeCount);
  // Stryker disable next-line EqualityOperator: equivalent, `k <= order` also fills the top-order nodes, never histories
  for (let k = 0; k < trie.order; k++) {
    // Stryker disable next-line EqualityOperator: equivalent, `h <= end` computes the next level's first node too early; its own pass overwrites it
    for (let h = trie.levelStart[k]!; h < trie.levelStart[k + 1]!; h++) {
      gamma[h] = alphaGamma(trie, estimator, h, k + 1, alpha);
    }
  }
  return new InterpolatedModel({
    smoothing: estimator.smoothing,
    trie,
    support,
    alpha,
    gamma,
    lower: estimator.lower,
    discountFallback: estimator.discountFallback,
  });
}

/** Writes alpha of h's children (of order `order`) and returns gamma(h). */
function alphaGamma(trie: NgramTrie, estimator: Estimator, h: number, order: number, alpha: Float64Array): number {
  let total = 0;
  let distinct = 0;
  let discounted = 0;
  for (let c = trie.childStart[h]!; c < trie.childEnd[h]!; c++) {
    if (trie.word[c] === BOS) continue; // <s> is never predicted (only the root has it as a child)
    total += estimator.count(c);
    discounted += estimator.discount(c, order);
    distinct++;
  }
  const reserved = estimator.reserved(h, total, distinct);
  const denominator = total + reserved;
  if (denominator === 0) return 1;
  // Stryker disable next-line EqualityOperator: equivalent, `c <= end` writes the next history's first child, which that history's pass overwrites (or past the array)
  for (let c = trie.childStart[h]!; c < trie.childEnd[h]!; c++) {
    if (trie.word[c] === BOS) continue;
    alpha[c] = Math.max(estimator.count(c) - estimator.discount(c, order), 0) / denominator;
  }
  return (discounted + reserved) / denominator;
}
