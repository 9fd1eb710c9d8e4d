/**
 * The table (MLE) sampler, checked exactly: the integer running counts of the plain path, the length cap
 * and the per-context distributions of the transformed path, the empty model, and samplerFor's refusal of
 * something that is not a trained model.
 *
 * Exact distributions come from a grid of draws: the sampler maps one uniform u to one token per step,
 * so feeding u = (i + 1/2) / N for i < N gives each token a share of the grid within 1/N of its
 * probability (each token owns one interval of u).
 */

import { describe, expect, it } from 'vitest';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { UsageError } from '../../src/errors.js';
import type { LanguageModel } from '../../src/model/languageModel.js';
import { trainModel } from '../../src/model/train.js';
import { samplerFor } from '../../src/sampler/samplerFor.js';
import type { SamplingOptions } from '../../src/sampler/sampling.js';
import { fixture } from '../helpers/corpus.js';

const plain: SamplingOptions = { temperature: 1, topK: 0, topP: 1 };
const GRID = 2000;

/** Draws from a script, then 0.5 forever (enough for the step after the scripted ones). */
function scripted(values: readonly number[]): () => number {
  let i = 0;
  return () => (i < values.length ? values[i++]! : 0.5);
}

function mle(sentences: string[], order: number) {
  const f = fixture(sentences);
  const model = trainModel(f.corpus, { order, smoothing: 'mle', k: 1, vocab: 'observed', idSpace: f.vocabulary.size });
  return { f, model };
}

/** Share of the grid of u at step `prefix.length + 1` (after the scripted prefix) that gives each token. */
function gridShares(model: LanguageModel, sampling: SamplingOptions, prefix: number[], name: (id: number) => string): Map<string, number> {
  const sampler = samplerFor(model, sampling);
  const out = new Int32Array(prefix.length + 1);
  const shares = new Map<string, number>();
  for (let i = 0; i < GRID; i++) {
    const length = sampler.sample(scripted([...prefix, (i + 0.5) / GRID]), prefix.length + 1, out, 0);
    const token = length > prefix.length ? name(out[prefix.length]!) : '</s>';
    shares.set(token, (shares.get(token) ?? 0) + 1 / GRID);
  }
  return shares;
}

function expectShares(actual: Map<string, number>, expected: Record<string, number>): void {
  expect([...actual.keys()].sort()).toEqual(Object.keys(expected).sort());
  for (const [token, p] of Object.entries(expected)) expect(Math.abs(actual.get(token)! - p)).toBeLessThanOrEqual(1 / GRID + 1e-12);
}

describe('table sampler, plain path: integer running counts', () => {
  it('picks the first edge whose running count exceeds u * total, in integers', () => {
    // order 2, after <s>: a 1, b 2, c 7 (total 10), running counts 1, 3, 10. u = 0.3: u * 10 = 3, and the
    // first running count above 3 is c's. (Cumulative floats would give 0.1 + 0.2 = 0.30000000000000004
    // > 0.3 and pick b.)
    const { f, model } = mle(['a', 'b', 'b', 'c', 'c', 'c', 'c', 'c', 'c', 'c'], 2);
    const out = new Int32Array(5);
    const length = samplerFor(model).sample(scripted([0.3]), 5, out, 0);
    expect(Array.from(out.subarray(0, length), (id) => f.vocabulary.token(id))).toEqual(['c']);
  });

  it('a model trained on no sentences gives empty sentences', () => {
    const model = trainModel(corpusFromSentences([]), { order: 2, smoothing: 'mle', k: 1, vocab: 'observed', idSpace: 4 });
    const out = new Int32Array(8).fill(-7);
    expect(samplerFor(model).sample(scripted([0.1, 0.9]), 8, out, 0)).toBe(0);
    expect(Array.from(out)).toEqual(new Array(8).fill(-7));
  });
});

describe('table sampler, transformed path', () => {
  // order 2 on a b / a b / a c / b a / b c / b c / b c / c a:
  //   after <s>: a 3, b 4, c 1 (of 8);   after a: </s> 2 (b a, c a), b 2, c 1 (of 5);
  //   after b: </s> 2, a 1, c 3 (of 6);   after c: </s> 4, a 1 (of 5).
  const sentences = ['a b', 'a b', 'a c', 'b a', 'b c', 'b c', 'b c', 'c a'];

  it('temperature 0.5 squares the counts of every context, each renormalised on its own', () => {
    const { f, model } = mle(sentences, 2);
    const name = (id: number) => f.vocabulary.token(id);
    const hot = { ...plain, temperature: 0.5 };
    // after <s>: 9, 16, 1 over 26
    expectShares(gridShares(model, hot, [], name), { a: 9 / 26, b: 16 / 26, c: 1 / 26 });
    // after b (first draw 0.5 -> b: a's 9/26 = 0.346 < 0.5 < 25/26): </s> 4, a 1, c 9 over 14
    expectShares(gridShares(model, hot, [0.5], name), { '</s>': 4 / 14, a: 1 / 14, c: 9 / 14 });
    // after a (first draw 0.1 -> a): </s> 4, b 4, c 1 over 9
    expectShares(gridShares(model, hot, [0.1], name), { '</s>': 4 / 9, b: 4 / 9, c: 1 / 9 });
    // after c (first draw 0.99 -> c): </s> 16, a 1 over 17
    expectShares(gridShares(model, hot, [0.99], name), { '</s>': 16 / 17, a: 1 / 17 });
  });

  it('top-k 2 and top-p 0.5 cut each context by its own ranking', () => {
    const { f, model } = mle(sentences, 2);
    const name = (id: number) => f.vocabulary.token(id);
    // top-k 2 after b: c 3 and </s> 2 kept, over 5; after <s>: b 4 and a 3, over 7
    expectShares(gridShares(model, { ...plain, topK: 2 }, [0.9], name), { '</s>': 2 / 5, c: 3 / 5 });
    expectShares(gridShares(model, { ...plain, topK: 2 }, [], name), { a: 3 / 7, b: 4 / 7 });
    // top-p 0.5 after b: c alone reaches 3/6 = 0.5
    expectShares(gridShares(model, { ...plain, topP: 0.5 }, [0.9], name), { c: 1 });
  });

  it('stops at the length cap', () => {
    // order 2 on "a a a a": after a, a 3 and </s> 1; top-k 1 always takes a, so only the cap stops it
    const { model } = mle(['a a a a'], 2);
    const out = new Int32Array(6).fill(-1);
    expect(samplerFor(model, { ...plain, topK: 1 }).sample(scripted([]), 3, out, 1)).toBe(3);
    expect(out[4]).toBe(-1);
  });
});

describe('samplerFor', () => {
  it('refuses an object that is not a trained model, with a UsageError that says what to do', () => {
    const fake = { order: 2, smoothing: 'kneser-ney' } as unknown as LanguageModel;
    expect(() => samplerFor(fake)).toThrow(UsageError);
    expect(() => samplerFor(fake)).toThrow('samplerFor needs a model made by trainModel');
    try {
      samplerFor(fake);
    } catch (error) {
      expect((error as UsageError).hint).toBe('train the model with trainModel(corpus, options)');
    }
  });
});
