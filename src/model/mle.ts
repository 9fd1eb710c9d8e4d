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
 * `predictionProbabilities` scores a whole text by walking the top-level table's records
 * (counts/transitionRecords.ts, the layout the table sampler also walks: one record read and a short
 * search per token, no hashing while the text stays on seen histories, several sentences in turn), or,
 * for a model whose contexts are a view of M0's (read off a sample path), by reading each distinct
 * (history, token) pair of the text once, in M0's order (counts/predictionKeys.ts, looked up once per
 * text); either way it gives exactly
 * the values `probability` returns, in text order. Sampling lives in src/sampler/.
 */

import { rootView } from '../counts/keptContexts.js';
import { indexInSortedRange } from '../counts/sortedSearch.js';
import { predictionKeys, type PredictionKeys } from '../counts/predictionKeys.js';
import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { buildTransitionTable, deriveLowerTable, PAD, type TransitionTable } from '../counts/transitionTable.js';
import { scratchFloats } from '../counts/scratchBuffers.js';
import { edgeShare, findRecordEdge, recordsOf } from '../counts/transitionRecords.js';
import { BOS, EOS, FIRST_TOKEN_ID } from '../vocabulary/vocabulary.js';
import type { LanguageModel, ModelOptions } from './languageModel.js';
import { ContextBackoff, fillBackoff } from './trigramBackoff.js';

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
    return 0;
  }

  /**
   * P(token | history) of every prediction of `corpus` (each token, then `</s>`, sentence by
   * sentence; the same values as `probability`) as an array in text order: prediction j of sentence s (j = its length for
   * `</s>`) is at offsets[s] + s + j. A view of a root table reads the text's (history, token) pairs
   * in the root's order (scoreThroughRoot); otherwise several sentences are walked in turn (LANES
   * cursors), so the cache misses of one overlap with the others'. Where a history was never seen in
   * training the value is the back-off's: for order 3 from the table's counts (trigramBackoff.ts: no
   * lower tables), otherwise from `probability` itself. O(P log m + E).
   * The array is a scratch buffer, valid until the next call.
   */
  predictionProbabilities(corpus: TokenCorpus): Float64Array {
    const table = this.level(this.order - 1);
    const { ids, offsets } = corpus;
    const sentences = offsets.length - 1;
    // Stryker disable next-line StringLiteral: equivalent, any name unique to this buffer (an empty one too)
    const out = scratchFloats('mle.probabilities', ids.length + sentences);
    // No predictions (no held-out set): no records are built for nothing (at 10M tokens, 75 MB at the row's peak).
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, memory only: an empty text scores to an empty array either way
    if (sentences === 0) return out;
    // Order 3's predictions whose history the model never saw, as (position, b, c): scored by fillBackoff at the end.
    const misses: number[] = [];
    const { root, fromRoot } = rootView(table.contexts);
    // Stryker disable next-line ConditionalExpression: equivalent, time only: walking the records gives the same values
    if (fromRoot !== undefined) this.scoreThroughRoot(corpus, table, predictionKeys(root, corpus), fromRoot, out, misses);
    else this.scoreByWalking(corpus, table, out, misses);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, fillBackoff with no misses writes nothing
    if (misses.length > 0) fillBackoff(out, misses, table, this.idSpace);
    return out;
  }

  /**
   * predictionProbabilities for a model whose contexts are a view of a root table (one read off a
   * sample path): the text's distinct (history, token) pairs, sorted by the history's place in the
   * root (predictionKeys, once per text), are scored in that order against the table's arrays. A
   * view numbers its contexts in the root's order, so this walks the table forward, one cache miss
   * per context rather than several per prediction, with no hashing at all; then each prediction
   * takes its pair's value. A prediction whose history the model never saw gets the back-off: at
   * order 3 from the table's contexts alone (ContextBackoff), otherwise as the walk gives it
   * (unseenHistory).
   */
  private scoreThroughRoot(corpus: TokenCorpus, table: TransitionTable, keys: PredictionKeys, fromRoot: Int32Array, out: Float64Array, misses: number[]): void {
    const { edgeStart, edgeToken, edgeCount, contextTotal } = table;
    const { history, token: keyToken, keyOf } = keys;
    // Stryker disable next-line StringLiteral: equivalent, any name unique to this buffer (an empty one too)
    const shares = scratchFloats('mle.pairShares', history.length);
    // (Whether ContextBackoff or unseenHistory and fillBackoff back off is time only: both give the
    // values `probability` gives, tested in trigramBackoff.test.ts; mutants that swap them are equivalent.)
    // Stryker disable next-line BooleanLiteral: equivalent, see above
    let unseen = false;
    // Stryker disable next-line EqualityOperator: equivalent, pair `length` reads undefined: a write to a slot no prediction reads
    for (let k = 0; k < history.length; k++) {
      const root = history[k]!;
      // -1: the history is unseen, and the prediction's value comes from unseenHistory below. (Index 0
      // taken as unseen, `<= 0`, is an equivalent mutant: a table's first context is the start context
      // (PAD <s>), the only one ending in <s>, so its back-off count(<s> c) / count(<s> .) is its own.)
      // Stryker disable next-line EqualityOperator: equivalent, see above
      const context = root < 0 ? -1 : fromRoot[root]!;
      // Stryker disable next-line EqualityOperator: equivalent, see above
      if (context < 0) {
        shares[k] = -1;
        // Stryker disable next-line BooleanLiteral: equivalent, see above
        unseen = true;
        continue;
      }
      const edge = indexInSortedRange(edgeToken, edgeStart[context]!, edgeStart[context + 1]!, keyToken[k]!);
      shares[k] = edge < 0 ? 0 : edgeCount[edge]! / contextTotal[context]!;
    }
    // Order 3 backs off from the contexts alone: count(b c) is the total of context (b c), the next
    // prediction's history, whose place in the root is known too (trigramBackoff.ts).
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, see above
    const backoff = this.order === 3 && unseen ? new ContextBackoff(table, this.idSpace) : undefined;
    const { ids, offsets } = corpus;
    // Stryker disable next-line ArithmeticOperator: equivalent, a sentence past the last has undefined offsets: no prediction
    const sentences = offsets.length - 1;
    let p = 0;
    // Stryker disable next-line EqualityOperator: equivalent, a sentence past the last has undefined offsets: no prediction
    for (let s = 0; s < sentences; s++) {
      const from = offsets[s]!;
      const size = offsets[s + 1]! - from;
      for (let j = 0; j <= size; j++, p++) {
        const share = shares[keyOf[p]!]!;
        if (share >= 0) {
          out[p] = share;
          continue;
        }
        const token = j < size ? ids[from + j]! : EOS;
        // Stryker disable next-line ConditionalExpression: equivalent, see above
        if (backoff === undefined) {
          out[p] = this.unseenHistory(ids, from, s, j, token, misses);
          continue;
        }
        // The history of prediction p + 1 is (b c), for a token c (`</s>` reads no next context: any
        // value there is equivalent). Root index 0 is the start context, never a (b c): `<= 0` is
        // equivalent too. A miss at j = 0 means an empty table, 0 whatever b is.
        // Stryker disable next-line ConditionalExpression,EqualityOperator,UnaryOperator: equivalent, see above
        const next = j < size ? history[keyOf[p + 1]!]! : -1;
        // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, see above
        out[p] = backoff.probability(j === 0 ? BOS : ids[from + j - 1]!, token, next < 0 ? -1 : fromRoot[next]!);
      }
    }
  }

  /** predictionProbabilities by walking the records sentence by sentence (LANES at a time). */
  private scoreByWalking(corpus: TokenCorpus, table: TransitionTable, out: Float64Array, misses: number[]): void {
    const length = this.order - 1;
    const { walk, offsetOf } = recordsOf(table);
    const { ids, offsets } = corpus;
    const sentences = offsets.length - 1;
    // Stryker disable next-line ConditionalExpression: equivalent, `false` scores every prediction by probability() (same values)
    const start = table.contextTotal.length > 0 ? offsetOf[table.startContext]! : -1;
    const laneSentence = new Int32Array(LANES).fill(-1);
    const lanePosition = new Int32Array(LANES);
    const laneRecord = new Int32Array(LANES);
    let nextSentence = 0;
    let active = 0;
    for (let lane = 0; lane < LANES && nextSentence < sentences; lane++, active++) {
      laneSentence[lane] = nextSentence++;
      laneRecord[lane] = start;
    }
    while (active > 0) {
      // Stryker disable next-line EqualityOperator: equivalent, lane LANES reads undefined: its NaN positions write nowhere
      for (let lane = 0; lane < LANES; lane++) {
        const s = laneSentence[lane]!;
        // Stryker disable next-line ConditionalExpression: equivalent, an idle lane (sentence -1) reads NaN offsets and writes nowhere
        if (s < 0) continue;
        const from = offsets[s]!;
        const size = offsets[s + 1]! - from;
        const j = lanePosition[lane]!;
        const token = j < size ? ids[from + j]! : EOS;
        const record = laneRecord[lane]!;
        let next = -1;
        let probability: number;
        // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, leaving the walk only scores by probability() (same values)
        if (record >= 0) {
          const edge = findRecordEdge(walk, record, token);
          // Stryker disable next-line EqualityOperator: equivalent, `edge > 0`: an edge sits after its record's head, never at 0
          if (edge >= 0) {
            probability = edgeShare(walk, record, edge);
            next = walk[edge + 2]!;
          } else {
            probability = 0;
          }
        } else {
          // The walk left the table: the history is unseen (its look-up, when the last step found
          // no record, missed at the top level already).
          probability = this.unseenHistory(ids, from, s, j, token, misses);
        }
        out[from + s + j] = probability;
        if (j === size) {
          if (nextSentence < sentences) {
            laneSentence[lane] = nextSentence++;
            lanePosition[lane] = 0;
            laneRecord[lane] = start;
          } else {
            laneSentence[lane] = -1;
            active--;
          }
          continue;
        }
        // the edge had no next record (an unseen edge, or a history from probability()): look the next history up.
        // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: equivalent, the lookup finds the record the edge points to, and a missing record scores by probability() (same values)
        if (next < 0) {
          const known = this.tailHistory(ids, from, j + 1, length);
          const context = table.contexts.find(this.historyKey(this.tail, 0, known, length), 0);
          // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, without the record the next step scores by probability() (same values)
          next = context >= 0 ? offsetOf[context]! : -1;
        }
        lanePosition[lane] = j + 1;
        laneRecord[lane] = next;
      }
    }
  }

  /**
   * The probability of a prediction whose history (the model never saw it) has no record: order 3
   * notes it in `misses` (position, b, c) for fillBackoff and gives 0 for now; other orders back off
   * from one level down at once.
   */
  private unseenHistory(ids: Int32Array, from: number, s: number, j: number, token: number, misses: number[]): number {
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, order 3 by the general back-off below gives the same values
    if (this.order === 3) {
      // b is the item before the token. (j = 0 misses only when the table is empty: every value is 0 then, whatever b is)
      // Stryker disable next-line ConditionalExpression: equivalent, see above
      misses.push(from + s + j, j === 0 ? BOS : ids[from + j - 1]!, token);
      return 0;
    }
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

/** Sentences scored side by side by `predictionProbabilities`. */
const LANES = 8;

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
