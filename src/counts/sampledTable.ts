/**
 * sampledTable: the transition table of a text sampled from a table, read off the path the sampler
 * took instead of counting the text.
 *
 * Why it works: a text drawn by walking table T (the MLE fast path, ../sampler/tableSampler.ts) makes
 * each prediction along one of T's edges, so its table has T's contexts and edges, a subset of them,
 * with new counts: the number of times the walk took each edge. The one exception is a sentence cut
 * at the length cap: the text reads `</s>` after the context the walk stopped in, an edge T may lack.
 * A model retrained on nothing but its own sample can only keep or lose contexts and edges (bar those
 * sentence ends): the loss the collapse curves show.
 *
 * Input: T and the path (per prediction, the index of the edge taken, or -1 - (first edge of the
 * context) for a cut sentence's `</s>`). Output: a TransitionTable equal, edge for edge and count for
 * count, to buildTransitionTable on the sampled text (tested); its contexts are numbered in T's order
 * (kept ones only) instead of the text's order of first discovery, which changes no probability and
 * no draw (a sampler's draw depends only on each context's edges, sorted by token). Its histories are
 * looked up through T's own hash table, renumbered (./keptContexts.ts). Cost: O(P + C + E) for P
 * predictions and T's C contexts and E edges, with no hashing and no sort.
 */

import { EOS } from '../vocabulary/vocabulary.js';
import { scratchInts } from './scratchBuffers.js';
import { indexInSortedRange } from './sortedSearch.js';
import type { TransitionTable } from './transitionTable.js';
import { KeptContexts } from './keptContexts.js';

export function tableFromPath(base: TransitionTable, path: Int32Array): TransitionTable {
  const contexts = base.contextTotal.length;
  const { edgeStart, edgeToken, edgeNext } = base;
  const counts = scratchInts('sampled.counts', edgeToken.length, true);
  // `</s>` after a cut sentence, per context of T that has no `</s>` edge (EOS sorts first: the edge, if any, is the context's first).
  const cutEnds = scratchInts('sampled.cutEnds', contexts, true);
  for (let p = 0; p < path.length; p++) {
    const edge = path[p]!;
    if (edge >= 0) {
      counts[edge]!++;
      continue;
    }
    const first = -1 - edge;
    if (edgeToken[first] === EOS) counts[first]!++;
    else cutEnds[indexInSortedRange(edgeStart, 0, contexts, first)]!++;
  }
  // Pass 1: which contexts and edges are kept, and the new context numbers (T's order).
  const renumber = scratchInts('sampled.renumber', contexts);
  let keptContexts = 0;
  let keptEdges = 0;
  for (let c = 0; c < contexts; c++) {
    let edges = cutEnds[c]! > 0 ? 1 : 0;
    for (let e = edgeStart[c]!; e < edgeStart[c + 1]!; e++) if (counts[e]! > 0) edges++;
    renumber[c] = edges > 0 ? keptContexts++ : -1;
    keptEdges += edges;
  }
  // Pass 2: the kept contexts' edges; their histories are looked up through T's hash table.
  const newStart = new Int32Array(keptContexts + 1);
  const newToken = new Int32Array(keptEdges);
  const newCount = new Int32Array(keptEdges);
  const newNext = new Int32Array(keptEdges);
  const newTotal = new Int32Array(keptContexts);
  let at = 0;
  for (let c = 0; c < contexts; c++) {
    const kept = renumber[c]!;
    if (kept < 0) continue;
    newStart[kept] = at;
    let total = 0;
    if (cutEnds[c]! > 0) {
      newToken[at] = EOS;
      newCount[at] = cutEnds[c]!;
      newNext[at++] = -1;
      total += cutEnds[c]!;
    }
    for (let e = edgeStart[c]!; e < edgeStart[c + 1]!; e++) {
      const count = counts[e]!;
      if (count === 0) continue;
      newToken[at] = edgeToken[e]!;
      newCount[at] = count;
      // The walk went on from the edge's next context, so that context was kept (or the edge is `</s>`).
      newNext[at++] = edgeNext[e]! < 0 ? -1 : renumber[edgeNext[e]!]!;
      total += count;
    }
    newTotal[kept] = total;
  }
  newStart[keptContexts] = keptEdges;
  return {
    historyLength: base.historyLength,
    contexts: new KeptContexts(base.contexts, renumber, keptContexts),
    edgeStart: newStart,
    edgeToken: newToken,
    edgeCount: newCount,
    edgeNext: newNext,
    contextTotal: newTotal,
    startContext: keptContexts > 0 ? renumber[base.startContext]! : 0,
  };
}
