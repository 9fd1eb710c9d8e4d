import { describe, expect, it } from 'vitest';
import { trainMle } from '../../src/model/mle.js';
import { randomFor } from '../../src/random/random.js';
import { samplerFor } from '../../src/sampler/samplerFor.js';
import { fixture, sequenceRandom } from '../helpers/corpus.js';

function sampler(sentences: string[], order: number, sampling = { temperature: 1, topK: 0, topP: 1 }) {
  const f = fixture(sentences);
  const model = trainMle(f.corpus, { order, smoothing: 'mle', k: 1, vocab: 'observed', idSpace: f.vocabulary.size });
  const s = samplerFor(model, sampling);
  const draw = (random: () => number, max = 50): string => {
    const out = new Int32Array(max);
    const n = s.sample(random, max, out, 0);
    return Array.from(out.subarray(0, n), (id) => f.vocabulary.token(id)).join(' ');
  };
  return { draw, f };
}

describe('table sampler (MLE)', () => {
  it('reproduces the only sentence of a one-sentence corpus', () => {
    const { draw } = sampler(['the cat sat'], 3);
    expect(draw(randomFor([1]))).toBe('the cat sat');
  });

  it('picks the edge whose running count first exceeds u * total (hand-traced)', () => {
    // order 2 on "a b", "a c": after <s>: a (2). After a: b (1), c (1), cumulative 1, 2.
    // Draws: 0.1 -> a; 0.7 * 2 = 1.4 -> second edge of a = c (ids: b < c); then c -> </s>.
    const { draw } = sampler(['a b', 'a c'], 2);
    expect(draw(sequenceRandom([0.1, 0.7, 0.5]))).toBe('a c');
    expect(draw(sequenceRandom([0.1, 0.2, 0.5]))).toBe('a b');
  });

  it('a model trained on no sentence gives empty sentences, whatever the transform (a transformed walk wrote <s> ids: audit)', () => {
    for (const sampling of [{ temperature: 1, topK: 0, topP: 1 }, { temperature: 0.5, topK: 0, topP: 1 }, { temperature: 1, topK: 1, topP: 1 }, { temperature: 1, topK: 0, topP: 0.9 }]) {
      const { draw } = sampler([], 2, sampling);
      expect(draw(randomFor([1]), 4)).toBe('');
    }
  });

  it('stops at the length cap', () => {
    // order 2 on "a a a a": after a: </s> once (id 1, first), a 3 times; cumulative 1, 4.
    // u = 0.99 -> 3.96 -> a, every time: only the cap stops the sentence.
    const { draw } = sampler(['a a a a'], 2);
    expect(draw(sequenceRandom([0.99]), 3)).toBe('a a a');
  });

  it('is deterministic under a seed (golden) and differs across seeds', () => {
    const { draw } = sampler(['a b c', 'a c b', 'b a c', 'c c a'], 2);
    const sample = (seed: number): string[] => {
      const random = randomFor([seed]);
      return Array.from({ length: 4 }, () => draw(random));
    };
    expect(sample(42)).toEqual(sample(42));
    expect(sample(42)).not.toEqual(sample(43));
    expect(sample(42)).toMatchInlineSnapshot(`
      [
        "b a c",
        "b c",
        "b c",
        "a b",
      ]
    `);
  });

  it('draws in proportion to the counts (law of large numbers, 20,000 draws)', () => {
    // order 1 on "x x x y": P(x) = 3/5, P(y) = 1/5, P(</s>) = 1/5 -> first token is x with p 3/4 given a token.
    const { draw } = sampler(['x x x y'], 1);
    const random = randomFor(['lln']);
    let x = 0;
    let tokens = 0;
    for (let i = 0; i < 20_000; i++) {
      const first = draw(random, 1);
      if (first === '') continue;
      tokens++;
      if (first === 'x') x++;
    }
    // standard error sqrt(0.75 * 0.25 / 16000) ~ 0.0034; 5 sigma
    expect(Math.abs(x / tokens - 0.75)).toBeLessThan(0.017);
  });

  it('top-k 1 gives deterministic greedy text', () => {
    const { draw } = sampler(['a b', 'a b', 'a c', 'd'], 2, { temperature: 1, topK: 1, topP: 1 });
    const outputs = new Set(Array.from({ length: 20 }, (_, i) => draw(randomFor([i]))));
    expect([...outputs]).toEqual(['a b']);
  });

  it('lower temperature lowers the diversity of what is sampled', () => {
    const sentences = ['a b', 'a c', 'a d', 'a b', 'a b', 'a b'];
    const distinct = (temperature: number): number => {
      const { draw } = sampler(sentences, 2, { temperature, topK: 0, topP: 1 });
      const random = randomFor(['t']);
      return new Set(Array.from({ length: 200 }, () => draw(random))).size;
    };
    expect(distinct(0.1)).toBeLessThan(distinct(1));
  });
});
