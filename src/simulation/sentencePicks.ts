/**
 * Picking whole sentences at random: the human share of a batch, anchors, the subsample of
 * accumulate-subsample.
 *
 * Contract: sentences are drawn without replacement by the partial Fisher–Yates shuffle of
 * random/random.ts (drawIndexes), driven by `random`; `pickTokens` stops as soon as the picked sentences hold at least `target` tokens (so it
 * overshoots by less than one sentence) or the source runs out; `pickSentences` takes exactly `count`
 * sentences. The result keeps the order of drawing. O(sentences of the source + tokens picked).
 */

import { gatherSentences, sentenceCount, type TokenCorpus } from '../corpus/tokenCorpus.js';
import { drawIndexes } from '../random/random.js';
import type { RandomSource } from '../random/random.js';

export function pickTokens(source: TokenCorpus, target: number, random: RandomSource): TokenCorpus {
  const picks: Array<[number, number]> = [];
  if (target > 0) {
    let tokens = 0;
    drawSentences(source, random, (s) => {
      picks.push([0, s]);
      tokens += source.offsets[s + 1]! - source.offsets[s]!;
      return tokens < target;
    });
  }
  return gatherSentences([source], picks);
}

export function pickSentences(source: TokenCorpus, count: number, random: RandomSource): TokenCorpus {
  const picks: Array<[number, number]> = [];
  if (count > 0) {
    drawSentences(source, random, (s) => {
      picks.push([0, s]);
      return picks.length < count;
    });
  }
  return gatherSentences([source], picks);
}

/** Draws sentence indexes without replacement until `take` returns false or none are left. */
function drawSentences(source: TokenCorpus, random: RandomSource, take: (s: number) => boolean): void {
  drawIndexes(random, sentenceCount(source), take);
}

/**
 * The first sentences of `pool`, in order, until they hold at least `target` tokens (pickTokens's
 * stopping rule without the draw): the human share of a growing batch from a fixed pool. Returns
 * `pool` itself when every sentence is needed.
 */
export function firstTokens(pool: TokenCorpus, target: number): TokenCorpus {
  let s = 0;
  while (s < sentenceCount(pool) && pool.offsets[s]! < target) s++;
  if (s === sentenceCount(pool)) return pool;
  return { ids: pool.ids.slice(0, pool.offsets[s]), offsets: pool.offsets.slice(0, s + 1) };
}
