/**
 * Sampling options and the sentence sampler contract, with the one check of the options.
 *
 * Options (each optional; the documented default leaves the distribution unchanged):
 * - `temperature` (default 1): a finite number > 0, applied as p^(1/T), renormalised;
 * - `topK` (default 0 = off): a whole number >= 0; k >= 1 keeps the k most probable next tokens;
 * - `topP` (default 1 = off): a number in (0, 1]; keeps the smallest most-probable set whose mass reaches p.
 *
 * `resolveSampling` fills the defaults and throws UsageError naming the field, the value received and the
 * allowed range, e.g. `temperature must be a number > 0, got '-1' (pass a number > 0)`. The CLI checks
 * its flags with these same rules (SAMPLING_RULES), naming the flag instead (`--temperature must be ...`).
 */

import { UsageError } from '../errors.js';
import { checkValue, integerRule, numberRule, refuseUnknownKeys, shownValue, type ValueRule } from '../validation/valueRule.js';
import type { RandomSource } from '../random/random.js';

export interface SamplingOptions {
  /** > 0; 1 leaves the distribution unchanged. Applied as p^(1/T), renormalised. */
  readonly temperature: number;
  /** 0 = off; otherwise keep only the k most probable next tokens. */
  readonly topK: number;
  /** 1 = off; otherwise keep the smallest most-probable set whose mass reaches p. */
  readonly topP: number;
}

export const DEFAULT_SAMPLING: SamplingOptions = Object.freeze({ temperature: 1, topK: 0, topP: 1 });

export interface SentenceSampler {
  /**
   * Samples one sentence: draws tokens from `<s>` until `</s>` or until `maxLength` tokens were drawn.
   * Writes the token ids (no markers) into `out` starting at `at` and returns how many were written.
   * `out` must have room for `maxLength` ids after `at`.
   */
  sample(random: RandomSource, maxLength: number, out: Int32Array, at: number): number;
}

/**
 * The rule of each option: the one statement of the ranges. The simulation's cell rules (CELL_RULES)
 * and the CLI's --temperature, --top-k and --top-p reuse these, so messages read the same everywhere.
 */
export const SAMPLING_RULES: { readonly [K in keyof SamplingOptions]: ValueRule<number> } = {
  temperature: numberRule(0, Number.POSITIVE_INFINITY, true),
  topK: integerRule(0),
  topP: numberRule(0, 1, true),
};

/** The sampling options of a larger settings object (a cell's), and nothing else (resolveSampling refuses other keys). */
export function samplingOf({ temperature, topK, topP }: SamplingOptions): SamplingOptions {
  return { temperature, topK, topP };
}

/** The options with defaults filled in, checked; throws UsageError on the first bad field. */
export function resolveSampling(sampling: Partial<SamplingOptions> = {}): SamplingOptions {
  // (a list, [], was taken for an object of no options: audit)
  if (typeof sampling !== 'object' || sampling === null || Array.isArray(sampling)) {
    throw new UsageError(`sampling options must be an object, got ${Array.isArray(sampling) ? shownValue(sampling) : `'${String(sampling)}'`}`, 'pass e.g. { temperature: 1, topK: 0, topP: 1 }');
  }
  refuseUnknownKeys(sampling, Object.keys(SAMPLING_RULES), 'sampling option');
  const given = (value: number | undefined, fallback: number) => (value === undefined ? fallback : value);
  return {
    temperature: checkValue('temperature', given(sampling.temperature, DEFAULT_SAMPLING.temperature), SAMPLING_RULES.temperature),
    topK: checkValue('topK', given(sampling.topK, DEFAULT_SAMPLING.topK), SAMPLING_RULES.topK),
    topP: checkValue('topP', given(sampling.topP, DEFAULT_SAMPLING.topP), SAMPLING_RULES.topP),
  };
}
