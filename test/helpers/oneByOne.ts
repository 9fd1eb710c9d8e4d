/**
 * probability() of every prediction of a text (each token, then `</s>`), one call each, in text order:
 * the reference the whole-text scorers (MleModel.predictionProbabilities) are checked against.
 */

import type { TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import type { LanguageModel } from '../../src/model/languageModel.js';
import { BOS, EOS } from '../../src/vocabulary/vocabulary.js';

export function probabilitiesOneByOne(model: LanguageModel, corpus: TokenCorpus): number[] {
  const values: number[] = [];
  for (let s = 0; s + 1 < corpus.offsets.length; s++) {
    const history = [BOS, ...corpus.ids.subarray(corpus.offsets[s], corpus.offsets[s + 1])];
    const array = Int32Array.from(history);
    for (let j = 1; j <= history.length; j++) values.push(model.probability(array, 0, j, j < history.length ? history[j]! : EOS));
  }
  return values;
}
