/**
 * lookUpHistories: each prediction's history (the last `width` items of PAD^(width-1) <s> w1 .. wj)
 * found in a context table, -1 where the table lacks it.
 */

import { describe, expect, it } from 'vitest';
import { lookUpHistories } from '../../src/counts/lookUpHistories.js';
import { PAD } from '../../src/counts/transitionTable.js';
import { TupleTable } from '../../src/counts/tupleTable.js';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { BOS } from '../../src/vocabulary/vocabulary.js';

/** A hash table holding `tuples`, in that order (tuple i has index i). */
function tableOf(width: number, tuples: number[][]): TupleTable {
  const table = new TupleTable(width, 4);
  for (const tuple of tuples) table.findOrInsert(Int32Array.from(tuple), 0);
  return table;
}

describe('lookUpHistories', () => {
  const [a, b, c] = [2, 3, 4];
  // Text "a b", "c": predictions a, b, </s> (sentence 0), then c, </s> (sentence 1).
  const text = corpusFromSentences([[a, b], [c]]);

  it('width 2: the histories (PAD <s>), (<s> a), (a b), then (PAD <s>), (<s> c); -1 where absent', () => {
    // indexes: (PAD <s>) 0, (a b) 1, (<s> a) 2; (<s> c) is absent
    const table = tableOf(2, [[PAD, BOS], [a, b], [BOS, a]]);
    expect(Array.from(lookUpHistories(table, text))).toEqual([0, 2, 1, 0, -1]);
    // "c", "a b", "a": each sentence's predictions at offsets[s] + s + j (c, </s> | a, b, </s> | a, </s>)
    const three = corpusFromSentences([[c], [a, b], [a]]);
    expect(Array.from(lookUpHistories(table, three))).toEqual([0, -1, 0, 2, 1, 0, 2]);
  });

  it('width 1: the last item alone (<s>, a, b, <s>, c)', () => {
    const table = tableOf(1, [[b], [BOS], [c]]);
    expect(Array.from(lookUpHistories(table, text))).toEqual([1, -1, 0, 1, 2]);
  });

  it('width 3: PAD PAD <s> at a sentence start, the window sliding one item per prediction', () => {
    const table = tableOf(3, [[PAD, BOS, a], [PAD, PAD, BOS], [BOS, a, b], [PAD, BOS, c]]);
    expect(Array.from(lookUpHistories(table, text))).toEqual([1, 0, 2, 1, 3]);
  });

  it('width 0: the one empty history for every prediction (index 0 once the table holds it)', () => {
    expect(Array.from(lookUpHistories(new TupleTable(0), text))).toEqual([-1, -1, -1, -1, -1]);
    expect(Array.from(lookUpHistories(tableOf(0, [[]]), text))).toEqual([0, 0, 0, 0, 0]);
  });

  it('an empty sentence has one prediction, </s> after <s>; an empty text has none', () => {
    const table = tableOf(2, [[PAD, BOS]]);
    expect(Array.from(lookUpHistories(table, corpusFromSentences([[], [a]])))).toEqual([0, 0, -1]);
    expect(lookUpHistories(table, corpusFromSentences([])).length).toBe(0);
  });
});
