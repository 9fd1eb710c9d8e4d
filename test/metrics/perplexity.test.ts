import { describe, expect, it } from 'vitest';
import { corpusFromSentences, type TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import { flooredPerplexity, oovRate, PERPLEXITY_EPSILON } from '../../src/metrics/perplexity.js';
import { sentencePerplexities } from '../../src/metrics/sentencePerplexities.js';
import type { LanguageModel } from '../../src/model/languageModel.js';
import { trainMle } from '../../src/model/mle.js';
import { EOS } from '../../src/vocabulary/vocabulary.js';
import { fixture } from '../helpers/corpus.js';

describe('floored perplexity', () => {
  // order 1 on "a b": P(a) = P(b) = P(</s>) = 1/3.
  const f = fixture(['a b']);
  f.vocabulary.intern('z');
  const model = trainMle(f.corpus, { order: 1, smoothing: 'mle', k: 1, vocab: 'observed', idSpace: f.vocabulary.size });

  it('scores tokens and </s>, with p floored as (1 - eps) p + eps / V', () => {
    // text "a": predictions a, </s>, each p = 1/3 -> p' = (1 - 1e-4)/3 + 1e-4/3 (V = 2 seed types + 1) = 1/3
    expect(flooredPerplexity(model, f.more(['a']), 2)).toBeCloseTo(3, 10);
  });

  it('stays finite for a token the MLE model never saw', () => {
    // "z": p(z) = 0 -> eps / V = 1e-4 / 3; p(</s>) = 1/3 -> ppl = ((1e-4/3) * (1/3))^(-1/2)
    const expected = Math.pow((PERPLEXITY_EPSILON / 3) * ((1 - PERPLEXITY_EPSILON) / 3 + PERPLEXITY_EPSILON / 3), -1 / 2);
    expect(flooredPerplexity(model, f.more(['z']), 2)).toBeCloseTo(expected, 6);
  });

  it('is undefined for an empty text', () => {
    expect(flooredPerplexity(model, f.more([]), 2)).toBeUndefined();
  });

  it('measures the out-of-vocabulary rate against the model support', () => {
    expect(oovRate(model, f.more(['a z z b']))).toBeCloseTo(2 / 4, 15);
  });
});

// A unigram model written by hand: P(2) = 1/2, P(3) = 1/4, P(</s>) = 1/4, P(4) = 0 (4 is outside its
// support), whatever the history. With seedTypes = 3 (V = 4) the floor is p' = 0.9999 p + 1e-4 / 4:
// p'(1/2) = 0.499975, p'(1/4) = 0.25 exactly, p'(0) = 2.5e-5.
const P: Readonly<Record<number, number>> = { [EOS]: 1 / 4, 2: 1 / 2, 3: 1 / 4, 4: 0 };
const unigram: LanguageModel = {
  order: 1,
  smoothing: 'mle',
  support: Int32Array.from([2, 3]),
  idSpace: 5,
  discountFallback: false,
  probability: (_history, _start, _end, token) => P[token]!,
};
// The same model as a walker: every prediction's P in text order; a history lookup would be a bug.
const walker = {
  ...unigram,
  probability: (): number => {
    throw new Error('a walker is scored from predictionProbabilities');
  },
  predictionProbabilities: (corpus: TokenCorpus): Float64Array => {
    const out: number[] = [];
    for (let s = 0; s + 1 < corpus.offsets.length; s++) {
      for (let i = corpus.offsets[s]!; i < corpus.offsets[s + 1]!; i++) out.push(P[corpus.ids[i]!]!);
      out.push(P[EOS]!);
    }
    return Float64Array.from(out);
  },
};
// [2 3] [4] []: predictions 2 3 </s> | 4 </s> | </s>
const text = corpusFromSentences([[2, 3], [4], []]);
const perSentence = [
  (0.499975 * 0.25 * 0.25) ** (-1 / 3), // 3.1749...
  (2.5e-5 * 0.25) ** (-1 / 2), // 400
  0.25 ** -1, // 4
];
// all 6 predictions: (0.499975 * 0.25^4 * 2.5e-5)^(-1/6)
const whole = (0.499975 * 0.25 ** 4 * 2.5e-5) ** (-1 / 6);

describe.each([
  ['scored by history (the general scoring)', unigram],
  ['a walker (predictionProbabilities, one pass)', walker],
])('floored perplexity of a model %s', (_name, model) => {
  it('of a whole text: every token and each </s>, floored', () => {
    expect(flooredPerplexity(model, text, 3)! / whole).toBeCloseTo(1, 12);
  });

  it('of each sentence alone: its m + 1 predictions', () => {
    const values = Array.from(sentencePerplexities(model, text, 3));
    expect(values.map((value, s) => value / perSentence[s]!)).toEqual([1, 1, 1].map((one) => expect.closeTo(one, 12)));
    expect(perSentence[1]).toBeCloseTo(400, 10);
  });

  it('is undefined for a text without sentences, and none per sentence', () => {
    const empty = corpusFromSentences([]);
    expect(flooredPerplexity(model, empty, 3)).toBeUndefined();
    expect(sentencePerplexities(model, empty, 3)).toEqual(new Float64Array(0));
  });
});

describe('oovRate', () => {
  it('counts the tokens outside the support: [2 2 4] has 1 of 3', () => {
    expect(oovRate(unigram, corpusFromSentences([[2, 2, 4]]))).toBeCloseTo(1 / 3, 15);
  });
  it('is undefined for a text without tokens', () => {
    expect(oovRate(unigram, corpusFromSentences([[]]))).toBeUndefined();
  });
});
