/**
 * Interpolated Witten–Bell smoothing (Witten & Bell 1991; interpolated form as Chen & Goodman 1998,
 * TR-10-98 §2.5, also SRILM's `-wbdiscount -interpolate`):
 *
 *     P_WB(w | h) = [ c(h w) + N1+(h •) P_WB(w | h') ] / [ c(h) + N1+(h •) ]
 *
 * with raw counts c at every order, c(h) = sum_w c(h w), N1+(h •) the number of distinct words seen after h,
 * h' the history without its first word, and at the bottom the empty history interpolated with the
 * uniform distribution over V = support plus `</s>` (P_WB(w | h') := 1 / |V| below the unigrams).
 * As an estimator (estimator.ts), in the tables of interpolated.ts: alpha(h w) = c(h w) / (c(h) + N1+(h •)),
 * gamma(h) = N1+(h •) / (c(h) + N1+(h •)). The empty history counts every predicted item (tokens and `</s>`), never `<s>`.
 * With `vocab: 'seed'`, seed types absent from the training text keep gamma(root) / |V| > 0.
 *
 * Trains in O(nodes) after counting. Contract: see languageModel.ts.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import type { NgramTrie } from '../counts/ngramTrie.js';
import { trainInterpolated, type Estimator } from './estimator.js';
import type { LanguageModel, ModelOptions } from './languageModel.js';

/** Witten–Bell as an estimator: raw counts, no discounts, N1+(h •) reserved for the lower order. */
export function wittenBellEstimator(trie: NgramTrie): Estimator {
  return {
    smoothing: 'witten-bell',
    lower: 'suffix',
    discountFallback: false,
    count: (node) => trie.count[node]!,
    discount: () => 0,
    reserved: (_history, _total, distinct) => distinct,
  };
}

export function trainWittenBell(corpus: TokenCorpus, options: ModelOptions): LanguageModel {
  return trainInterpolated(corpus, options, wittenBellEstimator);
}
