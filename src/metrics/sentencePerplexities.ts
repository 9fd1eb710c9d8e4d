/**
 * Per-sentence perplexity of a text under a model, floored as the simulator's perplexities are
 * (SPEC section 4): the histogram of Shumailov et al. (Nature 2024, Fig. 1b) is made of these.
 *
 * Contract: `sentencePerplexities(model, text, seedTypes)` returns one value per sentence of `text`, in
 * order: the perplexity of `<s> w1 .. wm </s>` alone, each of its m + 1 predictions floored as
 * (1 - eps) p + eps / (seedTypes + 1), eps = 1e-4. The scoring is model/evaluate.ts's
 * `flooredEvaluation`, called on each sentence as a one-sentence corpus (a view, no copy), so the
 * values agree with `gen0_perplexity` (whose log-probability is their pooled sum). Every value is finite
 * and >= 1. O(tokens x model lookup) plus O(sentences x idSpace) for the support masks.
 *
 * @example
 *   sentencePerplexities(model0, syntheticText, seedTypes) // Float64Array [12.3, 48.1, ...]
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { flooredEvaluation } from '../model/evaluate.js';
import type { LanguageModel } from '../model/languageModel.js';

export function sentencePerplexities(model: LanguageModel, text: TokenCorpus, seedTypes: number): Float64Array {
  const sentences = text.offsets.length - 1;
  const result = new Float64Array(sentences);
  const offsets = new Int32Array(2);
  // Stryker disable next-line EqualityOperator: equivalent, the extra pass writes past the end of the typed array (a no-op)
  for (let s = 0; s < sentences; s++) {
    const from = text.offsets[s]!;
    const to = text.offsets[s + 1]!;
    offsets[1] = to - from;
    const sentence: TokenCorpus = { ids: text.ids.subarray(from, to), offsets };
    result[s] = flooredEvaluation(model, sentence, seedTypes).perplexity;
  }
  return result;
}
