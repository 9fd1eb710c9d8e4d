import { describe, expect, it } from 'vitest';
import { buildTransitionTable, deriveLowerTable, PAD, type TransitionTable } from '../../src/counts/transitionTable.js';
import { EOS } from '../../src/vocabulary/vocabulary.js';
import { naiveCounts, PAD_KEY, randomCorpus } from '../speedHelpers.js';

/** The table read back as history key -> token -> count, in the naive format. */
function asMaps(table: TransitionTable): Map<string, Map<number, number>> {
  const maps = new Map<string, Map<number, number>>();
  for (let c = 0; c < table.contexts.size; c++) {
    const key = Array.from({ length: table.historyLength }, (_, i) => table.contexts.keyAt(c, i))
      .map((id) => (id === PAD ? PAD_KEY : String(id)))
      .join(' ');
    const followers = new Map<number, number>();
    for (let e = table.edgeStart[c]!; e < table.edgeStart[c + 1]!; e++) followers.set(table.edgeToken[e]!, table.edgeCount[e]!);
    maps.set(key, followers);
  }
  return maps;
}

function expectLayoutInvariants(table: TransitionTable): void {
  const contexts = table.contexts.size;
  expect(table.edgeStart.length).toBe(contexts + 1);
  expect(table.edgeStart[0]).toBe(0);
  expect(table.edgeStart[contexts]).toBe(table.edgeToken.length);
  for (let c = 0; c < contexts; c++) {
    const from = table.edgeStart[c]!;
    const to = table.edgeStart[c + 1]!;
    expect(to).toBeGreaterThan(from); // every history was followed by something
    let running = 0;
    for (let e = from; e < to; e++) {
      if (e > from) expect(table.edgeToken[e]!).toBeGreaterThan(table.edgeToken[e - 1]!); // sorted, distinct
      running += table.edgeCount[e]!;
      // the next context is the history shifted by one with the token appended
      const next = table.edgeNext[e]!;
      if (table.edgeToken[e] === EOS) expect(next).toBe(-1);
      else {
        const L = table.historyLength;
        for (let i = 0; i + 1 < L; i++) expect(table.contexts.keyAt(next, i)).toBe(table.contexts.keyAt(c, i + 1));
        if (L > 0) expect(table.contexts.keyAt(next, L - 1)).toBe(table.edgeToken[e]);
      }
    }
    expect(table.contextTotal[c]).toBe(running);
  }
}

describe('transition table layout', () => {
  for (const historyLength of [0, 1, 2, 3]) {
    it(`history length ${historyLength}: counts equal a naive Map count, edges sorted, running counts and next contexts consistent`, () => {
      const corpus = randomCorpus(`layout${historyLength}`, 400, 30);
      const idSpace = 2 + 30;
      const table = buildTransitionTable(corpus, historyLength, idSpace);
      expect(asMaps(table)).toEqual(naiveCounts(corpus, historyLength));
      expectLayoutInvariants(table);
      // the start context is the sentence-start history
      const key = Array.from({ length: historyLength }, (_, i) => table.contexts.keyAt(table.startContext, i));
      expect(key).toEqual(historyLength === 0 ? [] : [...Array<number>(historyLength - 1).fill(PAD), 0]);
    });
  }

  it('a lower table derived from the edges equals the one counted from the corpus', () => {
    const corpus = randomCorpus('derive', 500, 25);
    const idSpace = 2 + 25;
    let table = buildTransitionTable(corpus, 3, idSpace);
    for (let length = 2; length >= 0; length--) {
      table = deriveLowerTable(table, idSpace);
      expect(table.historyLength).toBe(length);
      expect(asMaps(table)).toEqual(naiveCounts(corpus, length));
      expectLayoutInvariants(table);
      // the start context is the sentence-start history, PAD^(L-1) <s>, as in a counted table
      const key = Array.from({ length }, (_, i) => table.contexts.keyAt(table.startContext, i));
      expect(key).toEqual(length === 0 ? [] : [...Array<number>(length - 1).fill(PAD), 0]);
    }
  });

  it('derives no table below history length 0, and an empty table from an empty one', () => {
    const empty = buildTransitionTable({ ids: new Int32Array(0), offsets: new Int32Array(1) }, 2, 2);
    const lower = deriveLowerTable(empty, 2);
    expect([lower.historyLength, lower.contexts.size, lower.edgeToken.length]).toEqual([1, 0, 0]);
    const zero = buildTransitionTable(randomCorpus('derive zero', 20, 5), 0, 7);
    expect(() => deriveLowerTable(zero, 7)).toThrow(new RangeError('a table of history length 0 has no lower table'));
  });

  it('an empty corpus gives an empty table', () => {
    const table = buildTransitionTable({ ids: new Int32Array(0), offsets: new Int32Array(1) }, 2, 2);
    expect(table.contexts.size).toBe(0);
    expect(table.edgeToken.length).toBe(0);
  });

  it('keeps working across a table large enough to grow its context table many times', () => {
    const corpus = randomCorpus('grow', 20_000, 400, 20);
    const table = buildTransitionTable(corpus, 2, 402);
    expect(asMaps(table)).toEqual(naiveCounts(corpus, 2));
  });
});
