/**
 * TrainOptions: what `trainModel` accepts from a library user, with documented defaults, and the one
 * check that turns it into the ModelOptions every trainer reads.
 *
 * | field       | required | default                                           | allowed                                          |
 * |-------------|----------|---------------------------------------------------|--------------------------------------------------|
 * | `order`     | yes      |                                                   | a whole number from 1 to 10                      |
 * | `smoothing` | yes      |                                                   | mle, add-k, witten-bell, kneser-ney              |
 * | `k`         | no       | 0.01 (used by add-k only)                         | a number > 0                                     |
 * | `vocab`     | no       | 'observed'                                        | observed, seed                                   |
 * | `idSpace`   | no       | largest id of the corpus and seedTypes + 1 (>= 2) | a whole number > every id in the corpus, <= 2^24 |
 * | `seedTypes` | for seed |                                                   | an Int32Array of ids below idSpace               |
 *
 * A bad or missing value throws UsageError naming the field, the value and the allowed range, worded as
 * the CLI words its flags (`order must be a whole number from 1 to 10, got '0'`). O(tokens) for the id
 * check (a scan of the corpus ids), nothing else.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { UsageError } from '../errors.js';
import { checkValue, integerRule, nameRule, numberRule, refuseUnknownKeys, shownValue, typedValue } from '../validation/valueRule.js';
import { FIRST_TOKEN_ID, MAX_ID_SPACE } from '../vocabulary/vocabulary.js';
import { SMOOTHING_NAMES, VOCAB_MODES, type ModelOptions, type SmoothingName, type VocabMode } from './languageModel.js';

export interface TrainOptions {
  readonly order: number;
  readonly smoothing: SmoothingName;
  readonly k?: number;
  readonly vocab?: VocabMode;
  readonly idSpace?: number;
  readonly seedTypes?: Int32Array;
}

/** The keys of TrainOptions: any other is refused (a misspelt `K` would silently train with the default k). */
const TRAIN_OPTION_KEYS: readonly string[] = Object.keys({ order: true, smoothing: true, k: true, vocab: true, idSpace: true, seedTypes: true } satisfies Record<keyof TrainOptions, true>);

export const DEFAULT_K = 0.01;
export const MAX_ORDER = 10;

/** A refused seedTypes, quoted as every check quotes a value (a list as JSON, a number named as one). */
function refuse(name: string, value: unknown, allowed: string): never {
  throw new UsageError(`${name} must be ${allowed}, got ${typedValue(value, 'text')}`, `pass ${allowed}`, name);
}

function missing(name: string, allowed: string): never {
  throw new UsageError(`${name} is required`, `pass ${name}: ${allowed}`, name);
}

function oneOf<T extends string>(name: string, value: unknown, names: readonly T[]): T {
  return checkValue(name, value, nameRule(names));
}

/** Largest id in the corpus plus one (at least FIRST_TOKEN_ID: the markers). O(tokens). */
function idsEnd(corpus: TokenCorpus): number {
  const ids = corpus.ids;
  let largest = FIRST_TOKEN_ID - 1;
  // Stryker disable next-line EqualityOperator: equivalent, `<=` compares undefined (false); `>=` re-takes an equal id
  for (let i = 0; i < ids.length; i++) if (ids[i]! > largest) largest = ids[i]!;
  return largest + 1;
}

/** One past the largest of `seedTypes` if it is a list of ids, else FIRST_TOKEN_ID (its own check refuses it). */
function seedTypesEnd(seedTypes: unknown): number {
  let end = FIRST_TOKEN_ID;
  if (seedTypes instanceof Int32Array) for (const id of seedTypes) end = Math.max(end, id + 1);
  return end;
}

/** The options with defaults filled in, checked in table order; throws UsageError on the first bad one. */
export function resolveTrainOptions(corpus: TokenCorpus, options: TrainOptions): ModelOptions {
  if (typeof corpus !== 'object' || corpus === null || !(corpus.ids instanceof Int32Array) || !(corpus.offsets instanceof Int32Array)) {
    throw new UsageError('the corpus must be a TokenCorpus (ids and offsets as Int32Array)', 'pass the corpus that loadCorpus or corpusFromSentences returns');
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new UsageError(`model options must be an object, got ${Array.isArray(options) ? shownValue(options) : `'${String(options)}'`}`, "pass e.g. { order: 3, smoothing: 'kneser-ney' }");
  }
  refuseUnknownKeys(options as unknown as Record<string, unknown>, TRAIN_OPTION_KEYS, 'trainModel option');
  const end = idsEnd(corpus);
  const orderRange = `a whole number from 1 to ${MAX_ORDER}`;
  if (options.order === undefined) missing('order', orderRange);
  checkValue('order', options.order, integerRule(1, MAX_ORDER));
  if (options.smoothing === undefined) missing('smoothing', `one of ${SMOOTHING_NAMES.join(', ')}`);
  const smoothing = oneOf('smoothing', options.smoothing, SMOOTHING_NAMES);
  const k = options.k === undefined ? DEFAULT_K : options.k;
  checkValue('k', k, numberRule(0, Number.POSITIVE_INFINITY, true));
  const vocab = oneOf('vocab', options.vocab === undefined ? 'observed' : options.vocab, VOCAB_MODES);
  // (by default the seed types too: "seedTypes must be token ids from 2 to 1" was said of seed types
  // beyond an empty corpus, which vocab 'seed' is for: audit)
  const idSpace = options.idSpace === undefined ? Math.max(end, seedTypesEnd(options.seedTypes)) : options.idSpace;
  // (at most MAX_ID_SPACE, as every other entry takes it: arrays indexed by id are sized by it)
  checkValue('idSpace', idSpace, { kind: 'number', allowed: `a whole number from ${end} (every id in the corpus + 1) to ${MAX_ID_SPACE}`, accepts: (value): value is number => Number.isSafeInteger(value) && (value as number) >= end && (value as number) <= MAX_ID_SPACE });
  const seedTypes = options.seedTypes;
  if (seedTypes !== undefined) {
    if (!(seedTypes instanceof Int32Array)) refuse('seedTypes', seedTypes, 'an Int32Array of token ids');
    for (const id of seedTypes) {
      if (id < FIRST_TOKEN_ID || id >= idSpace) refuse('seedTypes', `… ${id} …`, `token ids from ${FIRST_TOKEN_ID} to ${idSpace - 1}`);
    }
  } else if (vocab === 'seed') {
    missing('seedTypes', "the seed vocabulary's token ids (vocab 'seed' needs them)");
  }
  return { order: options.order, smoothing, k, vocab, idSpace, ...(seedTypes === undefined ? {} : { seedTypes }) };
}
