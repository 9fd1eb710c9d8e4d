import { describe, expect, it } from 'vitest';
import { buildTransitionTable, type TransitionTable } from '../../src/counts/transitionTable.js';
import { randomFor } from '../../src/random/random.js';
import { EDGE_WIDTH, edgeAbove, forgetRecords, RECORD_HEAD, recordsOf, recordTotal } from '../../src/counts/transitionRecords.js';
import { createTableSampler } from '../../src/sampler/tableSampler.js';
import { DEFAULT_SAMPLING } from '../../src/sampler/sampling.js';
import { EOS } from '../../src/vocabulary/vocabulary.js';
import { randomCorpus } from '../speedHelpers.js';

/** The plain reference: per step, a linear search over the running counts for the first one > u * total. */
function referenceSentence(table: TransitionTable, random: () => number, maxLength: number): number[] {
  const out: number[] = [];
  let context = table.startContext;
  while (out.length < maxLength) {
    const from = table.edgeStart[context]!;
    const target = random() * table.contextTotal[context]!;
    let chosen = from;
    let running = table.edgeCount[from]!;
    while (running <= target) running += table.edgeCount[++chosen]!;
    if (table.edgeToken[chosen] === EOS) break;
    out.push(table.edgeToken[chosen]!);
    context = table.edgeNext[chosen]!;
  }
  return out;
}

function tables(): Array<[string, TransitionTable]> {
  // Few types and many sentences: contexts with hundreds of successors (guide tables) and with one.
  const wide = randomCorpus('wide', 3000, 300, 15);
  const narrow = randomCorpus('narrow', 300, 12, 8);
  return [
    ['order 1, many edges', buildTransitionTable(wide, 0, 302)],
    ['order 2', buildTransitionTable(wide, 1, 302)],
    ['order 3', buildTransitionTable(wide, 2, 302)],
    ['order 3, small vocabulary', buildTransitionTable(narrow, 2, 14)],
  ];
}

describe('record walk sampler', () => {
  for (const [name, table] of tables()) {
    it(`${name}: gives exactly the reference sampler's sentences for the same draws`, () => {
      const sampler = createTableSampler(table, DEFAULT_SAMPLING);
      const ours = randomFor(['walk', name]);
      const theirs = randomFor(['walk', name]);
      const out = new Int32Array(60);
      for (let i = 0; i < 3000; i++) {
        const written = sampler.sample(ours, 60, out, 0);
        expect(Array.from(out.subarray(0, written))).toEqual(referenceSentence(table, theirs, 60));
      }
    });

    it(`${name}: lays out every context's edges, running counts, tokens and next records`, () => {
      // Built in this test (records are cached per table), so this test is the one that runs the layout.
      forgetRecords(table);
      const { walk, offsetOf } = recordsOf(table);
      const wrong: string[] = [];
      for (let c = 0; c < table.contexts.size; c++) {
        const record = offsetOf[c]!;
        const from = table.edgeStart[c]!;
        const to = table.edgeStart[c + 1]!;
        if (recordTotal(walk, record) !== table.contextTotal[c]) wrong.push(`total of ${c}`);
        if (Math.abs(walk[record]!) !== to - from || walk[record + 1] !== from) wrong.push(`head of ${c}`);
        let running = 0;
        for (let e = from; e < to; e++) {
          const at = record + RECORD_HEAD + EDGE_WIDTH * (e - from);
          running += table.edgeCount[e]!;
          const next = table.edgeNext[e]!;
          if (walk[at] !== running || walk[at + 1] !== table.edgeToken[e] || walk[at + 2] !== (next < 0 ? -1 : offsetOf[next])) wrong.push(`edge ${e}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('finds the first edge whose running count exceeds the target, at and around every boundary, guided records included', () => {
    // Integer targets sit exactly on running counts, where `<` and `<=` differ; random draws almost never do.
    let guided = 0;
    for (const [name, table] of tables()) {
      forgetRecords(table);
      const { walk, offsetOf } = recordsOf(table);
      for (let c = 0; c < table.contexts.size; c++) {
        const record = offsetOf[c]!;
        const from = table.edgeStart[c]!;
        const m = table.edgeStart[c + 1]! - from;
        if (walk[record]! < 0) guided++;
        const total = table.contextTotal[c]!;
        const expected = (target: number): number => {
          let k = 0;
          while (walk[record + RECORD_HEAD + EDGE_WIDTH * k]! <= target) k++;
          return record + RECORD_HEAD + EDGE_WIDTH * k;
        };
        for (let k = 0; k < m; k++) {
          const running = walk[record + RECORD_HEAD + EDGE_WIDTH * k]!;
          for (const target of [running - 1, running - 0.5, running, running + 0.5]) {
            if (target < 0 || target >= total) continue;
            const found = edgeAbove(walk, record, target);
            if (found !== expected(target)) expect.fail(`${name}: context ${c}, target ${target}: edge at ${found}, not ${expected(target)}`);
          }
        }
      }
    }
    expect(guided).toBeGreaterThan(0); // the guide tables were exercised
  });

  it('guides every record of more than 16 edges to the edge a target of j/m of its total needs, or the one before', () => {
    // The guide's contract: guide[j] is at or before the first edge whose running count exceeds
    // j * total / m (so a forward scan from it finds the edge), and at most one before it (so the scan
    // is short). Exact in integers: running * m > j * total.
    let checked = 0;
    for (const [, table] of tables()) {
      forgetRecords(table);
      const { walk, offsetOf } = recordsOf(table);
      for (let c = 0; c < table.contexts.size; c++) {
        const record = offsetOf[c]!;
        const m = table.edgeStart[c + 1]! - table.edgeStart[c]!;
        // a record of more than 16 edges says so by a negative head; the others hold their edge count
        expect(walk[record]).toBe(m > 16 ? -m : m);
        if (m <= 16) continue;
        const first = record + RECORD_HEAD;
        const total = recordTotal(walk, record);
        for (let j = 0; j < m; j++) {
          let exact = 0;
          while (walk[first + EDGE_WIDTH * exact]! * m <= j * total) exact++;
          const guide = walk[first + EDGE_WIDTH * m + j]!;
          if (guide > exact || guide < exact - 1) expect.fail(`context ${c}: guide[${j}] = ${guide}, the edge needed is ${exact}`);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('draws first tokens in proportion to their counts (distribution check, 40,000 sentences)', () => {
    const [, table] = tables()[2]!;
    const sampler = createTableSampler(table, DEFAULT_SAMPLING);
    const random = randomFor(['distribution']);
    const out = new Int32Array(1);
    const seen = new Map<number, number>();
    const draws = 40_000;
    for (let i = 0; i < draws; i++) {
      const written = sampler.sample(random, 1, out, 0);
      const token = written === 0 ? EOS : out[0]!;
      seen.set(token, (seen.get(token) ?? 0) + 1);
    }
    const start = table.startContext;
    const total = table.contextTotal[start]!;
    for (let e = table.edgeStart[start]!; e < table.edgeStart[start + 1]!; e++) {
      const p = table.edgeCount[e]! / total;
      const observed = (seen.get(table.edgeToken[e]!) ?? 0) / draws;
      // 5 standard errors
      expect(Math.abs(observed - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / draws) + 1e-9);
    }
  });
});
