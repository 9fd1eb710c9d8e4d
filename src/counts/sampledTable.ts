/**
 * sampledTable: the transition table of a text sampled from a table, read off the path the sampler
 * took instead of counting the text, optionally with other texts ("extras", e.g. a batch's human
 * share) counted in.
 *
 * Why it works: a text drawn by walking table T (the MLE fast path, ../sampler/tableSampler.ts) makes
 * each prediction along one of T's edges, so its table has T's contexts and edges, a subset of them,
 * with new counts: the number of times the walk took each edge. The one exception is a sentence cut
 * at the length cap: the text reads `</s>` after the context the walk stopped in, an edge T may lack.
 * A model retrained on nothing but its own sample can only keep or lose contexts and edges (bar those
 * sentence ends): the loss the collapse curves show.
 *
 * Input: T, the path (per prediction, the index of the edge taken, or -1 - (first edge of the
 * context) for a cut sentence's `</s>`), and the extra texts, whose histories must all be known to T's
 * root hash table (T's own, or the one T is a view of, ./keptContexts.ts: in the loop, M0's, which
 * holds every history of the human pool and so of every text the loop trains on). The extras'
 * predictions, each found in the root by one hash look-up (independent of each other, so their cache
 * misses overlap), and the cut sentences' ends are grouped by (root context, token) with two counting
 * sorts and merged, token by token, with T's edges.
 *
 * Output: a TransitionTable equal, edge for edge and count for count, to buildTransitionTable on the
 * extras and the sampled text together (tested), or undefined if an extra has a history the root does
 * not know. Its contexts are a renumbering view of the root, numbered in the root's order instead of
 * the text's order of first discovery, which changes no probability and no draw (a sampler's draw
 * depends only on each context's edges, sorted by token). Cost: O(P + C + E + R) for P path entries,
 * T's C contexts and E edges, R root contexts, plus one hash look-up per prediction of the extras (which
 * also gives the previous prediction its next history); nothing per path entry but a count.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { EOS } from '../vocabulary/vocabulary.js';
import { IntRecords } from './intRecords.js';
import { lookUpHistories } from './lookUpHistories.js';
import { KeptContexts, rootView } from './keptContexts.js';
import { scratchInts } from './scratchBuffers.js';
import { indexInSortedRange } from './sortedSearch.js';
import type { TransitionTable } from './transitionTable.js';
import type { ContextIndex } from './tupleTable.js';

/**
 * The scratch slot of a root-sized column: groupPairs's context starts, then mergedTable's renumbering
 * (the starts are dead once the pairs are grouped), so the two take one root-sized buffer, not two
 * (11 MB at 10M tokens per generation).
 */
// Stryker disable next-line StringLiteral: equivalent, any slot name not used elsewhere is as good
const ROOT_SLOT = 'sampled.root';

export function tableFromPath(base: TransitionTable, path: Int32Array, extras: readonly TokenCorpus[] = []): TransitionTable | undefined {
  const { root, toRoot, fromRoot } = rootView(base.contexts);
  // Stryker disable next-line StringLiteral: equivalent, any slot name not used elsewhere is as good
  const counts = scratchInts('sampled.counts', base.edgeToken.length, true);
  // Predictions not on the path, as (root context, token, root context of the next history) triples:
  // cut sentences' ends (no next history: -1), the extras'.
  let predictions = 0;
  // Stryker disable next-line ArithmeticOperator,AssignmentOperator: equivalent, a size hint: the records grow as needed
  for (const extra of extras) predictions += extra.ids.length + extra.offsets.length - 1;
  const others = new IntRecords(3, predictions);
  countPath(base, path, counts, others, toRoot);
  for (const extra of extras) if (!countExtra(extra, root, others)) return undefined;
  return mergedTable(base, root, toRoot, fromRoot, counts, groupPairs(others, root.size));
}

/** Counts the path's edges into `counts`; a cut sentence's `</s>` goes to `others`. */
function countPath(base: TransitionTable, path: Int32Array, counts: Int32Array, others: IntRecords, toRoot: Int32Array | undefined): void {
  const { edgeStart } = base;
  const contexts = base.contextTotal.length;
  for (let p = 0; p < path.length; p++) {
    const edge = path[p]!;
    if (edge >= 0) {
      counts[edge]!++;
      continue;
    }
    // A cut mark names the context's first edge; its `</s>` is a pair (merged with T's `</s>` edge, if any).
    const context = indexInSortedRange(edgeStart, 0, contexts, -1 - edge);
    addTriple(others, toRoot === undefined ? context : toRoot[context]!, EOS, -1);
  }
}

/**
 * The extra text's predictions as (root context, token, next root context) triples into `others`
 * (histories found by ./lookUpHistories.ts, one independent hash look-up each, no walk of T; merged
 * with T's edges by token later). A prediction's next history is the next prediction's, so it costs no
 * look-up of its own; `</s>` has none, -1. False if a history is unknown to the root (the caller then
 * counts the text the general way).
 */
function countExtra(text: TokenCorpus, root: ContextIndex, others: IntRecords): boolean {
  const histories = lookUpHistories(root, text);
  const { ids, offsets } = text;
  let p = 0;
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: equivalent, a sentence past the last reads undefined offsets: no prediction
  for (let s = 0; s + 1 < offsets.length; s++) {
    const to = offsets[s + 1]!;
    for (let i = offsets[s]!; i <= to; i++, p++) {
      if (histories[p]! < 0) return false;
      // a token's next history is the next prediction's; `</s>` has none
      addTriple(others, histories[p]!, i < to ? ids[i]! : EOS, i < to ? histories[p + 1]! : -1);
    }
  }
  return true;
}

/** One (root context, token, next root context) triple onto `triples`. */
function addTriple(triples: IntRecords, context: number, token: number, next: number): void {
  const at = triples.add();
  triples.values[at] = context;
  triples.values[at + 1] = token;
  triples.values[at + 2] = next;
}

/** (root context, token, count, next root context) runs, sorted by context then token. */
interface Pairs {
  readonly context: Int32Array;
  readonly token: Int32Array;
  readonly count: Int32Array;
  readonly next: Int32Array;
}

/**
 * Groups (root context, token, next) triples: a counting sort by token, then a stable one by context,
 * then runs (the next history follows from context and token, so a run's members share it).
 */
function groupPairs(triples: IntRecords, rootSize: number): Pairs {
  // a view of the triples alone: past them it reads undefined, as a plain array would
  const pairs = triples.filled();
  const n = triples.size;
  let tokens = 0;
  for (let i = 0; i < n; i++) tokens = Math.max(tokens, pairs[3 * i + 1]! + 1);
  const tokenStart = new Int32Array(tokens + 1);
  // Stryker disable next-line EqualityOperator: equivalent, item n reads undefined pairs: a bucket write to nowhere
  for (let i = 0; i < n; i++) tokenStart[pairs[3 * i + 1]! + 1]!++;
  // Stryker disable next-line EqualityOperator: equivalent, one more running sum past the last token bucket is never read
  for (let t = 0; t < tokens; t++) tokenStart[t + 1]! += tokenStart[t]!;
  const byToken = new Int32Array(n);
  // Stryker disable next-line EqualityOperator: equivalent, item n reads undefined pairs: a bucket write to nowhere
  for (let i = 0; i < n; i++) byToken[tokenStart[pairs[3 * i + 1]!]!++] = i;
  const contextStart = scratchInts(ROOT_SLOT, rootSize + 1, true);
  // Stryker disable next-line EqualityOperator: equivalent, item n reads undefined pairs: a bucket write to nowhere
  for (let i = 0; i < n; i++) contextStart[pairs[3 * i]! + 1]!++;
  // Stryker disable next-line EqualityOperator: equivalent, one more running sum past the last context bucket is never read
  for (let r = 0; r < rootSize; r++) contextStart[r + 1]! += contextStart[r]!;
  const sorted = new Int32Array(n);
  // Stryker disable next-line EqualityOperator: equivalent, item n reads undefined pairs: a write to nowhere
  for (let k = 0; k < n; k++) sorted[contextStart[pairs[3 * byToken[k]!]!]!++] = byToken[k]!;
  // runs of equal (context, token)
  const context = new Int32Array(n);
  const token = new Int32Array(n);
  const count = new Int32Array(n);
  const next = new Int32Array(n);
  let runs = 0;
  for (let k = 0; k < n; k++) {
    const r = pairs[3 * sorted[k]!]!;
    const t = pairs[3 * sorted[k]! + 1]!;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, at runs = 0 context[-1] is undefined: never equal, a new run either way
    if (runs > 0 && context[runs - 1] === r && token[runs - 1] === t) count[runs - 1]!++;
    else {
      context[runs] = r;
      token[runs] = t;
      next[runs] = pairs[3 * sorted[k]! + 2]!;
      count[runs++] = 1;
    }
  }
  return { context: context.subarray(0, runs), token: token.subarray(0, runs), count: count.subarray(0, runs), next: next.subarray(0, runs) };
}

/**
 * The table: per root context in root order, T's counted edges merged by token with the other pairs.
 * Next contexts: T's edges name T's next context; an other pair carries its own (the history its text
 * went on to, in the root).
 *
 * Each pass is a function of its own. The loop runs them once a generation, and V8 optimises a long
 * loop while it runs (on-stack replacement): in one function of five loops, each later loop met code
 * compiled with no feedback for it and threw it away, and the function was compiled 16-22 times a run.
 */
function mergedTable(
  base: TransitionTable,
  root: ContextIndex,
  toRoot: Int32Array | undefined,
  fromRoot: Int32Array | undefined,
  counts: Int32Array,
  others: Pairs,
): TransitionTable {
  const contexts = base.contextTotal.length;
  // Pass 1: T's contexts with an edge taken (newOfT 0 for now, else -1), the edges taken, then the
  // pairs that are edges of their own (not on an edge T took).
  // Stryker disable next-line StringLiteral: equivalent, any slot name not used elsewhere is as good
  const newOfT = scratchInts('sampled.newOfT', contexts);
  const edges = markTakenContexts(base, counts, newOfT) + pairsOffEdges(base, fromRoot, counts, others);
  // The kept root contexts, numbered in root order; T's contexts renumbered to them.
  const renumber = scratchInts(ROOT_SLOT, root.size);
  renumber.fill(-1);
  const keptContexts = numberKeptContexts(root.size, contexts, toRoot, newOfT, others.context, renumber);
  renumberOfT(contexts, toRoot, newOfT, renumber);
  // Pass 2: the edges.
  const merged = mergedEdges(base, root.size, toRoot, counts, others, newOfT, renumber, keptContexts, edges);
  return {
    historyLength: base.historyLength,
    contexts: new KeptContexts(root, renumber, keptContexts),
    edgeStart: merged.edgeStart,
    edgeToken: merged.edgeToken,
    edgeCount: merged.edgeCount,
    edgeNext: merged.edgeNext,
    contextTotal: merged.contextTotal,
    startContext: 0,
  };
}

/** newOfT[c] = 0 for each context of T with an edge taken, -1 for the others; returns the edges taken. */
function markTakenContexts(base: TransitionTable, counts: Int32Array, newOfT: Int32Array): number {
  const { edgeStart } = base;
  const contexts = base.contextTotal.length;
  let edges = 0;
  // Stryker disable next-line EqualityOperator: equivalent, context `contexts` has undefined edge bounds: no pass
  for (let c = 0; c < contexts; c++) {
    // Stryker disable next-line UnaryOperator: equivalent, any value but 0 reads as not taken below
    newOfT[c] = -1;
    for (let e = edgeStart[c]!; e < edgeStart[c + 1]!; e++) {
      if (counts[e]! > 0) {
        newOfT[c] = 0;
        edges++;
      }
    }
  }
  return edges;
}

/** The pairs that are edges of their own: on no edge of T, or on one the path never took. */
function pairsOffEdges(base: TransitionTable, fromRoot: Int32Array | undefined, counts: Int32Array, others: Pairs): number {
  const { edgeStart, edgeToken } = base;
  const otherContext = others.context;
  const otherToken = others.token;
  const pairs = otherContext.length;
  let edges = 0;
  for (let o = 0; o < pairs; o++) {
    // T's context of the pair's root context (T the root itself: the same index), or -1
    const c = fromRoot === undefined ? otherContext[o]! : fromRoot[otherContext[o]!]!;
    // Stryker disable next-line ConditionalExpression: equivalent, a search with c = -1 has undefined bounds and finds nothing (-1)
    const e = c < 0 ? -1 : indexInSortedRange(edgeToken, edgeStart[c]!, edgeStart[c + 1]!, otherToken[o]!);
    if (e < 0 || counts[e] === 0) edges++;
  }
  return edges;
}

/**
 * renumber[r] = the new index of each kept root context r, in root order: T's contexts (in root order)
 * and the pairs' (sorted) are merged; only the root contexts either touches are visited. Kept: T took
 * one of its edges (newOfT 0), or it has a pair. Returns the number kept.
 */
function numberKeptContexts(
  rootSize: number,
  contexts: number,
  toRoot: Int32Array | undefined,
  newOfT: Int32Array,
  otherContext: Int32Array,
  renumber: Int32Array,
): number {
  const pairs = otherContext.length;
  let keptContexts = 0;
  // Stryker disable next-line EqualityOperator: equivalent, one more round reads undefined: min(NaN) names no context
  for (let c = 0, o = 0; c < contexts || o < pairs; ) {
    const fromT = c < contexts ? (toRoot === undefined ? c : toRoot[c]!) : rootSize;
    const fromPairs = o < pairs ? otherContext[o]! : rootSize;
    const r = Math.min(fromT, fromPairs);
    let kept = fromT === r && newOfT[c++] === 0;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, past the pairs otherContext is undefined: never r
    for (; o < pairs && otherContext[o] === r; o++) kept = true;
    if (kept) renumber[r] = keptContexts++;
  }
  return keptContexts;
}

/** newOfT[c] = the new index of T's context c (-1 if dropped). */
function renumberOfT(contexts: number, toRoot: Int32Array | undefined, newOfT: Int32Array, renumber: Int32Array): void {
  // Stryker disable next-line EqualityOperator: equivalent, context `contexts` reads an undefined root index: a write to nowhere
  for (let c = 0; c < contexts; c++) newOfT[c] = renumber[toRoot === undefined ? c : toRoot[c]!]!;
}

/** What mergedEdges builds: the edge columns of the merged table. */
type MergedEdges = Pick<TransitionTable, 'edgeStart' | 'edgeToken' | 'edgeCount' | 'edgeNext' | 'contextTotal'>;

/**
 * Per kept context, T's edges (sorted by token) merged with its pairs (sorted too); a token in both is
 * one edge.
 */
function mergedEdges(
  base: TransitionTable,
  rootSize: number,
  toRoot: Int32Array | undefined,
  counts: Int32Array,
  others: Pairs,
  newOfT: Int32Array,
  renumber: Int32Array,
  keptContexts: number,
  edges: number,
): MergedEdges {
  const merge = new EdgeMerge(base, counts, others, newOfT, renumber, keptContexts, edges);
  const contexts = base.contextTotal.length;
  const pairs = others.context.length;
  const { edgeStart } = base;
  // The root contexts T or the pairs touch, in root order: T's contexts (in root order) and the pairs' (sorted).
  for (let c = 0; c < contexts || merge.o < pairs; ) {
    const fromT = c < contexts ? (toRoot === undefined ? c : toRoot[c]!) : rootSize;
    const fromPairs = merge.o < pairs ? others.context[merge.o]! : rootSize;
    const r = Math.min(fromT, fromPairs);
    if (fromT === r) {
      merge.context(r, edgeStart[c]!, edgeStart[c + 1]!);
      c++;
    } else merge.context(r, 0, 0);
  }
  return merge.columns();
}

/**
 * The merge of mergedEdges: `context(r, e, end)` writes root context r's merged edges (T's edges e..end
 * of it, none if T lacks it, and its pairs, from `o` on), skipping a context not kept.
 */
class EdgeMerge {
  /** The next pair to merge (the pairs are read in order, context by context). */
  o = 0;
  /** The next edge to write. */
  private at = 0;
  private readonly start: Int32Array;
  private readonly token: Int32Array;
  private readonly count: Int32Array;
  private readonly next: Int32Array;
  private readonly total: Int32Array;

  constructor(
    private readonly base: TransitionTable,
    private readonly counts: Int32Array,
    private readonly others: Pairs,
    private readonly newOfT: Int32Array,
    private readonly renumber: Int32Array,
    private readonly keptContexts: number,
    edges: number,
  ) {
    this.start = new Int32Array(keptContexts + 1);
    this.token = new Int32Array(edges);
    this.count = new Int32Array(edges);
    this.next = new Int32Array(edges);
    this.total = new Int32Array(keptContexts);
  }

  context(r: number, from: number, end: number): void {
    const kept = this.renumber[r]!;
    // Stryker disable next-line ConditionalExpression: equivalent, a dropped context has no edge taken and no pair: its loop writes nothing (at index -1)
    if (kept < 0) return;
    const { counts, others } = this;
    const { edgeToken } = this.base;
    const pairs = others.context.length;
    this.start[kept] = this.at;
    let sum = 0;
    for (let e = from; ; ) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, past the pairs otherContext is undefined: never r
      const pair = this.o < pairs && others.context[this.o] === r ? others.token[this.o]! : -1;
      // T's edges not taken are skipped, unless the pair in hand names one
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, an edge past `end` belongs to no kept token of this context: the checks below stop at end
      while (e < end && counts[e] === 0 && edgeToken[e] !== pair) e++;
      // Stryker disable next-line EqualityOperator: equivalent, pair 0 would be <s>, never a prediction
      if (e >= end && pair < 0) break;
      // Stryker disable next-line EqualityOperator: equivalent, pair 0 would be <s>, never a prediction
      if (pair >= 0 && (e >= end || pair < edgeToken[e]!)) sum += this.pairEdge(pair);
      else sum += this.edgeOfT(e++, pair);
    }
    this.total[kept] = sum;
  }

  /** Writes the pair in hand, a token T lacks here: its next history is the one its text went on to (none after `</s>`); returns its count. */
  private pairEdge(pair: number): number {
    const { at, others } = this;
    this.token[at] = pair;
    const count = (this.count[at] = others.count[this.o]!);
    const nextRoot = others.next[this.o++]!;
    this.next[at] = nextRoot < 0 ? -1 : this.renumber[nextRoot]!;
    this.at++;
    return count;
  }

  /** Writes T's edge e, with the pair in hand's count if it names the same token; returns its count. */
  private edgeOfT(e: number, pair: number): number {
    const { at, base } = this;
    const n = base.edgeNext[e]!;
    const token = (this.token[at] = base.edgeToken[e]!);
    const count = (this.count[at] = this.counts[e]! + (pair === token ? this.others.count[this.o++]! : 0));
    this.next[at] = n < 0 ? -1 : this.newOfT[n]!;
    this.at++;
    return count;
  }

  columns(): MergedEdges {
    this.start[this.keptContexts] = this.at;
    return { edgeStart: this.start, edgeToken: this.token, edgeCount: this.count, edgeNext: this.next, contextTotal: this.total };
  }
}
