/**
 * FlooredLog2: the score of a prediction under H's order-3 MLE model, floored as in gen0_perplexity
 * (./seedPerplexity.ts): log2(keep * count / total + floor) for a trigram H saw `count` >= 1 times after
 * a history H saw `total` times. The n-gram merge (./ngramProfile.ts) asks it once per distinct
 * trigram of a text that H knows; most have small counts and totals, so those are remembered.
 */

import { floored, type ProbabilityFloor } from '../model/probabilityFloor.js';

/** A floor: p' = keep p + floor (../model/probabilityFloor.ts). */
export type SeedFloor = ProbabilityFloor;

/** The counts and totals FlooredLog2 remembers: below these (a 128 KB table). */
const REMEMBERED_COUNTS = 32;
const REMEMBERED_TOTALS = 512;

/**
 * log2(keep * count / total + floor), the floored score of a prediction whose trigram H saw `count`
 * times after a history H saw `total` times, remembered for small counts and totals (most distinct
 * trigrams of a text: a logarithm per distinct trigram was about a fifth of the merge's time).
 * Computed by the same expression either way, so the same value to the last bit.
 */
export class FlooredLog2 {
  private readonly remembered = new Float64Array(REMEMBERED_COUNTS * REMEMBERED_TOTALS).fill(Number.NaN);

  constructor(private readonly floor: SeedFloor) {}

  score(count: number, total: number): number {
    // (remembering is time only: a score computed again is the same; any slot map without two pairs on
    // one slot serves, and total * 32 - count has none either)
    // Stryker disable next-line ConditionalExpression: equivalent, see above
    if (count >= REMEMBERED_COUNTS || total >= REMEMBERED_TOTALS) return this.computed(count, total);
    // Stryker disable next-line ArithmeticOperator: equivalent, see above
    const at = total * REMEMBERED_COUNTS + count;
    let value = this.remembered[at]!;
    // NaN: not computed yet (a score is never NaN: count >= 1, so its argument is above 0)
    // Stryker disable next-line ConditionalExpression: equivalent, see above
    if (Number.isNaN(value)) this.remembered[at] = value = this.computed(count, total);
    return value;
  }

  private computed(count: number, total: number): number {
    return Math.log2(floored(count / total, this.floor));
  }
}
