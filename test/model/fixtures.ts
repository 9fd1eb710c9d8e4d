/**
 * Shared tiny corpora for the model tests. Ids: <s>=0, </s>=1, a=2, b=3, c=4.
 *
 * TINY = "a b" / "a c" / "b", read as  <s> a b </s> | <s> a c </s> | <s> b </s>
 *   unigram counts: <s> 3, a 2, b 2, c 1, </s> 3 (predicted items: 5 tokens + 3 </s> = 8)
 *   bigram counts:  <s> a 2, <s> b 1, a b 1, a c 1, b </s> 2, c </s> 1
 */

import { corpusFromSentences, type TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import type { ModelOptions, SmoothingName } from '../../src/model/languageModel.js';

export const A = 2;
export const B = 3;
export const C = 4;
export const TINY: TokenCorpus = corpusFromSentences([[A, B], [A, C], [B]]);

export function options(smoothing: SmoothingName, order: number, extra: Partial<ModelOptions> = {}): ModelOptions {
  return { order, smoothing, k: 1, vocab: 'observed', idSpace: 5, ...extra };
}

/** P(token | <s> history...) with the history given as plain ids. */
export function history(...ids: number[]): Int32Array {
  return Int32Array.from(ids);
}
