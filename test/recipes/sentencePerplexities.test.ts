import { describe, expect, it } from 'vitest';
import { flooredEvaluation } from '../../src/model/evaluate.js';
import { trainModel } from '../../src/model/train.js';
import { sentencePerplexities } from '../../src/metrics/sentencePerplexities.js';
import { fixture } from '../helpers/corpus.js';

describe('sentencePerplexities', () => {
  // Training text "a b" twice and "a c" once; order 1 MLE over 3 sentences: P(a) = 3/9, P(b) = 2/9,
  // P(c) = 1/9, P(</s>) = 3/9.
  const f = fixture(['a b', 'a b', 'a c']);
  const model = trainModel(f.corpus, { order: 1, smoothing: 'mle', k: 0.01, vocab: 'observed', idSpace: f.vocabulary.size });

  it('gives each sentence the floored perplexity of its own m + 1 predictions', () => {
    const text = f.more(['a b', 'c']);
    const values = sentencePerplexities(model, text, 3);
    const floor = (p: number) => (1 - 1e-4) * p + 1e-4 / 4;
    // "a b": (P(a) P(b) P(</s>))^(-1/3); "c": (P(c) P(</s>))^(-1/2).
    expect(values[0]).toBeCloseTo(Math.pow(floor(3 / 9) * floor(2 / 9) * floor(3 / 9), -1 / 3), 10);
    expect(values[1]).toBeCloseTo(Math.pow(floor(1 / 9) * floor(3 / 9), -1 / 2), 10);
  });

  it('pools to the perplexity of the whole text (the gen0_perplexity column)', () => {
    const text = f.more(['a b c', 'b', 'c c a']);
    const values = sentencePerplexities(model, text, 3);
    const lengths = [4, 2, 4];
    const pooled = Math.exp(values.reduce((sum, value, s) => sum + Math.log(value) * lengths[s]!, 0) / 10);
    expect(pooled).toBeCloseTo(flooredEvaluation(model, text, 3).perplexity, 10);
  });
});
