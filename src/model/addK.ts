/**
 * Add-k (Lidstone) smoothing (Lidstone 1920; Chen & Goodman 1998, TR-10-98 §2.1 "additive smoothing"):
 *
 *     P(w | h) = ( c(h w) + k ) / ( c(h) + k |V| )
 *
 * for the history h of the last min(n-1, available) items (ARPA convention: at a sentence start the history
 * is the shorter `<s> ...`, counted at its own order), c(h) = sum_w c(h w), V = support plus `</s>`. A history
 * never seen in training gets c(h) = 0, i.e. the uniform distribution 1/|V| (the textbook definition: add-k
 * does not back off). k = 1 is Laplace. As an estimator (estimator.ts), in the tables of interpolated.ts:
 * alpha(h w) = c(h w) / (c(h) + k|V|), gamma(h) = k|V| / (c(h) + k|V|), lower distribution uniform.
 *
 * With `vocab: 'seed'` every seed type keeps probability >= k / (c(h) + k|V|) > 0: the "prior".
 * Add-k is not a back-off model, so it has no exact ARPA form (arpa.ts refuses it).
 *
 * @throws UsageError when k is not a positive finite number, or k |V| is not finite (a k near the
 * largest double).
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import type { NgramTrie } from '../counts/ngramTrie.js';
import { UsageError } from '../errors.js';
import { trainInterpolated, type Estimator } from './estimator.js';
import type { LanguageModel, ModelOptions } from './languageModel.js';

/** Add-k as an estimator: raw counts, no discounts, k |V| reserved for the uniform distribution. */
export function addKEstimator(trie: NgramTrie, support: Int32Array, options: ModelOptions): Estimator {
  const k = options.k;
  if (!(Number.isFinite(k) && k > 0)) {
    throw new UsageError(`add-k needs k > 0, got ${k}`, 'pass a k > 0, such as 0.01 or 1');
  }
  const pseudo = checkAddKReserve(k, support.length + 1);
  return {
    smoothing: 'add-k',
    lower: 'uniform',
    discountFallback: false,
    count: (node) => trie.count[node]!,
    discount: () => 0,
    reserved: () => pseudo,
  };
}

/**
 * k |V|, the mass add-k reserves in every history, refused (UsageError) when it is past the largest
 * double: every gamma(h) would be Infinity / Infinity. `types` is |V| or a bound on it.
 */
export function checkAddKReserve(k: number, types: number): number {
  const reserve = k * types;
  if (!Number.isFinite(reserve)) throw new UsageError(`k ${k} is too large for add-k over |V| = ${types} (the types and </s>): k |V| is past the largest number`, `pass a k below ${roundedDown(Number.MAX_VALUE / types)}`, 'k');
  return reserve;
}

/** `value` to two significant digits, rounded down (so the bound the hint names is one that passes). */
function roundedDown(value: number): string {
  const [digits, exponent] = value.toExponential(1).split('e');
  let tenths = Math.round(Number(digits) * 10);
  let power = Number(exponent);
  // toExponential rounds to nearest (9.96e300 reads 1.0e+301): step down, into the decade below if need be.
  while (Number(`${tenths / 10}e${power}`) > value) {
    tenths--;
    if (tenths < 10) [tenths, power] = [99, power - 1];
  }
  return `${(tenths / 10).toFixed(1)}e${power < 0 ? '' : '+'}${power}`;
}

export function trainAddK(corpus: TokenCorpus, options: ModelOptions): LanguageModel {
  return trainInterpolated(corpus, options, addKEstimator);
}
