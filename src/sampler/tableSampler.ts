/**
 * TableSampler: draws sentences by walking a TransitionTable (the MLE fast path).
 *
 * Contract: a sampling step is one uniform draw u, then the first edge of the current context whose
 * running weight exceeds u * total, then a move to that edge's next context: no hashing, no
 * allocation. With the default sampling options the weights are the raw counts, so
 * P(token | context) = count / total exactly (maximum likelihood). Otherwise each context's
 * distribution is transformed once, when the sampler is built (see ./transform.ts), and stored as
 * cumulative float weights.
 *
 * Fast path (default sampling): the table is re-laid out once as flat records, one per context, in a
 * single Int32Array: `[m, total, (running count, token, offset of the next record) x m]`, busiest
 * contexts first (see `recordsOf`). A step reads the record (usually one cache line), scans it, and
 * jumps to the next record's offset: one dependent memory read per token; contexts with many edges
 * carry a guide table, so their edge is found by a short scan instead of a binary search over many
 * cache lines. It picks exactly the edge the plain binary search over `edgeCumulative` picks, so both
 * give the same text for the same draws (tested against such a reference sampler).
 */

import type { TransitionTable } from '../counts/transitionTable.js';
import type { RandomSource, SamplingOptions, SentenceSampler } from '../model/languageModel.js';
import { EOS } from '../vocabulary/vocabulary.js';
import { isIdentitySampling, transformDistribution } from './transform.js';

interface WalkTable {
  readonly edgeStart: Int32Array;
  readonly edgeToken: Int32Array;
  readonly edgeNext: Int32Array;
  readonly cumulative: Int32Array | Float64Array;
  readonly startContext: number;
}

export function createTableSampler(table: TransitionTable, sampling: SamplingOptions): SentenceSampler {
  if (isIdentitySampling(sampling)) {
    // A table without contexts (no training sentences) can only give empty sentences.
    if (table.contextTotal.length === 0) return { sample: () => 0 };
    const records = recordsOf(table);
    const start = records.offsetOf[table.startContext]!;
    return { sample: (random, maxLength, out, at) => walkRecords(records, start, random, maxLength, out, at) };
  }
  const walk = transformTable(table, sampling);
  return { sample: (random, maxLength, out, at) => walkSentence(walk, random, maxLength, out, at) };
}

/**
 * Record layout of one context: the edge count m, the total count, then per edge (running count,
 * token, next record); the total sits next to m so that a step's first read has both.
 * A context with more than GUIDED_EDGES edges stores -m instead of m and two indexes after its
 * edges, so that a step never binary-searches across many cache lines and pages:
 * - a guide table of m entries (Chen & Asau's indexed search): guide[j] is an edge index at or before
 *   the first edge whose running count exceeds j * total / m, so the draw's edge is found by a short
 *   forward scan from guide[floor(target * m / total)] (expected O(1));
 * - a token table of 2^ceil(log2(2m)) slots (open addressing on the token; slot = edge + 1, 0 empty),
 *   for finding the edge of a given token when scoring a text.
 */
const RECORD_HEAD = 2;
const EDGE_WIDTH = 3;
const GUIDED_EDGES = 16;

export interface Records {
  readonly walk: Int32Array;
  readonly offsetOf: Int32Array;
}

const recordCache = new WeakMap<TransitionTable, Records>();

function tokenSlots(edges: number): number {
  return 1 << (32 - Math.clz32(2 * edges - 1));
}

function tokenHash(token: number): number {
  const h = Math.imul(token, 0x9e3779b1);
  return h ^ (h >>> 16);
}

function recordSize(edges: number): number {
  return RECORD_HEAD + EDGE_WIDTH * edges + (edges > GUIDED_EDGES ? edges + tokenSlots(edges) : 0);
}

/** The flat records of a table, built once per table: O(contexts + edges). */
export function recordsOf(table: TransitionTable): Records {
  const cached = recordCache.get(table);
  if (cached !== undefined) return cached;
  const contexts = table.contextTotal.length;
  const offsetOf = new Int32Array(contexts);
  let size = 0;
  // Busiest contexts first: most steps then land in a small, cache- and TLB-friendly prefix.
  for (const c of byTotalDescending(table.contextTotal)) {
    offsetOf[c] = size;
    size += recordSize(table.edgeStart[c + 1]! - table.edgeStart[c]!);
  }
  const walk = new Int32Array(Math.max(1, size));
  for (let c = 0; c < contexts; c++) {
    const from = table.edgeStart[c]!;
    const to = table.edgeStart[c + 1]!;
    const m = to - from;
    const first = offsetOf[c]! + RECORD_HEAD;
    walk[first - 2] = m > GUIDED_EDGES ? -m : m;
    walk[first - 1] = table.contextTotal[c]!;
    for (let e = from; e < to; e++) {
      const next = table.edgeNext[e]!;
      const at = first + EDGE_WIDTH * (e - from);
      walk[at] = table.edgeCumulative[e]!;
      walk[at + 1] = table.edgeToken[e]!;
      walk[at + 2] = next < 0 ? -1 : offsetOf[next]!;
    }
    if (m > GUIDED_EDGES) writeIndexes(walk, first, m);
  }
  const records = { walk, offsetOf };
  recordCache.set(table, records);
  return records;
}

/** Guide table and token table of a record with m > GUIDED_EDGES edges starting at `first`. */
function writeIndexes(walk: Int32Array, first: number, m: number): void {
  const total = walk[first + EDGE_WIDTH * (m - 1)]!;
  const guide = first + EDGE_WIDTH * m;
  let k = 0;
  for (let j = 0; j < m; j++) {
    // First edge whose running count exceeds j * total / m (exact in integers below 2^53), minus one
    // for safety; the walk checks the start anyway.
    while (k < m - 1 && walk[first + EDGE_WIDTH * k]! * m <= j * total) k++;
    walk[guide + j] = Math.max(0, k - 1);
  }
  const slots = guide + m;
  const mask = tokenSlots(m) - 1;
  for (let e = 0; e < m; e++) {
    let slot = tokenHash(walk[first + EDGE_WIDTH * e + 1]!) & mask;
    while (walk[slots + slot] !== 0) slot = (slot + 1) & mask;
    walk[slots + slot] = e + 1;
  }
}

/**
 * Position in `walk` of the edge of `token` in the record at `record` (its running count; the token
 * follows, then the next record), or -1 if the context never saw that token.
 */
export function findRecordEdge(walk: Int32Array, record: number, token: number): number {
  const head = walk[record]!;
  const first = record + RECORD_HEAD;
  if (head > 0) {
    for (let k = 0; k < head; k++) {
      const candidate = walk[first + EDGE_WIDTH * k + 1]!;
      if (candidate >= token) return candidate === token ? first + EDGE_WIDTH * k : -1;
    }
    return -1;
  }
  const m = -head;
  const slots = first + EDGE_WIDTH * m + m;
  const mask = tokenSlots(m) - 1;
  let slot = tokenHash(token) & mask;
  for (;;) {
    const edge = walk[slots + slot]!;
    if (edge === 0) return -1;
    const at = first + EDGE_WIDTH * (edge - 1);
    if (walk[at + 1] === token) return at;
    slot = (slot + 1) & mask;
  }
}

/** Running count just before the edge at `edge` in the record at `record` (0 for its first edge). */
export function countBefore(walk: Int32Array, record: number, edge: number): number {
  return edge > record + RECORD_HEAD ? walk[edge - EDGE_WIDTH]! : 0;
}

/** Total count of the record at `record`. */
export function recordTotal(walk: Int32Array, record: number): number {
  return walk[record + 1]!;
}

/** Context indexes by descending total (ties: ascending index); a counting sort, O(C + max total). */
function byTotalDescending(totals: Int32Array): Int32Array {
  let largest = 0;
  for (let c = 0; c < totals.length; c++) largest = Math.max(largest, totals[c]!);
  const start = new Int32Array(largest + 2);
  for (let c = 0; c < totals.length; c++) start[largest - totals[c]! + 1]!++;
  for (let b = 0; b <= largest; b++) start[b + 1]! += start[b]!;
  const order = new Int32Array(totals.length);
  for (let c = 0; c < totals.length; c++) order[start[largest - totals[c]!]!++] = c;
  return order;
}

function walkRecords(records: Records, start: number, random: RandomSource, maxLength: number, out: Int32Array, at: number): number {
  const walk = records.walk;
  let record = start;
  let written = 0;
  while (written < maxLength) {
    const head = walk[record]!;
    const first = record + RECORD_HEAD;
    let k = 0;
    const total = walk[record + 1]!;
    if (head > 0) {
      const last = head - 1;
      const target = random() * total;
      while (k < last && walk[first + EDGE_WIDTH * k]! <= target) k++;
    } else {
      const m = -head;
      const last = m - 1;
      const target = random() * total;
      const j = Math.min(last, Math.floor((target * m) / total));
      k = walk[first + EDGE_WIDTH * m + j]!;
      if (k > 0 && walk[first + EDGE_WIDTH * (k - 1)]! > target) k = firstAbove(walk, first, 0, k - 1, target);
      while (k < last && walk[first + EDGE_WIDTH * k]! <= target) k++;
    }
    // k: the first edge whose running count exceeds the target, as a binary search would find it.
    const edge = first + EDGE_WIDTH * k;
    const token = walk[edge + 1]!;
    if (token === EOS) break;
    out[at + written++] = token;
    record = walk[edge + 2]!;
  }
  return written;
}

/** Binary search in edges low..high of a record for the first running count > target. */
function firstAbove(walk: Int32Array, first: number, low: number, high: number, target: number): number {
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (walk[first + EDGE_WIDTH * middle]! > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

function walkSentence(table: WalkTable, random: RandomSource, maxLength: number, out: Int32Array, at: number): number {
  const { edgeStart, edgeToken, edgeNext, cumulative } = table;
  let context = table.startContext;
  let written = 0;
  while (written < maxLength) {
    let low = edgeStart[context]!;
    let high = edgeStart[context + 1]! - 1;
    const target = random() * cumulative[high]!;
    // First edge whose running weight exceeds the target.
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    const token = edgeToken[low]!;
    if (token === EOS) break;
    out[at + written++] = token;
    context = edgeNext[low]!;
  }
  return written;
}

/** Rebuilds every context's edges after temperature, top-k and top-p (kept edges only). */
function transformTable(table: TransitionTable, sampling: SamplingOptions): WalkTable {
  const contexts = table.contextTotal.length;
  const edgeStart = new Int32Array(contexts + 1);
  const tokens: number[] = [];
  const next: number[] = [];
  const weights: number[] = [];
  for (let c = 0; c < contexts; c++) {
    const from = table.edgeStart[c]!;
    const to = table.edgeStart[c + 1]!;
    const kept = transformDistribution(
      table.edgeToken.subarray(from, to),
      Float64Array.from(table.edgeCount.subarray(from, to), (count) => count / table.contextTotal[c]!),
      sampling,
    );
    let running = 0;
    for (const [index, probability] of kept) {
      running += probability;
      tokens.push(table.edgeToken[from + index]!);
      next.push(table.edgeNext[from + index]!);
      weights.push(running);
    }
    edgeStart[c + 1] = tokens.length;
  }
  return {
    edgeStart,
    edgeToken: Int32Array.from(tokens),
    edgeNext: Int32Array.from(next),
    cumulative: Float64Array.from(weights),
    startContext: table.startContext,
  };
}
