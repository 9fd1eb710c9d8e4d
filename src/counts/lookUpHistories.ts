/**
 * lookUpHistories: where each prediction's history sits in a context table.
 *
 * Contract: for each prediction of `corpus` (each token, then `</s>`, sentence by sentence: prediction
 * j of sentence s at offsets[s] + s + j, the order MleModel.predictionProbabilities writes), the index
 * in `contexts` of its history, the last `width` items of `PAD^(width-1) <s> w1 .. wj` (the keys
 * buildTransitionTable stores), or -1 where `contexts` lacks it. One hash look-up per prediction,
 * each independent of the one before (the processor overlaps their cache misses); O(P * width).
 * Used for a batch's human share (./sampledTable.ts), a text scored once under a counted MLE model
 * (../model/mle.ts) and, kept with its predictions grouped, a text scored under every model of a series
 * (./predictionKeys.ts).
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { BOS } from '../vocabulary/vocabulary.js';
import { PAD } from './transitionTable.js';
import type { ContextIndex } from './tupleTable.js';

export function lookUpHistories(contexts: ContextIndex, corpus: TokenCorpus): Int32Array {
  const { ids, offsets } = corpus;
  const width = contexts.width;
  const sentences = offsets.length - 1;
  const indexes = new Int32Array(ids.length + sentences);
  // The last `width` items of PAD^(width-1) <s> w1 .. wj: the history of prediction j.
  const history = new Int32Array(width);
  let p = 0;
  // Stryker disable next-line EqualityOperator: equivalent, a sentence past the last has undefined offsets: no prediction
  for (let s = 0; s < sentences; s++) {
    const from = offsets[s]!;
    const size = offsets[s + 1]! - from;
    history.fill(PAD);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, for width 0 history[-1] is a write to nowhere
    if (width > 0) history[width - 1] = BOS;
    for (let j = 0; j <= size; j++) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, for width 0 nothing slides (history[-1] is a write to nowhere)
      if (j > 0 && width > 0) {
        // Slide by one: the oldest item goes, w(j) comes in.
        // Stryker disable next-line EqualityOperator: equivalent, i = width copies past the history into its last slot, overwritten below
        for (let i = 1; i < width; i++) history[i - 1] = history[i]!;
        history[width - 1] = ids[from + j - 1]!;
      }
      indexes[p++] = contexts.find(history, 0);
    }
  }
  return indexes;
}
