/**
 * tableFromPath: the table of a text sampled from table T, read off the sampler's path, must be the
 * table buildTransitionTable counts from the text itself (same histories, same edges, same counts,
 * same next histories; only the numbering may differ), for every order, with sentences cut at the
 * length cap (whose `</s>` T may lack) and over several generations (views of views).
 */

import { describe, expect, it } from 'vitest';
import { KeptContexts, rootView } from '../../src/counts/keptContexts.js';
import { tableFromPath } from '../../src/counts/sampledTable.js';
import { buildTransitionTable, PAD, type TransitionTable } from '../../src/counts/transitionTable.js';
import { concatCorpora, gatherSentences } from '../../src/corpus/tokenCorpus.js';
import { randomCorpus, sampleWithPath } from '../helpers/sampledPath.js';
import { randomFor } from '../../src/random/random.js';
import { createTableSampler } from '../../src/sampler/tableSampler.js';
import { DEFAULT_SAMPLING } from '../../src/sampler/sampling.js';
import { syntheticText } from '../../src/simulation/syntheticText.js';
import { BOS, EOS } from '../../src/vocabulary/vocabulary.js';
import { fixture } from '../helpers/corpus.js';

/** The table as history key -> sorted "token:count>next key" lines, independent of numbering. */
function canonical(table: TransitionTable): Map<string, string> {
  const keyOf = (c: number): string => Array.from({ length: table.historyLength }, (_, i) => table.contexts.keyAt(c, i)).join(' ');
  // the sizes too: a table with spare, unused edge slots would not show in the map otherwise
  const out = new Map<string, string>([['#', `${table.contextTotal.length} contexts, ${table.edgeToken.length} edges, ${table.edgeStart[table.contextTotal.length]} used`]]);
  for (let c = 0; c < table.contextTotal.length; c++) {
    const edges: string[] = [];
    for (let e = table.edgeStart[c]!; e < table.edgeStart[c + 1]!; e++) {
      const next = table.edgeNext[e]!;
      edges.push(`${table.edgeToken[e]}:${table.edgeCount[e]}>${next < 0 ? '-' : keyOf(next)}`);
    }
    out.set(keyOf(c), `${table.contextTotal[c]} | ${edges.join(', ')}`);
  }
  return out;
}

describe('tableFromPath', () => {
  // T from "a b" and "a c" (history length 1). The sampled text is "a b" (path: <s>->a, a->b, b->`</s>`)
  // and "a" cut at 1 token (path: <s>->a, then the cut mark of context (a), which has no `</s>` edge).
  // Its table by hand: (<s>): a x2; (a): `</s>` x1 (the cut), b x1; (b): `</s>` x1; (c) is dropped.
  it('reads counts, drops what the walk never took, and adds `</s>` after a cut sentence (by hand)', () => {
    const f = fixture(['a b', 'a c']);
    const base = buildTransitionTable(f.corpus, 1, f.vocabulary.size);
    const edge = (history: number, token: number): number => {
      const c = base.contexts.find(Int32Array.from([history]), 0);
      for (let e = base.edgeStart[c]!; e < base.edgeStart[c + 1]!; e++) if (base.edgeToken[e] === token) return e;
      throw new Error('no such edge');
    };
    const a = f.id('a');
    const b = f.id('b');
    const firstOfA = base.edgeStart[base.contexts.find(Int32Array.from([a]), 0)]!;
    const path = Int32Array.from([edge(BOS, a), edge(a, b), edge(b, EOS), edge(BOS, a), -1 - firstOfA]);
    const table = tableFromPath(base, path)!;
    const text = fixture(['a b', 'a'], f.vocabulary).corpus;
    expect(canonical(table)).toEqual(canonical(buildTransitionTable(text, 1, f.vocabulary.size)));
    expect(canonical(table)).toEqual(
      new Map([
        ['#', '3 contexts, 4 edges, 4 used'],
        [`${BOS}`, `2 | ${a}:2>${a}`],
        [`${a}`, `2 | ${EOS}:1>-, ${b}:1>${b}`],
        [`${b}`, `1 | ${EOS}:1>-`],
      ]),
    );
    expect(table.contexts.find(Int32Array.from([f.id('c')]), 0)).toBe(-1);
  });

  it('equals counting the sampled text, for orders 1 to 4, with and without cut sentences, over generations', () => {
    for (const order of [1, 2, 3, 4]) {
      for (const maxLength of [2, 5, 40]) {
        const corpus = randomCorpus(`corpus ${order} ${maxLength}`, 60, 9);
        let table = buildTransitionTable(corpus, order - 1, 12);
        for (let generation = 1; generation <= 4; generation++) {
          const { text, path } = sampleWithPath(table, 150, maxLength, `draw ${order} ${maxLength} ${generation}`);
          const fromPath = tableFromPath(table, path)!;
          expect(canonical(fromPath), `order ${order}, cap ${maxLength}, generation ${generation}`).toEqual(canonical(buildTransitionTable(text, order - 1, 12)));
          table = fromPath; // the next generation walks a view of a view
        }
      }
    }
  });

  // The loop's mixed batch: human sentences (from the corpus T was first counted on, so T's root knows
  // their histories) plus T's own sample; over generations T is a view, and the human sentences bring
  // back histories and edges the view had lost.
  it('counts extra texts in: equal to counting the human sentences and the sample together, over generations', () => {
    for (const order of [1, 2, 3, 4]) {
      for (const maxLength of [3, 40]) {
        const corpus = randomCorpus(`mixed ${order} ${maxLength}`, 80, 10);
        let table = buildTransitionTable(corpus, order - 1, 13);
        for (let generation = 1; generation <= 4; generation++) {
          const pick = randomFor([`pick ${order} ${maxLength} ${generation}`]);
          const human = gatherSentences([corpus], Array.from({ length: 6 }, () => [0, Math.floor(pick() * 80)] as [number, number]));
          const { text, path } = sampleWithPath(table, 60, maxLength, `mixed draw ${order} ${maxLength} ${generation}`);
          const fromPath = tableFromPath(table, path, [human, { ids: new Int32Array(0), offsets: Int32Array.from([0]) }])!;
          const counted = buildTransitionTable(concatCorpora([human, text]), order - 1, 13);
          expect(canonical(fromPath), `order ${order}, cap ${maxLength}, generation ${generation}`).toEqual(canonical(counted));
          table = fromPath;
        }
      }
    }
  });

  it('gives up (undefined) when an extra text has a history the root never saw', () => {
    const f = fixture(['a b', 'b a']);
    const base = buildTransitionTable(f.corpus, 2, 8);
    const { path } = sampleWithPath(base, 10, 5, 'unknown');
    expect(tableFromPath(base, path, [fixture(['a b'], f.vocabulary).corpus])).toBeDefined();
    expect(tableFromPath(base, path, [fixture(['b b'], f.vocabulary).corpus])).toBeUndefined(); // (<s> b) is known, (b b) is not
  });

  it('gives a table that samples the same text as the counted one, draw for draw', () => {
    const corpus = randomCorpus('same draws', 80, 7);
    const base = buildTransitionTable(corpus, 2, 10);
    const { text, path } = sampleWithPath(base, 200, 4, 'walk');
    const draw = (table: TransitionTable) => syntheticText(createTableSampler(table, DEFAULT_SAMPLING), 300, 6, randomFor(['again'])).text;
    const counted = draw(buildTransitionTable(text, 2, 10));
    const read = draw(tableFromPath(base, path)!);
    expect(Array.from(read.ids)).toEqual(Array.from(counted.ids));
    expect(Array.from(read.offsets)).toEqual(Array.from(counted.offsets));
  });

  it('an empty path gives a table without contexts', () => {
    const f = fixture(['a b']);
    const table = tableFromPath(buildTransitionTable(f.corpus, 2, f.vocabulary.size), new Int32Array(0))!;
    expect(table.contextTotal.length).toBe(0);
    expect(table.edgeToken.length).toBe(0);
    expect(table.contexts.find(Int32Array.from([PAD, BOS]), 0)).toBe(-1);
  });
});

describe('KeptContexts', () => {
  // Root contexts <s>, x, y, z (indexes 0, 1, 2, 3). Keep y and z (renumber [-1, -1, 0, 1]); or keep
  // <s> and y ([0, -1, 1, -1]): the kept ones are found and read back through the root, the others absent.
  it('renumbers a subset of a hash table\'s contexts, looking up through the table', () => {
    const f = fixture(['x y z']);
    const root = buildTransitionTable(f.corpus, 1, f.vocabulary.size).contexts;
    const key = (id: string) => Int32Array.from([id === '<s>' ? BOS : f.id(id)]);
    expect(['<s>', 'x', 'y', 'z'].map((id) => root.find(key(id), 0))).toEqual([0, 1, 2, 3]);
    const yz = new KeptContexts(root, Int32Array.from([-1, -1, 0, 1]), 2);
    expect([yz.size, yz.find(key('<s>'), 0), yz.find(key('x'), 0), yz.find(key('y'), 0), yz.find(key('z'), 0)]).toEqual([2, -1, -1, 0, 1]);
    expect([yz.keyAt(0, 0), yz.keyAt(1, 0)]).toEqual([f.id('y'), f.id('z')]);
    const sy = new KeptContexts(root, Int32Array.from([0, -1, 1, -1]), 2);
    expect([sy.find(key('<s>'), 0), sy.find(key('x'), 0), sy.find(key('y'), 0), sy.find(key('z'), 0)]).toEqual([0, -1, 1, -1]);
    expect([sy.keyAt(0, 0), sy.keyAt(1, 0)]).toEqual([BOS, f.id('y')]);
    expect(sy.find(Int32Array.from([999]), 0)).toBe(-1);
    expect(rootView(sy)).toEqual({ root, toRoot: Int32Array.from([0, 2]), fromRoot: Int32Array.from([0, -1, 1, -1]) });
    expect(rootView(root)).toEqual({ root, toRoot: undefined, fromRoot: undefined });
    expect(() => new KeptContexts(sy, Int32Array.from([0, -1]), 1)).toThrow(TypeError);
  });
});
