/**
 * MLE: the maximum-likelihood n-gram model, the classic setting for model collapse.
 *
 * P(w | h) = c(h w) / c(h), counted in the ARPA convention (one `<s>`, one `</s>` per sentence,
 * shorter histories at sentence start: for MLE the same as padding with n-1 `<s>`). A token absent from
 * the training data has probability 0, so once lost it is lost for good. For a history never seen in
 * training (only possible when scoring other text), the model uses the longest suffix of it that was
 * seen, down to the unigram distribution; so every history has a distribution that sums to 1.
 *
 * Training builds only the order-n transition table (what sampling needs); a lower order is derived
 * from the order above it (its edges summed by history suffix, O(edges), no pass over the corpus) on
 * the first `probability` call that needs it. `vocab: 'seed'` changes nothing for MLE: a
 * maximum-likelihood model cannot give mass to what it never saw.
 *
 * `predictionProbabilities` scores a whole text: a model read off a sample path (a view of M0's
 * table) reads each distinct (history, token) pair of the text once, in M0's order
 * (counts/predictionKeys.ts, found once per text and root: once per series for the held-out set);
 * any other table reads the text in order, one history look-up per prediction. Order 3 backs off from
 * the table's contexts alone (trigramBackoff.ts). Either way it gives exactly the values
 * `probability` returns, in text order. Sampling lives in src/sampler/.
 */

import { rootView } from '../counts/keptContexts.js';
import { indexInSortedRange } from '../counts/sortedSearch.js';
import { lookUpHistories } from '../counts/lookUpHistories.js';
import { predictionKeys, type PredictionKeys } from '../counts/predictionKeys.js';
import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { buildTransitionTable, deriveLowerTable, PAD, type TransitionTable } from '../counts/transitionTable.js';
import { scratchFloats, scratchInts } from '../counts/scratchBuffers.js';
import { BOS, EOS, FIRST_TOKEN_ID } from '../vocabulary/vocabulary.js';
import type { LanguageModel, ModelOptions } from './languageModel.js';
import { ContextBackoff, untrainedProbability } from './trigramBackoff.js';
import { floored, type ProbabilityFloor } from './probabilityFloor.js';

export function trainMle(corpus: TokenCorpus, options: ModelOptions): LanguageModel {
  return new MleModel(corpus, options);
}

export class MleModel implements LanguageModel {
  readonly order: number;
  readonly smoothing = 'mle' as const;
  readonly idSpace: number;
  readonly discountFallback = false;
  private supportIds: Int32Array | undefined;
  private readonly levels: Array<TransitionTable | undefined>;
  private readonly key: Int32Array;
  private readonly tail: Int32Array;

  /**
   * `top`: the order-n table when it is already known (a text's own sample path, trainOnSampledPath
   * in ./train.ts); otherwise counted from the corpus. The model keeps no reference to the corpus: what
   * it needs of it is in the table (in the loop, the training text then goes as soon as the next
   * generation no longer needs it, not with the model that samples that generation).
   */
  constructor(corpus: TokenCorpus, options: ModelOptions, top?: TransitionTable) {
    this.order = options.order;
    this.idSpace = options.idSpace;
    this.levels = [];
    this.levels[options.order - 1] = top ?? buildTransitionTable(corpus, options.order - 1, options.idSpace);
    // histories of up to n - 1 items (one slot to spare)
    this.key = new Int32Array(options.order);
    this.tail = new Int32Array(options.order);
  }

  /**
   * Ids the model can emit, ascending (computed on first use): the real tokens of the order-n table's
   * edges. Every token of the training text is the token of the edge its prediction counts, and no
   * table holds an edge of count 0, so these are the text's observed types (observedTypes), read in
   * O(edges + idSpace) instead of O(tokens + idSpace).
   */
  get support(): Int32Array {
    this.supportIds ??= predictedTokens(this.transitions, this.idSpace);
    return this.supportIds;
  }

  /** The order-n transition table (histories of n-1 items): what the table sampler walks. */
  get transitions(): TransitionTable {
    return this.level(this.order - 1);
  }

  probability(history: Int32Array, start: number, end: number, token: number): number {
    return this.probabilityFrom(this.order - 1, history, start, end, token);
  }

  /** `probability` with the back-off starting at histories of `top` items (the longer ones known absent). */
  private probabilityFrom(top: number, history: Int32Array, start: number, end: number, token: number): number {
    for (let length = top; length >= 0; length--) {
      const table = this.level(length);
      const context = table.contexts.find(this.historyKey(history, start, end, length), 0);
      if (context >= 0) return edgeCount(table, context, token) / table.contextTotal[context]!;
    }
    // (only a model trained on no sentence has no unigram context)
    return untrainedProbability(token);
  }

  /**
   * P(token | history) of every prediction of `corpus` (each token, then `</s>`, sentence by
   * sentence; the same values as `probability`) as an array in text order: prediction j of sentence s
   * (j = its length for `</s>`) is at offsets[s] + s + j. A model read off a sample path (its contexts
   * a view of a root table, M0's in the loop) scores the text's distinct (history, token) pairs,
   * sorted by the history's place in the root (predictionKeys: found once per text and root, so once
   * per series for the held-out set), against its table's arrays in that order: a view numbers its
   * contexts in the root's order, so this walks the table forward, one cache miss per context rather
   * than several per prediction, with no hashing; each prediction then takes its pair's value. Any
   * other table is read in text order: one hash look-up of the history per prediction, then a search
   * of its edges (grouping a text scored once cost more than it saved). Where a history was never seen
   * in training the value is the back-off's: at order 3 from the table's contexts alone
   * (ContextBackoff: no lower tables), otherwise from `probability` itself, one level down. The array
   * is a scratch buffer, valid until the next call.
   */
  predictionProbabilities(corpus: TokenCorpus): Float64Array {
    const table = this.level(this.order - 1);
    const { ids, offsets } = corpus;
    const sentences = offsets.length - 1;
    // Stryker disable next-line StringLiteral: equivalent, any name unique to this buffer (an empty one too)
    const out = scratchFloats('mle.probabilities', ids.length + sentences);
    // No predictions (no held-out set): no histories are looked up for nothing.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, time only: an empty text scores to an empty array either way
    if (sentences === 0) return out;
    const { root, fromRoot } = rootView(table.contexts);
    // Each prediction's share (-1 where its history is unseen) into `out`, and its history's index in the root.
    const histories = fromRoot === undefined ? sharesInTextOrder(table, corpus, lookUpHistories(root, corpus), out) : sharesByPairs(table, predictionKeys(root, corpus), fromRoot, out);
    this.backOff(corpus, table, histories, fromRoot, out);
    return out;
  }

  /**
   * The sum of log2(floored P) (./probabilityFloor.ts) over the predictions of a text given as its own table `table`
   * (its (history, token) pairs with their counts, at this model's order): for each edge, its count
   * times log2 of P(token | history) floored, and the number of predictions. Only for a table whose
   * contexts share this model's hash table (this model's own table, or a view of it: in the loop, any
   * text read off a sample path of a series whose M0 is this model), so each of the table's contexts
   * is this model's context of the same root index: no hashing and no back-off (every history is
   * seen; a token the history never saw has P = 0, as `probability` gives). The table's contexts come
   * in root order, so this model's table is read forward. Undefined for any other table (the caller
   * scores the text itself). The sum runs by edges, not in text order: it may differ from a text-order
   * sum in the last bits of the double. O(table edges * log(edges per context)).
   */
  flooredLog2Sum(table: TransitionTable, floor: ProbabilityFloor): { log2Sum: number; predictions: number } | undefined {
    const top = this.transitions;
    const { root, toRoot } = rootView(table.contexts);
    // (a table of another order has a hash table of another width: never this model's)
    if (root !== top.contexts) return undefined;
    const { edgeStart, edgeToken, edgeCount } = table;
    let log2Sum = 0;
    let predictions = 0;
    // Stryker disable next-line EqualityOperator: equivalent, context `length` has undefined edge bounds: no pass
    for (let k = 0; k < table.contextTotal.length; k++) {
      const context = toRoot === undefined ? k : toRoot[k]!;
      const total = top.contextTotal[context]!;
      // Both edge lists ascend by token: each search starts past the last edge found.
      let from = top.edgeStart[context]!;
      const to = top.edgeStart[context + 1]!;
      for (let e = edgeStart[k]!; e < edgeStart[k + 1]!; e++) {
        const found = indexInSortedRange(top.edgeToken, from, to, edgeToken[e]!);
        const count = edgeCount[e]!;
        // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent, time only: a search from any earlier edge of the context finds the same edge
        if (found >= 0) from = found + 1;
        log2Sum += count * Math.log2(floored(found < 0 ? 0 : top.edgeCount[found]! / total, floor));
        predictions += count;
      }
    }
    return { log2Sum, predictions };
  }

  /**
   * The back-off of every prediction whose share is -1 in `out` (its history unseen), written in place;
   * `histories` holds each prediction's history index in the table's root. Order 3 backs off from the
   * contexts alone: count(b c) is the total of context (b c), the next prediction's history
   * (trigramBackoff.ts); other orders through the lower tables.
   */
  private backOff(corpus: TokenCorpus, table: TransitionTable, histories: Int32Array, fromRoot: Int32Array | undefined, out: Float64Array): void {
    const { ids, offsets } = corpus;
    // Stryker disable next-line ArithmeticOperator: equivalent, a sentence past the last has undefined offsets: no prediction
    const sentences = offsets.length - 1;
    let backoff: ContextBackoff | undefined;
    let p = 0;
    // Stryker disable next-line EqualityOperator: equivalent, a sentence past the last has undefined offsets: no prediction
    for (let s = 0; s < sentences; s++) {
      const from = offsets[s]!;
      const size = offsets[s + 1]! - from;
      for (let j = 0; j <= size; j++, p++) {
        if (out[p]! >= 0) continue;
        const token = j < size ? ids[from + j]! : EOS;
        // (Whether ContextBackoff or probabilityFrom backs off is time only: both give `probability`'s values.)
        // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, see above
        if (this.order !== 3) {
          out[p] = this.unseenHistory(ids, from, j, token);
          continue;
        }
        backoff ??= new ContextBackoff(table, this.idSpace);
        // The history of prediction p + 1 is (b c), for a token c (`</s>` reads no next context: any
        // value there is equivalent). Root index 0 is the start context, never a (b c): `<= 0` is
        // equivalent too. A miss at j = 0 means an empty table, 0 whatever b is.
        // Stryker disable next-line ConditionalExpression,EqualityOperator,UnaryOperator: equivalent, see above
        const next = j < size ? histories[p + 1]! : -1;
        // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, see above
        out[p] = backoff.probability(j === 0 ? BOS : ids[from + j - 1]!, token, contextOf(next, fromRoot));
      }
    }
  }

  /**
   * The back-off of a prediction (token after `<s> ids[from .. from+j)`) whose history the model
   * never saw, for orders other than 3: `probability` from one level down (the top level just missed).
   */
  private unseenHistory(ids: Int32Array, from: number, j: number, token: number): number {
    const length = this.order - 1;
    const known = this.tailHistory(ids, from, j, length);
    // Stryker disable next-line ArithmeticOperator: equivalent, starting at the top level misses there again and gives the same value
    return this.probabilityFrom(length - 1, this.tail, 0, known, token);
  }

  /** Writes into `tail` the last (up to `length`) items of `<s> ids[from .. from+j)`; returns how many. */
  private tailHistory(ids: Int32Array, from: number, j: number, length: number): number {
    const known = Math.min(length, j + 1);
    // Stryker disable next-line EqualityOperator: equivalent, `i <= known` fills a slot past the `known` read
    for (let i = 0; i < known; i++) {
      const at = j + 1 - known + i; // position in <s> w1 .. wj
      this.tail[i] = at === 0 ? BOS : ids[from + at - 1]!;
    }
    return known;
  }

  /** The table for histories of `length` items; lower ones derived from the one above on first use. */
  private level(length: number): TransitionTable {
    let table = this.levels[length];
    if (table === undefined) {
      table = deriveLowerTable(this.level(length + 1), this.idSpace);
      this.levels[length] = table;
    }
    return table;
  }

  /** The last `length` items of the history, left-padded with PAD as the tables store them. */
  private historyKey(history: Int32Array, start: number, end: number, length: number): Int32Array {
    // Stryker disable next-line EqualityOperator: equivalent, `i <= length` fills the spare slot, which find() does not read
    for (let i = 0; i < length; i++) {
      const at = end - length + i;
      // Stryker disable next-line ConditionalExpression: equivalent, `true` (ids before start): a history shorter than n - 1 begins with <s>, nothing precedes <s>, so that key is never seen and the back-off reaches the same counts as the PAD key
      this.key[i] = at >= start ? history[at]! : PAD;
    }
    return this.key;
  }
}

/** Index of the edge (context, token), or -1: binary search over the context's sorted edges. */
function findEdge(edgeStart: Int32Array, edgeToken: Int32Array, context: number, token: number): number {
  return indexInSortedRange(edgeToken, edgeStart[context]!, edgeStart[context + 1]!, token);
}

/** Count of `token` after `context`, by binary search over the context's sorted edges. */
export function edgeCount(table: TransitionTable, context: number, token: number): number {
  const edge = findEdge(table.edgeStart, table.edgeToken, context, token);
  return edge < 0 ? 0 : table.edgeCount[edge]!;
}

/** Ids of the real tokens some edge of `table` predicts, ascending. O(edges + idSpace). */
function predictedTokens(table: TransitionTable, idSpace: number): Int32Array {
  const seen = new Uint8Array(idSpace);
  const tokens = table.edgeToken;
  // Stryker disable next-line EqualityOperator: equivalent, tokens[tokens.length] is undefined: seen[undefined] is no element
  for (let e = 0; e < tokens.length; e++) seen[tokens[e]!] = 1;
  return seenIds(seen, idSpace);
}

/** The ids >= FIRST_TOKEN_ID marked in `seen`, ascending. */
function seenIds(seen: Uint8Array, idSpace: number): Int32Array {
  const types: number[] = [];
  // Stryker disable next-line EqualityOperator: equivalent, `id <= idSpace` reads past the typed array (undefined)
  for (let id = FIRST_TOKEN_ID; id < idSpace; id++) if (seen[id] === 1) types.push(id);
  return Int32Array.from(types);
}

/** Ids of the real tokens that occur in `corpus`, ascending. O(tokens + idSpace). */
export function observedTypes(corpus: TokenCorpus, idSpace: number): Int32Array {
  const seen = new Uint8Array(idSpace);
  const ids = corpus.ids;
  // Stryker disable next-line EqualityOperator: equivalent, ids[ids.length] is undefined: seen[undefined] is no element
  for (let i = 0; i < ids.length; i++) seen[ids[i]!] = 1;
  return seenIds(seen, idSpace);
}

/** A table's context for a root index (-1: none): the index itself when the table is the root (no map). */
function contextOf(root: number, fromRoot: Int32Array | undefined): number {
  // Stryker disable next-line EqualityOperator: equivalent, root 0 is the start context: a view's 0 when it has any context, else an empty table, which scores 0 either way
  return root < 0 || fromRoot === undefined ? root : fromRoot[root]!;
}

/**
 * A table that is its own root, read in text order: each prediction's share count(h c) / count(h .)
 * (0 if the history never saw c, -1 if the table lacks the history) into `out`, from each
 * prediction's history `histories` (lookUpHistories); returns `histories`.
 */
function sharesInTextOrder(table: TransitionTable, corpus: TokenCorpus, histories: Int32Array, out: Float64Array): Int32Array {
  const { ids, offsets } = corpus;
  let p = 0;
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: equivalent, a sentence past the last has undefined offsets: no prediction
  for (let s = 0; s + 1 < offsets.length; s++) {
    const from = offsets[s]!;
    const size = offsets[s + 1]! - from;
    for (let j = 0; j <= size; j++, p++) out[p] = shareOf(table, histories[p]!, j < size ? ids[from + j]! : EOS);
  }
  return histories;
}

/**
 * A view of a root table, read by pairs (see predictionProbabilities): each pair's share once, in
 * the root's order, then each prediction takes its pair's into `out`; returns each prediction's
 * history index in the root (a scratch buffer).
 */
function sharesByPairs(table: TransitionTable, keys: PredictionKeys, fromRoot: Int32Array, out: Float64Array): Int32Array {
  const { history, token, keyOf } = keys;
  // Stryker disable next-line StringLiteral: equivalent, any name unique to this buffer (an empty one too)
  const shares = scratchFloats('mle.pairShares', history.length);
  // Stryker disable next-line EqualityOperator: equivalent, pair `length` reads undefined: a write to a slot no prediction reads
  for (let k = 0; k < history.length; k++) shares[k] = shareOf(table, contextOf(history[k]!, fromRoot), token[k]!);
  // Stryker disable next-line StringLiteral: equivalent, any name unique to this buffer (an empty one too)
  const histories = scratchInts('mle.histories', keyOf.length);
  // Stryker disable next-line EqualityOperator: equivalent, prediction `length` reads undefined: writes past the used part, never read
  for (let p = 0; p < keyOf.length; p++) {
    out[p] = shares[keyOf[p]!]!;
    histories[p] = history[keyOf[p]!]!;
  }
  return histories.subarray(0, keyOf.length);
}

/**
 * count(h c) / count(h .) for the table's context `context` and token c (0 if that history never saw
 * c), or -1 when the context is -1 (a history the table lacks: the back-off decides). (Index 0 taken
 * as unseen, `<= 0`, is an equivalent mutant: a table's first context is the start context (PAD <s>),
 * the only one ending in <s>, so its back-off count(<s> c) / count(<s> .) is its own.)
 */
function shareOf(table: TransitionTable, context: number, token: number): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, see above
  if (context < 0) return -1;
  const edge = findEdge(table.edgeStart, table.edgeToken, context, token);
  return edge < 0 ? 0 : table.edgeCount[edge]! / table.contextTotal[context]!;
}
