/**
 * Floored perplexity of a text under a model, as the simulator reports it (the README's "The curves CSV").
 *
 * Every prediction (each token and each sentence's `</s>`, ARPA convention, as SRILM and KenLM count
 * them) gets p' = (1 - eps) p + eps / V, eps = 1e-4, V = seed types + 1, so the value stays finite
 * even for MLE, where unseen tokens have p = 0. Perplexity = 2^(-(1/P) sum log2 p'). Undefined for an
 * empty text (the floor: model/probabilityFloor.ts). O(tokens * order) lookups; the general scoring is model/evaluate.ts's.
 *
 * A model may offer `predictionProbabilities(corpus)`, the same probabilities for a whole text in
 * text order (the MLE model walks its table instead of looking up each history); it is then used
 * (the fast path of the simulation loop, equal to the general scoring up to float rounding).
 * A caller that holds the text's own transition table at the model's order (`table`: its (history,
 * token) pairs with their counts) may pass it: a model that can read it (`flooredLog2Sum`; the MLE
 * model, for a table sharing its hash table) then scores each pair once instead of each prediction,
 * equal to the text-order sum up to float rounding.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import type { TransitionTable } from '../counts/transitionTable.js';
import type { LanguageModel } from '../model/languageModel.js';
import { flooredEvaluation } from '../model/evaluate.js';
import { FLOOR_EPSILON, floored, seedFloor, type ProbabilityFloor } from '../model/probabilityFloor.js';

export const PERPLEXITY_EPSILON = FLOOR_EPSILON;

/** A model that can score every prediction of a text in one walk. */
export interface PredictionWalker {
  /** P of every prediction (each token, then `</s>`), sentence by sentence, in text order. */
  predictionProbabilities(corpus: TokenCorpus): Float64Array;
}

export function isPredictionWalker(model: object): model is PredictionWalker {
  return typeof (model as Partial<PredictionWalker>).predictionProbabilities === 'function';
}

/** A model that can score a text given as its own transition table (see flooredPerplexity's `table`). */
export interface TableScorer {
  /** Sum of log2(keep p + floor) over the table's predictions and their number; undefined for a table it cannot read. */
  flooredLog2Sum(table: TransitionTable, floor: ProbabilityFloor): { log2Sum: number; predictions: number } | undefined;
}

function isTableScorer(model: object): model is TableScorer {
  return typeof (model as Partial<TableScorer>).flooredLog2Sum === 'function';
}

export function flooredPerplexity(model: LanguageModel, corpus: TokenCorpus, seedTypes: number, table?: TransitionTable): number | undefined {
  const floor = seedFloor(seedTypes, PERPLEXITY_EPSILON);
  const fromTable = table === undefined || !isTableScorer(model) ? undefined : model.flooredLog2Sum(table, floor);
  if (fromTable !== undefined) return fromTable.predictions > 0 ? Math.pow(2, -fromTable.log2Sum / fromTable.predictions) : undefined;
  if (isPredictionWalker(model)) {
    const probabilities = model.predictionProbabilities(corpus);
    let sum = 0;
    for (let p = 0; p < probabilities.length; p++) sum += Math.log2(floored(probabilities[p]!, floor));
    return probabilities.length > 0 ? Math.pow(2, -sum / probabilities.length) : undefined;
  }
  // an empty text has no predictions: 10^(-0 / 0) is NaN, reported as undefined
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
