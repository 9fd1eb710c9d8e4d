/**
 * Survival of the seed vocabulary in a text: vocab_retention, rare_survival, survival by seed-count
 * band, tail_mass.
 *
 * - vocab_retention: (seed types occurring in the text) / (seed types in H);
 * - rare_survival: the same over seed-rare types (count in H <= --rare-threshold);
 * - survival_<band>: the same over the seed types of that count band;
 * - tail_mass: (tokens of the text that are seed-rare types) / tokens.
 * Undefined where the denominator is 0 (e.g. no seed type in a band). O(types of the text).
 */

import { ratio, type MetricValues } from './columns.js';
import { SURVIVAL_BANDS, type SeedReference } from './seedReference.js';
import type { UnigramCounts } from './unigramCounts.js';

export function survivalMetrics(text: UnigramCounts, reference: SeedReference): MetricValues {
  let retained = 0;
  let rareRetained = 0;
  let tailTokens = 0;
  const bandRetained = new Int32Array(SURVIVAL_BANDS.length);
  for (const id of text.types) {
    const band = reference.band[id]!;
    if (band < 0) continue;
    retained++;
    bandRetained[band]!++;
    if (reference.rare[id] === 1) {
      rareRetained++;
      tailTokens += text.counts[id]!;
    }
  }
  const values: MetricValues = {
    vocab_retention: ratio(retained, reference.unigrams.types.length),
    rare_survival: ratio(rareRetained, reference.rareTypes),
    tail_mass: ratio(tailTokens, text.tokens),
  };
  SURVIVAL_BANDS.forEach(([name], b) => {
    values[name] = ratio(bandRetained[b]!, reference.bandSizes[b]!);
  });
  return values;
}
