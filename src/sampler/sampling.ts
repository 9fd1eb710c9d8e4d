/**
 * Sampling options and the sentence sampler contract, with the one check of the options.
 *
 * Options (each optional; the documented default leaves the distribution unchanged):
 * - `temperature` (default 1): a finite number > 0, applied as p^(1/T), renormalised;
 * - `topK` (default 0 = off): a whole number >= 0; k >= 1 keeps the k most probable next tokens;
 * - `topP` (default 1 = off): a number in (0, 1]; keeps the smallest most-probable set whose mass reaches p.
 *
 * `resolveSampling` fills the defaults and throws UsageError naming the field, the value received and the
 * allowed range, e.g. `temperature must be a number > 0, got '-1' (pass a number > 0)`. The CLI words
 * its flags with the same checks (`checkTemperature(value, '--temperature')` and friends).
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

export const TEMPERATURE_RANGE = 'a number > 0';
export const TOP_K_RANGE = 'a whole number >= 0 (0 = off)';
export const TOP_P_RANGE = 'a number > 0 and <= 1 (1 = off)';

function refuse(name: string, value: unknown, allowed: string): never {
  const shown = typeof value === 'string' ? value : String(value);
  throw new UsageError(`${name} must be ${allowed}, got '${shown}'`, `pass ${allowed}`);
}

export function checkTemperature(value: unknown, name = 'temperature'): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !(value > 0)) refuse(name, value, TEMPERATURE_RANGE);
  return value;
}

export function checkTopK(value: unknown, name = 'topK'): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) refuse(name, value, TOP_K_RANGE);
  return value;
}

export function checkTopP(value: unknown, name = 'topP'): number {
  if (typeof value !== 'number' || !(value > 0 && value <= 1)) refuse(name, value, TOP_P_RANGE);
  return value;
}

/** The options with defaults filled in, checked; throws UsageError on the first bad field. */
export function resolveSampling(sampling: Partial<SamplingOptions> = {}): SamplingOptions {
  if (typeof sampling !== 'object' || sampling === null) {
    throw new UsageError(`sampling options must be an object, got '${String(sampling)}'`, 'pass e.g. { temperature: 1, topK: 0, topP: 1 }');
  }
  return {
    temperature: checkTemperature(sampling.temperature ?? DEFAULT_SAMPLING.temperature),
    topK: checkTopK(sampling.topK ?? DEFAULT_SAMPLING.topK),
    topP: checkTopP(sampling.topP ?? DEFAULT_SAMPLING.topP),
  };
}
