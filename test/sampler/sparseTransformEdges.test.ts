/**
 * SparseTransformer at its edges: draws that land exactly on a boundary or that float rounding carries
 * onto a hole or past the end of the levels, the give-up of `drawAt` after REJECTION_TRIES dropped draws,
 * top-p targets met exactly, tempered weights that underflow to 0, and one transformer asked about many
 * histories in turn (its per-history knowledge of the cuts must stay each history's own).
 *
 * The rounding cases were found by a search over the small random models of smallModelCase.ts (every
 * history, draws u within a few ulps of each level's and hole's boundary); each is pinned here by its
 * model and u. Every draw must give a word of the distribution, and the word the exact arithmetic puts
 * there: the one a draw an ulp or two away gives (inside the same word's interval).
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import type { InterpolatedModel } from '../../src/model/interpolated.js';
import type { SmoothingName } from '../../src/model/languageModel.js';
import { trainModel } from '../../src/model/train.js';
import type { SamplingOptions } from '../../src/sampler/sampling.js';
import { REJECTION_TRIES, SparseTransformer } from '../../src/sampler/sparseTransform.js';
import { BOS, EOS } from '../../src/vocabulary/vocabulary.js';
import { A, B, TINY, options } from '../model/fixtures.js';
import { caseModel, definedDistribution, shuffled } from './smallModelCase.js';

/** The double k steps of 2^-52-relative size away from u (k < 0: below). */
function ulps(u: number, k: number): number {
  const bits = new BigInt64Array(Float64Array.of(u).buffer);
  bits[0] = bits[0]! + BigInt(k);
  return new Float64Array(bits.buffer)[0]!;
}

/** A random source that gives `u` every time, counting its calls. */
function constant(u: number): { random: () => number; calls: () => number } {
  let calls = 0;
  return {
    random: () => {
      calls++;
      return u;
    },
    calls: () => calls,
  };
}

const PLAN_MASS = (l: number) => 2 + 5 * l + 3; // a plan's level l mass (SparsePlan's packing)

describe('drawAt gives up on a history whose truncation keeps little', () => {
  it(`after exactly REJECTION_TRIES (${REJECTION_TRIES}) dropped draws it returns -1`, () => {
    // add-k (k = 1) on TINY, order 2: after <s> a (2 + 1)/7, b (1 + 1)/7, c 1/7, </s> 1/7. Top-k 1 keeps a.
    // u = 0.99 lands in the last level (the uniform part), on c or </s>: dropped every time.
    const model = trainModel(TINY, options('add-k', 2)) as InterpolatedModel;
    const node = model.historyNode(Int32Array.of(BOS), 0, 1);
    const transformer = new SparseTransformer(model, { temperature: 1, topK: 1, topP: 1 });
    const dropped = constant(0.99);
    expect(transformer.drawAt(node, dropped.random)).toBe(-1);
    expect(dropped.calls()).toBe(REJECTION_TRIES);
    // u = 0.01 lands on a, which top-1 keeps: one draw
    const kept = constant(0.01);
    expect(transformer.drawAt(node, kept.random)).toBe(A);
    expect(kept.calls()).toBe(1);
  });
});

describe('a draw exactly on the boundary between two levels', () => {
  it('belongs to the lower level (intervals are half-open): its first word, </s>', () => {
    // Kneser-Ney on TINY, order 2, temperature 0.5 (no truncation: levels in id order). After <s>: level 0 is
    // <s>'s own continuations (a, b), level 1 the root's minus those holes (</s>, c). A draw t equal to
    // level 0's mass is the first word of level 1 (</s>, id 1); just below it, the last of level 0 (b).
    const model = trainModel(TINY, options('kneser-ney', 2)) as InterpolatedModel;
    const node = model.historyNode(Int32Array.of(BOS), 0, 1);
    const sampling = { temperature: 0.5, topK: 0, topP: 1 };
    const transformer = new SparseTransformer(model, sampling);
    const plan = transformer.plan(node);
    const total = plan[0]!;
    const first = plan[PLAN_MASS(0)]!;
    let u = first / total;
    for (let k = 0; k < 64 && u * total !== first; k++) u = ulps(first / total, u * total < first ? k + 1 : -(k + 1));
    expect(u * total).toBe(first); // a u that hits the boundary exactly
    expect(transformer.draw(plan, () => u)).toBe(EOS);
    expect(new SparseTransformer(model, sampling).drawAt(node, () => u)).toBe(EOS);
    let below = ulps(u, -1);
    while (below * total >= first) below = ulps(below, -1);
    expect(transformer.draw(plan, () => below)).toBe(B);
  });
});

/** Cases where rounding carries a draw's rank onto a hole of the level above (found by search). */
const ON_A_HOLE: Array<{ smoothing: SmoothingName; sentences: number[][]; order: number; seed: boolean; tail: number[]; temperature: number; u: number; id: number; side: 1 | -1 }> = [
  // the hole is the last one skipped (holeRank[holes - 1]); the next kept rank up
  { smoothing: 'witten-bell', sentences: [[9, 2, 6], [6], [8, 8, 6, 9, 7, 2], [5, 4, 2, 8, 3, 4, 9], [3, 2, 4, 7, 8, 2], [5, 8]], order: 2, seed: true, tail: [7], temperature: 1.5, u: 0.9042128591073626, id: 9, side: 1 },
  // the hole is the next one not skipped (holeRank[holes]); the next kept rank up
  { smoothing: 'witten-bell', sentences: [[4, 6, 4, 9, 6, 3, 2]], order: 4, seed: true, tail: [7], temperature: 1.5, u: 0.8236115165351616, id: 7, side: 1 },
  // a hole at the top of its level: no kept rank above, the last kept rank below
  { smoothing: 'kneser-ney', sentences: [[6, 8, 6, 7, 10, 6, 10]], order: 3, seed: true, tail: [7, 7, 5], temperature: 1.5, u: 0.9999999999999998, id: 9, side: -1 },
  { smoothing: 'kneser-ney', sentences: [[10, 9, 7], [5, 8, 2, 9, 7, 3], [4, 7, 5, 3, 3], [3, 8, 3, 4]], order: 3, seed: false, tail: [3], temperature: 0.7, u: 0.9511255637022636, id: 4, side: -1 },
  { smoothing: 'witten-bell', sentences: [[9, 7], [7], [3, 5, 5, 7, 3, 6, 3], [8, 6, 3], [6, 3], []], order: 2, seed: true, tail: [], temperature: 0.7, u: 0.986760241431261, id: 5, side: -1 },
];

describe('a draw that rounding lands on a hole', () => {
  it.each(ON_A_HOLE)('gives the nearest kept word of its level ($smoothing, order $order, u $u)', ({ smoothing, sentences, order, seed, tail, temperature, u, id, side }) => {
    const { model, node } = caseModel(smoothing, sentences, order, seed, tail);
    const sampling = { temperature, topK: 0, topP: 1 };
    const transformer = new SparseTransformer(model, sampling);
    const plan = transformer.plan(node);
    const at = (v: number) => transformer.draw(plan, () => v);
    expect(at(u)).toBe(id);
    // the same word as a draw two ulps further in (inside its interval)
    expect(at(ulps(u, 2 * side))).toBe(id);
    expect(new SparseTransformer(model, sampling).drawAt(node, () => u)).toBe(id);
    expect(definedDistribution(model, node, sampling).ids).toContain(id);
  });
});

describe('a draw that rounding carries past the end of the levels', () => {
  it('gives the last kept word of the last level with mass (top-k 3 and top-p 0.95: a plan)', () => {
    // Kneser-Ney, order 3, after "<s> 7 10 5": three levels, the last (the uniform part) without mass; the
    // draw u = 1 - 2^-53 minus the two masses leaves 0, not below the second level's mass: rounding ran past
    // the end, and the draw is the second level's last kept word (as one ulp lower)
    const { model, node } = caseModel('kneser-ney', [[9, 2, 5], [10, 10, 2], [10, 10, 3, 10, 2, 9, 5], [5]], 3, false, [7, 10, 5]);
    const sampling = { temperature: 0.3, topK: 3, topP: 0.95 };
    const transformer = new SparseTransformer(model, sampling);
    const plan = transformer.plan(node);
    expect(plan[1]).toBe(3);
    expect(plan[PLAN_MASS(2)]).toBe(0);
    const u = 1 - 2 ** -53;
    expect(transformer.draw(plan, () => u)).toBe(2);
    expect(transformer.draw(plan, () => ulps(u, -1))).toBe(2);
  });

  it('the same through drawAt (temperature 1.5 alone), also after a deeper history was laid out', () => {
    // Witten-Bell, order 4, after "<s> 7 6": rounding past the end again, the last level without mass
    const { model, node } = caseModel('witten-bell', [[9, 9, 5, 9], [7, 4], [4, 3], [8, 3, 4, 4, 10], [8, 10, 6], [5, 4, 9, 6, 2, 8], [10, 4, 8, 8]], 4, false, [7, 6]);
    const sampling = { temperature: 1.5, topK: 0, topP: 1 };
    const transformer = new SparseTransformer(model, sampling);
    const plan = transformer.plan(node);
    expect(plan[PLAN_MASS(plan[1]! - 1)]).toBe(0);
    const u = 1 - 2 ** -53;
    expect(transformer.draw(plan, () => u)).toBe(10);
    expect(transformer.draw(plan, () => ulps(u, -1))).toBe(10);
    expect(transformer.drawAt(node, () => u)).toBe(10);
    // a history with more levels laid out first leaves its masses past this one's depth in the scratch arrays
    const deep = model.historyNode(Int32Array.of(BOS, 8, 3, 4), 0, 4);
    expect(transformer.drawAt(deep, () => 0.5)).toBeGreaterThan(0);
    expect(transformer.drawAt(node, () => u)).toBe(10);
  });
});

describe('top-p targets met exactly', () => {
  it.each(['witten-bell', 'kneser-ney'] as SmoothingName[])('%s: a word whose preceding mass equals the target is dropped, as plan() drops it', (smoothing) => {
    // top-p keeps the shortest prefix of the ranking whose mass reaches p (less 1e-12): a word after a prefix
    // that reaches it exactly is out. For p within 40 ulps of each prefix mass (+ 1e-12) of the dense
    // distribution, some p makes the target equal the prefix's mass as the transformer sums it.
    const { model, node } = caseModel(smoothing, [[2, 3, 2, 4], [3, 2, 5, 2], [2, 6], [4, 3, 2]], 2, false, [2]);
    const dense = definedDistribution(model, node, { temperature: 0.7, topK: 0, topP: 1 });
    const masses = [...dense.probabilities].sort((a, b) => b - a);
    let prefix = 0;
    let checked = 0;
    for (const mass of masses.slice(0, -1)) {
      prefix += mass;
      for (let k = -40; k <= 40; k++) {
        const sampling = { temperature: 0.7, topK: 0, topP: ulps(prefix + 1e-12, k) };
        const transformer = new SparseTransformer(model, sampling);
        const planned = transformer.materialize(transformer.plan(node));
        expect(Array.from(transformer.materializeDirect(node).ids)).toEqual(Array.from(planned.ids));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('tempered weights that underflow to 0', () => {
  it.each(['add-k', 'witten-bell', 'kneser-ney'] as SmoothingName[])('%s: words of weight 0 are not in the distribution (plan and direct)', (smoothing) => {
    // temperature 0.0001: a word 0.9 times as probable as the most probable has weight 0.9^10000 = 0 in
    // doubles (below 2^-1074); transform.ts keeps only weights > 0, and so must the sparse transform
    const { model, node } = caseModel(smoothing, [[2, 3, 2, 4], [3, 2, 5, 2], [2, 6], [4, 3, 2], [7, 8, 9, 10]], 2, true, [2]);
    for (const sampling of [{ temperature: 0.0001, topK: 0, topP: 1 }, { temperature: 0.0001, topK: 0, topP: 0.99 }, { temperature: 0.0001, topK: 8, topP: 1 }]) {
      const expected = definedDistribution(model, node, sampling);
      expect(expected.ids.length).toBeLessThan(model.outcomes.length);
      const transformer = new SparseTransformer(model, sampling);
      expect(Array.from(transformer.materialize(transformer.plan(node)).ids)).toEqual(expected.ids);
      expect(Array.from(transformer.materializeDirect(node).ids)).toEqual(expected.ids);
    }
  });
});

describe('one transformer asked about many histories in turn', () => {
  /** 300 seeded sentences over 25 types, order 4: a few hundred histories with chains of up to 5 levels. */
  function manyHistories(smoothing: SmoothingName, vocab: 'seed' | 'observed'): InterpolatedModel {
    const random = seedrandom(`many ${smoothing}`);
    const sentences = Array.from({ length: 300 }, () => Array.from({ length: 2 + Math.floor(random() * 6) }, () => 2 + Math.floor(random() ** 2 * 25)));
    return trainModel(corpusFromSentences(sentences), { order: 4, smoothing, k: 0.2, vocab, idSpace: 30, seedTypes: Int32Array.from({ length: 28 }, (_, i) => 2 + i) }) as InterpolatedModel;
  }

  it.each([
    ['add-k', 'seed', 'deepest'],
    ['add-k', 'seed', 'root'],
    ['kneser-ney', 'observed', 'deepest'],
    ['kneser-ney', 'seed', 'root'],
  ] as Array<[SmoothingName, 'seed' | 'observed', 'deepest' | 'root']>)('%s (%s vocabulary): each history keeps its own knowledge of the cut (top-k, top-p), %s first', (smoothing, vocab, first) => {
    const model = manyHistories(smoothing, vocab);
    const histories = model.trie.levelStart[model.order]!;
    expect(histories).toBeGreaterThan(300); // more than the first knowledge pool holds (1024 slots, 10 per history)
    const unseen = model.historyNode(Int32Array.of(BOS, 29), 0, 2);
    // every history (and the unseen add-k history -1, when the model has one), deepest or root first (a
    // history prepared after the next one in node order must leave that one's slots alone)
    const nodes = [...(unseen === -1 ? [-1] : []), ...Array.from({ length: histories }, (_, x) => (first === 'root' ? x : histories - 1 - x))];
    for (const sampling of [{ temperature: 0.8, topK: 3, topP: 1 }, { temperature: 1.2, topK: 0, topP: 0.6 }] as SamplingOptions[]) {
      const transformer = new SparseTransformer(model, sampling);
      // first a few draws at each history: each learns part of its cut
      const random = seedrandom(`draws ${smoothing}`);
      for (const node of nodes) for (let i = 0; i < 2; i++) transformer.drawAt(node, random);
      // then every item of each, the later-learnt histories first: what one learns must not touch another
      for (const node of [...nodes].reverse()) {
        const expected = definedDistribution(model, node, sampling);
        expect(Array.from(transformer.materializeDirect(node, shuffled(`${node}`)).ids), `history node ${node}`).toEqual(expected.ids);
      }
    }
  });
});

describe('top-p as transform.ts defines it: the prefix reaching p - 1e-12', () => {
  it.each(['add-k', 'witten-bell', 'kneser-ney'] as SmoothingName[])('%s: p within 1e-12 above a prefix mass keeps that prefix, 2e-12 above keeps one more', (smoothing) => {
    // the dense prefix masses c_i (ranked); the sparse sums agree with them to ~1e-16, far inside 0.5e-12
    const { model, node } = caseModel(smoothing, [[2, 3, 2, 4], [3, 2, 5, 2], [2, 6], [4, 3, 2], [7, 8]], 2, true, [2]);
    const dense = definedDistribution(model, node, { temperature: 0.9, topK: 0, topP: 1 });
    // ranked by probability (equal ones, up to rounding, by id: add-k's unseen words tie)
    const ranked = dense.probabilities.map((q, i) => [q, dense.ids[i]!] as const).sort((a, b) => Number(b[0].toPrecision(12)) - Number(a[0].toPrecision(12)) || a[1] - b[1]);
    let prefix = 0;
    for (let i = 0; i + 1 < ranked.length; i++) {
      prefix += ranked[i]![0];
      if (ranked[i + 1]![0] < 1e-9) break; // the next word must be worth more than the slack
      const keep = (p: number) => {
        const transformer = new SparseTransformer(model, { temperature: 0.9, topK: 0, topP: p });
        return Array.from(transformer.materialize(transformer.plan(node)).ids);
      };
      const prefixIds = ranked.slice(0, i + 1).map(([, id]) => id).sort((a, b) => a - b);
      const oneMore = ranked.slice(0, i + 2).map(([, id]) => id).sort((a, b) => a - b);
      if (prefix + 2e-12 >= 1) break;
      expect(keep(prefix + 0.5e-12), `p = c_${i} + 0.5e-12`).toEqual(prefixIds);
      expect(keep(prefix + 2e-12), `p = c_${i} + 2e-12`).toEqual(oneMore);
    }
  });

  it('a p below 1e-12 keeps the most probable word alone', () => {
    // p - 1e-12 < 0: every prefix reaches it, the shortest non-empty one is the top word (transform.ts keeps it)
    const { model, node } = caseModel('witten-bell', [[2, 3, 2, 4], [3, 2, 5, 2], [2, 6]], 2, false, [2]);
    const sampling = { temperature: 1, topK: 0, topP: 1e-13 };
    const expected = definedDistribution(model, node, sampling);
    expect(expected.ids).toHaveLength(1);
    const transformer = new SparseTransformer(model, sampling);
    expect(Array.from(transformer.materialize(transformer.plan(node)).ids)).toEqual(expected.ids);
    expect(Array.from(transformer.materializeDirect(node).ids)).toEqual(expected.ids);
  });

  it('top-p 1 keeps words of relative mass below 1e-12 (no truncation at all)', () => {
    // Witten-Bell after "<s> 2", temperature 0.05: the words never seen after 2 weigh about (0.1)^20 of the
    // top word's, yet top-p 1 keeps the whole distribution, as transform.ts does
    const { model, node } = caseModel('witten-bell', [[2, 3, 2, 4], [3, 2, 5, 2], [2, 6], [4, 3, 2], [7, 8, 9, 10]], 2, true, [2]);
    const sampling = { temperature: 0.05, topK: 0, topP: 1 };
    const expected = definedDistribution(model, node, sampling);
    expect(expected.ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const transformer = new SparseTransformer(model, sampling);
    const planned = transformer.materialize(transformer.plan(node));
    expect(Array.from(planned.ids)).toEqual(expected.ids);
    expect(Math.min(...planned.probabilities)).toBeLessThan(1e-15);
    // temperature alone: drawAt draws it directly, with no truncation test (no rejection)
    expect(transformer.direct).toBe(true);
    expect(Array.from(transformer.materializeDirect(node).ids)).toEqual(expected.ids);
  });
});

describe('a seed vocabulary that leaves out words of the corpus', () => {
  it.each(['add-k', 'witten-bell', 'kneser-ney'] as SmoothingName[])('%s: continuations outside V are never drawn', (smoothing) => {
    // V = {</s>, 2, 3, 4}; the corpus also has 5 and 6, which follow 2 and <s> but are not outcomes
    const model = trainModel(corpusFromSentences([[2, 5, 3], [5, 2, 6], [2, 6, 4], [3, 2, 5]]), {
      order: 2,
      smoothing,
      k: 0.5,
      vocab: 'seed',
      seedTypes: Int32Array.of(2, 3, 4),
      idSpace: 7,
    }) as InterpolatedModel;
    for (const tail of [[], [2]]) {
      const node = model.historyNode(Int32Array.of(BOS, ...tail), 0, 1 + tail.length);
      for (const sampling of [{ temperature: 0.7, topK: 0, topP: 1 }, { temperature: 1, topK: 2, topP: 1 }, { temperature: 1.3, topK: 3, topP: 0.8 }]) {
        const expected = definedDistribution(model, node, sampling);
        const transformer = new SparseTransformer(model, sampling);
        const planned = transformer.materialize(transformer.plan(node));
        expect(Array.from(planned.ids)).toEqual(expected.ids);
        planned.probabilities.forEach((p, i) => expect(p).toBeCloseTo(expected.probabilities[i]!, 12));
        if (transformer.direct) expect(Array.from(transformer.materializeDirect(node).ids)).toEqual(expected.ids);
      }
    }
  });
});
