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
 * single Int32Array: `[m, (running count, token, offset of the next record) x m]`, busiest contexts
 * first. A step then reads
 * one place in memory (the record, usually one cache line), scans it (binary search when m > 8), and
 * jumps to the next record's offset: one dependent memory read per token. It picks exactly the edge
 * the plain binary search over `edgeCumulative` picks, so both give the same text for the same draws.
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

/** Record layout of one context: edge count, then per edge (running count, token, next record). */
const RECORD_HEAD = 1;
const EDGE_WIDTH = 3;
const LINEAR_SCAN_LIMIT = 8;

export interface Records {
  readonly walk: Int32Array;
  readonly offsetOf: Int32Array;
}

const recordCache = new WeakMap<TransitionTable, Records>();

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
    size += RECORD_HEAD + EDGE_WIDTH * (table.edgeStart[c + 1]! - table.edgeStart[c]!);
  }
  const walk = new Int32Array(Math.max(1, size));
  for (let c = 0; c < contexts; c++) {
    const from = table.edgeStart[c]!;
    const to = table.edgeStart[c + 1]!;
    let at = offsetOf[c]!;
    walk[at++] = to - from;
    for (let e = from; e < to; e++) {
      const next = table.edgeNext[e]!;
      walk[at++] = table.edgeCumulative[e]!;
      walk[at++] = table.edgeToken[e]!;
      walk[at++] = next < 0 ? -1 : offsetOf[next]!;
    }
  }
  const records = { walk, offsetOf };
  recordCache.set(table, records);
  return records;
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
    const last = walk[record]! - 1;
    const first = record + RECORD_HEAD;
    const target = random() * walk[first + EDGE_WIDTH * last]!;
    let k = 0;
    if (last < LINEAR_SCAN_LIMIT) {
      while (k < last && walk[first + EDGE_WIDTH * k]! <= target) k++;
    } else {
      let high = last;
      while (k < high) {
        const middle = (k + high) >>> 1;
        if (walk[first + EDGE_WIDTH * middle]! > target) high = middle;
        else k = middle + 1;
      }
    }
    const edge = first + EDGE_WIDTH * k;
    const token = walk[edge + 1]!;
    if (token === EOS) break;
    out[at + written++] = token;
    record = walk[edge + 2]!;
  }
  return written;
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
