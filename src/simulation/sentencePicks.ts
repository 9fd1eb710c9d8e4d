/**
 * Picking whole sentences at random: the human share of a batch, anchors, the subsample of
 * accumulate-subsample.
 *
 * Contract: sentences are drawn without replacement by a partial Fisher–Yates shuffle driven by
 * `random`; `pickTokens` stops as soon as the picked sentences hold at least `target` tokens (so it
 * overshoots by less than one sentence) or the source runs out; `pickSentences` takes exactly `count`
 * sentences. The result keeps the order of drawing. O(sentences of the source + tokens picked).
 */

import { gatherSentences, sentenceCount, type TokenCorpus } from '../corpus/tokenCorpus.js';
import { randomIndex } from '../random/random.js';
import type { RandomSource } from '../random/random.js';

export function pickTokens(source: TokenCorpus, target: number, random: RandomSource): TokenCorpus {
  const picks: Array<[number, number]> = [];
  if (target <= 0) return gatherSentences([source], picks);
  let tokens = 0;
  drawSentences(source, random, (s) => {
    picks.push([0, s]);
    tokens += source.offsets[s + 1]! - source.offsets[s]!;
    return tokens < target;
  });
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
  const n = sentenceCount(source);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = 0; i < n; i++) {
    const j = i + randomIndex(random, n - i);
    const chosen = order[j]!;
    order[j] = order[i]!;
    order[i] = chosen;
    if (!take(chosen)) return;
  }
}
