import { describe, expect, it } from 'vitest';
import { trainMle } from '../../src/model/mle.js';
import { flooredPerplexity, type PredictionWalker } from '../../src/metrics/perplexity.js';
import { probabilitiesOneByOne as oneByOne } from '../helpers/oneByOne.js';
import { randomCorpus } from '../speedHelpers.js';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import type { LanguageModel } from '../../src/model/languageModel.js';

describe('MLE whole-text scoring', () => {
  for (const order of [1, 2, 3, 4]) {
    it(`order ${order}: predictionProbabilities equals probability() call by call, unseen histories included`, () => {
      const training = randomCorpus(`train${order}`, 600, 40);
      // Scored on other text from a wider vocabulary: unseen tokens and histories, so back-off is used.
      const text = randomCorpus(`text${order}`, 300, 60);
      const model = trainMle(training, { order, smoothing: 'mle', k: 1, vocab: 'observed', idSpace: 62 });
      const walked = Array.from((model as LanguageModel & PredictionWalker).predictionProbabilities(text));
      expect(walked).toEqual(oneByOne(model, text));
      expect(walked.length).toBe(text.ids.length + text.offsets.length - 1);
    });
  }

  it('scores a text of fewer sentences than lanes; after an empty training text, 1 for each </s> and 0 elsewhere', () => {
    // "a b a", "a c" at order 2, scored on "a c", "b", "c a b": P(a|<s>) = 1, P(c|a) = 1/3, P(</s>|c) = 1;
    // P(b|<s>) = 0; P(</s>|b) = 0; P(c|<s>) = 0, P(a|c) = 0, P(b|a) = 1/3, P(</s>|b) = 0
    const [a, b, c] = [2, 3, 4];
    const model = trainMle(corpusFromSentences([[a, b, a], [a, c]]), { order: 2, smoothing: 'mle', k: 1, vocab: 'observed', idSpace: 5 });
    const text = corpusFromSentences([[a, c], [b], [c, a, b]]);
    const walked = Array.from((model as LanguageModel & PredictionWalker).predictionProbabilities(text));
    expect(walked).toEqual([1, 1 / 3, 1, 0, 0, 0, 0, 1 / 3, 0]);
    expect(walked).toEqual(oneByOne(model, text));
    for (const order of [1, 3]) {
      const empty = trainMle(corpusFromSentences([]), { order, smoothing: 'mle', k: 1, vocab: 'observed', idSpace: 5 });
      // a c </s>, b </s>, c a b </s>: a model trained on no sentence ends every sentence at once
      expect(Array.from((empty as LanguageModel & PredictionWalker).predictionProbabilities(text))).toEqual([0, 0, 1, 0, 1, 0, 0, 0, 1]);
    }
  });

  it('order 3 backs off from the counts by hand: to the bigram level, then to the unigram level', () => {
    // Training "a b c", "d b c": 8 predictions (a, b, c, </s>, d, b, c, </s>); b is followed by c twice.
    // Text "b c": P(b | PAD <s>) = 0 (the start context saw a and d); history (<s> b) unseen -> P(c | b) =
    // count(b c) / count(b .) = 2 / 2; P(</s> | b c) = 2 / 2. Text "e c": P(e | PAD <s>) = 0; (<s> e)
    // unseen and e unseen -> P(c) = 2 / 8; (e c) unseen -> P(</s> | c) = 2 / 2.
    const [a, b, c, d, e] = [2, 3, 4, 5, 6];
    const model = trainMle(corpusFromSentences([[a, b, c], [d, b, c]]), { order: 3, smoothing: 'mle', k: 1, vocab: 'observed', idSpace: 7 });
    const text = corpusFromSentences([[b, c], [e, c]]);
    const walked = Array.from((model as LanguageModel & PredictionWalker).predictionProbabilities(text));
    expect(walked).toEqual([0, 1, 1, 0, 2 / 8, 1]);
    expect(walked).toEqual(oneByOne(model, text));
  });

  it('floored perplexity through the walk equals the sum over probability() to the last bit', () => {
    const training = randomCorpus('ppl-train', 500, 30);
    const text = randomCorpus('ppl-text', 200, 45);
    const model = trainMle(training, { order: 3, smoothing: 'mle', k: 1, vocab: 'observed', idSpace: 47 });
    const keep = 1 - 1e-4;
    const floor = 1e-4 / (30 + 1);
    let sum = 0;
    const values = oneByOne(model, text);
    for (const p of values) sum += Math.log2(keep * p + floor);
    expect(flooredPerplexity(model, text, 30)).toBe(Math.pow(2, -sum / values.length));
  });
});
