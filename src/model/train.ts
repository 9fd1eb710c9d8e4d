/**
 * trainModel: picks the trainer for a smoothing name and trains a frozen LanguageModel.
 *
 * Contract: checks the options first (./trainOptions.ts: documented defaults for k, vocab and idSpace;
 * order and smoothing required; seed types required for `vocab: 'seed'`) and throws UsageError naming a
 * bad or missing field before any counting.
 *
 * `trainOnSampledPath`: the same MLE model, for a text sampled from an MLE model's table, built from
 * the path the sampler took (../counts/sampledTable.ts) instead of counting the text: what the loop
 * does when a model is retrained on nothing but its own sample.
 *
 * @example
 *   const model = trainModel(corpus, { order: 3, smoothing: 'kneser-ney' });
 */

import { tableFromPath } from '../counts/sampledTable.js';
import type { TransitionTable } from '../counts/transitionTable.js';
import { tokenCount, sentenceCount, type TokenCorpus } from '../corpus/tokenCorpus.js';
import { checkTokenCorpus } from '../corpus/checkTokenCorpus.js';
import type { LanguageModel, SmoothingName, Trainer } from './languageModel.js';
import { trainAddK } from './addK.js';
import { trainKneserNey } from './kneserNey.js';
import { MleModel, trainMle } from './mle.js';
import { resolveTrainOptions, type TrainOptions } from './trainOptions.js';
import { trainWittenBell } from './wittenBell.js';

const TRAINERS: Record<SmoothingName, Trainer> = {
  mle: trainMle,
  'add-k': trainAddK,
  'witten-bell': trainWittenBell,
  'kneser-ney': trainKneserNey,
};

export function trainModel(corpus: TokenCorpus, options: TrainOptions): LanguageModel {
  const resolved = resolveTrainOptions(corpus, options);
  // the corpus's shape and ids (no marker, no negative id, offsets over the ids): one pass, 2.4 ms on
  // Brown, here at the public entry (trainOnSampledPath, per generation of the loop, takes the loop's own texts)
  checkTokenCorpus('corpus', corpus, resolved.idSpace);
  return TRAINERS[resolved.smoothing](corpus, resolved);
}

/**
 * The MLE model of `text`, given that `text` is, in any order of sentences, `extras` and a text
 * sampled by walking `table`, and `path` is that walk (one entry per prediction:
 * ../sampler/tableSampler.ts `createPathSampler`). Equal to `trainModel(text, options)` in every
 * probability and every draw; counted from `text` the usual way if an extra has a history the table's
 * root never saw (../counts/sampledTable.ts). Throws RangeError if the options are not MLE of the
 * table's order or the path and extras do not have one entry per prediction of `text`.
 */
export function trainOnSampledPath(text: TokenCorpus, table: TransitionTable, path: Int32Array, options: TrainOptions, extras: readonly TokenCorpus[] = []): MleModel {
  const resolved = resolveTrainOptions(text, options);
  if (resolved.smoothing !== 'mle' || resolved.order - 1 !== table.historyLength) {
    // Stryker disable next-line StringLiteral,ArithmeticOperator: equivalent, the message is not part of the contract (the RangeError is, tested)
    throw new RangeError(`a sample path gives an MLE model of order ${table.historyLength + 1}, not ${resolved.smoothing} of order ${resolved.order}`);
  }
  const predictions = (corpus: TokenCorpus): number => tokenCount(corpus) + sentenceCount(corpus);
  const given = extras.reduce((sum, extra) => sum + predictions(extra), path.length);
  // Stryker disable next-line StringLiteral: equivalent, the message is not part of the contract (the RangeError is, tested)
  if (given !== predictions(text)) throw new RangeError(`the path and extras have ${given} predictions, the text ${predictions(text)}`);
  return new MleModel(text, resolved, tableFromPath(table, path, extras));
}
