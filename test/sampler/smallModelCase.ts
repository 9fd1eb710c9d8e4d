/**
 * Small random interpolated models for the sparse-transform property tests (sparseTransform.test.ts,
 * directDraw.test.ts): the arbitraries of a case (sentences over ids 2..10, an order 1..4, seed or
 * observed vocabulary, a history tail), the model and history node they give, and the README's
 * transformed distribution at that node computed densely (transformDistribution), to compare with;
 * and `shuffled`, a seeded reorder for materializeDirect.
 */
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import type { InterpolatedModel } from '../../src/model/interpolated.js';
import type { SmoothingName } from '../../src/model/languageModel.js';
import { trainModel } from '../../src/model/train.js';
import type { SamplingOptions } from '../../src/sampler/sampling.js';
import { transformDistribution } from './truncatedDistribution.js';
import { BOS } from '../../src/vocabulary/vocabulary.js';

export const ID_SPACE = 12;

const sentence = fc.array(fc.integer({ min: 2, max: 10 }), { minLength: 0, maxLength: 7 });

/** sentences, order, seed vocabulary or not, history tail: spread them first into fc.property. */
export const MODEL_CASE = [
  fc.array(sentence, { minLength: 1, maxLength: 10 }),
  fc.integer({ min: 1, max: 4 }),
  fc.boolean(),
  fc.array(fc.integer({ min: 2, max: 11 }), { minLength: 0, maxLength: 4 }),
] as const;

/** The model of a case and the node of the history `<s> tail`. */
export function caseModel(smoothing: SmoothingName, sentences: number[][], order: number, seed: boolean, tail: number[]): { model: InterpolatedModel; node: number } {
  const model = trainModel(corpusFromSentences(sentences), {
    order,
    smoothing,
    k: 0.1,
    vocab: seed ? 'seed' : 'observed',
    idSpace: ID_SPACE,
    seedTypes: Int32Array.from([2, 3, 4, 5, 6, 7, 8, 9, 10]),
  }) as InterpolatedModel;
  const history = Int32Array.from([BOS, ...tail]);
  return { model, node: model.historyNode(history, 0, history.length) };
}

/** The README's distribution at a history node: ids ascending, probabilities. */
export function definedDistribution(model: InterpolatedModel, node: number, sampling: SamplingOptions): { ids: number[]; probabilities: number[] } {
  const dense = new Float64Array(model.idSpace);
  model.fillDistribution(node, dense);
  const d = transformDistribution(model.outcomes, Float64Array.from(model.outcomes, (id) => dense[id]!), sampling);
  return { ids: Array.from(d.ids), probabilities: Array.from(d.cumulative, (c, i) => c - (i > 0 ? d.cumulative[i - 1]! : 0)) };
}

/** A `materializeDirect` reorder: the items in a seeded random order (Fisher–Yates). */
export function shuffled(seed: string): (items: Array<[number, number]>) => void {
  const random = seedrandom(seed);
  return (items) => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
  };
}
