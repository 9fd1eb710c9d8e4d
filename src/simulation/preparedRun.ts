/**
 * PreparedRun: what every (cell, replicate) series of a run shares, computed once: the holdout split,
 * the batch size N, the measured size, the seed reference of H. Read-only after construction; it can be rebuilt in a
 * worker thread from the same corpus and settings with the same result.
 */

import { tokenCount, type TokenCorpus } from '../corpus/tokenCorpus.js';
import { InputError } from '../errors.js';
import { overlapMetrics } from '../metrics/overlapMetrics.js';
import { buildSeedReference, type SeedReference } from '../metrics/seedReference.js';
import { splitHoldout } from './holdoutSplit.js';
import type { RunSettings } from './settings.js';

export interface PreparedRun {
  readonly settings: RunSettings;
  readonly idSpace: number;
  readonly human: TokenCorpus;
  readonly heldout: TokenCorpus;
  /** Tokens per batch (N). */
  readonly batchTokens: number;
  /** Size of the text each row of generation >= 1 measures (--measure-tokens; default N). */
  readonly measureTokens: number;
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
    measureTokens: settings.measureTokens ?? batchTokens,
    reference: buildSeedReference(human, idSpace, settings.rareThreshold),
  };
}

/**
 * Share of the held-out sentences that occur verbatim in H (undefined without a held-out set). A
 * corpus holding the same text twice puts copies of H's sentences in E, and held-out perplexity then
 * measures memory, not generalisation. O(held-out tokens).
 */
export function heldoutOverlap(run: PreparedRun): number | undefined {
  return overlapMetrics(run.heldout, run.reference).copy_rate;
}
