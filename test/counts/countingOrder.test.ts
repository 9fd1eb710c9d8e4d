/**
 * The counting sorts every n-gram pass shares (src/counts/countingOrder.ts), by hand: stable, every key
 * of the range used (the top key too), and two passes giving pairs in (first, second) order.
 */

import { describe, expect, it } from 'vitest';
import { countingOrder, runningStarts, sortedBy } from '../../src/counts/countingOrder.js';

describe('counting sorts', () => {
  it('orders items by key, stably, with the top key of the range present', () => {
    // keys 2 0 1 2 0 in [0, 3): key 0 holds items 1, 4; key 1 item 2; key 2 items 0, 3.
    expect(Array.from(countingOrder(5, 3, Int32Array.of(2, 0, 1, 2, 0), undefined))).toEqual([1, 4, 2, 0, 3]);
    // within a given order (4 3 2 1 0): the same keys, ties in that order
    expect(Array.from(countingOrder(5, 3, Int32Array.of(2, 0, 1, 2, 0), Int32Array.of(4, 3, 2, 1, 0)))).toEqual([4, 1, 2, 3, 0]);
  });

  it('sorts pairs by (first, second) in two passes, second key first', () => {
    // pairs (1,2) (0,1) (1,0) (0,2): by second, then stably by first: (0,1) (0,2) (1,0) (1,2) = items 1 3 2 0
    const first = Int32Array.of(1, 0, 1, 0);
    const second = Int32Array.of(2, 1, 0, 2);
    expect(Array.from(countingOrder(4, 2, first, countingOrder(4, 3, second, undefined)))).toEqual([1, 3, 2, 0]);
  });

  it('moves columns along by key + shift, stably', () => {
    // keys -1 1 0 -1 shifted by 1: buckets 0 2 1 0; column [10 11 12 13] -> [10 13 12 11]
    const [keys, values] = sortedBy(Int32Array.of(-1, 1, 0, -1), 1, [Int32Array.of(-1, 1, 0, -1), Int32Array.of(10, 11, 12, 13)]);
    expect(Array.from(keys!)).toEqual([-1, -1, 0, 1]);
    expect(Array.from(values!)).toEqual([10, 13, 12, 11]);
  });

  it('makes histogram counts the starts of their buckets', () => {
    // counts 2 1 0 3 at value + 1: starts 0 2 3 3 6
    const start = Int32Array.of(0, 2, 1, 0, 3);
    runningStarts(start);
    expect(Array.from(start)).toEqual([0, 2, 3, 3, 6]);
  });
});
