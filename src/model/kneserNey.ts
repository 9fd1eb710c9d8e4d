/**
 * Interpolated modified Kneser–Ney smoothing (Kneser & Ney 1995; Chen & Goodman 1998, TR-10-98 §3), computed
 * as KenLM's `lmplz` does (Heafield et al. 2013, "Scalable modified Kneser-Ney language model estimation"):
 *
 *     P(w | h) = max(a(h w) - D_k(a(h w)), 0) / sum_v a(h v)  +  gamma(h) P(w | h')
 *     gamma(h) = [ D_k,1 N1(h •) + D_k,2 N2(h •) + D_k,3+ N3+(h •) ] / sum_v a(h v)     (C&G p. 20)
 *
 * - a(.) is the adjusted count of a k-gram: its raw count at the highest order n and for k-grams beginning
 *   with `<s>` (nothing can precede `<s>`, so no continuation count exists); otherwise the continuation
 *   count N1+(• w1..wk), the number of distinct words seen before it (KenLM adjust_counts.cc).
 * - D_k(c) is the discount of order k for adjusted count c: 0 for c = 0, D_k,1, D_k,2, and D_k,3+ for c >= 3.
 *   From the counts-of-counts n_r of adjusted counts at order k (C&G eq. (26)):
 *       Y = n1 / (n1 + 2 n2),  D1 = 1 - 2Y n2/n1,  D2 = 2 - 3Y n3/n2,  D3+ = 3 - 4Y n4/n3.
 *   Counts-of-counts of the unigrams skip `<s>` (never predicted; KenLM gives it adjusted count 0).
 * - N_r(h •) counts the words after h whose adjusted count is r (N3+: r >= 3).
 * - Below the unigrams the empty history is interpolated with the uniform distribution 1/|V| over
 *   V = support plus `</s>` (KenLM interpolates with uniform over its vocabulary, which also holds `<unk>`).
 *
 * Discount fallback (as KenLM's `--discount_fallback`, whose defaults are used): when n1, n2 or n3 of an
 * order is 0, or a computed discount D_j falls outside [0, j], that order uses D1 = 0.5, D2 = 1, D3+ = 1.5
 * and the model reports `discountFallback: true`. Late collapsed generations produce exactly such
 * degenerate counts; the model never throws and never yields NaN on them.
 *
 * As an estimator (estimator.ts): count = a, discount = D_k(a), nothing else reserved.
 * Trains in O(nodes) after counting. Contract: see languageModel.ts.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import type { NgramTrie } from '../counts/ngramTrie.js';
import { BOS } from '../vocabulary/vocabulary.js';
import { trainInterpolated, type Estimator } from './estimator.js';
import type { LanguageModel, ModelOptions } from './languageModel.js';

/** The three discounts of one order, and whether they are the fallback values. */
export interface Discounts {
  /** [0, D1, D2, D3+]. */
  readonly amounts: readonly [number, number, number, number];
  readonly fallback: boolean;
}

/** KenLM's `--discount_fallback` defaults. */
export const FALLBACK_DISCOUNTS: readonly [number, number, number, number] = [0, 0.5, 1, 1.5];

/** Adjusted counts a(x) of every node (0 for the root and for the unigram `<s>`). O(nodes). */
export function adjustedCounts(trie: NgramTrie): Float64Array {
  const adjusted = new Float64Array(trie.nodeCount);
  const top = trie.levelStart[trie.order]!;
  // Stryker disable next-line EqualityOperator: equivalent, `x <= nodeCount` writes past the typed array (a no-op)
  for (let x = trie.levelStart[1]!; x < trie.nodeCount; x++) {
    // <s> alone (the one node whose word is <s>: <s> only starts sentences) is never predicted: 0, as KenLM.
    if (trie.word[x] === BOS) continue;
    // Stryker disable next-line EqualityOperator: equivalent, the first top-order node begins with <s> (raw count either way)
    adjusted[x] = x >= top || trie.beginsWithBos[x] === 1 ? trie.count[x]! : trie.continuation[x]!;
  }
  return adjusted;
}

/** The discounts of each order k = 1..n (index 0 unused) from counts-of-counts of adjusted counts. */
export function kneserNeyDiscounts(trie: NgramTrie, adjusted: Float64Array = adjustedCounts(trie)): Discounts[] {
  const discounts: Discounts[] = [
    // Stryker disable next-line ObjectLiteral,ArrayDeclaration: equivalent, order 0 has no n-grams: only its fallback flag (false) is read
    { amounts: [0, 0, 0, 0], fallback: false },
  ];
  for (let k = 1; k <= trie.order; k++) {
    const n = [0, 0, 0, 0, 0]; // n[r] for r = 1..4; n[0] counts the <s> unigram's 0 and is never read
    for (let x = trie.levelStart[k]!; x < trie.levelStart[k + 1]!; x++) {
      const a = adjusted[x]!;
      // Stryker disable next-line ConditionalExpression: equivalent, n[r] for r > 4 is never read
      if (a <= 4) n[a]!++;
    }
    discounts.push(discountsFromCountsOfCounts(n));
  }
  return discounts;
}

/** Chen & Goodman eq. (26), with KenLM's validity checks and fallback. `n[r]` for r = 1..4. */
export function discountsFromCountsOfCounts(n: readonly number[]): Discounts {
  const [, n1, n2, n3, n4] = n as [number, number, number, number, number];
  // KenLM's two checks in one: an n1, n2 or n3 of 0 makes a discount NaN or -Infinity (a division by 0),
  // and D_j <= j always holds (j minus a term >= 0), so "D_j in [0, j]" is "D_j >= 0, not NaN".
  const y = n1 / (n1 + 2 * n2);
  const d1 = 1 - (2 * y * n2) / n1;
  const d2 = 2 - (3 * y * n3) / n2;
  const d3 = 3 - (4 * y * n4) / n3;
  const amounts: [number, number, number, number] = [0, d1, d2, d3];
  for (let j = 1; j <= 3; j++) {
    if (!(amounts[j]! >= 0)) return { amounts: FALLBACK_DISCOUNTS, fallback: true };
  }
  return { amounts, fallback: false };
}

/**
 * Kneser–Ney as an estimator: adjusted counts, the discount of each order from its counts-of-counts,
 * nothing reserved beyond the discounts.
 */
export function kneserNeyEstimator(trie: NgramTrie): Estimator {
  const adjusted = adjustedCounts(trie);
  const discounts = kneserNeyDiscounts(trie, adjusted);
  return {
    smoothing: 'kneser-ney',
    lower: 'suffix',
    discountFallback: discounts.some((entry) => entry.fallback),
    count: (node) => adjusted[node]!,
    discount: (node, order) => discounts[order]!.amounts[Math.min(adjusted[node]!, 3)]!,
    reserved: () => 0,
  };
}

export function trainKneserNey(corpus: TokenCorpus, options: ModelOptions): LanguageModel {
  return trainInterpolated(corpus, options, kneserNeyEstimator);
}
