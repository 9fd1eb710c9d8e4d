/**
 * predictionKeys: a text's predictions grouped by (history, token), in the order of a context table,
 * for a text scored again and again under models that share that table (the held-out set, under
 * every model of a series read off sample paths: all of them views of M0's hash table,
 * ./keptContexts.ts).
 *
 * Contract: `history` and `token` list the distinct (history, predicted token) pairs of `corpus`'s
 * predictions (each token, then `</s>`, sentence by sentence), the history as its index in
 * `contexts` (found as ./lookUpHistories.ts finds it; -1 where `contexts` lacks it), sorted by
 * history, then token. `keyOf[p]` is the pair of prediction p (prediction j of sentence s at
 * offsets[s] + s + j, the order MleModel.predictionProbabilities writes). A scorer then reads each
 * pair's probability once, walking a table's contexts in the root's order (a view numbers its
 * contexts in that order) instead of reading them in text order, and hands it to every prediction
 * of the pair: one cache miss per context instead of several per prediction.
 * Computed once per (contexts, corpus) pair and kept while both live (a WeakMap on each; neither is
 * ever mutated): a series pays one hash look-up per held-out prediction in all, not one per
 * generation. O(P * width + R + V) the first time (the look-ups, two counting sorts moving the columns),
 * O(1) after.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { EOS } from '../vocabulary/vocabulary.js';
import { sortedBy } from './countingOrder.js';
import { lookUpHistories } from './lookUpHistories.js';
import type { ContextIndex } from './tupleTable.js';

export interface PredictionKeys {
  /** Per pair: the history's index in the table (-1: the table lacks it), ascending. */
  readonly history: Int32Array;
  /** Per pair: the predicted token (`</s>` too), ascending within a history. */
  readonly token: Int32Array;
  /** Per prediction, in text order: its pair. */
  readonly keyOf: Int32Array;
}

const known = new WeakMap<ContextIndex, WeakMap<TokenCorpus, PredictionKeys>>();

export function predictionKeys(contexts: ContextIndex, corpus: TokenCorpus): PredictionKeys {
  let byCorpus = known.get(contexts);
  if (byCorpus === undefined) {
    byCorpus = new WeakMap();
    known.set(contexts, byCorpus);
  }
  let keys = byCorpus.get(corpus);
  if (keys === undefined) {
    keys = groupedPredictions(lookUpHistories(contexts, corpus), predictedTokens(corpus));
    byCorpus.set(corpus, keys);
  }
  return keys;
}

/** Each prediction's token, in text order: a sentence's tokens, then `</s>`. */
function predictedTokens(corpus: TokenCorpus): Int32Array {
  const { ids, offsets } = corpus;
  // Stryker disable next-line ArithmeticOperator: equivalent, slots past the predictions are never read (every pass runs over the histories' length)
  const tokens = new Int32Array(ids.length + offsets.length - 1);
  let p = 0;
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: equivalent, a sentence past the last has undefined offsets and writes past the array: nowhere
  for (let s = 0; s + 1 < offsets.length; s++) {
    for (let i = offsets[s]!; i < offsets[s + 1]!; i++) tokens[p++] = ids[i]!;
    tokens[p++] = EOS;
  }
  return tokens;
}

/**
 * The distinct (history, token) pairs, sorted, and each prediction's pair: a counting sort by token,
 * then a stable one by history, each moving the (history, token, position) columns along (sequential
 * reads, scattered writes: gathering through an order array read three columns at random, which cost
 * most of the grouping on a 1.2M-prediction text), then one pass over the sorted columns.
 */
function groupedPredictions(histories: Int32Array, tokens: Int32Array): PredictionKeys {
  const n = histories.length;
  const positions = new Int32Array(n);
  // Stryker disable next-line EqualityOperator: equivalent, a write past the end of a typed array is ignored
  for (let p = 0; p < n; p++) positions[p] = p;
  // by token, then (stably) by history + 1 (-1, unknown to the table, first)
  const byToken = sortedBy(tokens, 0, [tokens, histories, positions]);
  const [token, history, position] = sortedBy(byToken[1]!, 1, byToken);
  const keyOf = new Int32Array(n);
  let pairs = 0;
  for (let k = 0; k < n; k++) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, history[-1] is undefined: never equal, a new pair either way
    if (pairs === 0 || history![pairs - 1] !== history![k] || token![pairs - 1] !== token![k]) {
      history![pairs] = history![k]!;
      token![pairs] = token![k]!;
      pairs++;
    }
    keyOf[position![k]!] = pairs - 1;
  }
  return { history: history!.slice(0, pairs), token: token!.slice(0, pairs), keyOf };
}
