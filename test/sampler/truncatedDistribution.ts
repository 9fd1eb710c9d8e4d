/**
 * The reference the sampler tests compare draws with: the transforms of src/sampler/transform.ts
 * (temperature, then top-k, then top-p) applied to a whole distribution `probabilities[i]` over
 * `ids[i]`, as the kept ids in ascending id order with cumulative renormalised probabilities (the last
 * exactly 1). Materialises the distribution, which the samplers never do.
 */

import type { SamplingOptions } from '../../src/sampler/sampling.js';
import { transformDistribution as keptPairs } from '../../src/sampler/transform.js';

/** A transformed distribution: kept token ids (ascending) and their cumulative probabilities. */
export interface TruncatedDistribution {
  readonly ids: Int32Array;
  readonly cumulative: Float64Array;
}

export function transformDistribution(ids: Int32Array, probabilities: Float64Array, sampling: SamplingOptions): TruncatedDistribution {
  const kept = keptPairs(ids, probabilities, sampling).sort(([a], [b]) => ids[a]! - ids[b]!);
  const outIds = new Int32Array(kept.length);
  const cumulative = new Float64Array(kept.length);
  let sum = 0;
  kept.forEach(([i, probability], r) => {
    sum += probability;
    outIds[r] = ids[i]!;
    cumulative[r] = sum;
  });
  if (cumulative.length > 0) cumulative[cumulative.length - 1] = 1;
  return { ids: outIds, cumulative };
}
