import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trainMle, observedTypes, type MleModel } from '../../src/model/mle.js';
import { randomCorpus } from '../helpers/sampledPath.js';
import type { LanguageModel } from '../../src/model/languageModel.js';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { BOS, EOS } from '../../src/vocabulary/vocabulary.js';
import { fixture } from '../helpers/corpus.js';

function mle(sentences: string[], order: number) {
  const f = fixture(sentences);
  const model = trainMle(f.corpus, { order, smoothing: 'mle', k: 0.01, vocab: 'observed', idSpace: f.vocabulary.size });
  const p = (history: string[], token: string): number => {
    const ids = Int32Array.from([BOS, ...history.map(f.id)]);
    return model.probability(ids, 0, ids.length, token === '</s>' ? EOS : f.id(token));
  };
  return { f, model, p };
}

/** Sum of P(w | history) over every id of the model's id space. */
function total(model: LanguageModel, history: Int32Array): number {
  let sum = 0;
  for (let w = 1; w < model.idSpace; w++) sum += model.probability(history, 0, history.length, w);
  return sum;
}

describe('MLE model', () => {
  // "a b a", "a c": bigram counts <s>a:2, ab:1, ba:1, a</s>:1, ac:1, c</s>:1; c(a)=3.
  it('gives count ratios for order 2 (hand-counted)', () => {
    const { p } = mle(['a b a', 'a c'], 2);
    expect(p([], 'a')).toBe(1); // <s> -> a both times
    expect(p(['a'], 'b')).toBeCloseTo(1 / 3, 15);
    expect(p(['a'], 'c')).toBeCloseTo(1 / 3, 15);
    expect(p(['a'], '</s>')).toBeCloseTo(1 / 3, 15);
    expect(p(['a', 'b'], 'a')).toBe(1);
  });

  it('order 1 predicts tokens and </s> by unigram counts, <s> never', () => {
    // tokens a b a a c (5) plus two </s>: P(a) = 3/7, P(</s>) = 2/7.
    const { p, model } = mle(['a b a', 'a c'], 1);
    expect(p([], 'a')).toBeCloseTo(3 / 7, 15);
    expect(p(['c', 'c'], '</s>')).toBeCloseTo(2 / 7, 15);
    expect(model.probability(Int32Array.from([BOS]), 0, 1, BOS)).toBe(0);
  });

  it('gives an unseen token probability 0 (what is lost stays lost)', () => {
    const { f, model } = mle(['a b', 'b a'], 2);
    const unseen = f.vocabulary.intern('z');
    expect(model.probability(Int32Array.from([BOS, f.id('a')]), 0, 2, unseen)).toBe(0);
  });

  it('backs off to the longest seen suffix for an unseen history', () => {
    // order 3; history "b b" never occurs, so P(. | b b) = P(. | b): after b: a once, </s> once.
    const { p } = mle(['a b', 'b a'], 3);
    expect(p(['b', 'b'], 'a')).toBeCloseTo(0.5, 15);
    expect(p(['b', 'b'], '</s>')).toBeCloseTo(0.5, 15);
  });

  it('lists the observed types as its support', () => {
    const f = fixture(['x y', 'y z']);
    expect(Array.from(observedTypes(f.corpus, f.vocabulary.size))).toEqual(['x', 'y', 'z'].map(f.id));
    // ids 5..7 of a wider id space never occur: not in the support
    const model = trainMle(corpusFromSentences([[2, 3], [2, 4]]), { order: 2, smoothing: 'mle', k: 1, vocab: 'observed', idSpace: 8 });
    expect(Array.from(model.support)).toEqual([2, 3, 4]);
  });

  it('reads its support from its table: the observed types of its corpus, at every order', () => {
    // random texts over ids 2..7 of an id space of 12 (8..11 never occur), sentences of 0 to 7 tokens (randomCorpus)
    for (let trial = 0; trial < 20; trial++) {
      const corpus = randomCorpus(`support ${trial}`, 1 + (trial % 7), 6);
      for (let order = 1; order <= 4; order++) {
        const model = trainMle(corpus, { order, smoothing: 'mle', k: 1, vocab: 'observed', idSpace: 12 });
        expect(Array.from(model.support)).toEqual(Array.from(observedTypes(corpus, 12)));
      }
    }
  });

  it('reports its smoothing and no discount fallback', () => {
    const { model } = mle(['a b'], 2);
    expect(model.smoothing).toBe('mle');
    expect(model.discountFallback).toBe(false);
  });

  it('exposes the order-n transition table the table sampler walks', () => {
    // "a b a", "a c" at order 2: histories <s> (2 predictions), a (3), b (1), c (1); 7 predictions in all
    const { f, model } = mle(['a b a', 'a c'], 2);
    const table = (model as MleModel).transitions;
    expect(Array.from(table.contextTotal).sort()).toEqual([1, 1, 2, 3]);
    expect(Array.from(table.edgeCount).reduce((a, b) => a + b, 0)).toBe(7);
    // the edges after <s>: a, twice
    const start = table.startContext;
    expect(Array.from(table.edgeToken.subarray(table.edgeStart[start], table.edgeStart[start + 1]))).toEqual([f.id('a')]);
  });

  it('trained on no sentence, ends every sentence at once: P(</s>) = 1 for every history, in probability and in scoring', () => {
    const text = corpusFromSentences([[2, 3], [3]]); // predictions: 2, 3, </s>, 3, </s>
    for (const order of [1, 2, 3, 4]) {
      const model = trainMle(corpusFromSentences([]), { order, smoothing: 'mle', k: 1, vocab: 'observed', idSpace: 5 });
      const history = Int32Array.from([BOS, 2, 3]);
      expect([EOS, 2, 3, 4].map((token) => model.probability(history, 0, history.length, token))).toEqual([1, 0, 0, 0]);
      expect(Array.from((model as MleModel).predictionProbabilities(text))).toEqual([0, 0, 1, 0, 1]);
    }
  });

  it('has distributions that sum to 1 for every history, seen or not (property)', () => {
    const sentence = fc.array(fc.integer({ min: 2, max: 7 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(
        // (no sentence at all included: a model trained on nothing gave every item 0: audit)
        fc.array(sentence, { minLength: 0, maxLength: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.integer({ min: 2, max: 7 }), { maxLength: 4 }),
        (sentences, order, history) => {
          const model = trainMle(corpusFromSentences(sentences), { order, smoothing: 'mle', k: 1, vocab: 'observed', idSpace: 8 });
          const ids = Int32Array.from([BOS, ...history]);
          expect(Math.abs(total(model, ids) - 1)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});
