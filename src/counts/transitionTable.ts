/**
 * TransitionTable: for one history length L, every history seen in a corpus and the counts of the
 * tokens that followed it, laid out flat for sampling by binary search and for lookup.
 *
 * Input: a TokenCorpus, L >= 0 and the id-space size. Each sentence is read as `<s> w1 .. wm </s>`
 * (ARPA convention); the m+1 predictions w1..wm, `</s>` each have as history the last L items before
 * them, `<s>` included; near the start of a sentence the history is shorter and is stored left-padded
 * with PAD (-1), so `[PAD, <s>]` is "sentence start" for L = 2. For L = 0 there is one, empty, history.
 *
 * Output (all typed arrays, frozen after construction):
 * - `contexts`: history tuple -> context index (first-seen order, deterministic);
 * - for context c, its edges are `edgeStart[c] .. edgeStart[c+1]`, sorted by token id, with
 *   `edgeToken`, `edgeCount`, `edgeCumulative` (running count within the context, for sampling),
 *   and `edgeNext`: the context index of the history after emitting that token (-1 after `</s>`);
 * - `contextTotal[c]`: the number of predictions made from context c;
 * - `startContext`: the context of a sentence's first prediction.
 * Cost: O(P + V + C) time and memory for P = tokens + sentences predictions (two counting sorts and
 * one hash lookup per prediction), no per-token allocation.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { BOS, EOS } from '../vocabulary/vocabulary.js';
import { TupleTable } from './tupleTable.js';

export const PAD = -1;

export interface TransitionTable {
  readonly historyLength: number;
  readonly contexts: TupleTable;
  readonly edgeStart: Int32Array;
  readonly edgeToken: Int32Array;
  readonly edgeCount: Int32Array;
  readonly edgeCumulative: Int32Array;
  readonly edgeNext: Int32Array;
  readonly contextTotal: Int32Array;
  readonly startContext: number;
}

export function buildTransitionTable(corpus: TokenCorpus, historyLength: number, idSpace: number): TransitionTable {
  const { stream, predictionAt } = paddedStream(corpus, historyLength);
  const predictions = predictionAt.length;
  const contexts = new TupleTable(historyLength, Math.max(16, predictions >> 2));
  const contextOf = new Int32Array(predictions);
  const tokenOf = new Int32Array(predictions);
  for (let p = 0; p < predictions; p++) {
    const at = predictionAt[p]!;
    contextOf[p] = contexts.findOrInsert(stream, at);
    tokenOf[p] = stream[at + historyLength]!;
  }
  const order = sortByContextThenToken(contextOf, tokenOf, contexts.size, idSpace);
  const startContext = predictions > 0 ? contextOf[0]! : 0;
  return { historyLength, contexts, startContext, ...collectEdges(order, contextOf, tokenOf, contexts.size) };
}

/**
 * The corpus as one stream `PAD^(L-1) <s> w1 .. wm </s>` per sentence (no PAD or `<s>` for L = 0),
 * and for each prediction the stream offset where its history starts.
 */
function paddedStream(corpus: TokenCorpus, historyLength: number): { stream: Int32Array; predictionAt: Int32Array } {
  const sentences = corpus.offsets.length - 1;
  const lead = historyLength === 0 ? 0 : historyLength; // PADs plus <s>
  const stream = new Int32Array(corpus.ids.length + sentences * (lead + 1));
  const predictionAt = new Int32Array(corpus.ids.length + sentences);
  let at = 0;
  let p = 0;
  for (let s = 0; s < sentences; s++) {
    const from = corpus.offsets[s]!;
    const to = corpus.offsets[s + 1]!;
    const base = at;
    for (let i = 0; i < lead - 1; i++) stream[at++] = PAD;
    if (lead > 0) stream[at++] = BOS;
    stream.set(corpus.ids.subarray(from, to), at);
    at += to - from;
    stream[at++] = EOS;
    for (let j = 0; j <= to - from; j++) predictionAt[p++] = base + j;
  }
  return { stream, predictionAt };
}

/** Prediction indexes ordered by (context, token): two stable counting sorts (LSD radix). */
function sortByContextThenToken(contextOf: Int32Array, tokenOf: Int32Array, contexts: number, idSpace: number): Int32Array {
  const byToken = countingSort(identity(contextOf.length), tokenOf, idSpace);
  return countingSort(byToken, contextOf, contexts);
}

function identity(length: number): Int32Array {
  const values = new Int32Array(length);
  for (let i = 0; i < length; i++) values[i] = i;
  return values;
}

/** Stable counting sort of `items` by `keyOf[item]`, keys in [0, buckets). */
function countingSort(items: Int32Array, keyOf: Int32Array, buckets: number): Int32Array {
  const start = new Int32Array(buckets + 1);
  for (let i = 0; i < items.length; i++) start[keyOf[items[i]!]! + 1]!++;
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  const sorted = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    sorted[start[keyOf[item]!]!++] = item;
  }
  return sorted;
}

function collectEdges(order: Int32Array, contextOf: Int32Array, tokenOf: Int32Array, contexts: number) {
  const predictions = order.length;
  let edges = 0;
  for (let i = 0; i < predictions; i++) {
    const p = order[i]!;
    const q = i > 0 ? order[i - 1]! : -1;
    if (q < 0 || contextOf[p] !== contextOf[q] || tokenOf[p] !== tokenOf[q]) edges++;
  }
  const edgeStart = new Int32Array(contexts + 1);
  const edgeToken = new Int32Array(edges);
  const edgeCount = new Int32Array(edges);
  const edgeCumulative = new Int32Array(edges);
  const edgeNext = new Int32Array(edges);
  const contextTotal = new Int32Array(contexts);
  let e = -1;
  for (let i = 0; i < predictions; i++) {
    const p = order[i]!;
    const q = i > 0 ? order[i - 1]! : -1;
    const context = contextOf[p]!;
    if (q < 0 || context !== contextOf[q] || tokenOf[p] !== tokenOf[q]) {
      e++;
      edgeToken[e] = tokenOf[p]!;
      // The next prediction in the same sentence starts from the history that follows this token.
      edgeNext[e] = tokenOf[p] === EOS ? -1 : contextOf[p + 1]!;
      edgeStart[context + 1] = e + 1;
    }
    edgeCount[e]!++;
    contextTotal[context]!++;
    edgeCumulative[e] = contextTotal[context]!;
  }
  for (let c = 0; c < contexts; c++) if (edgeStart[c + 1]! < edgeStart[c]!) edgeStart[c + 1] = edgeStart[c]!;
  return { edgeStart, edgeToken, edgeCount, edgeCumulative, edgeNext, contextTotal };
}
