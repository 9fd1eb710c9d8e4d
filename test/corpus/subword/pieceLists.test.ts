/**
 * PieceLists (the published-encoding writer's store of each word's piece ids): what is set is what is
 * written, for keys and totals past every table's first size.
 */

import { describe, expect, it } from 'vitest';
import { PieceLists } from '../../../src/corpus/subword/pieceLists.js';

/** The ids a write appends. */
function written(lists: PieceLists, key: number): number[] {
  let out: number[] = [];
  lists.write(key, { appendIds: (ids, from, to) => (out = out.concat(Array.from(ids.subarray(from, to)))) });
  return out;
}

describe('PieceLists', () => {
  it('writes each key the ids its tokens were given, in order', () => {
    const lists = new PieceLists();
    expect([lists.has(0), lists.has(3)]).toEqual([false, false]);
    lists.set(0, [7, 8], (token) => token * 10);
    lists.set(3, [1], (token) => token + 100);
    lists.set(1, [], () => 0);
    expect([lists.has(0), lists.has(1), lists.has(2), lists.has(3)]).toEqual([true, true, false, true]);
    expect([written(lists, 0), written(lists, 3), written(lists, 1)]).toEqual([[70, 80], [101], []]);
  });

  it('grows to any key: the first table size, twice it and far past it', () => {
    // the key table starts at 4,096 entries
    for (const key of [4095, 4096, 8192, 100_000]) {
      const lists = new PieceLists();
      expect(lists.has(key)).toBe(false);
      lists.set(2, [1], (token) => token);
      lists.set(key, [5, 6], (token) => token);
      expect([lists.has(key), lists.has(key - 1), lists.has(key + 1)]).toEqual([true, false, false]);
      expect([written(lists, key), written(lists, 2)]).toEqual([[5, 6], [1]]);
    }
  });

  it('grows to any total of ids (the id table starts at 65,536)', () => {
    const lists = new PieceLists();
    const first = Array.from({ length: 65_535 }, (_, i) => i);
    lists.set(0, first, (token) => token);
    lists.set(1, [1, 2, 3], (token) => -token);
    lists.set(2, Array.from({ length: 200_000 }, (_, i) => i % 7), (token) => token);
    expect(written(lists, 0)).toEqual(first);
    expect(written(lists, 1)).toEqual([-1, -2, -3]);
    const last = written(lists, 2);
    expect([last.length, last[0], last[199_999]]).toEqual([200_000, 0, 199_999 % 7]);
  });
});
