/**
 * PairIndex numbers pairs densely in order of first sight, gives them back, and keeps every number
 * through its table's growth.
 */

import { describe, expect, it } from 'vitest';
import { PairIndex } from '../../../src/corpus/subword/pairIndex.js';

describe('PairIndex', () => {
  it('numbers new pairs 0, 1, 2 ... and finds them again; (a, b) and (b, a) differ', () => {
    const index = new PairIndex();
    expect(index.number(3, 7)).toBe(0);
    expect(index.number(7, 3)).toBe(1);
    expect(index.number(3, 7)).toBe(0);
    expect(index.number(0, 0)).toBe(2);
    expect(index.size).toBe(3);
    expect([index.left(1), index.right(1)]).toEqual([7, 3]);
  });

  it('keeps every number through many doublings (50,000 pairs)', () => {
    const index = new PairIndex();
    for (let i = 0; i < 50_000; i++) expect(index.number(i % 211, Math.floor(i / 211))).toBe(i);
    for (let i = 49_999; i >= 0; i -= 7) expect(index.number(i % 211, Math.floor(i / 211))).toBe(i);
    expect(index.size).toBe(50_000);
  });
});
