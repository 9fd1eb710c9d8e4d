/**
 * trainOnSampledPath: the MLE model of a text sampled from a table, read off the sampler's path (and
 * extra texts counted in), must be trainModel's on the text, probability for probability; it falls
 * back to counting when an extra is unknown to the table, and refuses a path or options that do not fit.
 */

import { describe, expect, it } from 'vitest';
import { concatCorpora } from '../../src/corpus/tokenCorpus.js';
import { rootView } from '../../src/counts/keptContexts.js';
import { buildTransitionTable } from '../../src/counts/transitionTable.js';
import type { LanguageModel } from '../../src/model/languageModel.js';
import type { PredictionWalker } from '../../src/metrics/perplexity.js';
import { observedTypes } from '../../src/model/mle.js';
import { trainModel, trainOnSampledPath } from '../../src/model/train.js';
import { BOS } from '../../src/vocabulary/vocabulary.js';
import { fixture } from '../helpers/corpus.js';
import { probabilitiesOneByOne } from '../helpers/oneByOne.js';
import { randomCorpus, sampleWithPath } from '../helpers/sampledPath.js';

describe('trainOnSampledPath', () => {
  it('gives the model trainModel gives on the text, probability for probability', () => {
    const corpus = randomCorpus('model', 70, 6);
    const options = { order: 3, smoothing: 'mle' as const, idSpace: 9 };
    const model0 = trainModel(corpus, options);
    const base = buildTransitionTable(corpus, 2, 9);
    const { text, path } = sampleWithPath(base, 120, 3, 'model walk');
    const fromPath = trainOnSampledPath(text, base, path, options);
    const counted = trainModel(text, options);
    const history = new Int32Array(2);
    // Every history over <s> and ids 2..8 (seen or not: the back-off too), every token.
    const items = [BOS, 2, 3, 4, 5, 6, 7, 8];
    for (const first of items) {
      for (const second of items.slice(1)) {
        history[0] = first;
        history[1] = second;
        for (let token = 1; token < 9; token++) {
          expect(fromPath.probability(history, 0, 2, token)).toBe(counted.probability(history, 0, 2, token));
        }
      }
    }
    // the support is read from each model's table: the text's observed types, both ways
    expect(Array.from(fromPath.support)).toEqual(Array.from(observedTypes(text, 9)));
    expect(Array.from(counted.support)).toEqual(Array.from(observedTypes(text, 9)));
    expect(model0.order).toBe(3);
  });

  it('counts the text the usual way when an extra is unknown to the table, with the same result', () => {
    const f = fixture(['a b c', 'b c a', 'c a b']);
    const options = { order: 3, smoothing: 'mle' as const, idSpace: f.vocabulary.size };
    const base = buildTransitionTable(f.corpus, 2, f.vocabulary.size);
    const { text, path } = sampleWithPath(base, 12, 5, 'fallback');
    const stranger = fixture(['c c c'], f.vocabulary).corpus;
    const training = concatCorpora([stranger, text]);
    const model = trainOnSampledPath(training, base, path, options, [stranger]);
    const counted = trainModel(training, options);
    const history = new Int32Array(2);
    for (const first of [BOS, f.id('a'), f.id('c')]) {
      for (const second of [f.id('a'), f.id('b'), f.id('c')]) {
        history[0] = first;
        history[1] = second;
        for (let token = 1; token < f.vocabulary.size; token++) expect(model.probability(history, 0, 2, token)).toBe(counted.probability(history, 0, 2, token));
      }
    }
    expect(() => trainOnSampledPath(training, base, path, options)).toThrow(RangeError); // the extra not named: a count mismatch
  });

  it.each([2, 3, 4])('order %i: scores a text through M0\'s table exactly as probability() does, generation after generation', (order) => {
    // Held-out text over a wider vocabulary (id 11 is never trained on): histories the models never saw,
    // so both the table's pairs and the back-off are read.
    const options = { order, smoothing: 'mle' as const, idSpace: 12 };
    let table = buildTransitionTable(randomCorpus('score', 80, 8), order - 1, 12);
    const heldout = randomCorpus('score heldout', 40, 10);
    for (let generation = 1; generation <= 3; generation++) {
      const { text, path } = sampleWithPath(table, 150, 6, `score walk ${generation}`);
      const model = trainOnSampledPath(text, table, path, options);
      expect(rootView(model.transitions.contexts).fromRoot).toBeDefined(); // a view: scored through the root
      const scored = Array.from(model.predictionProbabilities(heldout));
      expect(scored).toEqual(probabilitiesOneByOne(model, heldout));
      const counted = trainModel(text, options) as LanguageModel & PredictionWalker;
      expect(scored).toEqual(Array.from(counted.predictionProbabilities(heldout))); // the walk of a counted table
      expect(Array.from(model.predictionProbabilities(heldout))).toEqual(scored); // the histories' places, known now
      expect(scored.some((p) => p === 0)).toBe(true);
      expect(scored.some((p) => p > 0 && p < 1)).toBe(true);
      table = model.transitions;
    }
  });

  it('refuses a path of another length, or options that are not MLE of the table order', () => {
    const corpus = randomCorpus('refuse', 20, 5);
    const base = buildTransitionTable(corpus, 2, 8);
    const { text, path } = sampleWithPath(base, 30, 5, 'refuse walk');
    expect(() => trainOnSampledPath(text, base, path.subarray(1), { order: 3, smoothing: 'mle', idSpace: 8 })).toThrow(RangeError);
    expect(() => trainOnSampledPath(text, base, path, { order: 2, smoothing: 'mle', idSpace: 8 })).toThrow(RangeError);
    expect(() => trainOnSampledPath(text, base, path, { order: 3, smoothing: 'add-k', idSpace: 8 })).toThrow(RangeError);
  });
});
