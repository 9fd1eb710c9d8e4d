/**
 * Floored perplexity of a text under a model, as the simulator reports it (SPEC section 4).
 *
 * Every prediction (each token and each sentence's `</s>`, ARPA convention, as SRILM and KenLM count
 * them) gets p' = (1 - eps) p + eps / V, eps = 1e-4, V = seed types + 1, so the value stays finite
 * even for MLE, where unseen tokens have p = 0. Perplexity = 2^(-(1/P) sum log2 p'). Undefined for an
 * empty text. O(tokens * order) lookups; the scoring itself is model/evaluate.ts's.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import type { LanguageModel } from '../model/languageModel.js';
import { FLOOR_EPSILON, flooredEvaluation } from '../model/evaluate.js';

export const PERPLEXITY_EPSILON = FLOOR_EPSILON;

export function flooredPerplexity(model: LanguageModel, corpus: TokenCorpus, seedTypes: number): number | undefined {
  if (corpus.offsets.length <= 1) return undefined;
  const { perplexity } = flooredEvaluation(model, corpus, seedTypes);
  return Number.isFinite(perplexity) ? perplexity : undefined;
}

/** Share of the text's tokens that are outside the model's support. Undefined for an empty text. */
export function oovRate(model: LanguageModel, corpus: TokenCorpus): number | undefined {
  if (corpus.ids.length === 0) return undefined;
  const inSupport = new Uint8Array(model.idSpace);
  for (const id of model.support) inSupport[id] = 1;
  let outside = 0;
  for (let i = 0; i < corpus.ids.length; i++) if (inSupport[corpus.ids[i]!] !== 1) outside++;
  return outside / corpus.ids.length;
}
