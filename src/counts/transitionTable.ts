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
 * - `contexts`: history tuple -> context index (deterministic: order of first discovery here; a table
 *   read off a sample path keeps its source's order, ./sampledTable.ts);
 * - for context c, its edges are `edgeStart[c] .. edgeStart[c+1]`, sorted by token id, with
 *   `edgeToken`, `edgeCount` and `edgeNext`: the context index of the history after emitting that
 *   token (-1 after `</s>`); running counts for sampling are the records' (./transitionRecords.ts);
 * - `contextTotal[c]`: the number of predictions made from context c;
 * - `startContext`: the context of a sentence's first prediction.
 *
 * How it is counted: every prediction's history is hashed once (the lookups are independent of each
 * other, so their cache misses overlap); the predictions are then grouped by (context, token) with two
 * counting sorts that carry the tokens along, and the edges are read off the sorted run in one
 * sequential pass. Cost: O(P + V + C) time for P = tokens + sentences predictions, V ids, C contexts;
 * no per-token allocation.
 *
 * `deriveLowerTable` builds the table of history length L-1 from that of length L by summing edges
 * (each prediction's shorter history is the suffix of its longer one): O(E), no pass over the corpus.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { BOS, EOS } from '../vocabulary/vocabulary.js';
import { COLUMN_SLOTS, scratchInts } from './scratchBuffers.js';
import { TupleTable, type ContextIndex, type TupleTableParts } from './tupleTable.js';

// Stryker disable next-line UnaryOperator: equivalent, any id that never precedes `<s>` in a history serves (EOS = 1 never does)
export const PAD = -1;

export interface TransitionTable {
  readonly historyLength: number;
  readonly contexts: ContextIndex;
  readonly edgeStart: Int32Array;
  readonly edgeToken: Int32Array;
  readonly edgeCount: Int32Array;
  readonly edgeNext: Int32Array;
  readonly contextTotal: Int32Array;
  readonly startContext: number;
}

/** A TransitionTable whose contexts are a hash table of their own, as plain data (to hand to another thread). */
export type TransitionTableParts = Omit<TransitionTable, 'contexts'> & { readonly contexts: TupleTableParts };

/** The table as plain data (views of its arrays), or undefined if its contexts are not a TupleTable (a view of another table's). */
export function transitionTableParts(table: TransitionTable): TransitionTableParts | undefined {
  return table.contexts instanceof TupleTable ? { ...table, contexts: table.contexts.parts } : undefined;
}

/** The table `parts` describes, over those very arrays. */
export function transitionTableFromParts(parts: TransitionTableParts): TransitionTable {
  return { ...parts, contexts: TupleTable.fromParts(parts.contexts) };
}

export function buildTransitionTable(corpus: TokenCorpus, historyLength: number, idSpace: number): TransitionTable {
  const sentences = corpus.offsets.length - 1;
  const predictions = corpus.ids.length + sentences;
  // Start small: histories grow much slower than the corpus, and a sparse table costs cache misses.
  // Stryker disable next-line MethodExpression: equivalent, a size hint: the table grows as needed
  const contexts = new TupleTable(historyLength, Math.min(1 << 16, Math.max(16, predictions >> 2)));
  const contextOf = scratchInts(COLUMN_SLOTS[0], predictions + 1);
  const tokenOf = scratchInts(COLUMN_SLOTS[1], predictions);
  // Stryker disable next-line ConditionalExpression: equivalent, time only: the general path below counts the same histories in the same order
  if (historyLength === 2) {
    // The hot case (order 3), read straight from the corpus: histories (PAD <s>), (<s> w1), (w1 w2) ...
    const { ids, offsets } = corpus;
    let p = 0;
    // Stryker disable next-line EqualityOperator: equivalent, sentence `sentences` has undefined bounds: no pass
    for (let s = 0; s < sentences; s++) {
      let older = PAD;
      let newer = BOS;
      const to = offsets[s + 1]!;
      for (let i = offsets[s]!; i <= to; i++) {
        const token = i < to ? ids[i]! : EOS;
        contextOf[p] = contexts.findOrInsertPair(older, newer);
        tokenOf[p++] = token;
        older = newer;
        newer = token;
      }
    }
  } else {
    const { stream, predictionAt } = paddedStream(corpus, historyLength);
    for (let p = 0; p < predictions; p++) {
      const at = predictionAt[p]!;
      contextOf[p] = contexts.findOrInsert(stream, at);
      tokenOf[p] = stream[at + historyLength]!;
    }
  }
  // No next-context column: the prediction after p in the same sentence starts from the history that
  // follows p's token, contextOf[p + 1] (groupPredictions reads it there).
  return groupPredictions(historyLength, contexts, contextOf, tokenOf, undefined, undefined, idSpace);
}

/**
 * The table of history length L-1 computed from the table of length L >= 1 (its edges summed by the
 * suffix of their history). Equal, edge for edge and count for count, to building it from the corpus;
 * only the numbering of contexts may differ. O(E + V + C), no pass over the corpus.
 */
export function deriveLowerTable(table: TransitionTable, idSpace: number): TransitionTable {
  const length = table.historyLength;
  if (length < 1) throw new RangeError('a table of history length 0 has no lower table');
  const lower = length - 1;
  const histories = new ShorterHistories(table, idSpace);
  const edges = table.edgeToken.length;
  const contextOf = scratchInts(COLUMN_SLOTS[0], edges);
  const nextOf = scratchInts(COLUMN_SLOTS[1], edges);
  // An empty table has no sentence start either: its lower table is empty too.
  if (edges > 0) {
    histories.findSentenceStart();
    shorterContexts(table, histories, contextOf);
    shorterNexts(table, histories, contextOf, nextOf);
  }
  return groupPredictions(lower, histories.contexts, contextOf, table.edgeToken, nextOf, table.edgeCount, idSpace);
}

/**
 * The histories of the lower table, numbered in the order they are first asked for: `key` holds the
 * history to find (its first L-1 items), `find()` its context, inserted if new.
 */
class ShorterHistories {
  readonly contexts: TupleTable;
  readonly key: Int32Array;
  private readonly lower: number;
  /** One-item histories only: the context of each item (-1 until found). */
  private readonly byItem: Int32Array | undefined;

  constructor(table: TransitionTable, idSpace: number) {
    this.lower = table.historyLength - 1;
    // Stryker disable next-line MethodExpression: equivalent, a size hint: the table grows as needed
    this.contexts = new TupleTable(this.lower, Math.max(16, table.contexts.size));
    this.key = new Int32Array(Math.max(1, table.historyLength));
    // One-item histories (lower = 1, the hot case: order 3's bigram level): the context is a function
    // of the item, so each item is hashed once and then read from `byItem`; the same finds and inserts
    // in the same order, so the same numbering.
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, time only: without the item table every history is looked up in the hash table, which finds the same contexts
    this.byItem = this.lower === 1 ? scratchInts('derive.byItem', idSpace) : undefined;
    this.byItem?.fill(-1);
  }

  find(): number {
    const { byItem, key } = this;
    // Stryker disable next-line ConditionalExpression: equivalent, see the constructor
    if (byItem === undefined) return this.contexts.findOrInsert(key, 0);
    let context = byItem[key[0]!]!;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, looking a known history up again finds the same context
    if (context < 0) byItem[key[0]!] = context = this.contexts.findOrInsert(key, 0);
    return context;
  }

  /**
   * Sentence start first, as when counting a corpus: PAD^(L-2) <s>. (The table's context 0 is its own
   * sentence start, whose shorter history is this one, so it would come first anyway; the key starts
   * zeroed, `<s>` is id 0, and a key's items past `lower` are not read.)
   */
  findSentenceStart(): void {
    const { key, lower } = this;
    // Stryker disable next-line EqualityOperator,ArithmeticOperator: equivalent, see above
    for (let i = 0; i < lower - 1; i++) key[i] = PAD;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent, see above
    if (lower > 0) key[lower - 1] = BOS;
    this.find();
  }
}

/** contextOf[e] = the lower table's context of edge e's history without its oldest item. */
function shorterContexts(table: TransitionTable, histories: ShorterHistories, contextOf: Int32Array): void {
  const { key } = histories;
  const length = table.historyLength;
  for (let c = 0; c < table.contexts.size; c++) {
    // The shorter history drops the oldest item; PAD only ever precedes <s>, so none remains in front.
    // Stryker disable next-line EqualityOperator: equivalent, key[length - 1] is past the shorter history's items, which are all that is read
    for (let i = 1; i < length; i++) key[i - 1] = table.contexts.keyAt(c, i);
    const context = histories.find();
    // Stryker disable next-line EqualityOperator: equivalent, the entry past a context's last edge is the next context's first, written after it (or past the last edge, never read)
    for (let e = table.edgeStart[c]!; e < table.edgeStart[c + 1]!; e++) contextOf[e] = context;
  }
}

/** nextOf[e] = the lower table's context after edge e's token (its shorter history, then the token); -1 after `</s>`. */
function shorterNexts(table: TransitionTable, histories: ShorterHistories, contextOf: Int32Array, nextOf: Int32Array): void {
  const { key, contexts } = histories;
  const lower = table.historyLength - 1;
  for (let e = 0; e < table.edgeToken.length; e++) {
    const token = table.edgeToken[e]!;
    if (token === EOS) {
      nextOf[e] = -1;
      continue;
    }
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, the general case writes key[-1] (nowhere) and finds the one empty history, context 0
    if (lower === 0) {
      nextOf[e] = 0;
      continue;
    }
    // Stryker disable next-line EqualityOperator: equivalent, key[lower - 1] is set to the token next
    for (let i = 1; i < lower; i++) key[i - 1] = contexts.keyAt(contextOf[e]!, i);
    key[lower - 1] = token;
    nextOf[e] = histories.find();
  }
}

/**
 * The corpus as one stream `PAD^(L-1) <s> w1 .. wm </s>` per sentence (no PAD or `<s>` for L = 0),
 * and for each prediction the stream offset where its history starts.
 */
function paddedStream(corpus: TokenCorpus, historyLength: number): { stream: Int32Array; predictionAt: Int32Array } {
  const sentences = corpus.offsets.length - 1;
  const lead = historyLength; // PADs plus <s> (none for L = 0)
  // Stryker disable next-line StringLiteral: equivalent, any slot name not used elsewhere is as good
  const stream = scratchInts('build.stream', corpus.ids.length + sentences * (lead + 1));
  // Stryker disable next-line StringLiteral: equivalent, any slot name not used elsewhere is as good
  const predictionAt = scratchInts('build.predictionAt', corpus.ids.length + sentences);
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

/**
 * Groups weighted predictions (context, token, next context, weight; weight 1 when `weights` is
 * undefined) into edges sorted by (context, token): a stable counting sort by token, then one by
 * context, each moving the values along (sequential reads, scattered writes: no gathers), then one
 * sequential pass over the sorted run. `nextOf` undefined: the predictions are a text's, in order, and
 * the next context of p is that of p + 1 (-1 after `</s>`).
 * Columns: the input (COLUMN_SLOTS 0 and 1 when they are scratch) is dead once sorted by token (2, 3),
 * so the sort by context writes into 0 and 1 again. Each pass is a function of its own, as in
 * ./sampledTable.ts (V8 compiles a long loop while it runs: one function of several loops had each
 * later loop meet code compiled without its feedback).
 */
function groupPredictions(
  historyLength: number,
  contexts: TupleTable,
  contextOf: Int32Array,
  tokenOf: Int32Array,
  nextOf: Int32Array | undefined,
  weights: Int32Array | undefined,
  idSpace: number,
): TransitionTable {
  const byToken = sortedByToken(contextOf, tokenOf, nextOf, weights, idSpace);
  const byContext = sortedByContext(contexts.size, contextOf, tokenOf.length, byToken, idSpace);
  const edges = edgesOfRuns(contexts.size, byContext);
  contexts.fitKeys(); // the table's contexts are complete: the key list's room goes
  return { historyLength, contexts, edgeStart: byContext.edgeStart, ...edges, startContext: 0 };
}

/** The predictions sorted by token (stable): where each token's run starts, and its contexts, next contexts and weights. */
interface ByToken {
  readonly tokenStart: Int32Array;
  readonly context: Int32Array;
  readonly next: Int32Array;
  readonly weight: Int32Array | undefined;
}

/** Pass 1: a stable counting sort by token, carrying context, next context and weight. */
function sortedByToken(contextOf: Int32Array, tokenOf: Int32Array, nextOf: Int32Array | undefined, weights: Int32Array | undefined, idSpace: number): ByToken {
  const predictions = tokenOf.length;
  // (past the last prediction or token, bounds and indexes read undefined: the writes go nowhere)
  // Stryker disable next-line StringLiteral: equivalent, any slot name not used elsewhere is as good
  const tokenStart = scratchInts('group.tokenStart', idSpace + 1, true);
  // Stryker disable next-line EqualityOperator: equivalent, see above
  for (let p = 0; p < predictions; p++) tokenStart[tokenOf[p]! + 1]!++;
  // Stryker disable next-line EqualityOperator: equivalent, see above
  for (let t = 0; t < idSpace; t++) tokenStart[t + 1]! += tokenStart[t]!;
  // Stryker disable next-line StringLiteral: equivalent, any slot name not used elsewhere is as good
  const fill = scratchInts('group.tokenFill', idSpace + 1);
  fill.set(tokenStart);
  const context = scratchInts(COLUMN_SLOTS[2], predictions);
  const next = scratchInts(COLUMN_SLOTS[3], predictions);
  // Stryker disable next-line StringLiteral: equivalent, any slot name not used elsewhere is as good
  const weight = weights === undefined ? undefined : scratchInts('group.byTokenWeight', predictions);
  // Stryker disable next-line EqualityOperator: equivalent, see above
  for (let p = 0; p < predictions; p++) {
    const at = fill[tokenOf[p]!]!++;
    context[at] = contextOf[p]!;
    next[at] = nextOf !== undefined ? nextOf[p]! : tokenOf[p] === EOS ? -1 : contextOf[p + 1]!;
    if (weight !== undefined) weight[at] = weights![p]!;
  }
  return { tokenStart, context, next, weight };
}

/** The predictions sorted by context, then token: where each context's run starts, and its tokens, next contexts and weights. */
interface ByContext {
  readonly edgeStart: Int32Array;
  readonly token: Int32Array;
  readonly next: Int32Array;
  readonly weight: Int32Array | undefined;
}

/**
 * Pass 2: a stable counting sort by context of the token-sorted predictions, carrying token, next
 * context and weight (`contextOf` may be longer than the `predictions` it holds: a scratch column).
 */
function sortedByContext(contextCount: number, contextOf: Int32Array, predictions: number, byToken: ByToken, idSpace: number): ByContext {
  const { tokenStart } = byToken;
  const edgeStart = new Int32Array(contextCount + 1);
  for (let p = 0; p < predictions; p++) edgeStart[contextOf[p]! + 1]!++;
  // Stryker disable next-line EqualityOperator: equivalent, one more running sum writes past the end: nowhere
  for (let c = 0; c < contextCount; c++) edgeStart[c + 1]! += edgeStart[c]!;
  // (not a scratch slot: kept, it would hold M0's context count in memory for the whole run)
  const contextFill = new Int32Array(contextCount + 1);
  contextFill.set(edgeStart);
  const token = scratchInts(COLUMN_SLOTS[0], predictions);
  const next = scratchInts(COLUMN_SLOTS[1], predictions);
  // Stryker disable next-line StringLiteral: equivalent, any slot name not used elsewhere is as good
  const weight = byToken.weight === undefined ? undefined : scratchInts('group.sortedWeight', predictions);
  // Stryker disable next-line EqualityOperator: equivalent, token idSpace has undefined bounds: no pass
  for (let t = 0; t < idSpace; t++) {
    const to = tokenStart[t + 1]!;
    for (let i = tokenStart[t]!; i < to; i++) {
      const at = contextFill[byToken.context[i]!]!++;
      token[at] = t;
      next[at] = byToken.next[i]!;
      if (weight !== undefined) weight[at] = byToken.weight![i]!;
    }
  }
  return { edgeStart, token, next, weight };
}

/** Pass 3: the runs of equal token inside each context are the edges; edgeStart is rewritten from prediction to edge starts. */
function edgesOfRuns(contextCount: number, sorted: ByContext): Pick<TransitionTable, 'edgeToken' | 'edgeCount' | 'edgeNext' | 'contextTotal'> {
  const { edgeStart, token: sortedToken, next: sortedNext, weight: sortedWeight } = sorted;
  let edges = 0;
  // Stryker disable next-line EqualityOperator: equivalent, context contextCount has undefined bounds: no pass
  for (let c = 0; c < contextCount; c++) {
    const to = edgeStart[c + 1]!;
    for (let i = edgeStart[c]!; i < to; i++) if (i === edgeStart[c] || sortedToken[i] !== sortedToken[i - 1]) edges++;
  }
  const edgeToken = new Int32Array(edges);
  const edgeCount = new Int32Array(edges);
  const edgeNext = new Int32Array(edges);
  const contextTotal = new Int32Array(contextCount);
  let e = -1;
  // Stryker disable next-line EqualityOperator: equivalent, context contextCount has no edges, its start is set again below and its total written past the end
  for (let c = 0; c < contextCount; c++) {
    const from = edgeStart[c]!;
    const to = edgeStart[c + 1]!;
    edgeStart[c] = e + 1;
    let total = 0;
    for (let i = from; i < to; i++) {
      const token = sortedToken[i]!;
      if (i === from || token !== sortedToken[i - 1]) {
        e++;
        edgeToken[e] = token;
        edgeNext[e] = sortedNext[i]!;
      }
      const weight = sortedWeight === undefined ? 1 : sortedWeight[i]!;
      edgeCount[e]! += weight;
      total += weight;
    }
    contextTotal[c] = total;
  }
  edgeStart[contextCount] = edges;
  return { edgeToken, edgeCount, edgeNext, contextTotal };
}
