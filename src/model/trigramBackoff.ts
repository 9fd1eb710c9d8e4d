/**
 * Order 3's back-off, read from the top table's counts, for predictions whose history (a b) an MLE
 * model never saw: P(c | b) = count(b c) / count(b ·) when some history ends in b, else count(c) /
 * (all predictions), `</s>` included. These are the very integers the derived lower tables hold
 * (deriveLowerTable sums the same edges), so each value is the one `MleModel.probability` returns.
 * (metrics/seedPerplexity.ts reads the same back-off from H's trigram list, for a model it has let go.)
 *
 * `ContextBackoff` reads the counts from the table's contexts alone, since in any text's table
 * - count(b ·), the predictions after b, is the total of the contexts ending in b;
 * - count(b c) for a token c is the total of context (b c): each occurrence of b c is followed by
 *   exactly one prediction from that history (the next token, or `</s>`);
 * - count(b </s>) is the `</s>` edges of the contexts ending in b (a context's first edge, `</s>`
 *   being the smallest id a context predicts);
 * - count(c) is count(c ·) for a token, and the sentences, count(<s> ·), for `</s>`.
 * One pass over the contexts (O(C)), then O(1) per prediction given the table's context (b c), which a
 * scorer that knows the next prediction's history has at hand: no edge pass, no hashing. (Summing
 * the edges of every context ending in b, the way the derived tables are built, gives the same
 * integers: tested.)
 */

import type { TransitionTable } from '../counts/transitionTable.js';
import { BOS, EOS } from '../vocabulary/vocabulary.js';

/** Order 3's back-off from a table's contexts alone (see the header). */
export class ContextBackoff {
  /** count(x ·): the predictions after item x (its occurrences as a token; the sentences for <s>). */
  private readonly followers: Float64Array;
  /** count(x </s>): the sentences that end after item x. */
  private readonly ends: Float64Array;
  private readonly total: number;

  constructor(private readonly table: TransitionTable, idSpace: number) {
    const { contexts, contextTotal, edgeStart, edgeToken, edgeCount } = table;
    this.followers = new Float64Array(idSpace);
    this.ends = new Float64Array(idSpace);
    let total = 0;
    for (let c = 0; c < contextTotal.length; c++) {
      const b = contexts.keyAt(c, 1);
      this.followers[b]! += contextTotal[c]!;
      const first = edgeStart[c]!;
      if (edgeToken[first] === EOS) this.ends[b]! += edgeCount[first]!;
      total += contextTotal[c]!;
    }
    this.total = total;
  }

  /**
   * P(c | b) by the back-off, for c = `</s>` or a token whose history (b c) is the table's context
   * `next` (-1 if the table has no such context: then count(b c) = 0).
   */
  probability(b: number, c: number, next: number): number {
    const followers = this.followers[b]!;
    // (`next <= 0` is an equivalent mutant: context 0 is the start context (PAD <s>), never a (b c).)
    // Stryker disable next-line EqualityOperator: equivalent, see above
    if (followers > 0) return (c === EOS ? this.ends[b]! : next < 0 ? 0 : this.table.contextTotal[next]!) / followers;
    return this.total > 0 ? this.followers[c === EOS ? BOS : c]! / this.total : untrainedProbability(c);
  }
}

/**
 * P(c | any history) of an MLE model trained on no sentence: every sentence ends at once (P(</s>) = 1),
 * the text its sampler draws (empty sentences) and a distribution that sums to 1. (It was 0 for every
 * item: audit.) Maximum likelihood itself is undefined without data; this is the one reading that
 * agrees with what the model samples.
 */
export function untrainedProbability(c: number): number {
  return c === EOS ? 1 : 0;
}
