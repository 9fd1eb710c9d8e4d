/**
 * SparseTransformer.drawAt: temperature alone, or one truncation alone (top-k or top-p) by rejection,
 * with no plan. Its distribution must be exactly the one `transformDistribution` gives on the dense
 * next-token distribution (the README's definition), whatever the per-history knowledge of the cut has
 * learnt before; and its fallback (after REJECTION_TRIES dropped draws the sampler draws from `plan`)
 * must leave each token's distribution exact.
 */
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import type { InterpolatedModel } from '../../src/model/interpolated.js';
import type { SmoothingName } from '../../src/model/languageModel.js';
import { trainModel } from '../../src/model/train.js';
import { samplerFor } from '../../src/sampler/samplerFor.js';
import { SparseTransformer } from '../../src/sampler/sparseTransform.js';
import { BOS } from '../../src/vocabulary/vocabulary.js';
import { fits } from '../helpers/chiSquare.js';
import { caseModel, definedDistribution, MODEL_CASE, shuffled } from './smallModelCase.js';

const SMOOTHINGS: SmoothingName[] = ['add-k', 'witten-bell', 'kneser-ney'];

/** One of the transforms drawAt draws directly: temperature with at most one truncation. */
const directSampling = fc.record({
  temperature: fc.constantFrom(0.3, 0.7, 1, 1.5),
  truncation: fc.constantFrom<[number, number]>([0, 1], [1, 1], [2, 1], [3, 1], [20, 1], [0, 0.95], [0, 0.6], [0, 0.2]),
});

describe.each(SMOOTHINGS)('%s direct draws', (smoothing) => {
  it('keep exactly the dense transform, whatever order the items are asked in', () => {
    fc.assert(
      fc.property(
        ...MODEL_CASE,
        directSampling,
        fc.integer(),
        (sentences, order, seed, tail, { temperature, truncation: [topK, topP] }, shuffleSeed) => {
          const { model, node } = caseModel(smoothing, sentences, order, seed, tail);
          const sampling = { temperature, topK, topP };
          const expected = definedDistribution(model, node, sampling);
          const transformer = new SparseTransformer(model, sampling);
          expect(transformer.direct).toBe(true);
          const inOrder = transformer.materializeDirect(node);
          expect(Array.from(inOrder.ids)).toEqual(expected.ids);
          inOrder.probabilities.forEach((p, i) => expect(p).toBeCloseTo(expected.probabilities[i]!, 10));
          // a fresh transformer asked in another order, then the first one again (its knowledge now full)
          const reordered = new SparseTransformer(model, sampling).materializeDirect(node, shuffled(String(shuffleSeed)));
          expect(Array.from(reordered.ids)).toEqual(expected.ids);
          expect(Array.from(transformer.materializeDirect(node, shuffled(`again ${shuffleSeed}`)).ids)).toEqual(expected.ids);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});

/** 3,000 seeded sentences over 600 ids drawn Zipf-like: histories whose distribution spans every level. */
function zipfModel(smoothing: SmoothingName): InterpolatedModel {
  const random = seedrandom('direct zipf');
  const types = 600;
  const weights = Array.from({ length: types }, (_, r) => (r + 1) ** -1.1);
  const total = weights.reduce((a, b) => a + b, 0);
  const draw = () => {
    let u = random() * total;
    let r = 0;
    while (r < types - 1 && u >= weights[r]!) u -= weights[r++]!;
    return 2 + r;
  };
  const sentences = Array.from({ length: 3000 }, () => Array.from({ length: 3 + Math.floor(random() * 10) }, draw));
  const corpus = corpusFromSentences(sentences);
  return trainModel(corpus, { order: 3, smoothing, k: 0.05, idSpace: types + 2 }) as InterpolatedModel;
}

/** The two-word histories of the first sentences of the model's corpus, plus `<s>`. */
function someHistories(model: InterpolatedModel): number[] {
  const nodes = [model.historyNode(Int32Array.of(BOS), 0, 1)];
  for (const [a, b] of [[2, 3], [3, 2], [2, 2], [4, 5], [9, 2], [30, 40]]) nodes.push(model.historyNode(Int32Array.of(BOS, a!, b!), 0, 3));
  return nodes;
}

/** Bins of about equal expected mass, in the order of `expected` (at most 10, as fits() has critical values for). */
function binned(counts: Map<number, number>, expected: { ids: number[]; probabilities: number[] }, bins: number): [number[], number[]] {
  const order = expected.ids.map((_, i) => i).sort((a, b) => expected.probabilities[b]! - expected.probabilities[a]!);
  const observed = new Array<number>(bins).fill(0);
  const probabilities = new Array<number>(bins).fill(0);
  let mass = 0;
  for (const i of order) {
    const bin = Math.min(bins - 1, Math.floor(mass * bins));
    observed[bin] = observed[bin]! + (counts.get(expected.ids[i]!) ?? 0);
    probabilities[bin] = probabilities[bin]! + expected.probabilities[i]!;
    mass += expected.probabilities[i]!;
  }
  const outside = [...counts.keys()].filter((id) => !expected.ids.includes(id)).length;
  if (outside > 0) return [[...observed, outside], [...probabilities, 1e-12]];
  return [observed.filter((_, b) => probabilities[b]! > 0), probabilities.filter((p) => p > 0)];
}

describe.each(SMOOTHINGS)('%s direct draws on a 600-type model', (smoothing) => {
  const model = zipfModel(smoothing);

  it.each([
    [1, 0, 0.9],
    [0.8, 50, 1],
    [1.4, 0, 0.5],
  ])('keep the set plan() keeps (T %s, k %s, p %s)', (temperature, topK, topP) => {
    const sampling = { temperature: temperature!, topK: topK!, topP: topP! };
    const transformer = new SparseTransformer(model, sampling);
    for (const node of someHistories(model)) {
      const planned = transformer.materialize(transformer.plan(node));
      const direct = transformer.materializeDirect(node, shuffled(`order ${node}`));
      expect(Array.from(direct.ids)).toEqual(Array.from(planned.ids));
      direct.probabilities.forEach((p, i) => expect(p).toBeCloseTo(planned.probabilities[i]!, 12));
    }
  });

  it.each([
    [1, 0, 0.9],
    [1, 50, 1],
  ])('draw, with the fallback to the plan, from the defined distribution (T %s, k %s, p %s)', (temperature, topK, topP) => {
    const sampling = { temperature: temperature!, topK: topK!, topP: topP! };
    const node = model.historyNode(Int32Array.of(BOS, 2, 3), 0, 3);
    const transformer = new SparseTransformer(model, sampling);
    const plan = transformer.plan(node);
    const random = seedrandom(`hybrid ${smoothing} ${topK} ${topP}`);
    const counts = new Map<number, number>();
    let fallbacks = 0;
    const draws = 40_000;
    for (let i = 0; i < draws; i++) {
      // as the sampler does with no cached plan: drawAt, and the plan when drawAt gives up
      let id = transformer.drawAt(node, random);
      if (id < 0) {
        fallbacks++;
        id = transformer.draw(plan, random);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const [observed, probabilities] = binned(counts, definedDistribution(model, node, sampling), 8);
    expect(fits(observed, probabilities)).toBe(true);
    // the test has power: the same draws against the untruncated distribution fail
    const [against, untruncated] = binned(counts, definedDistribution(model, node, { temperature: temperature!, topK: 0, topP: 1 }), 8);
    expect(fits(against, untruncated)).toBe(false);
    if (topP < 1) expect(fallbacks).toBeLessThan(draws * 0.001); // top-p 0.9 keeps >= 90%: 4 drops in a row are rare
    else if (smoothing === 'add-k') expect(fallbacks).toBeGreaterThan(0); // a flat add-k distribution: top-50 keeps little
  });
});

describe.each(SMOOTHINGS)('%s samplers made anew', (smoothing) => {
  const model = zipfModel(smoothing);

  // top-k 50 on a flat add-k distribution leaves many histories to their plans after REJECTION_TRIES
  // dropped draws: which histories have plans decides how many numbers a token takes, and two new
  // samplers plan the same histories at the same draws
  it.each([
    [1, 50, 1],
    [0.8, 5, 1],
    [1, 0, 0.5],
    [0.7, 0, 1],
    [1, 20, 0.8],
  ])('draw the same sentences for the same seed (T %s, k %s, p %s)', (temperature, topK, topP) => {
    const sampling = { temperature: temperature!, topK: topK!, topP: topP! };
    const sentencesOf = (sampler: ReturnType<typeof samplerFor>, seed: string): string => {
      const random = seedrandom(seed);
      const out = new Int32Array(40);
      const drawn: string[] = [];
      for (let i = 0; i < 300; i++) drawn.push(Array.from(out.subarray(0, sampler.sample(random, 40, out, 0))).join(' '));
      return drawn.join('\n');
    };
    const first = sentencesOf(samplerFor(model, sampling), 'made anew');
    expect(sentencesOf(samplerFor(model, sampling), 'made anew')).toBe(first);
    // (and the seed matters: another one draws other sentences)
    expect(sentencesOf(samplerFor(model, sampling), 'another seed')).not.toBe(first);
  });
});
