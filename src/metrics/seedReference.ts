/**
 * SeedReference: everything about the human pool H that the metrics compare a text against, computed
 * once per run and shared read-only.
 *
 * Contract: built from H, the id-space size and the rare threshold; holds H's unigram counts, its
 * type count, the band of every seed type (1, 2-5, 6-20, 21+), the rare mask (count <= threshold),
 * H's trigrams (within sentences) and H's sentences (hashed, for verbatim copies). Everything in it
 * is typed arrays and numbers: `seedReferenceParts` gives them as plain data (to put in shared memory
 * for worker threads) and `seedReferenceFromParts` rebuilds the reference from them, no recounting.
 * buildSeedReference checks its arguments (UsageError): idSpace >= 2, H's ids within it, the rare
 * threshold a whole number >= 1 (RARE_THRESHOLD_RULE, the rule the run settings use too), and an
 * InputError for an H without tokens.
 */

import { checkHasTokens, checkIdSpace, checkTokenCorpus } from '../corpus/checkTokenCorpus.js';
import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { UsageError } from '../errors.js';
import { checkValue, integerRule, type ValueRule } from '../validation/valueRule.js';
import { TrigramSet, type TrigramSetParts } from './ngramProfile.js';
import { SentenceSet, type SentenceSetParts } from './sentenceSet.js';
import { countUnigrams, type UnigramCounts } from './unigramCounts.js';

/** Seed-count bands of the README's "The curves CSV": [low, high] inclusive. */
export const SURVIVAL_BANDS = [
  ['survival_1', 1, 1],
  ['survival_2_5', 2, 5],
  ['survival_6_20', 6, 20],
  ['survival_21_plus', 21, Number.POSITIVE_INFINITY],
] as const;

export interface SeedReference {
  readonly idSpace: number;
  readonly unigrams: UnigramCounts;
  readonly rareThreshold: number;
  /** 1 for a seed type whose count in H is <= rareThreshold. */
  readonly rare: Uint8Array;
  readonly rareTypes: number;
  /** Band index (0..3) of every seed type; -1 for ids not in H. */
  readonly band: Int8Array;
  readonly bandSizes: Int32Array;
  readonly trigrams: TrigramSet;
  readonly sentences: SentenceSet;
}

/** The rare threshold: a seed type is rare when its count in H is <= this whole number >= 1. */
export const RARE_THRESHOLD_RULE: ValueRule<number> = integerRule(1);

export function buildSeedReference(human: TokenCorpus, idSpace: number, rareThreshold: number): SeedReference {
  checkTokenCorpus('human', human, checkIdSpace('idSpace', idSpace));
  // (an empty H gave measures without vocab_retention, rare_survival or survival_*: audit)
  checkHasTokens('human', human, 'pass the human text H the measured texts are compared with');
  checkValue('rareThreshold', rareThreshold, RARE_THRESHOLD_RULE);
  const unigrams = countUnigrams(human, idSpace);
  const rare = new Uint8Array(idSpace);
  const band = new Int8Array(idSpace).fill(-1);
  const bandSizes = new Int32Array(SURVIVAL_BANDS.length);
  let rareTypes = 0;
  for (const id of unigrams.types) {
    const count = unigrams.counts[id]!;
    if (count <= rareThreshold) {
      rare[id] = 1;
      rareTypes++;
    }
    // the bands ascend and touch: a type's band is the first whose top reaches its count
    const b = SURVIVAL_BANDS.findIndex(([, , high]) => count <= high);
    band[id] = b;
    bandSizes[b]!++;
  }
  const trigrams = new TrigramSet(human, idSpace);
  return { idSpace, unigrams, rareThreshold, rare, rareTypes, band, bandSizes, trigrams, sentences: new SentenceSet(human) };
}

/** A SeedReference as buildSeedReference makes it, else a UsageError naming `field`. */
export function checkSeedReference(field: string, reference: unknown): SeedReference {
  const object = (typeof reference === 'object' && reference !== null ? reference : {}) as Partial<SeedReference>;
  if (typeof object.idSpace !== 'number' || object.unigrams === undefined || object.rare === undefined || object.trigrams === undefined || object.sentences === undefined) {
    throw new UsageError(`${field} must be a SeedReference`, 'build it with buildSeedReference(human, idSpace, rareThreshold)');
  }
  return reference as SeedReference;
}

/** The reference as plain data (typed arrays and numbers), e.g. for a worker thread. */
export type SeedReferenceParts = Omit<SeedReference, 'trigrams' | 'sentences'> & {
  readonly trigrams: TrigramSetParts;
  readonly sentences: SentenceSetParts;
};

export function seedReferenceParts(reference: SeedReference): SeedReferenceParts {
  return { ...reference, trigrams: reference.trigrams.parts, sentences: reference.sentences.parts };
}

export function seedReferenceFromParts(parts: SeedReferenceParts): SeedReference {
  return { ...parts, trigrams: TrigramSet.fromParts(parts.trigrams), sentences: SentenceSet.fromParts(parts.sentences) };
}
