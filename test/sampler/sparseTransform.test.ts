/**
 * The sparse transform must give exactly the distribution that `transformDistribution` gives on the
 * dense next-token distribution, for every smoothing, history, temperature, top-k and top-p.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { trainAddK } from '../../src/model/addK.js';
import type { InterpolatedModel } from '../../src/model/interpolated.js';
import { trainKneserNey } from '../../src/model/kneserNey.js';
import type { ModelOptions, Trainer } from '../../src/model/languageModel.js';
import { trainWittenBell } from '../../src/model/wittenBell.js';
import { transformDistribution } from '../../src/sampler/smoothedSampler.js';
import { SparseTransformer } from '../../src/sampler/sparseTransform.js';

const ID_SPACE = 12;
const TRAINERS: Array<[string, Trainer]> = [
  ['add-k', trainAddK],
  ['witten-bell', trainWittenBell],
  ['kneser-ney', trainKneserNey],
];

describe.each(TRAINERS)('%s sparse transform', (name, train) => {
  it('equals the dense transform', () => {
    const sentence = fc.array(fc.integer({ min: 2, max: 10 }), { minLength: 0, maxLength: 7 });
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        fc.array(fc.integer({ min: 2, max: 11 }), { minLength: 0, maxLength: 4 }),
        fc.constantFrom(0.3, 0.7, 1, 1.5),
        fc.constantFrom(0, 1, 2, 3, 20),
        fc.constantFrom(1, 0.95, 0.6, 0.2),
        (sentences, order, seed, tail, temperature, topK, topP) => {
          const options: ModelOptions = {
            order,
            smoothing: name as ModelOptions['smoothing'],
            k: 0.1,
            vocab: seed ? 'seed' : 'observed',
            idSpace: ID_SPACE,
            seedTypes: Int32Array.from([2, 3, 4, 5, 6, 7, 8, 9, 10]),
          };
          const model = train(corpusFromSentences(sentences), options) as InterpolatedModel;
          const sampling = { temperature, topK, topP };
          const history = Int32Array.from([0, ...tail]);
          const node = model.historyNode(history, 0, history.length);
          const dense = new Float64Array(ID_SPACE);
          model.fillDistribution(node, dense);
          const expected = transformDistribution(model.outcomes, Float64Array.from(model.outcomes, (id) => dense[id]!), sampling);
          const transformer = new SparseTransformer(model, sampling);
          const actual = transformer.materialize(transformer.plan(node));
          expect(Array.from(actual.ids)).toEqual(Array.from(expected.ids));
          const expectedProbabilities = Array.from(expected.cumulative, (c, i) => c - (i > 0 ? expected.cumulative[i - 1]! : 0));
          actual.probabilities.forEach((p, i) => expect(p).toBeCloseTo(expectedProbabilities[i]!, 10));
        },
      ),
      { numRuns: 400, seed: 99 },
    );
  });
});
