/**
 * The law every smoothed model obeys: for every history, seen or not, P(. | history) sums to 1 over
 * the whole id space (support plus </s>; <s> and unknown ids get 0), within 1e-9.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { trainAddK } from '../../src/model/addK.js';
import { InterpolatedModel } from '../../src/model/interpolated.js';
import { trainKneserNey } from '../../src/model/kneserNey.js';
import type { ModelOptions, Trainer } from '../../src/model/languageModel.js';
import { trainWittenBell } from '../../src/model/wittenBell.js';

const ID_SPACE = 9; // <s>, </s>, tokens 2..7, and 8 never in any corpus
const TRAINERS: Array<[string, Trainer]> = [
  ['add-k', trainAddK],
  ['witten-bell', trainWittenBell],
  ['kneser-ney', trainKneserNey],
];

const sentence = fc.array(fc.integer({ min: 2, max: 7 }), { minLength: 0, maxLength: 7 });
const corpus = fc.array(sentence, { minLength: 1, maxLength: 10 });
const historyTail = fc.array(fc.integer({ min: 2, max: 8 }), { minLength: 0, maxLength: 5 });

describe.each(TRAINERS)('%s distributions', (name, train) => {
  it('sum to 1 for every history, seen or unseen, any order and vocabulary mode', () => {
    fc.assert(
      fc.property(
        corpus,
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        fc.double({ min: 0.001, max: 3, noNaN: true }),
        fc.array(historyTail, { minLength: 1, maxLength: 4 }),
        (sentences, order, seed, k, tails) => {
          const options: ModelOptions = {
            order,
            smoothing: name as ModelOptions['smoothing'],
            k,
            vocab: seed ? 'seed' : 'observed',
            idSpace: ID_SPACE,
            seedTypes: Int32Array.from([2, 3, 4, 5, 6, 7]),
          };
          const model = train(corpusFromSentences(sentences), options);
          const dense = new Float64Array(ID_SPACE);
          for (const tail of tails) {
            const history = Int32Array.from([0, ...tail]);
            let sum = 0;
            for (let w = 0; w < ID_SPACE; w++) {
              const p = model.probability(history, 0, history.length, w);
              expect(p).toBeGreaterThanOrEqual(0);
              sum += p;
            }
            expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
            expect(model.probability(history, 0, history.length, 0)).toBe(0);
            // the dense distribution used for truncated sampling agrees with probability()
            const m = model as InterpolatedModel;
            m.fillDistribution(m.historyNode(history, 0, history.length), dense);
            for (let w = 0; w < ID_SPACE; w++) {
              expect(dense[w]).toBeCloseTo(model.probability(history, 0, history.length, w), 12);
            }
          }
          if (seed) for (let w = 2; w <= 7; w++) expect(model.probability(Int32Array.from([0]), 0, 1, w)).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200, seed: 20240601 },
    );
  });
});
