/**
 * MleModel.flooredLog2Sum: a text given as its own table (a view of the model's hash table: a text
 * read off a sample path, or the model's own table for its training text) is scored pair by pair,
 * to the value the text-order scoring gives (up to float rounding: the sum runs by edges), and any
 * table it cannot read is refused (undefined), so flooredPerplexity scores the text itself.
 */

import { describe, expect, it } from 'vitest';
import { buildTransitionTable } from '../../src/counts/transitionTable.js';
import { flooredPerplexity, PERPLEXITY_EPSILON } from '../../src/metrics/perplexity.js';
import { seedFloor } from '../../src/model/probabilityFloor.js';
import { MleModel } from '../../src/model/mle.js';
import { trainModel, trainOnSampledPath } from '../../src/model/train.js';
import { fixture } from '../helpers/corpus.js';
import { randomCorpus, sampleWithPath } from '../helpers/sampledPath.js';

const ID_SPACE = 12;

function mle(corpus: Parameters<typeof trainModel>[0], order: number): MleModel {
  const model = trainModel(corpus, { order, smoothing: 'mle', idSpace: ID_SPACE });
  if (!(model instanceof MleModel)) throw new Error('an MLE model was expected');
  return model;
}

describe('MleModel.flooredLog2Sum', () => {
  it('sums count x log2(keep p + floor) over the edges of the model\'s own table (hand count)', () => {
    // H = "a b", "a c", order 2. Edges: <s> -> a (2 of 2), a -> b (1 of 2), a -> c (1 of 2),
    // b -> </s> (1 of 1), c -> </s> (1 of 1): 6 predictions.
    // keep 1, floor 0: 2 log2(1) + log2(1/2) + log2(1/2) + log2(1) + log2(1) = -2.
    const f = fixture(['a b', 'a c']);
    const model = trainModel(f.corpus, { order: 2, smoothing: 'mle', idSpace: f.vocabulary.size }) as MleModel;
    expect(model.flooredLog2Sum(model.transitions, { keep: 1, floor: 0 })).toEqual({ log2Sum: -2, predictions: 6 });
    // keep 0.5, floor 0.25: p' = 0.5 * 1 + 0.25 = 0.75 for p = 1 (four predictions: <s> -> a twice,
    // b -> </s>, c -> </s>) and 0.5 * 0.5 + 0.25 = 0.5 for p = 1/2 (two): 4 log2(0.75) + 2 log2(0.5).
    const floored = model.flooredLog2Sum(model.transitions, { keep: 0.5, floor: 0.25 })!;
    expect(floored.predictions).toBe(6);
    expect(floored.log2Sum).toBeCloseTo(4 * Math.log2(0.75) - 2, 14);
  });

  it('gives a cut sentence\'s `</s>` after a history that never ended a sentence p = 0 (hand count)', () => {
    // H = "a b", order 2: every sentence starts <s> a. Cut at one token, each sampled sentence is "a"
    // and reads `</s>` after a, which H never saw: p(a | <s>) = 1, p(</s> | a) = 0.
    // keep 0.5, floor 0.25 over 3 sentences: 3 log2(0.75) + 3 log2(0.25) = 3 log2(0.75) - 6.
    const f = fixture(['a b']);
    const options = { order: 2, smoothing: 'mle' as const, idSpace: f.vocabulary.size };
    const model0 = trainModel(f.corpus, options) as MleModel;
    const { text, path } = sampleWithPath(model0.transitions, 3, 1, 'cut');
    expect(Array.from(text.ids)).toEqual([f.id('a'), f.id('a'), f.id('a')]);
    const table = trainOnSampledPath(text, model0.transitions, path, options).transitions;
    const read = model0.flooredLog2Sum(table, { keep: 0.5, floor: 0.25 })!;
    expect(read.predictions).toBe(6);
    expect(read.log2Sum).toBeCloseTo(3 * Math.log2(0.75) - 6, 14);
  });

  for (const order of [1, 2, 3, 4]) {
    it(`order ${order}: a text read off a sample path scores as walking the text through the model does`, () => {
      const human = randomCorpus(`table score ${order}`, 90, 9);
      const model0 = mle(human, order);
      const seedTypes = 9;
      // maxLength 4 cuts sentences: their `</s>` follows a history that may never have seen it (p = 0).
      for (const maxLength of [4, 20]) {
        const { text, path } = sampleWithPath(model0.transitions, 300, maxLength, `table walk ${order} ${maxLength}`);
        const table = trainOnSampledPath(text, model0.transitions, path, { order, smoothing: 'mle', idSpace: ID_SPACE }).transitions;
        const read = model0.flooredLog2Sum(table, seedFloor(seedTypes, PERPLEXITY_EPSILON));
        expect(read).toBeDefined(); // the fast path was taken
        expect(read!.predictions).toBe(text.ids.length + text.offsets.length - 1);
        const walked = flooredPerplexity(model0, text, seedTypes)!;
        expect(flooredPerplexity(model0, text, seedTypes, table)).toBeCloseTo(walked, 10);
        expect(Math.pow(2, -read!.log2Sum / read!.predictions)).toBeCloseTo(walked, 10);
      }
    });
  }

  it('scores its own training text from its own table, as walking it does', () => {
    for (const order of [1, 2, 4]) {
      const human = randomCorpus(`own table ${order}`, 60, 8);
      const model0 = mle(human, order);
      expect(flooredPerplexity(model0, human, 8, model0.transitions)).toBeCloseTo(flooredPerplexity(model0, human, 8)!, 10);
      expect(model0.flooredLog2Sum(model0.transitions, { keep: 1, floor: 0 })).toBeDefined();
    }
  });

  it('refuses a table of another hash table or another order, and flooredPerplexity then scores the text itself', () => {
    const human = randomCorpus('refused', 60, 8);
    const model0 = mle(human, 3);
    const { text, path } = sampleWithPath(model0.transitions, 200, 20, 'refused walk');
    // The text counted on its own: the same pairs, but a hash table of its own.
    const counted = buildTransitionTable(text, 2, ID_SPACE);
    expect(model0.flooredLog2Sum(counted, { keep: 1, floor: 0 })).toBeUndefined();
    expect(flooredPerplexity(model0, text, 8, counted)).toBe(flooredPerplexity(model0, text, 8));
    // Another order's table (the text's bigram table).
    expect(model0.flooredLog2Sum(buildTransitionTable(text, 1, ID_SPACE), { keep: 1, floor: 0 })).toBeUndefined();
    // A view of another model's hash table: M0 trained again on the same H is another table.
    const again = mle(human, 3);
    const view = trainOnSampledPath(text, model0.transitions, path, { order: 3, smoothing: 'mle', idSpace: ID_SPACE }).transitions;
    expect(again.flooredLog2Sum(view, { keep: 1, floor: 0 })).toBeUndefined();
    expect(model0.flooredLog2Sum(view, { keep: 1, floor: 0 })).toBeDefined();
  });
});
