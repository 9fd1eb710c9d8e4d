/**
 * PreparedRun: what every (cell, replicate) series of a run shares, computed once: the holdout split,
 * the batch size N, the seed reference of H. Read-only after construction; it can be rebuilt in a
 * worker thread from the same corpus and settings with the same result, or handed to it as plain data
 * (`preparedRunParts`, typed arrays a caller may put in shared memory) and rebuilt without recounting
 * (`preparedRunFromParts`).
 */

import { tokenCount, type TokenCorpus } from '../corpus/tokenCorpus.js';
import { InputError } from '../errors.js';
import { buildSeedReference, seedReferenceFromParts, seedReferenceParts, type SeedReference, type SeedReferenceParts } from '../metrics/seedReference.js';
import { splitHoldout } from './holdoutSplit.js';
import type { RunSettings } from './settings.js';

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

/** A PreparedRun as plain data: typed arrays and numbers (settings travel separately). */
export type PreparedRunParts = Omit<PreparedRun, 'settings' | 'reference'> & { readonly reference: SeedReferenceParts };

export function preparedRunParts(run: PreparedRun): PreparedRunParts {
  const { settings: _settings, reference, ...rest } = run;
  return { ...rest, reference: seedReferenceParts(reference) };
}

export function preparedRunFromParts(parts: PreparedRunParts, settings: RunSettings): PreparedRun {
  return { ...parts, settings, reference: seedReferenceFromParts(parts.reference) };
}
