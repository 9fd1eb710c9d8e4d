/**
 * gen0_perplexity: the floored perplexity of a text under M0, the model trained on the human pool H
 * (SPEC section 4): every prediction (each token, then `</s>`) gets p' = (1 - eps) p + eps / V,
 * eps = 1e-4, V = seed types + 1; perplexity = 2^(-(1/P) sum log2 p'). Undefined for an empty text.
 *
 * Contract: `model0` is the model trained on exactly the reference's H (the simulation loop's M0).
 * When it is order-3 MLE (the classic setting), P(c | a b) = count_H(a b c) / count_H(a b ·) is read
 * from the reference's trigram counts in the same grouped pass that counts the text's n-grams
 * (./ngramProfile.ts: one lookup per distinct prediction, no walk of the text through the model);
 * only predictions whose trigram H never saw are scored by the model itself (its back-off). For other
 * orders and smoothings the general scoring of ./perplexity.ts is used. The sum runs in grouped order,
 * so the value may differ from a text-order sum in the last bits of the double (not in the 6 digits
 * written to the CSV). The pass over a text is remembered per (text, reference), so measureText and
 * this function share it. O(tokens + ids).
 *
 * M0 may be passed as a `SeedModel`: its order and smoothing plus a function that returns it, called
 * only when the model itself is needed (other orders or smoothings, or a prediction H never saw), so
 * a caller can let an order-3 MLE M0 go and rebuild it on demand.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import type { LanguageModel, SmoothingName } from '../model/languageModel.js';
import { scoredProfile, PAD, type NgramProfile, type SeedScore } from './ngramProfile.js';
import { flooredPerplexity, PERPLEXITY_EPSILON } from './perplexity.js';
import type { SeedReference } from './seedReference.js';

interface Remembered {
  readonly reference: SeedReference;
  readonly profile: NgramProfile;
  readonly score: SeedScore;
}

const remembered = new WeakMap<TokenCorpus, Remembered>();

/** The n-gram profile of `text` against the reference, with its predictions scored under H's MLE. */
export function seedProfile(text: TokenCorpus, reference: SeedReference): Remembered {
  const known = remembered.get(text);
  if (known !== undefined && known.reference === reference) return known;
  const seedTypes = reference.unigrams.types.length;
  const floor = { keep: 1 - PERPLEXITY_EPSILON, floor: PERPLEXITY_EPSILON / (seedTypes + 1) };
  const computed = { reference, ...scoredProfile(text, reference.idSpace, reference.trigrams, floor) };
  remembered.set(text, computed);
  return computed;
}

/** M0 known by its order and smoothing, obtained (built, or rebuilt) only when `model()` is called. */
export interface SeedModel {
  readonly order: number;
  readonly smoothing: SmoothingName;
  readonly model: () => LanguageModel;
}

export function seedModelPerplexity(seed: LanguageModel | SeedModel, text: TokenCorpus, reference: SeedReference): number | undefined {
  const seedTypes = reference.unigrams.types.length;
  const model = 'model' in seed ? seed.model : () => seed;
  if (seed.smoothing !== 'mle' || seed.order !== 3) return flooredPerplexity(model(), text, seedTypes);
  const { score } = seedProfile(text, reference);
  if (score.predictions === 0) return undefined;
  if (score.misses.length === 0) return Math.pow(2, -score.log2Sum / score.predictions);
  const model0 = model();
  const keep = 1 - PERPLEXITY_EPSILON;
  const floor = PERPLEXITY_EPSILON / (seedTypes + 1);
  const history = new Int32Array(2);
  let sum = score.log2Sum;
  const misses = score.misses;
  for (let m = 0; m < misses.length; m += 4) {
    const [a, b, c, occurrences] = [misses[m]!, misses[m + 1]!, misses[m + 2]!, misses[m + 3]!];
    let p: number;
    if (a === PAD) {
      history[0] = b;
      p = model0.probability(history, 0, 1, c);
    } else {
      history[0] = a;
      history[1] = b;
      p = model0.probability(history, 0, 2, c);
    }
    sum += occurrences * Math.log2(keep * p + floor);
  }
  return Math.pow(2, -sum / score.predictions);
}
