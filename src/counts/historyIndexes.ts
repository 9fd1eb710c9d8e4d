/**
 * historyIndexes: where each prediction's history sits in a context table, for a text scored again
 * and again under models that share that table (the held-out set, under every model of a series
 * read off sample paths: all of them views of M0's hash table, ./keptContexts.ts).
 *
 * Contract: for each prediction of `corpus` (each token, then `</s>`, sentence by sentence: prediction
 * j of sentence s at offsets[s] + s + j, the order MleModel.predictionProbabilities writes), the index
 * in `contexts` of its history, the last `width` items of `PAD^(width-1) <s> w1 .. wj` (the keys
 * buildTransitionTable stores), or -1 where `contexts` lacks it. Computed once per (contexts,
 * corpus) pair and kept while both live (a WeakMap on each; neither is ever mutated), so a series
 * pays one hash look-up per held-out prediction in all, not one per generation. O(P * width) the
 * first time, O(1) after. `lookUpHistories` is the same look-up, not kept.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { BOS } from '../vocabulary/vocabulary.js';
import { PAD } from './transitionTable.js';
import type { ContextIndex } from './tupleTable.js';

const known = new WeakMap<ContextIndex, WeakMap<TokenCorpus, Int32Array>>();

export function historyIndexes(contexts: ContextIndex, corpus: TokenCorpus): Int32Array {
  let byCorpus = known.get(contexts);
  if (byCorpus === undefined) {
    byCorpus = new WeakMap();
    known.set(contexts, byCorpus);
  }
  let indexes = byCorpus.get(corpus);
  if (indexes === undefined) {
    indexes = lookUpHistories(contexts, corpus);
    byCorpus.set(corpus, indexes);
  }
  return indexes;
}

/** historyIndexes without keeping the result: for a text looked up once (a batch's human share). */
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
