/**
 * The estimator loop (src/model/estimator.ts) on the one case the smoothing files do not reach: a history
 * with no continuation at all has denominator 0 and passes all of its mass on (gamma = 1).
 */
import { describe, expect, it } from 'vitest';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { trainAddK } from '../../src/model/addK.js';
import { trainKneserNey } from '../../src/model/kneserNey.js';
import type { Trainer } from '../../src/model/languageModel.js';
import { trainWittenBell } from '../../src/model/wittenBell.js';
import { history, options } from './fixtures.js';

const TRAINERS: Array<[string, Trainer]> = [
  ['add-k', trainAddK],
  ['witten-bell', trainWittenBell],
  ['kneser-ney', trainKneserNey],
];

describe.each(TRAINERS)('%s on an empty training text', (name, train) => {
  it('gives the uniform distribution over the seed vocabulary and </s>', () => {
    // no sentence: the root has no children, so total = distinct = 0 (and nothing is discounted);
    // V = seed types 2, 3, 4 plus </s>: every outcome 1/4, <s> 0
    const model = train(corpusFromSentences([]), options(name as never, 2, { vocab: 'seed', seedTypes: Int32Array.of(2, 3, 4) }));
    expect([0, 1, 2, 3, 4].map((w) => model.probability(history(0), 0, 1, w))).toEqual([0, 0.25, 0.25, 0.25, 0.25]);
    expect(model.probability(history(0, 3), 0, 2, 1)).toBe(0.25);
  });
});
