/**
 * sortedSearch: the binary searches, and the galloping searches that must give exactly their answers
 * (the transformed sampler's draws and truncation tests use the galloping ones: a different answer would
 * change which word a draw picks).
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countAtMost, countAtMostFromStart, firstAbove, firstAboveFromStart, indexInSortedRange } from '../../src/counts/sortedSearch.js';

// Running weights of four outcomes of weights 2, 0, 3, 5 (the second has zero width), inside a larger
// array: slots 2 .. 5 are the range, slots 0, 1 and 6 belong to other ranges.
const running = Float64Array.from([9, 9, 2, 2, 5, 10, 0]);

describe('firstAbove and firstAboveFromStart', () => {
  it('find the outcome a draw falls in, skipping zero widths, and the last outcome past the end', () => {
    for (const search of [firstAbove, firstAboveFromStart]) {
      // draw 0 and 1.9 fall in [0, 2): slot 2; 2 falls in [2, 5) (the zero width [2, 2) is skipped): slot 4
      expect([0, 1.9, 2, 4.99, 5, 9.99].map((t) => search(running, 2, 6, t))).toEqual([2, 2, 4, 4, 5, 5]);
      // at or past the total (rounding at the end): the range's last slot, never one outside it
      expect(search(running, 2, 6, 10)).toBe(5);
      expect(search(running, 2, 6, 11)).toBe(5);
      // an empty range gives its start
      expect(search(running, 3, 3, 1)).toBe(3);
    }
  });

  it('the gallop gives the binary search answer on every non-decreasing range and threshold', () => {
    const ranges = fc.record({
      widths: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 10, noNaN: true })), { maxLength: 300 }),
      before: fc.nat(5),
      after: fc.nat(5),
      threshold: fc.double({ min: -1, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(ranges, ({ widths, before, after, threshold }) => {
        // other ranges' values around it are out of order on purpose: a search must not read them
        const values = new Float64Array(before + widths.length + after).fill(-5);
        let sum = 0;
        widths.forEach((w, i) => (values[before + i] = sum += w));
        const t = threshold * (sum + 1); // from below the first weight to past the total
        const to = before + widths.length;
        expect(firstAboveFromStart(values, before, to, t)).toBe(firstAbove(values, before, to, t));
        expect(countAtMostFromStart(values, before, to, t)).toBe(countAtMost(values, before, to, t));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('countAtMost and countAtMostFromStart', () => {
  it('count the values at or below a threshold in a sorted range', () => {
    const ranks = Int32Array.from([7, 1, 4, 4, 9, 12, 0]); // the range is slots 1 .. 5: 1 4 4 9 12
    for (const count of [countAtMost, countAtMostFromStart]) {
      expect([0, 1, 3, 4, 8, 9, 11, 12, 50].map((t) => count(ranks, 1, 6, t))).toEqual([0, 1, 1, 3, 3, 4, 4, 5, 5]);
      expect(count(ranks, 2, 2, 100)).toBe(0);
    }
  });
});

describe('indexInSortedRange', () => {
  it('finds a key inside its range only', () => {
    const ids = Int32Array.from([5, 1, 3, 8, 2]); // the range is slots 1 .. 3: 1 3 8
    expect([1, 3, 8].map((key) => indexInSortedRange(ids, 1, 4, key))).toEqual([1, 2, 3]);
    expect([0, 2, 5, 9].map((key) => indexInSortedRange(ids, 1, 4, key))).toEqual([-1, -1, -1, -1]);
  });
});
