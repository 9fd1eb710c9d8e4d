/**
 * samplerFor: the sampler layer's one entry point. Builds a SentenceSampler from a frozen model and
 * sampling options; the model never knows how it is sampled.
 *
 * - an MLE model is sampled by walking its order-n transition table (./tableSampler.ts);
 * - an interpolated model (add-k, Witten–Bell, Kneser–Ney) by mixture sampling down its interpolation
 *   chain, or exactly transformed per history (./smoothedSampler.ts).
 *
 * Options are optional and checked first (./sampling.ts `resolveSampling`): a bad value throws UsageError
 * naming the field, before any work. A model of another kind throws UsageError. The sampler checks each
 * call: `random` a function (randomFor's), `out` an Int32Array with room for `maxLength` ids after `at`
 * (whole numbers >= 0), else UsageError (a typed array drops writes past its end, so a short one lost
 * tokens silently). A source randomFor did not make is checked at every draw: a number outside [0, 1)
 * (NaN, 1, a string) throws UsageError instead of being read as an edge (NaN gave ids of `<s>`).
 *
 * `pathSamplerFor`: the same sampler, recording its path (./tableSampler.ts), for an MLE model with
 * default sampling (a table walk over the model's own counts); undefined for any other model or
 * option, and for a model without contexts. Its text is the plain sampler's, draw for draw.
 * `expectedTokens` sizes the recorded path (optional: it grows as needed).
 *
 * @example
 *   const model = trainModel(corpus, { order: 3, smoothing: 'kneser-ney' });
 *   const sampler = samplerFor(model, { temperature: 0.8, topP: 0.9 });
 *   const out = new Int32Array(40);
 *   const length = sampler.sample(randomFor([42]), 40, out, 0);
 */

import { UsageError } from '../errors.js';
import { isSeededSource, type RandomSource } from '../random/random.js';
import { InterpolatedModel } from '../model/interpolated.js';
import type { LanguageModel } from '../model/languageModel.js';
import { MleModel } from '../model/mle.js';
import { resolveSampling, type SamplingOptions, type SentenceSampler } from './sampling.js';
import { createSmoothedSampler } from './smoothedSampler.js';
import { isIdentitySampling } from './transform.js';
import { createPathSampler, createTableSampler, type PathSampler } from './tableSampler.js';

export function samplerFor(model: LanguageModel, sampling: Partial<SamplingOptions> = {}): SentenceSampler {
  const options = resolveSampling(sampling); // (which refuses a misspelt top_p: it would sample untransformed)
  if (model instanceof MleModel) return roomChecked(createTableSampler(model.transitions, options));
  if (model instanceof InterpolatedModel) return roomChecked(createSmoothedSampler(model, options));
  throw new UsageError('samplerFor needs a model made by trainModel', 'train the model with trainModel(corpus, options)');
}

/** `sampler`, refusing a call whose `out` has no room for `maxLength` ids after `at` (once per sentence, not per token). */
function roomChecked(sampler: SentenceSampler): SentenceSampler {
  return {
    sample: (random, maxLength, out, at) => {
      // (an object for the random source failed deep inside with a raw TypeError: last note's list)
      if (typeof random !== 'function') throw new UsageError(`sample needs a random source, a function giving numbers in [0, 1), got ${random === null ? 'null' : typeof random}`, 'pass randomFor([seed])');
      const room = out instanceof Int32Array && Number.isInteger(maxLength) && maxLength >= 0 && Number.isInteger(at) && at >= 0 && at + maxLength <= out.length;
      if (!room) {
        const holds = out instanceof Int32Array ? `an Int32Array of ${out.length} ids` : 'no Int32Array';
        throw new UsageError(`sample needs room for maxLength (${String(maxLength)}) ids after at (${String(at)}) in out, which is ${holds}`, 'pass an Int32Array of at least at + maxLength ids, at and maxLength whole numbers >= 0');
      }
      return sampler.sample(isSeededSource(random) ? random : checkedDraws(random), maxLength, out, at);
    },
  };
}

/** `random`, throwing UsageError on a draw outside [0, 1) (a caller's own source: last note's list). */
function checkedDraws(random: RandomSource): RandomSource {
  return () => {
    const u: unknown = random();
    if (typeof u === 'number' && u >= 0 && u < 1) return u;
    throw new UsageError(`sample's random source must give numbers in [0, 1), gave ${typeof u === 'number' ? String(u) : typeof u}`, 'pass randomFor([seed]), or a function giving uniform numbers in [0, 1)');
  };
}

export function pathSamplerFor(model: LanguageModel, sampling: Partial<SamplingOptions> = {}, expectedTokens?: number): PathSampler | undefined {
  const options = resolveSampling(sampling);
  if (!(model instanceof MleModel) || !isIdentitySampling(options)) return undefined;
  return createPathSampler(model.transitions, expectedTokens);
}
