/**
 * PreparedRun: what every (cell, replicate) series of a run shares, computed once: the holdout split,
 * the batch size N, the seed reference of H. Read-only after construction; it can be rebuilt in a
 * worker thread from the same corpus and settings with the same result.
 *
 * prepareRun is where simulate, simulateAsync and the recipes validate their input: the settings
 * (validateRunSettings: UsageError naming the field, the value and the allowed range), `idSpace`
 * (a whole number >= 2) and the corpus (checkTokenCorpus: ids within the id space), before any work.
 * Then InputError when the corpus is too small for the holdout share or the largest anchor.
 */

import { checkIdSpace, checkTokenCorpus } from '../corpus/checkTokenCorpus.js';
import { tokenCount, type TokenCorpus } from '../corpus/tokenCorpus.js';
import { InputError } from '../errors.js';
import { buildSeedReference, type SeedReference } from '../metrics/seedReference.js';
import { splitHoldout } from './holdoutSplit.js';
import type { RunSettings } from './settings.js';
import { validateRunSettings } from './validateSettings.js';

export interface PreparedRun {
  readonly settings: RunSettings;
  readonly idSpace: number;
  readonly human: TokenCorpus;
  readonly heldout: TokenCorpus;
  /** Tokens per batch (N). */
  readonly batchTokens: number;
  readonly reference: SeedReference;
}

export function prepareRun(corpus: TokenCorpus, idSpace: number, settings: RunSettings): PreparedRun {
  validateRunSettings(settings);
  checkTokenCorpus('corpus', corpus, checkIdSpace('idSpace', idSpace));
  const { human, heldout } = splitHoldout(corpus, settings.holdout, settings.seed);
  const batchTokens = settings.tokens ?? tokenCount(human);
  const humanSentences = human.offsets.length - 1;
  const maxAnchor = Math.max(...settings.sweep.anchor);
  if (maxAnchor > humanSentences) {
    throw new InputError(
      `--anchor ${maxAnchor} needs that many human sentences, but the human pool has ${humanSentences}`,
      'pass a smaller --anchor or a larger corpus',
    );
  }
  return {
    settings,
    idSpace,
    human,
    heldout,
    batchTokens,
    reference: buildSeedReference(human, idSpace, settings.rareThreshold),
  };
}
