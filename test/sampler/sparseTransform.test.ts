/**
 * The sparse transform must give exactly the distribution that `transformDistribution` gives on the
 * dense next-token distribution, for every smoothing, history, temperature, top-k and top-p.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SmoothingName } from '../../src/model/languageModel.js';
import { SparseTransformer } from '../../src/sampler/sparseTransform.js';
import { caseModel, definedDistribution, MODEL_CASE } from './smallModelCase.js';

const SMOOTHINGS: SmoothingName[] = ['add-k', 'witten-bell', 'kneser-ney'];

describe.each(SMOOTHINGS)('%s sparse transform', (name) => {
  it('equals the dense transform', () => {
    fc.assert(
      fc.property(
        ...MODEL_CASE,
        fc.constantFrom(0.3, 0.7, 1, 1.5),
        fc.constantFrom(0, 1, 2, 3, 20),
        fc.constantFrom(1, 0.95, 0.6, 0.2),
        (sentences, order, seed, tail, temperature, topK, topP) => {
          const { model, node } = caseModel(name, sentences, order, seed, tail);
          const sampling = { temperature, topK, topP };
          const expected = definedDistribution(model, node, sampling);
          const transformer = new SparseTransformer(model, sampling);
          const actual = transformer.materialize(transformer.plan(node));
          expect(Array.from(actual.ids)).toEqual(expected.ids);
          actual.probabilities.forEach((p, i) => expect(p).toBeCloseTo(expected.probabilities[i]!, 10));
        },
      ),
      { numRuns: 400, seed: 99 },
    );
  });
});
