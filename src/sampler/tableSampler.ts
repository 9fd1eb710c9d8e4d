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
 * single Int32Array: `[m, first edge, (running count, token, offset of the next record) x m]`, busiest
 * contexts first (see `recordsOf`). A step reads the record (usually one cache line), scans it, and
 * jumps to the next record's offset: one dependent memory read per token; contexts with many edges
 * carry a guide table, so their edge is found by a short scan instead of a binary search over many
 * cache lines. It picks exactly the edge a plain binary search over the running counts picks, so both
 * give the same text for the same draws (tested against such a reference sampler).
 *
 * Path (createPathSampler, default sampling only): the same walk, recording for each prediction it
 * makes (each token, then `</s>`) the table index of the edge it took. A sentence cut at maxLength
 * reads `</s>` where no edge was drawn: it records -1 - (first edge of the context it stopped in). The
 * table of the sampled text follows from the path alone (../counts/sampledTable.ts). Recording takes
 * no random draws: a path sampler gives the same text as the plain one.
 */

import { scratchInts } from '../counts/scratchBuffers.js';
import { firstAbove } from '../counts/sortedSearch.js';
import { edgeAbove, edgeIndex, recordFirstEdge, recordsOf, recordTotal, type Records } from '../counts/transitionRecords.js';
import type { TransitionTable } from '../counts/transitionTable.js';
import type { RandomSource } from '../random/random.js';
import type { SamplingOptions, SentenceSampler } from './sampling.js';
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
  // A table without contexts (no training sentences) can only give empty sentences, whatever the
  // transform (a transformed walk read an empty edge range and wrote <s> ids: audit).
  if (table.contextTotal.length === 0) return { sample: () => 0 };
  if (isIdentitySampling(sampling)) {
    const records = recordsOf(table);
    const start = records.offsetOf[table.startContext]!;
    return { sample: (random, maxLength, out, at) => walkRecords(records, start, random, maxLength, out, at) };
  }
  const walk = transformTable(table, sampling);
  return { sample: (random, maxLength, out, at) => walkSentence(walk, random, maxLength, out, at) };
}

/** A table sampler that also records its path (see the header); undefined for a table without contexts. */
export interface PathSampler extends SentenceSampler {
  readonly table: TransitionTable;
  /**
   * The predictions of every sentence sampled so far, in order: one edge index (or cut mark) each.
   * A view, not a copy: it stays valid and unchanged while sampling goes on.
   */
  path(): Int32Array;
}

/** `expectedTokens`: about how many tokens will be drawn, to size the path once (it grows if need be). */
export function createPathSampler(table: TransitionTable, expectedTokens = 1 << 16): PathSampler | undefined {
  if (table.contextTotal.length === 0) return undefined;
  const records = recordsOf(table);
  const start = records.offsetOf[table.startContext]!;
  // One entry per token and one per sentence: an eighth more than the tokens covers sentences of 8
  // tokens or more. A scratch buffer (a path per generation, the same size each time): the path is
  // valid until the next path sampler is made.
  // Stryker disable next-line StringLiteral,ArithmeticOperator: equivalent, a slot name and a start size (the path grows as needed; a negative size gets the least a slot holds)
  let edges: Int32Array = scratchInts('sampler.path', Math.ceil(expectedTokens * 1.125) + 1024);
  let recorded = 0;
  return {
    table,
    sample: (random, maxLength, out, at) => {
      // Stryker disable next-line EqualityOperator: equivalent, `>=` grows one sentence early (growing late is tested)
      if (recorded + maxLength + 1 > edges.length) edges = grown(edges, recorded, recorded + maxLength + 1);
      const written = walkRecordsWithPath(records, start, random, maxLength, out, at, edges, recorded);
      recorded += written + 1; // each token, then `</s>` or the cut mark
      return written;
    },
    // A view: later sentences write past it, or into a bigger copy, so it stays as it is.
    path: () => edges.subarray(0, recorded),
  };
}

/** A copy of `array`'s first `used` entries with room for at least `needed` (by half: a path is a few MB at Brown's size, 40 at 10M tokens). */
function grown(array: Int32Array, used: number, needed: number): Int32Array {
  const bigger = new Int32Array(Math.max(Math.ceil(array.length * 1.5), needed));
  bigger.set(array.subarray(0, used));
  return bigger;
}

function walkRecords(records: Records, start: number, random: RandomSource, maxLength: number, out: Int32Array, at: number): number {
  const walk = records.walk;
  let record = start;
  let written = 0;
  while (written < maxLength) {
    const edge = edgeAbove(walk, record, random() * recordTotal(walk, record));
    const token = walk[edge + 1]!;
    if (token === EOS) break;
    out[at + written++] = token;
    record = walk[edge + 2]!;
  }
  return written;
}

/**
 * walkRecords, writing the path (see the header) into `path` from `from`: written + 1 entries, the
 * same draws, the same text.
 */
function walkRecordsWithPath(records: Records, start: number, random: RandomSource, maxLength: number, out: Int32Array, at: number, path: Int32Array, from: number): number {
  const walk = records.walk;
  let record = start;
  let written = 0;
  while (written < maxLength) {
    const edge = edgeAbove(walk, record, random() * recordTotal(walk, record));
    path[from + written] = edgeIndex(walk, record, edge);
    const token = walk[edge + 1]!;
    if (token === EOS) return written;
    out[at + written++] = token;
    record = walk[edge + 2]!;
  }
  // Cut at maxLength: the text reads `</s>` after the context the walk stopped in.
  path[from + written] = -1 - recordFirstEdge(walk, record);
  return written;
}

function walkSentence(table: WalkTable, random: RandomSource, maxLength: number, out: Int32Array, at: number): number {
  const { edgeStart, edgeToken, edgeNext, cumulative } = table;
  let context = table.startContext;
  let written = 0;
  while (written < maxLength) {
    const from = edgeStart[context]!;
    const to = edgeStart[context + 1]!;
    const low = firstAbove(cumulative, from, to, random() * cumulative[to - 1]!);
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
  // Stryker disable next-line EqualityOperator: equivalent, c = contexts transforms an empty edge range and its write past the typed array is a no-op
  for (let c = 0; c < contexts; c++) {
    const from = table.edgeStart[c]!;
    const to = table.edgeStart[c + 1]!;
    const kept = transformDistribution(
      table.edgeToken.subarray(from, to),
      // Stryker disable next-line ArithmeticOperator: equivalent, the transforms are invariant under scaling a context's weights (count * total differs from count / total by a constant factor)
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
