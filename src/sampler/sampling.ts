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
 * its flags with these same functions, naming the flag instead (`--temperature must be a number > 0 ...`).
 */

import { UsageError } from '../errors.js';
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

/** Allowed values, worded as the CLI and the library print them (`pass <range>`). */
export const TEMPERATURE_RANGE = 'a number > 0';
export const TOP_K_RANGE = 'a whole number >= 0';
export const TOP_P_RANGE = 'a number > 0 and <= 1';

/** A check of one field: returns the value or throws UsageError naming `name` and showing `shown`. */
export type FieldCheck = (value: unknown, name?: string, shown?: string) => number;

function refuse(name: string, shown: string, allowed: string): never {
  throw new UsageError(`${name} must be ${allowed}, got '${shown}'`, `pass ${allowed}`);
}

/** temperature: a finite number > 0. */
export const checkTemperature: FieldCheck = (value, name = 'temperature', shown = String(value)) => {
  if (typeof value !== 'number' || !Number.isFinite(value) || !(value > 0)) refuse(name, shown, TEMPERATURE_RANGE);
  return value;
};

/** topK: a whole number >= 0 (0 = off). */
export const checkTopK: FieldCheck = (value, name = 'topK', shown = String(value)) => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) refuse(name, shown, TOP_K_RANGE);
  return value;
};

/** topP: a number in (0, 1] (1 = off). */
export const checkTopP: FieldCheck = (value, name = 'topP', shown = String(value)) => {
  if (typeof value !== 'number' || !(value > 0 && value <= 1)) refuse(name, shown, TOP_P_RANGE);
  return value;
};

/** The options with defaults filled in, checked; throws UsageError on the first bad field. */
export function resolveSampling(sampling: Partial<SamplingOptions> = {}): SamplingOptions {
  if (typeof sampling !== 'object' || sampling === null) {
    throw new UsageError(`sampling options must be an object, got '${String(sampling)}'`, 'pass e.g. { temperature: 1, topK: 0, topP: 1 }');
  }
  const given = (value: number | undefined, fallback: number) => (value === undefined ? fallback : value);
  return {
    temperature: checkTemperature(given(sampling.temperature, DEFAULT_SAMPLING.temperature)),
    topK: checkTopK(given(sampling.topK, DEFAULT_SAMPLING.topK)),
    topP: checkTopP(given(sampling.topP, DEFAULT_SAMPLING.topP)),
  };
}
