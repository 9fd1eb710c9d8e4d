/**
 * TransitionRecords: a TransitionTable re-laid out as flat records, one per context, in a single
 * Int32Array, for the MLE sampler, which walks the table one token at a time (draw the edge a
 * uniform number picks, jump to its next record). Built once per table (cached), frozen.
 *
 * Layout of one record: `[m, first edge, (running count, token, offset of the next record) x m]`,
 * busiest contexts first (most steps then land in a small, cache- and TLB-friendly prefix). `first
 * edge` is the table index of the context's first edge, so a walker can name the edge it took
 * (`edgeIndex`: the path a sampler records, ../sampler/tableSampler.ts).
 * Cost: O(contexts + edges + the largest context total) to build (the busiest-first order is a counting
 * sort by total; a total is at most the table's predictions); `edgeAbove` expected O(1).
 */

import { firstAbove } from './sortedSearch.js';
import type { TransitionTable } from './transitionTable.js';

/**
 * Record layout of one context: the edge count m and the table index of its first edge, then per edge
 * (running count, token, next record); the total is the last running count (a record of a few edges
 * is one cache line; a large one is a busy context, near the front and usually cached), which keeps
 * records as small as they were before they named their edges.
 * A context with more than GUIDED_EDGES edges stores -m instead of m and, after its edges, so that a
 * step never binary-searches across many cache lines and pages, a guide table of m entries (Chen & Asau's indexed search): guide[j] is an edge index at or before
 * the first edge whose running count exceeds j * total / m, so the draw's edge is found by a short
 * forward scan from guide[floor(target * m / total)] (expected O(1)).
 */
export const RECORD_HEAD = 2;
export const EDGE_WIDTH = 3;
const GUIDED_EDGES = 16;
/** 3 * 0xaaaaaaab = 1 modulo 2^32. */
const INVERSE_OF_3 = 0xaaaaaaab | 0;

export interface Records {
  readonly walk: Int32Array;
  readonly offsetOf: Int32Array;
}

const recordCache = new WeakMap<TransitionTable, Records>();

function recordSize(edges: number): number {
  // (room for a guide no record uses is memory only: the walk reads a guide only behind a negative head)
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, memory only (see above)
  return RECORD_HEAD + EDGE_WIDTH * edges + (edges > GUIDED_EDGES ? edges : 0);
}

/** The flat records of a table, built once per table: O(contexts + edges + the largest context total). */
export function recordsOf(table: TransitionTable): Records {
  const cached = recordCache.get(table);
  if (cached !== undefined) return cached;
  const contexts = table.contextTotal.length;
  const offsetOf = new Int32Array(contexts);
  let size = 0;
  // Busiest contexts first: most steps then land in a small, cache- and TLB-friendly prefix.
  for (const c of byTotalDescending(table.contextTotal)) {
    offsetOf[c] = size;
    // Stryker disable next-line ArithmeticOperator: equivalent, memory only: larger records leave unused room between them
    size += recordSize(table.edgeStart[c + 1]! - table.edgeStart[c]!);
  }
  const walk = new Int32Array(Math.max(1, size));
  // Stryker disable next-line EqualityOperator: equivalent, context `contexts` has undefined bounds and offset: writes to nowhere
  for (let c = 0; c < contexts; c++) {
    const from = table.edgeStart[c]!;
    const to = table.edgeStart[c + 1]!;
    const m = to - from;
    const first = offsetOf[c]! + RECORD_HEAD;
    walk[first - 2] = m > GUIDED_EDGES ? -m : m;
    walk[first - 1] = from;
    let running = 0;
    for (let e = from; e < to; e++) {
      const next = table.edgeNext[e]!;
      const at = first + EDGE_WIDTH * (e - from);
      running += table.edgeCount[e]!;
      walk[at] = running;
      walk[at + 1] = table.edgeToken[e]!;
      walk[at + 2] = next < 0 ? -1 : offsetOf[next]!;
    }
    if (m > GUIDED_EDGES) writeGuide(walk, first, m);
  }
  const records = { walk, offsetOf };
  recordCache.set(table, records);
  return records;
}

/**
 * Lets the cached records of `table` go (they are rebuilt if asked for again): for a caller that
 * keeps the table but is done walking it (the loop, building M(g) from M(g-1)'s table after sampling).
 */
export function forgetRecords(table: TransitionTable): void {
  recordCache.delete(table);
}

/** Guide table of a record with m > GUIDED_EDGES edges starting at `first`. */
function writeGuide(walk: Int32Array, first: number, m: number): void {
  const total = walk[first + EDGE_WIDTH * (m - 1)]!;
  const guide = first + EDGE_WIDTH * m;
  let k = 0;
  for (let j = 0; j < m; j++) {
    // First edge whose running count exceeds j * total / m (exact in integers below 2^53), minus one
    // for safety; the walk checks the start anyway.
    // (the bound is a safety net: the last edge's running count is the total, and total * m > j * total)
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent, see above
    while (k < m - 1 && walk[first + EDGE_WIDTH * k]! * m <= j * total) k++;
    walk[guide + j] = Math.max(0, k - 1);
  }
}

/** The table index of the edge at `edge` (a position in `walk`) in the record at `record`. */
export function edgeIndex(walk: Int32Array, record: number, edge: number): number {
  // (edge - first) is a multiple of EDGE_WIDTH = 3: times 3's inverse modulo 2^32 is the exact quotient.
  return walk[record + 1]! + Math.imul(edge - record - RECORD_HEAD, INVERSE_OF_3);
}

/** The table index of the first edge of the record at `record` (it names the record's context). */
export function recordFirstEdge(walk: Int32Array, record: number): number {
  return walk[record + 1]!;
}

/** Total count of the record at `record`: its last edge's running count. */
export function recordTotal(walk: Int32Array, record: number): number {
  return walk[record + RECORD_HEAD + EDGE_WIDTH * (Math.abs(walk[record]!) - 1)]!;
}

/** Context indexes by descending total (ties: ascending index); a counting sort, O(C + max total). */
function byTotalDescending(totals: Int32Array): Int32Array {
  let largest = 0;
  for (let c = 0; c < totals.length; c++) largest = Math.max(largest, totals[c]!);
  const start = new Int32Array(largest + 2);
  // Stryker disable next-line EqualityOperator: equivalent, totals[length] is undefined: a bucket write to nowhere
  for (let c = 0; c < totals.length; c++) start[largest - totals[c]! + 1]!++;
  // Stryker disable next-line EqualityOperator: equivalent, the last running sum is bucket largest + 1's, a total of -1 no context has
  for (let b = 0; b <= largest; b++) start[b + 1]! += start[b]!;
  const order = new Int32Array(totals.length);
  // Stryker disable next-line EqualityOperator: equivalent, totals[length] is undefined: a write to nowhere
  for (let c = 0; c < totals.length; c++) order[start[largest - totals[c]!]!++] = c;
  return order;
}

/**
 * Position in `walk` of the first edge of the record at `record` whose running count exceeds `target`
 * (0 <= target < total), exactly the edge a binary search over the running counts finds: a forward
 * scan for small records, the guide table then a short scan (or the shared binary search) for large ones.
 */
export function edgeAbove(walk: Int32Array, record: number, target: number): number {
  const head = walk[record]!;
  const first = record + RECORD_HEAD;
  let k = 0;
  // Equivalent mutants below (tested: every target at and around every running count gives the
  // searched edge): a head is never 0 (a context has an edge); the scans' bound is a safety net, since
  // the last running count is the total, above every target; the guide index j and the step back are
  // hints the scans correct (a guide at or before the edge; the step back, for a j float rounding
  // carried one too far, searches below the guide, and a guide already before the edge needs none).
  // Stryker disable next-line EqualityOperator: equivalent, see above
  if (head > 0) {
    // Stryker disable next-line ArithmeticOperator: equivalent, see above
    const last = head - 1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, see above
    while (k < last && walk[first + EDGE_WIDTH * k]! <= target) k++;
  } else {
    const m = -head;
    const last = m - 1;
    // Stryker disable next-line MethodExpression,ArithmeticOperator: equivalent, see above
    const j = Math.min(last, Math.floor((target * m) / walk[first + EDGE_WIDTH * last]!));
    k = walk[first + EDGE_WIDTH * m + j]!;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator,ArithmeticOperator: equivalent, see above
    if (k > 0 && walk[first + EDGE_WIDTH * (k - 1)]! > target) k = firstAbove(walk, 0, k, target, first, EDGE_WIDTH);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, see above
    while (k < last && walk[first + EDGE_WIDTH * k]! <= target) k++;
  }
  return first + EDGE_WIDTH * k;
}
