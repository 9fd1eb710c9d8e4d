/**
 * The reference the tests hold ngramProfile's distinct_2 and distinct_3 to (the library computes them
 * there, in its one pass over a text). distinct-n (Li et al. 2016, "A Diversity-Promoting Objective Function for Neural Conversation
 * Models"), pooled over the whole text: distinct n-grams / total n-grams, n-grams taken within
 * sentences (boundary markers excluded). Undefined when the text holds no n-gram of that size.
 * O(tokens) expected, with one TupleTable of width n.
 */

import type { TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import { TupleTable } from '../../src/counts/tupleTable.js';
import { ratio } from '../../src/metrics/columns.js';

export function distinctNgrams(corpus: TokenCorpus, n: number): number | undefined {
  // Stryker disable next-line MethodExpression: equivalent, the expected size only sizes the table's first allocation (it grows)
  const seen = new TupleTable(n, Math.max(16, corpus.ids.length >> 1));
  let total = 0;
  forEachNgram(corpus, n, (at) => {
    seen.findOrInsert(corpus.ids, at);
    total++;
  });
  return ratio(seen.size, total);
}

/** Calls `visit(offset)` for every n-gram start offset inside a sentence, in text order. */
export function forEachNgram(corpus: TokenCorpus, n: number, visit: (at: number) => void): void {
  // Stryker disable next-line ArithmeticOperator: equivalent, sentences past the last offset have undefined bounds and no n-gram
  const sentences = corpus.offsets.length - 1;
  // Stryker disable next-line EqualityOperator: equivalent, sentences past the last offset have undefined bounds and no n-gram
  for (let s = 0; s < sentences; s++) {
    const last = corpus.offsets[s + 1]! - n;
    for (let at = corpus.offsets[s]!; at <= last; at++) visit(at);
  }
}
