/**
 * Evaluation of a TokenCorpus under a LanguageModel: perplexity, cross-entropy, OOV rate.
 *
 * Convention of KenLM's `query` and SRILM's `ngram -ppl`: every sentence is scored as `<s> w1 .. wm </s>`;
 * each w_i and the `</s>` is predicted from its history (`<s>` is never predicted); a token outside the
 * model's support (OOV) is not scored and is counted separately, but stays in the history of the tokens
 * after it (where the model backs off past it).
 *
 *     predictions = tokens - oov + sentences
 *     log10 P     = sum over scored predictions of log10 P(w | h)
 *     cross-entropy (bits) H = -log2 P / predictions
 *     perplexity  = 2^H = 10^(-log10 P / predictions)
 *     OOV rate    = oov / tokens
 *
 * `flooredEvaluation` is the simulator's variant (the README's "The curves CSV"): every prediction, OOV tokens included, gets
 * p' = (1 - eps) p + eps / V with eps = 1e-4 and V = seed types + 1, so that perplexity stays finite for
 * MLE models that give an unseen token probability 0 (./probabilityFloor.ts).
 *
 * Both run in O(tokens * model lookup). An empty text gives NaN perplexity and NaN rates. `evaluateModel`,
 * a library entry, refuses a model not made by trainModel and a text that is no TokenCorpus (a
 * UsageError; ids past the model's id space are OOV tokens).
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { checkTokenCorpus } from '../corpus/checkTokenCorpus.js';
import { UsageError } from '../errors.js';
import { BOS, EOS, MAX_ID_SPACE } from '../vocabulary/vocabulary.js';
import { InterpolatedModel } from './interpolated.js';
import type { LanguageModel } from './languageModel.js';
import { MleModel } from './mle.js';
import { FLOOR_EPSILON, floored, seedFloor, type ProbabilityFloor } from './probabilityFloor.js';

export { FLOOR_EPSILON } from './probabilityFloor.js';

export interface Evaluation {
  readonly sentences: number;
  /** Real tokens in the text (boundaries not counted). */
  readonly tokens: number;
  /** Tokens outside the model's support. */
  readonly oov: number;
  readonly oovRate: number;
  /** Predictions scored (tokens - oov + sentences, or tokens + sentences when floored). */
  readonly predictions: number;
  /** Sum of log10 probabilities of the scored predictions. */
  readonly log10Probability: number;
  readonly crossEntropyBits: number;
  readonly perplexity: number;
}

/** Perplexity and friends in the KenLM / SRILM convention (OOV tokens excluded from the perplexity). */
export function evaluateModel(model: LanguageModel, corpus: TokenCorpus): Evaluation {
  // (a library entry: null for either was a raw TypeError: audit)
  if (!(model instanceof MleModel) && !(model instanceof InterpolatedModel)) throw new UsageError('evaluateModel needs a model made by trainModel', 'train the model with trainModel(corpus, options)');
  // (ids past the model's id space are OOV tokens, counted: a text read with a copy of the vocabulary has them)
  checkTokenCorpus('corpus', corpus, MAX_ID_SPACE);
  return score(model, corpus, undefined);
}

/** The simulator's floored variant: every prediction scored as (1 - eps) p + eps / (seedTypes + 1). */
export function flooredEvaluation(
  model: LanguageModel,
  corpus: TokenCorpus,
  seedTypes: number,
  epsilon: number = FLOOR_EPSILON,
): Evaluation {
  return score(model, corpus, seedFloor(seedTypes, epsilon));
}

/**
 * The floored log10 probability of each sentence alone (its m + 1 predictions), in one pass over the
 * text: what flooredEvaluation sums, kept per sentence (curation scores candidates with it).
 */
export function flooredSentenceLog10(model: LanguageModel, corpus: TokenCorpus, seedTypes: number, epsilon: number = FLOOR_EPSILON): Float64Array {
  const perSentence = new Float64Array(corpus.offsets.length - 1);
  score(model, corpus, seedFloor(seedTypes, epsilon), perSentence);
  return perSentence;
}

function score(
  model: LanguageModel,
  corpus: TokenCorpus,
  floor: ProbabilityFloor | undefined,
  perSentence?: Float64Array,
): Evaluation {
  const inSupport = new Uint8Array(model.idSpace);
  for (const id of model.support) inSupport[id] = 1;
  const sentences = corpus.offsets.length - 1;
  let longest = 0;
  // Stryker disable next-line ArithmeticOperator: equivalent, `offsets[s + 1] + offsets[s]` only makes the history buffer longer
  for (let s = 0; s < sentences; s++) longest = Math.max(longest, corpus.offsets[s + 1]! - corpus.offsets[s]!);
  const history = new Int32Array(longest + 1);
  let log10Sum = 0;
  let predictions = 0;
  let oov = 0;
  // Stryker disable next-line EqualityOperator: equivalent, `s <= sentences` adds a sentence of NaN length (no prediction)
  for (let s = 0; s < sentences; s++) {
    const from = corpus.offsets[s]!;
    const length = corpus.offsets[s + 1]! - from;
    history[0] = BOS;
    for (let j = 0; j <= length; j++) {
      const token = j < length ? corpus.ids[from + j]! : EOS;
      const known = token === EOS || inSupport[token] === 1; // an id outside the id space reads undefined
      if (!known) oov++;
      if (known || floor !== undefined) {
        let p = model.probability(history, 0, j + 1, token);
        if (floor !== undefined) p = floored(p, floor);
        const log10 = Math.log10(p);
        log10Sum += log10;
        if (perSentence !== undefined) perSentence[s]! += log10;
        predictions++;
      }
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the </s> written after the last prediction is never read
      if (j < length) history[j + 1] = token;
    }
  }
  const tokens = corpus.ids.length;
  const crossEntropyBits = -log10Sum / Math.LOG10E / Math.LN2 / predictions;
  return {
    sentences,
    tokens,
    oov,
    oovRate: oov / tokens,
    predictions,
    log10Probability: log10Sum,
    crossEntropyBits,
    perplexity: Math.pow(10, -log10Sum / predictions),
  };
}
