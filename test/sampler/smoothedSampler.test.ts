import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { trainAddK } from '../../src/model/addK.js';
import type { InterpolatedModel } from '../../src/model/interpolated.js';
import { trainKneserNey } from '../../src/model/kneserNey.js';
import type { LanguageModel } from '../../src/model/languageModel.js';
import { DEFAULT_SAMPLING } from '../../src/sampler/sampling.js';
import { samplerFor } from '../../src/sampler/samplerFor.js';
import { trainWittenBell } from '../../src/model/wittenBell.js';
import { transformDistribution } from './truncatedDistribution.js';
import { A, B, C, TINY, options } from '../model/fixtures.js';
import { fits } from '../helpers/chiSquare.js';

const BOS = 0;
const EOS = 1;

function sentences(model: LanguageModel, sampling = DEFAULT_SAMPLING, count = 200, seed = 'seed'): number[][] {
  const sampler = samplerFor(model, sampling);
  const random = seedrandom(seed);
  const out = new Int32Array(50);
  const result: number[][] = [];
  for (let i = 0; i < count; i++) {
    const length = sampler.sample(random, 50, out, 0);
    result.push(Array.from(out.subarray(0, length)));
  }
  return result;
}

describe('transformDistribution', () => {
  const ids = Int32Array.from([2, 3, 4, 5]);
  const p = Float64Array.from([0.1, 0.4, 0.2, 0.3]);
  const probabilities = (d: { ids: Int32Array; cumulative: Float64Array }) =>
    Array.from(d.cumulative, (c, i) => c - (i > 0 ? d.cumulative[i - 1]! : 0));

  it('leaves the distribution unchanged at temperature 1, top-k off, top-p 1', () => {
    const d = transformDistribution(ids, p, DEFAULT_SAMPLING);
    expect(Array.from(d.ids)).toEqual([2, 3, 4, 5]);
    probabilities(d).forEach((q, i) => expect(q).toBeCloseTo(p[i]!, 12));
  });

  it('applies temperature as p^(1/T), renormalised', () => {
    // T = 0.5: squares 0.01, 0.16, 0.04, 0.09, total 0.30
    const d = transformDistribution(ids, p, { temperature: 0.5, topK: 0, topP: 1 });
    [0.01 / 0.3, 0.16 / 0.3, 0.04 / 0.3, 0.09 / 0.3].forEach((q, i) => expect(probabilities(d)[i]).toBeCloseTo(q, 12));
  });

  it('keeps the k most probable with top-k, ties to the lower id', () => {
    // top-2 of (0.1, 0.4, 0.2, 0.3): ids 3 and 5 -> 0.4/0.7, 0.3/0.7
    const d = transformDistribution(ids, p, { temperature: 1, topK: 2, topP: 1 });
    expect(Array.from(d.ids)).toEqual([3, 5]);
    expect(probabilities(d)[0]).toBeCloseTo(4 / 7, 12);
    const tied = transformDistribution(ids, Float64Array.from([0.25, 0.25, 0.25, 0.25]), { temperature: 1, topK: 1, topP: 1 });
    expect(Array.from(tied.ids)).toEqual([2]);
  });

  it('keeps the shortest most-probable prefix reaching p with top-p', () => {
    // ranked 0.4 (3), 0.3 (5), 0.2 (4): 0.4 + 0.3 = 0.7 >= 0.7 -> {3, 5}; 0.71 needs 4 too
    expect(Array.from(transformDistribution(ids, p, { temperature: 1, topK: 0, topP: 0.7 }).ids)).toEqual([3, 5]);
    expect(Array.from(transformDistribution(ids, p, { temperature: 1, topK: 0, topP: 0.71 }).ids)).toEqual([3, 4, 5]);
    expect(Array.from(transformDistribution(ids, p, { temperature: 1, topK: 0, topP: 0.1 }).ids)).toEqual([3]);
  });
});

describe('smoothed sampler', () => {
  it('draws first tokens with the model probabilities (mixture sampling is exact)', () => {
    // Kneser-Ney on TINY, order 2: P(a|<s>) = 21/48, P(b|<s>) = 15/48, P(c|<s>) = 5/48, P(</s>|<s>) = 7/48
    const model = trainKneserNey(TINY, options('kneser-ney', 2));
    const drawn = sentences(model, DEFAULT_SAMPLING, 40000);
    const first = (id: number) => drawn.filter((s) => (s.length === 0 ? EOS : s[0]) === id).length / drawn.length;
    expect(first(A)).toBeCloseTo(21 / 48, 2);
    expect(first(B)).toBeCloseTo(15 / 48, 2);
    expect(first(C)).toBeCloseTo(5 / 48, 2);
    expect(first(EOS)).toBeCloseTo(7 / 48, 2);
  });

  it('samples tokens never seen after the history, and unseen seed types', () => {
    // with vocab seed (types 2..7), types 5..7 never occur in TINY but keep probability
    const model = trainAddK(TINY, options('add-k', 2, { vocab: 'seed', seedTypes: Int32Array.from([2, 3, 4, 5, 6, 7]), idSpace: 8 }));
    const seen = new Set(sentences(model, DEFAULT_SAMPLING, 2000).flat());
    for (const id of [2, 3, 4, 5, 6, 7]) expect(seen.has(id)).toBe(true);
  });

  it('is reproducible for a seed and writes no markers', () => {
    const model = trainWittenBell(TINY, options('witten-bell', 3));
    expect(sentences(model)).toEqual(sentences(model));
    for (const s of sentences(model)) for (const id of s) expect(id === BOS || id === EOS).toBe(false);
  });

  it('is greedy and deterministic with top-k 1', () => {
    // KN order 2: argmax after <s> is a (21/48); after a: P(b|a) = 1/4 + 1/2 * 7/24 beats
    // P(c|a) = 1/4 + 1/2 * 5/24; after b: P(</s>|b) = 1/2 + 1/2 * 7/24 is the largest.
    const model = trainKneserNey(TINY, options('kneser-ney', 2));
    const greedy = { temperature: 1, topK: 1, topP: 1 };
    const first = sentences(model, greedy, 5, 'one');
    expect(first).toEqual(sentences(model, greedy, 5, 'two'));
    expect(first[0]).toEqual([A, B]);
  });

  it('leaves sampling unchanged with top-p 1 and temperature 1: first tokens follow P(.|<s>) = (21, 15, 5, 7)/48', () => {
    // KN order 2 (see 'is greedy' above): P(a|<s>) = 21/48, P(b|<s>) = 15/48, P(c|<s>) = 5/48, P(</s>|<s>) = 7/48
    const model = trainKneserNey(TINY, options('kneser-ney', 2));
    const drawn = sentences(model, DEFAULT_SAMPLING, 20000);
    const counts = [A, B, C, EOS].map((id) => drawn.filter((s) => (s.length === 0 ? EOS : s[0]) === id).length);
    expect(fits(counts, [21 / 48, 15 / 48, 5 / 48, 7 / 48])).toBe(true);
    // a transform that is not the identity is told apart by the same test
    const hot = sentences(model, { temperature: 2, topK: 0, topP: 1 }, 20000);
    expect(fits([A, B, C, EOS].map((id) => hot.filter((s) => (s.length === 0 ? EOS : s[0]) === id).length), [21 / 48, 15 / 48, 5 / 48, 7 / 48])).toBe(false);
  });

  it('matches the model distribution under a transform too', () => {
    // temperature 2 on P(.|<s>) = (21, 15, 5, 7)/48 over (</s>, a, b, c) order: sqrt weights
    const model = trainKneserNey(TINY, options('kneser-ney', 2)) as InterpolatedModel;
    const drawn = sentences(model, { temperature: 2, topK: 0, topP: 1 }, 40000);
    const w = { [A]: Math.sqrt(21), [B]: Math.sqrt(15), [C]: Math.sqrt(5), [EOS]: Math.sqrt(7) };
    const total = w[A] + w[B] + w[C] + w[EOS];
    const first = (id: number) => drawn.filter((s) => (s.length === 0 ? EOS : s[0]) === id).length / drawn.length;
    expect(first(C)).toBeCloseTo(w[C] / total, 2);
    expect(first(A)).toBeCloseTo(w[A] / total, 2);
  });

  it('lowers distinct bigrams at a lower temperature on the same seed', () => {
    const text: number[][] = [];
    const random = seedrandom('corpus');
    for (let i = 0; i < 300; i++) text.push(Array.from({ length: 3 + Math.floor(random() * 6) }, () => 2 + Math.floor(random() ** 2 * 40)));
    const model = trainKneserNey(corpusFromSentences(text), options('kneser-ney', 3, { idSpace: 42 }));
    const distinct2 = (sampled: number[][]) => {
      const pairs = new Set<string>();
      let total = 0;
      for (const s of sampled) for (let i = 1; i < s.length; i++, total++) pairs.add(`${s[i - 1]} ${s[i]}`);
      return pairs.size / total;
    };
    const hot = distinct2(sentences(model, DEFAULT_SAMPLING, 300));
    const cold = distinct2(sentences(model, { temperature: 0.5, topK: 0, topP: 1 }, 300));
    expect(cold).toBeLessThan(hot);
  });

  it('stops at maxLength', () => {
    const model = trainAddK(corpusFromSentences([[A, A, A, A, A, A]]), options('add-k', 2, { k: 0.001 }));
    const out = new Int32Array(10);
    expect(samplerFor(model, DEFAULT_SAMPLING).sample(seedrandom('x'), 3, out, 2)).toBeLessThanOrEqual(3);
  });

  it('rejects invalid sampling options', () => {
    const model = trainKneserNey(TINY, options('kneser-ney', 2));
    expect(() => samplerFor(model, { temperature: 0, topK: 0, topP: 1 })).toThrow(/temperature must be a number > 0/);
    expect(() => samplerFor(model, { temperature: 1, topK: -1, topP: 1 })).toThrow(/topK must be a whole number >= 0/);
    expect(() => samplerFor(model, { temperature: 1, topK: 0, topP: 0 })).toThrow(/topP must be a number > 0 and <= 1/);
  });
});
