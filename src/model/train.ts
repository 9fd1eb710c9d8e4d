/**
 * trainModel: picks the trainer for a smoothing name and trains a frozen LanguageModel.
 *
 * Contract: validates the model options (order >= 1, k > 0, known smoothing, seed types given for
 * `vocab: 'seed'`) and throws UsageError on a bad value before any counting.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { UsageError } from '../errors.js';
import { SMOOTHING_NAMES, type LanguageModel, type ModelOptions, type SmoothingName, type Trainer } from './languageModel.js';
import { trainAddK } from './addK.js';
import { trainKneserNey } from './kneserNey.js';
import { trainMle } from './mle.js';
import { trainWittenBell } from './wittenBell.js';

const TRAINERS: Record<SmoothingName, Trainer> = {
  mle: trainMle,
  'add-k': trainAddK,
  'witten-bell': trainWittenBell,
  'kneser-ney': trainKneserNey,
};

export function trainModel(corpus: TokenCorpus, options: ModelOptions): LanguageModel {
  const trainer = TRAINERS[options.smoothing];
  if (trainer === undefined) {
    throw new UsageError(`unknown smoothing '${options.smoothing}'`, `use one of: ${SMOOTHING_NAMES.join(', ')}`);
  }
  if (!Number.isInteger(options.order) || options.order < 1) {
    throw new UsageError(`order must be a whole number >= 1, got ${options.order}`, 'pass --order 1, 2, 3, ...');
  }
  return trainer(corpus, options);
}
