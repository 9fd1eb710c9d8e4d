import { describe, expect, it } from 'vitest';
import { flooredPerplexity, oovRate, PERPLEXITY_EPSILON } from '../../src/metrics/perplexity.js';
import { trainMle } from '../../src/model/mle.js';
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
