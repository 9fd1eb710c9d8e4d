/**
 * A TransitionTable (and its TupleTable of contexts) as plain data and back: the rebuilt table reads
 * the given arrays (shared memory too, for worker threads) and answers every look-up as the original.
 */

import { describe, expect, it } from 'vitest';
import { buildTransitionTable, transitionTableFromParts, transitionTableParts } from '../../src/counts/transitionTable.js';
import { TupleTable } from '../../src/counts/tupleTable.js';
import { randomCorpus } from '../helpers/sampledPath.js';

/** A copy of `array` in a SharedArrayBuffer. */
function inSharedMemory(array: Int32Array): Int32Array {
  const copy = new Int32Array(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
}

describe('TupleTable parts', () => {
  it('rebuilds a table that finds every key at its index, reads it back, and finds no other key', () => {
    for (const width of [1, 2, 3]) {
      const table = new TupleTable(width, 4);
      const keys: number[][] = [];
      for (let i = 0; i < 300; i++) {
        const key = Array.from({ length: width }, (_, j) => (i * 7 + j * 13) % 97);
        table.findOrInsert(Int32Array.from(key), 0);
        keys.push(key);
      }
      const parts = table.parts;
      const rebuilt = TupleTable.fromParts({ ...parts, slots: inSharedMemory(parts.slots), keys: inSharedMemory(parts.keys) });
      expect(rebuilt.size).toBe(table.size);
      for (const key of keys) {
        const index = table.find(Int32Array.from(key), 0);
        expect(rebuilt.find(Int32Array.from(key), 0)).toBe(index);
        for (let j = 0; j < width; j++) expect(rebuilt.keyAt(index, j)).toBe(key[j]);
      }
      expect(rebuilt.find(Int32Array.from({ length: width }, () => 500), 0)).toBe(-1);
    }
  });

  it('a rebuilt empty table can still grow', () => {
    const rebuilt = TupleTable.fromParts(new TupleTable(2, 4).parts);
    for (let i = 0; i < 50; i++) expect(rebuilt.findOrInsert(Int32Array.of(i, i + 1), 0)).toBe(i);
    expect(rebuilt.keyAt(49, 1)).toBe(50);
  });
});

describe('TransitionTable parts', () => {
  it('rebuilds a table with the same contexts, edges and counts', () => {
    const table = buildTransitionTable(randomCorpus('parts', 60, 9), 2, 12);
    const rebuilt = transitionTableFromParts(transitionTableParts(table)!);
    expect(rebuilt.contexts).not.toBe(table.contexts);
    for (const field of ['edgeStart', 'edgeToken', 'edgeCount', 'edgeNext', 'contextTotal'] as const) expect(rebuilt[field]).toBe(table[field]);
    expect([rebuilt.historyLength, rebuilt.startContext, rebuilt.contexts.size]).toEqual([table.historyLength, table.startContext, table.contexts.size]);
    for (let c = 0; c < table.contexts.size; c++) {
      const key = Int32Array.of(table.contexts.keyAt(c, 0), table.contexts.keyAt(c, 1));
      expect(rebuilt.contexts.find(key, 0)).toBe(c);
    }
  });

  it('has no parts for a table whose contexts are a view of another table', () => {
    expect(transitionTableParts({ ...buildTransitionTable(randomCorpus('view', 5, 3), 2, 6), contexts: { width: 2, size: 0, find: () => -1, keyAt: () => 0 } })).toBeUndefined();
  });
});
