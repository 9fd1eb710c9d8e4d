/**
 * trainModel: picks the trainer for a smoothing name and trains a frozen LanguageModel.
 *
 * Contract: checks the options first (./trainOptions.ts: documented defaults for k, vocab and idSpace;
 * order and smoothing required; seed types required for `vocab: 'seed'`) and throws UsageError naming a
 * bad or missing field before any counting.
 *
 * @example
 *   const model = trainModel(corpus, { order: 3, smoothing: 'kneser-ney' });
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import type { LanguageModel, SmoothingName, Trainer } from './languageModel.js';
import { trainAddK } from './addK.js';
import { trainKneserNey } from './kneserNey.js';
import { trainMle } from './mle.js';
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
  return TRAINERS[resolved.smoothing](corpus, resolved);
}
