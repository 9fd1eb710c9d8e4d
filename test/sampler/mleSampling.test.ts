/**
 * Temperature, top-k and top-p through the MLE (table) sampling path, on a distribution small enough
 * to count: checked exactly (which tokens can be drawn at all) and statistically (chi-square of the
 * first token's frequencies against the transformed distribution).
 *
 * Fixture: ten one-token sentences, a a a a b b b c c d, so with an order-2 MLE model
 *   P(. | <s>) = a 4/10, b 3/10, c 2/10, d 1/10, and every token is followed by </s>.
 * Each sampled sentence is one token, so its first token is one draw from the transformed P(. | <s>).
 */

import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { samplerFor } from '../../src/sampler/samplerFor.js';
import type { SamplingOptions } from '../../src/sampler/sampling.js';
import { trainModel } from '../../src/model/train.js';
import { fits } from '../helpers/chiSquare.js';

const [A, B, C, D] = [2, 3, 4, 5];
const CORPUS = corpusFromSentences([[A], [A], [A], [A], [B], [B], [B], [C], [C], [D]]);
const DRAWS = 20_000;

/**
 * The one place that builds a sampler (the sampler API is being reshaped: samplerFor(model,
 * sampling)); returns how often each of a, b, c, d came first in DRAWS sentences.
 */
function firstTokenCounts(sampling: SamplingOptions, seed = 'mle-sampling'): number[] {
  const model = trainModel(CORPUS, { order: 2, smoothing: 'mle', k: 1, vocab: 'observed', idSpace: 6 });
  const sampler = samplerFor(model, sampling);
  const random = seedrandom(seed);
  const buffer = new Int32Array(10);
  const counts = [0, 0, 0, 0];
  let tokens = 0;
  for (let i = 0; i < DRAWS; i++) {
    tokens += sampler.sample(random, 10, buffer, 0);
    counts[buffer[0]! - A]! += 1;
  }
  expect(tokens).toBe(DRAWS); // one token per sentence
  return counts;
}

const plain: SamplingOptions = { temperature: 1, topK: 0, topP: 1 };
const normalise = (weights: number[]): number[] => weights.map((w) => w / weights.reduce((s, x) => s + x, 0));

describe('the MLE sampler applies the sampling transforms', () => {
  it('plain sampling draws from the counts: 4/10, 3/10, 2/10, 1/10', () => {
    const counts = firstTokenCounts(plain);
    expect(fits(counts, [0.4, 0.3, 0.2, 0.1])).toBe(true);
    // and the test can tell: the same draws do not fit a uniform distribution
    expect(fits(counts, [0.25, 0.25, 0.25, 0.25])).toBe(false);
  });

  it('top-p 0.65 keeps a and b (0.4 + 0.3 = 0.7 >= 0.65): never c or d, a:b = 4:3', () => {
    const counts = firstTokenCounts({ ...plain, topP: 0.65 });
    expect(counts.slice(2)).toEqual([0, 0]);
    expect(fits(counts.slice(0, 2), [4 / 7, 3 / 7])).toBe(true);
  });

  it('top-p 0.75 needs c too (0.7 < 0.75 <= 0.9): a:b:c = 4:3:2, never d', () => {
    const counts = firstTokenCounts({ ...plain, topP: 0.75 });
    expect(counts[3]).toBe(0);
    expect(fits(counts.slice(0, 3), [4 / 9, 3 / 9, 2 / 9])).toBe(true);
  });

  it('top-p 0.4 keeps a alone: greedy', () => {
    expect(firstTokenCounts({ ...plain, topP: 0.4 })).toEqual([DRAWS, 0, 0, 0]);
  });

  it('top-k 3 drops d: a:b:c = 4:3:2', () => {
    const counts = firstTokenCounts({ ...plain, topK: 3 });
    expect(counts[3]).toBe(0);
    expect(fits(counts.slice(0, 3), [4 / 9, 3 / 9, 2 / 9])).toBe(true);
  });

  it('top-k 1 is greedy: always a', () => {
    expect(firstTokenCounts({ ...plain, topK: 1 })).toEqual([DRAWS, 0, 0, 0]);
  });

  it('temperature 0.5 squares: 16:9:4:1 over 30', () => {
    const counts = firstTokenCounts({ ...plain, temperature: 0.5 });
    expect(fits(counts, [16 / 30, 9 / 30, 4 / 30, 1 / 30])).toBe(true);
    expect(fits(counts, [0.4, 0.3, 0.2, 0.1])).toBe(false);
  });

  it('temperature 2 flattens: sqrt(4):sqrt(3):sqrt(2):sqrt(1)', () => {
    const counts = firstTokenCounts({ ...plain, temperature: 2 });
    expect(fits(counts, normalise([2, Math.sqrt(3), Math.sqrt(2), 1]))).toBe(true);
    expect(fits(counts, [0.4, 0.3, 0.2, 0.1])).toBe(false);
  });

  it('temperature before top-p: T = 0.5 then top-p 0.8 keeps a, b (16/30 + 9/30 = 0.83), a:b = 16:9', () => {
    // top-p before temperature would keep a, b, c (0.4 + 0.3 < 0.8)
    const counts = firstTokenCounts({ ...plain, temperature: 0.5, topP: 0.8 });
    expect(counts.slice(2)).toEqual([0, 0]);
    expect(fits(counts.slice(0, 2), [16 / 25, 9 / 25])).toBe(true);
  });

  it('top-k before top-p: top-k 2 then top-p 0.5 renormalises first (4/7 >= 0.5): a alone', () => {
    expect(firstTokenCounts({ ...plain, topK: 2, topP: 0.5 })).toEqual([DRAWS, 0, 0, 0]);
  });
});
