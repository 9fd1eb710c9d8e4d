/**
 * TableSampler: draws sentences by walking a TransitionTable (the MLE fast path).
 *
 * Contract: a sampling step is one uniform draw, a binary search over the current context's
 * cumulative weights and one read of the next context: no hashing, no allocation. With the default
 * sampling options the weights are the raw counts, so P(token | context) = count / total exactly
 * (maximum likelihood). Otherwise each context's distribution is transformed once, when the sampler
 * is built (see ./transform.ts), and stored as cumulative float weights.
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
  const walk: WalkTable = isIdentitySampling(sampling)
    ? { ...table, cumulative: table.edgeCumulative }
    : transformTable(table, sampling);
  return { sample: (random, maxLength, out, at) => walkSentence(walk, random, maxLength, out, at) };
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
