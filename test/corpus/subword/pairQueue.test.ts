/**
 * PairQueue pops the highest count first, ties by the given rule, whatever the order of pushes.
 */

import seedrandom from 'seedrandom';
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

  it('agrees with a linear scan for the top over 10,000 random pushes and pops (past its first 4,096 entries), then until empty', () => {
    // Small counts, so ties are common; the tie rule puts the lower pair number first.
    const random = seedrandom('pair-queue');
    const queue = new PairQueue((a, b) => a < b);
    const live: Array<[number, number]> = [];
    let pair = 0;
    // 10,000 steps that push 3 times in 4, then pops only until empty (where the slots past the end
    // hold stale copies a wrong bound would read)
    for (let step = 0; step < 10_000 || live.length > 0; step++) {
      if (step < 10_000 && (live.length === 0 || random() < 0.75)) {
        const count = Math.floor(random() * 20);
        queue.push(pair, count);
        live.push([pair++, count]);
        continue;
      }
      let top = 0;
      for (let k = 1; k < live.length; k++) {
        const [p, c] = live[k]!;
        const [tp, tc] = live[top]!;
        if (c > tc || (c === tc && p < tp)) top = k;
      }
      expect([queue.topPair, queue.topCount]).toEqual(live[top]);
      live.splice(top, 1);
      queue.pop();
      expect(queue.isEmpty).toBe(live.length === 0);
      if (step === 9_999) expect(live.length).toBeGreaterThan(4096);
    }
  });
});
