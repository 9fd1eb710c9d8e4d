/**
 * gen0_perplexity: the floored perplexity of a text under M0, the model trained on the human pool H
 * (the README's "The curves CSV"): every prediction (each token, then `</s>`) gets p' = (1 - eps) p + eps / V,
 * eps = 1e-4, V = seed types + 1; perplexity = 2^(-(1/P) sum log2 p'). Undefined for an empty text.
 *
 * Contract: `model0` is the model trained on exactly the reference's H (the simulation loop's M0).
 * When it is order-3 MLE (the classic setting), P(c | a b) = count_H(a b c) / count_H(a b ·) is read
 * from the reference's trigram counts in the same grouped pass that counts the text's n-grams
 * (./ngramProfile.ts: one lookup per distinct prediction, no walk of the text through the model);
 * predictions whose trigram H never saw get M0's back-off, also read from H's counts
 * (`backoffProbabilities`: the same integer ratios M0 divides, so the same values). For other
 * orders and smoothings the general scoring of ./perplexity.ts is used, handed the text's own table
 * when the caller has it (`textTable`: an MLE M0 then reads each of the text's (history, token) pairs
 * once, from its own table, when the text's table is a view of it: every text of an MLE series read
 * off a sample path). The sum runs in grouped order,
 * so the value may differ from a text-order sum in the last bits of the double (not in the 6 digits
 * written to the CSV). The pass over a text is remembered per (text, reference), so measureText and
 * this function share it. O(tokens + ids).
 *
 * M0 may be passed as a `SeedModel`: its order and smoothing plus a function that returns it, called
 * only when the model itself is needed (other orders or smoothings; never for order-3 MLE), so a
 * caller can let an order-3 MLE M0 go and rebuild it on demand.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import type { TransitionTable } from '../counts/transitionTable.js';
import type { LanguageModel, SmoothingName } from '../model/languageModel.js';
import { BOS, EOS } from '../vocabulary/vocabulary.js';
import { scoredProfile, PAD, type NgramProfile, type SeedScore, type TextTrigrams } from './ngramProfile.js';
import { flooredPerplexity, PERPLEXITY_EPSILON } from './perplexity.js';
import { floored, seedFloor } from '../model/probabilityFloor.js';
import type { SeedReference } from './seedReference.js';

interface Remembered {
  readonly reference: SeedReference;
  readonly profile: NgramProfile;
  readonly score: SeedScore;
}

const remembered = new WeakMap<TokenCorpus, Remembered>();

/**
 * The n-gram profile of `text` against the reference, with its predictions scored under H's MLE.
 * `own`: the text's own trigrams, if the caller has them (its transition table of history length 2,
 * or a TrigramSet built from it: the reference's own for H), read instead of sorting the text
 * (./ngramProfile.ts `scoredProfile`).
 */
export function seedProfile(text: TokenCorpus, reference: SeedReference, own?: TextTrigrams): Remembered {
  const known = remembered.get(text);
  if (known !== undefined && known.reference === reference) return known;
  const seedTypes = reference.unigrams.types.length;
  const floor = seedFloor(seedTypes, PERPLEXITY_EPSILON);
  const computed = { reference, ...scoredProfile(text, reference.idSpace, reference.trigrams, floor, own) };
  remembered.set(text, computed);
  return computed;
}

/** M0 known by its order and smoothing, obtained (built, or rebuilt) only when `model()` is called. */
export interface SeedModel {
  readonly order: number;
  readonly smoothing: SmoothingName;
  readonly model: () => LanguageModel;
}

export function seedModelPerplexity(seed: LanguageModel | SeedModel, text: TokenCorpus, reference: SeedReference, textTable?: TransitionTable): number | undefined {
  const seedTypes = reference.unigrams.types.length;
  const model = 'model' in seed ? seed.model : () => seed;
  if (seed.smoothing !== 'mle' || seed.order !== 3) return flooredPerplexity(model(), text, seedTypes, textTable);
  const { score } = seedProfile(text, reference);
  if (score.predictions === 0) return undefined;
  // Stryker disable next-line ConditionalExpression: equivalent, without misses the loop below adds nothing
  if (score.misses.length === 0) return Math.pow(2, -score.log2Sum / score.predictions);
  const probabilities = backoffProbabilities(reference, score.misses);
  const floor = seedFloor(seedTypes, PERPLEXITY_EPSILON);
  let sum = score.log2Sum;
  for (let m = 0; m < probabilities.length; m++) sum += score.misses[4 * m + 3]! * Math.log2(floored(probabilities[m]!, floor));
  return Math.pow(2, -sum / score.predictions);
}

/**
 * P(c | a b) under H's order-3 MLE model (model/mle.ts: the longest history H saw decides) for each
 * miss (a, b, c, occurrences) of a seed score, read from the reference's counts instead of M0:
 * - (a, b) is a history in H: P = count(a b c) / count(a b ·) = 0, since H never saw (a, b, c);
 * - else b is a history in H, i.e. a token of H: P = count(b c) / count(b ·), where count(b ·) is b's
 *   count in H (every occurrence is followed by one prediction) and count(b c) sums count(a' b c) over
 *   every a' (one pass over the trigram set for all misses). (b = `<s>` never gets here: only PAD
 *   precedes it, and (PAD, <s>) is a history of H as soon as H has a sentence);
 * - else the unigram level: count(c) / (tokens + sentences), `</s>` counted once per sentence.
 * These are the very integer ratios M0's `probability` divides, so the values are identical. (A model
 * still in memory reads the same back-off from its own table: model/trigramBackoff.ts.) H always has a
 * sentence (a run refuses a human pool without tokens), so the convention of a model trained on no
 * prediction at all, P(`</s>`) = 1 (trigramBackoff.ts `untrainedProbability`), never arises here.
 */
function backoffProbabilities(reference: SeedReference, misses: Int32Array): Float64Array {
  const { trigrams, unigrams } = reference;
  const count = misses.length / 4;
  const result = new Float64Array(count);
  const sentences = trigrams.historyCount(PAD, BOS); // every sentence starts from (PAD, <s>)
  const followers = (b: number): number => unigrams.counts[b]!; // count(b ·); 0 for the markers' ids
  const pairs: number[] = [];
  const pairOf: number[] = [];
  // Stryker disable next-line EqualityOperator: equivalent, miss `count` is undefined everywhere: no history, unigram level, a write past the array
  for (let m = 0; m < count; m++) {
    const [a, b, c] = [misses[4 * m]!, misses[4 * m + 1]!, misses[4 * m + 2]!];
    if (trigrams.hasHistory(a, b)) result[m] = 0;
    else if (followers(b) > 0) {
      pairOf.push(m);
      pairs.push(b, c);
    } else {
      const predictions = unigrams.tokens + sentences;
      const seen = c === EOS ? sentences : unigrams.counts[c]!;
      result[m] = predictions > 0 ? seen / predictions : 0;
    }
  }
  const bigrams = trigrams.bigramCounts(Int32Array.from(pairs));
  pairOf.forEach((m, i) => (result[m] = bigrams[i]! / followers(pairs[2 * i]!)));
  return result;
}
