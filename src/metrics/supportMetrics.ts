/**
 * supportMetrics: what a model can still emit, against the seed vocabulary (the `model_*` columns).
 *
 * - model_types: ids in the model's support, i.e. the tokens it gives non-zero probability (markers
 *   excluded). For `mle` and for `--vocab observed` that is the training data's types; with `--vocab
 *   seed` and a smoothed model it is every type of H (plus any training type outside H);
 * - model_vocab_retention: (seed types in the support) / (seed types in H);
 * - model_rare_survival: (seed-rare types in the support) / (seed-rare types in H).
 * The support is the model's before the sampling transforms (temperature, top-k, top-p). Unlike the
 * text columns these do not depend on a sample's size: they answer "has the model forgotten the word".
 * Undefined where a denominator is 0. O(support).
 */

import { ratio, type MetricValues } from './columns.js';
import type { SeedReference } from './seedReference.js';

export function supportMetrics(support: Int32Array, reference: SeedReference): MetricValues {
  let seedTypes = 0;
  let rareTypes = 0;
  for (let i = 0; i < support.length; i++) {
    const id = support[i]!;
    if (reference.band[id]! < 0) continue;
    seedTypes++;
    if (reference.rare[id] === 1) rareTypes++;
  }
  return {
    model_types: support.length,
    model_vocab_retention: ratio(seedTypes, reference.unigrams.types.length),
    model_rare_survival: ratio(rareTypes, reference.rareTypes),
  };
}
