/**
 * PairQueue pops the highest count first, ties by the given rule, whatever the order of pushes.
 */

import { describe, expect, it } from 'vitest';
import { PairQueue } from '../../../src/corpus/subword/pairQueue.js';

describe('PairQueue', () => {
  it('pops by count, then by the tie rule, whatever the order of pushes', () => {
    // Counts 5, 9, 9, 1, 9 for pairs 0..4; the tie rule puts the higher pair number first.
    const queue = new PairQueue((a, b) => a > b);
    [5, 9, 9, 1, 9].forEach((count, pair) => queue.push(pair, count));
    const popped: Array<[number, number]> = [];
    while (!queue.isEmpty) {
      popped.push([queue.topPair, queue.topCount]);
      queue.pop();
    }
    expect(popped).toEqual([[4, 9], [2, 9], [1, 9], [0, 5], [3, 1]]);
  });
});
