import { describe, expect, it } from 'vitest';
import { buildTransitionTable, PAD, type TransitionTable } from '../../src/counts/transitionTable.js';
import { recordsOf, recordTotal } from '../../src/counts/transitionRecords.js';
import { TupleTable } from '../../src/counts/tupleTable.js';
import { randomFor } from '../../src/random/random.js';
import { BOS, EOS } from '../../src/vocabulary/vocabulary.js';
import { fixture } from '../helpers/corpus.js';

/** The (token, count) pairs after the history given as ids. */
function successors(table: TransitionTable, history: number[]): Array<[number, number]> {
  const context = table.contexts.find(Int32Array.from(history), 0);
  if (context < 0) return [];
  const pairs: Array<[number, number]> = [];
  for (let e = table.edgeStart[context]!; e < table.edgeStart[context + 1]!; e++) pairs.push([table.edgeToken[e]!, table.edgeCount[e]!]);
  return pairs;
}

describe('TupleTable', () => {
  it('numbers distinct tuples 0, 1, 2 in order of first insertion and finds them again', () => {
    const table = new TupleTable(2, 1);
    const keys = Int32Array.from([1, 2, 3, 4, 1, 2, 5, 6]);
    expect([0, 2, 4, 6].map((at) => table.findOrInsert(keys, at))).toEqual([0, 1, 0, 2]);
    expect(table.size).toBe(3);
    expect(table.find(Int32Array.from([3, 4]), 0)).toBe(1);
    expect(table.find(Int32Array.from([4, 3]), 0)).toBe(-1);
  });

  it('keeps every key through many rehashes', () => {
    const table = new TupleTable(3, 1);
    const keys = new Int32Array(3 * 5000);
    for (let i = 0; i < keys.length; i++) keys[i] = (i * 7919) % 1000;
    const first = Array.from({ length: 5000 }, (_, i) => table.findOrInsert(keys, i * 3));
    const again = Array.from({ length: 5000 }, (_, i) => table.find(keys, i * 3));
    expect(again).toEqual(first);
    // absent keys of width 3 (ids 1000 and up never went in), and of width 1
    expect(table.find(Int32Array.from([1000, 1, 2]), 0)).toBe(-1);
    expect(table.find(Int32Array.from([1, 2, 1001]), 0)).toBe(-1);
    const single = new TupleTable(1, 1);
    single.findOrInsert(Int32Array.from([5]), 0);
    expect([single.find(Int32Array.from([5]), 0), single.find(Int32Array.from([6]), 0)]).toEqual([0, -1]);
  });

  it('doubles only when more than three quarters of its slots would be in use', () => {
    // 16 slots hold 12 keys (12 <= 16 * 3/4); the 13th doubles them to 32, which hold 24; the 25th makes 64.
    const table = new TupleTable(2, 1);
    const slotsOf = (): number => table.parts.slots.length / 3; // a slot is index + 1, then the 2 ids
    const sizes: number[] = [];
    for (let i = 0; i < 25; i++) {
      table.findOrInsertPair(i, i + 1);
      sizes.push(slotsOf());
    }
    expect(sizes.slice(0, 12)).toEqual(new Array(12).fill(16));
    expect(sizes.slice(12, 24)).toEqual(new Array(12).fill(32));
    expect(sizes[24]).toBe(64);
    // sized for an expected count the same way: 24 keys fit 32 slots, 25 need 64
    expect(new TupleTable(2, 24).parts.slots.length / 3).toBe(32);
    expect(new TupleTable(2, 25).parts.slots.length / 3).toBe(64);
  });

  it('fits its key list to the keys it holds, and grows it again on a later insert', () => {
    const table = new TupleTable(2, 1);
    for (let i = 0; i < 5; i++) table.findOrInsertPair(i, 2 * i);
    // the list grew by doubling (2, 4, 8, 16 ids): 10 ids in use
    expect(table.parts.keys.buffer.byteLength).toBe(16 * 4);
    table.fitKeys();
    expect(table.parts.keys.buffer.byteLength).toBe(10 * 4);
    expect(table.findOrInsertPair(7, 7)).toBe(5);
    expect(Array.from({ length: 6 }, (_, i) => [table.keyAt(i, 0), table.keyAt(i, 1)])).toEqual([[0, 0], [1, 2], [2, 4], [3, 6], [4, 8], [7, 7]]);
  });

  it('agrees with a Map on random pairs through every doubling, absent pairs included', () => {
    // Ids from -1 (PAD) to 299: many collisions in a table that starts at 16 slots and doubles up to
    // 2^15 (about 9,000 distinct pairs); pairs go in by findOrInsertPair and findOrInsert alike.
    const random = randomFor(['tuple-table', 7]);
    const table = new TupleTable(2, 1);
    const reference = new Map<string, number>();
    const key = new Int32Array(2);
    for (let i = 0; i < 20_000; i++) {
      const first = Math.floor(random() * 301) - 1;
      const second = Math.floor(random() * 301) - 1;
      key[0] = first;
      key[1] = second;
      const index = i % 2 === 0 ? table.findOrInsertPair(first, second) : table.findOrInsert(key, 0);
      const name = `${first},${second}`;
      if (!reference.has(name)) reference.set(name, reference.size);
      expect(index).toBe(reference.get(name));
    }
    expect(table.size).toBe(reference.size);
    for (let first = -1; first < 300; first += 3) {
      for (let second = -1; second < 300; second += 7) {
        key[0] = first;
        key[1] = second;
        expect(table.find(key, 0)).toBe(reference.get(`${first},${second}`) ?? -1);
      }
    }
    for (const [name, index] of reference) {
      const [first, second] = name.split(',').map(Number);
      expect([table.keyAt(index, 0), table.keyAt(index, 1)]).toEqual([first, second]);
    }
  });
});

describe('buildTransitionTable', () => {
  // Corpus: "a b" and "a c". As ARPA sentences: <s> a b </s>, <s> a c </s>.
  const f = fixture(['a b', 'a c']);
  const [a, b, c] = ['a', 'b', 'c'].map(f.id);

  it('keeps no room in its contexts\' key list (the table is complete)', () => {
    // histories (PAD <s>), (<s> a), (a b), (a c): 4 keys of 2 ids
    const table = buildTransitionTable(f.corpus, 2, f.vocabulary.size);
    expect(table.contexts.size).toBe(4);
    const keys = (table.contexts as TupleTable).parts.keys;
    expect(keys.buffer.byteLength).toBe(4 * 2 * 4);
  });

  it('order 1 (no history): unigram counts of tokens and </s>', () => {
    const table = buildTransitionTable(f.corpus, 0, f.vocabulary.size);
    // predictions: a b </s> a c </s> -> </s>:2, a:2, b:1, c:1 (sorted by id: </s>=1 first)
    expect(successors(table, [])).toEqual([[EOS, 2], [a!, 2], [b!, 1], [c!, 1]]);
    expect(table.contextTotal[table.startContext]).toBe(6);
  });

  it('order 3: the first word is predicted from <s> alone, padded on the left', () => {
    const table = buildTransitionTable(f.corpus, 2, f.vocabulary.size);
    expect(successors(table, [PAD, BOS])).toEqual([[a!, 2]]);
    expect(successors(table, [BOS, a!])).toEqual([[b!, 1], [c!, 1]]);
    expect(successors(table, [a!, b!])).toEqual([[EOS, 1]]);
    expect(table.contexts.size).toBe(4); // [PAD <s>], [<s> a], [a b], [a c]
  });

  it('links every edge to the context that follows it, and </s> to none', () => {
    const table = buildTransitionTable(f.corpus, 2, f.vocabulary.size);
    const start = table.startContext;
    const toA = table.edgeStart[start]!;
    const next = table.edgeNext[toA]!;
    expect(next).toBe(table.contexts.find(Int32Array.from([BOS, a!]), 0));
    const end = table.contexts.find(Int32Array.from([a!, b!]), 0);
    expect(table.edgeNext[table.edgeStart[end]!]).toBe(-1);
  });

  it('its records keep running counts for sampling: the last one is the context total', () => {
    const g = fixture(['x y', 'x y', 'x z']);
    const table = buildTransitionTable(g.corpus, 1, g.vocabulary.size);
    const context = table.contexts.find(Int32Array.from([g.id('x')]), 0);
    // after x: y twice, z once -> record [m = 2, first edge, (running 2, y, next), (running 3, z, next)]
    const { walk, offsetOf } = recordsOf(table);
    const at = offsetOf[context]!;
    expect([walk[at], walk[at + 2], walk[at + 3], walk[at + 5], walk[at + 6]]).toEqual([2, 2, g.id('y'), 3, g.id('z')]);
    expect(recordTotal(walk, at)).toBe(3);
    // the first edge names the context's edges in the table: y's edge, then z's
    expect(table.edgeToken[walk[at + 1]!]).toBe(g.id('y'));
    expect(table.edgeToken[walk[at + 1]! + 1]).toBe(g.id('z'));
    expect(table.contextTotal[context]).toBe(3);
  });
});
