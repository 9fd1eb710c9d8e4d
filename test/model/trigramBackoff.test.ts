/**
 * Order 3's back-off from a table's counts: P(c | b) = count(b c) / count(b .) when some history ends
 * in b, else count(c) / (all predictions). ContextBackoff reads it from the contexts alone and must
 * agree with summing the edges, as the derived lower tables do (written out naively below).
 */

import { describe, expect, it } from 'vitest';
import { buildTransitionTable } from '../../src/counts/transitionTable.js';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import type { TransitionTable } from '../../src/counts/transitionTable.js';
import { ContextBackoff } from '../../src/model/trigramBackoff.js';
import { BOS, EOS } from '../../src/vocabulary/vocabulary.js';
import { randomCorpus } from '../helpers/sampledPath.js';

const [a, b, c, d] = [2, 3, 4, 5];

/** P(y | x) by the back-off, from every edge of the table: the sums the derived lower tables hold. */
function summedBackoff(table: TransitionTable, x: number, y: number): number {
  let pair = 0;
  let after = 0;
  let unigram = 0;
  let total = 0;
  for (let context = 0; context < table.contextTotal.length; context++) {
    const last = table.contexts.keyAt(context, 1);
    for (let e = table.edgeStart[context]!; e < table.edgeStart[context + 1]!; e++) {
      const count = table.edgeCount[e]!;
      total += count;
      if (table.edgeToken[e] === y) unigram += count;
      if (last !== x) continue;
      after += count;
      if (table.edgeToken[e] === y) pair += count;
    }
  }
  return after > 0 ? pair / after : total > 0 ? unigram / total : 0;
}

describe('ContextBackoff', () => {
  // "a b", "a c", "b": predictions (PAD <s>)->a, (<s> a)->b, (a b)->.</s> | (PAD <s>)->a, (<s> a)->c,
  // (a c)->.</s> | (PAD <s>)->b, (<s> b)->.</s>: 8 predictions.
  // count(x .): <s> 3 (the sentences), a 2, b 2, c 1; count(x </s>): b 2, c 1.
  const table = buildTransitionTable(corpusFromSentences([[a, b], [a, c], [b]]), 2, 6);
  const backoff = new ContextBackoff(table, 6);
  const next = (x: number, y: number): number => table.contexts.find(Int32Array.of(x, y), 0);

  it('reads count(b c) off context (b c), count(b </s>) off the contexts ending in b (hand counts)', () => {
    expect(backoff.probability(a, b, next(a, b))).toBe(1 / 2); // count(a b) = 1 of count(a .) = 2
    expect(backoff.probability(a, c, next(a, c))).toBe(1 / 2);
    expect(backoff.probability(BOS, a, next(BOS, a))).toBe(2 / 3); // two of three sentences start with a
    expect(backoff.probability(b, EOS, -1)).toBe(2 / 2);
    expect(backoff.probability(a, EOS, -1)).toBe(0);
    expect(next(b, c)).toBe(-1);
    expect(backoff.probability(b, c, -1)).toBe(0); // (b c) never occurs
  });

  it('falls back to count(c) / all predictions after an item no history ends in', () => {
    expect(backoff.probability(d, a, -1)).toBe(2 / 8);
    expect(backoff.probability(d, c, -1)).toBe(1 / 8);
    expect(backoff.probability(d, EOS, -1)).toBe(3 / 8); // one </s> per sentence
  });

  it('for a table without contexts (no training sentence), ends every sentence at once: 1 for </s>, 0 for a token', () => {
    const empty = new ContextBackoff(buildTransitionTable(corpusFromSentences([]), 2, 6), 6);
    expect([empty.probability(a, b, -1), empty.probability(d, EOS, -1)]).toEqual([0, 1]);
  });

  it('agrees with the edges summed on every (b, c) of random texts, to the last bit', () => {
    for (let trial = 0; trial < 12; trial++) {
      const types = 3 + trial;
      const idSpace = types + 3; // one id past the text's: an item no history ends in
      const random = buildTransitionTable(randomCorpus(`backoff ${trial}`, 20 + 5 * trial, types), 2, idSpace);
      const context = new ContextBackoff(random, idSpace);
      for (let x = BOS; x < idSpace; x++) {
        for (let y = EOS; y < idSpace; y++) {
          const found = y === EOS ? -1 : random.contexts.find(Int32Array.of(x, y), 0);
          expect(context.probability(x, y, found)).toBe(summedBackoff(random, x, y));
        }
      }
    }
  });
});
