/**
 * Per-sentence perplexity of a text under a model, floored as the simulator's perplexities are
 * (the README's "The curves CSV"): the histogram of Shumailov et al. (Nature 2024, Fig. 1b) is made of these, and
 * `--select` ranks its candidates by them (simulation/curation.ts).
 *
 * Contract: `sentencePerplexities(model, text, seedTypes)` returns one value per sentence of `text`, in
 * order: the perplexity of `<s> w1 .. wm </s>` alone, each of its m + 1 predictions floored as
 * (1 - eps) p + eps / (seedTypes + 1), eps = 1e-4. In one pass over the ids: one table walk when the
 * model offers `predictionProbabilities` (metrics/perplexity.ts; each sentence's m + 1 predictions are
 * consecutive in its output), otherwise model/evaluate.ts's `flooredSentenceLog10` (one scoring pass).
 * The values agree with `gen0_perplexity` (whose log-probability is their pooled sum) up to float
 * rounding. Every value is finite and >= 1. O(tokens) for a walker, O(tokens x model lookup) otherwise.
 *
 * @example
 *   sentencePerplexities(model0, syntheticText, seedTypes) // Float64Array [12.3, 48.1, ...]
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { flooredSentenceLog10 } from '../model/evaluate.js';
import type { LanguageModel } from '../model/languageModel.js';
import { isPredictionWalker, PERPLEXITY_EPSILON } from './perplexity.js';
import { floored, seedFloor } from '../model/probabilityFloor.js';

export function sentencePerplexities(model: LanguageModel, text: TokenCorpus, seedTypes: number): Float64Array {
  if (!isPredictionWalker(model)) {
    const log10 = flooredSentenceLog10(model, text, seedTypes);
    return log10.map((sum, s) => Math.pow(10, -sum / (text.offsets[s + 1]! - text.offsets[s]! + 1)));
  }
  const floor = seedFloor(seedTypes, PERPLEXITY_EPSILON);
  const probabilities = model.predictionProbabilities(text);
  const sentences = text.offsets.length - 1;
  const result = new Float64Array(sentences);
  let p = 0;
  for (let s = 0; s < sentences; s++) {
    const predictions = text.offsets[s + 1]! - text.offsets[s]! + 1;
    let sum = 0;
    for (let i = 0; i < predictions; i++) sum += Math.log2(floored(probabilities[p++]!, floor));
    result[s] = Math.pow(2, -sum / predictions);
  }
  return result;
}
