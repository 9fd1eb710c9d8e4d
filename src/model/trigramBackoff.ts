/**
 * Order 3's back-off, read from the top table's counts, for predictions whose history (a b) an MLE
 * model never saw: P(c | b) = count(b c) / count(b ·) when some history ends in b, else count(c) /
 * (all predictions), `</s>` included. These are the very integers the derived lower tables hold
 * (deriveLowerTable sums the same edges), so each value is the one `MleModel.probability` returns.
 * (metrics/seedPerplexity.ts reads the same back-off from H's trigram list, for a model it has let go.)
 *
 * Two ways to the counts:
 * - `fillBackoff`, for any table: one pass over its contexts and edges, each edge of a wanted b
 *   looked up among the wanted (b, c) pairs. O(C + E + misses).
 * - `ContextBackoff`, for a table whose next contexts are known (a model read off a sample path, whose
 *   contexts are a view of M0's): from the contexts alone, since in any text's table
 *   - count(b ·), the predictions after b, is the total of the contexts ending in b;
 *   - count(b c) for a token c is the total of context (b c): each occurrence of b c is followed by
 *     exactly one prediction from that history (the next token, or `</s>`);
 *   - count(b </s>) is the `</s>` edges of the contexts ending in b (a context's first edge, `</s>`
 *     being the smallest id a context predicts);
 *   - count(c) is count(c ·) for a token, and the sentences, count(<s> ·), for `</s>`.
 *   One pass over the contexts (O(C)), then O(1) per prediction, no hashing.
 */

import type { TransitionTable } from '../counts/transitionTable.js';
import { TupleTable } from '../counts/tupleTable.js';
import { BOS, EOS } from '../vocabulary/vocabulary.js';

/** The back-off of each miss, given as (position in `out`, b, c) triples, written into `out` (see the header). */
export function fillBackoff(out: Float64Array, misses: readonly number[], table: TransitionTable, idSpace: number): void {
  // Stryker disable next-line MethodExpression,ArithmeticOperator: equivalent, a start size (the table grows)
  const pairs = new TupleTable(2, Math.max(16, misses.length / 3));
  const wanted = new Uint8Array(idSpace);
  const key = new Int32Array(2);
  // Stryker disable next-line EqualityOperator: equivalent, one more round reads undefined: a (0, 0) pair nobody asks for
  for (let m = 0; m < misses.length; m += 3) {
    wanted[misses[m + 1]!] = 1;
    pairs.findOrInsertPair(misses[m + 1]!, misses[m + 2]!);
  }
  const pairCount = new Int32Array(pairs.size);
  const followers = new Int32Array(idSpace);
  const unigrams = new Int32Array(idSpace);
  let total = 0;
  for (let c = 0; c < table.contextTotal.length; c++) {
    const b = table.contexts.keyAt(c, 1);
    followers[b]! += table.contextTotal[c]!;
    total += table.contextTotal[c]!;
    key[0] = b;
    for (let e = table.edgeStart[c]!; e < table.edgeStart[c + 1]!; e++) {
      const token = table.edgeToken[e]!;
      unigrams[token]! += table.edgeCount[e]!;
      // Stryker disable next-line ConditionalExpression: equivalent, a shortcut: the look-up below finds no pair for an unwanted b
      if (wanted[b] !== 1) continue;
      key[1] = token;
      const pair = pairs.find(key, 0);
      // Stryker disable next-line ConditionalExpression: equivalent, `true` adds to pairCount[-1], which a typed array ignores
      if (pair >= 0) pairCount[pair]! += table.edgeCount[e]!;
    }
  }
  // Stryker disable next-line EqualityOperator: equivalent, one more round writes out[undefined]: nowhere
  for (let m = 0; m < misses.length; m += 3) {
    const b = misses[m + 1]!;
    const c = misses[m + 2]!;
    key[0] = b;
    key[1] = c;
    out[misses[m]!] = followers[b]! > 0 ? pairCount[pairs.find(key, 0)]! / followers[b]! : total > 0 ? unigrams[c]! / total : 0;
  }
}

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
    return this.total > 0 ? this.followers[c === EOS ? BOS : c]! / this.total : 0;
  }
}
