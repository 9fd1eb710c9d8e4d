/**
 * Differential tests of the rewritten metrics: each fast path against the straightforward definition
 * written out naively (arrays, Sets, Maps of strings), on random small texts where contexts repeat,
 * sentences are empty or one token long, and the text holds trigrams and histories H never saw.
 */

import { describe, expect, it } from 'vitest';
import type { TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import { flooredEvaluation } from '../../src/model/evaluate.js';
import { trainModel } from '../../src/model/train.js';
import { lexicalDiversity } from '../../src/metrics/lexicalDiversity.js';
import { flooredPerplexity, PERPLEXITY_EPSILON } from '../../src/metrics/perplexity.js';
import { PAD, TrigramSet } from '../../src/metrics/ngramProfile.js';
import { measureText } from '../../src/metrics/measureText.js';
import { buildSeedReference, seedReferenceFromParts, seedReferenceParts } from '../../src/metrics/seedReference.js';
import { SentenceSet } from '../../src/metrics/sentenceSet.js';
import { seedModelPerplexity, seedProfile } from '../../src/metrics/seedPerplexity.js';
import { BOS, EOS } from '../../src/vocabulary/vocabulary.js';
import { randomCorpus } from '../speedHelpers.js';

const SEEDS = ['d1', 'd2', 'd3', 'd4'];

/** MATTR by its definition: every window's distinct count over the window, averaged. */
function naiveMattr(ids: number[], window: number): number | undefined {
  if (ids.length === 0) return undefined;
  const size = Math.min(window, ids.length);
  let sum = 0;
  for (let start = 0; start + size <= ids.length; start++) sum += new Set(ids.slice(start, start + size)).size;
  return sum / (ids.length - size + 1) / size;
}

/** One MTLD pass by its definition, segment by segment with a fresh Set. */
function naiveMtldPass(ids: number[], threshold: number): number | undefined {
  let factors = 0;
  let segment = new Set<number>();
  let tokens = 0;
  for (const id of ids) {
    tokens++;
    segment.add(id);
    if (segment.size / tokens <= threshold) {
      factors++;
      segment = new Set();
      tokens = 0;
    }
  }
  if (tokens > 0) factors += (1 - segment.size / tokens) / (1 - threshold);
  return factors > 0 ? ids.length / factors : undefined;
}

function naiveMtld(ids: number[], threshold: number): number | undefined {
  const forward = naiveMtldPass(ids, threshold);
  const backward = naiveMtldPass([...ids].reverse(), threshold);
  return forward === undefined || backward === undefined ? undefined : (forward + backward) / 2;
}

/** Every prediction of a corpus as (history a, history b, token): the extended trigrams of PAD <s> w.. </s>. */
function predictions(corpus: TokenCorpus): Array<[number, number, number]> {
  const list: Array<[number, number, number]> = [];
  for (let s = 0; s + 1 < corpus.offsets.length; s++) {
    const items = [PAD, BOS, ...corpus.ids.subarray(corpus.offsets[s], corpus.offsets[s + 1]), EOS];
    for (let j = 2; j < items.length; j++) list.push([items[j - 2]!, items[j - 1]!, items[j]!]);
  }
  return list;
}

describe('lexicalDiversity (MATTR and MTLD, counted without branches) against their definitions', () => {
  for (const seed of SEEDS) {
    for (const window of [1, 7, 50, 500]) {
      it(`${seed}, window ${window}: the same values to the last bit`, () => {
        const text = randomCorpus(seed, 60, 30, 10);
        const ids = Array.from(text.ids);
        const fast = lexicalDiversity(text, 40, window, 0.72);
        expect(fast.mattr).toBe(naiveMattr(ids, window));
        expect(fast.mtld).toBe(naiveMtld(ids, 0.72));
      });
    }
  }
  for (const threshold of [0.5, 0.72, 0.9]) {
    it(`long texts, threshold ${threshold}: MTLD's backward pass starts clear of every forward segment`, () => {
      // Many segments each way, so the backward pass's first segment runs into ids the forward pass
      // stamped: it must start at a segment number the forward pass never used.
      for (const seed of SEEDS) {
        const text = randomCorpus(`${seed} long`, 400, 300, 14);
        const ids = Array.from(text.ids);
        const fast = lexicalDiversity(text, 310, 500, threshold);
        expect(fast.mattr).toBe(naiveMattr(ids, 500));
        expect(fast.mtld).toBe(naiveMtld(ids, threshold));
      }
    });
  }
  it('an empty text has neither', () => {
    expect(lexicalDiversity({ ids: new Int32Array(0), offsets: new Int32Array(1) }, 4)).toStrictEqual({ mattr: undefined, mtld: undefined });
  });
});

describe('TrigramSet.probability: maximum likelihood of the extended trigrams of H', () => {
  for (const seed of SEEDS) {
    it(`${seed}: count(a b c) / count(a b ·) for every prediction, -1 for unseen`, () => {
      const human = randomCorpus(`${seed}-h`, 120, 25, 8);
      const text = randomCorpus(`${seed}-t`, 80, 30, 8);
      const set = new TrigramSet(human, 40);
      const triples = new Map<string, number>();
      const histories = new Map<string, number>();
      for (const [a, b, c] of predictions(human)) {
        triples.set(`${a} ${b} ${c}`, (triples.get(`${a} ${b} ${c}`) ?? 0) + 1);
        histories.set(`${a} ${b}`, (histories.get(`${a} ${b}`) ?? 0) + 1);
      }
      for (const [a, b, c] of [...predictions(human), ...predictions(text)]) {
        const count = triples.get(`${a} ${b} ${c}`);
        expect(set.probability(a, b, c)).toBe(count === undefined ? -1 : count / histories.get(`${a} ${b}`)!);
      }
    });
  }
});

describe('gen0_perplexity from H\'s counts against the general scoring of M0', () => {
  for (const seed of SEEDS) {
    it(`${seed}: order-3 MLE, texts with unseen trigrams and histories, and H itself`, () => {
      const human = randomCorpus(`${seed}-h`, 150, 25, 9);
      const idSpace = 40;
      const reference = buildSeedReference(human, idSpace, 1);
      const seedTypes = reference.unigrams.types.length;
      const model0 = trainModel(human, { order: 3, smoothing: 'mle', k: 0.01, vocab: 'observed', idSpace });
      for (const text of [human, randomCorpus(`${seed}-t`, 100, 30, 9)]) {
        const fast = seedModelPerplexity(model0, text, reference)!;
        const general = flooredEvaluation(model0, text, seedTypes).perplexity;
        // Sums in a different order: equal up to float rounding.
        expect(Math.abs(fast - general) / general).toBeLessThan(1e-12);
      }
      const misses = seedProfile(randomCorpus(`${seed}-t`, 100, 30, 9), reference).score.misses;
      expect(misses.length).toBeGreaterThan(0); // the back-off path was exercised
      expect(seedProfile(human, reference).score.misses.length).toBe(0);
    });
  }
  it('never asks for an order-3 MLE M0: the back-off of the predictions H never saw comes from its counts (so the loop can let M0 go)', () => {
    const human = randomCorpus('lazy-h', 150, 25, 9);
    const reference = buildSeedReference(human, 40, 1);
    const seed = { order: 3, smoothing: 'mle' as const, model: (): never => { throw new Error('M0 asked for'); } };
    const model0 = trainModel(human, { order: 3, smoothing: 'mle', k: 0.01, vocab: 'observed', idSpace: 40 });
    expect(seedModelPerplexity(seed, { ids: human.ids, offsets: human.offsets }, reference)).toBe(seedModelPerplexity(model0, human, reference));
    const other = randomCorpus('lazy-t', 60, 30, 9);
    expect(seedModelPerplexity(seed, other, reference)).toBeDefined();
  });

  for (const seed of SEEDS) {
    it(`${seed}: each back-off probability is exactly M0's own (texts with unseen trigrams, histories and tokens)`, () => {
      // Ids 2..39 exist but H uses only those of randomCorpus(.., 25, ..); the text reaches 35: it has
      // trigrams, histories (a b) and single histories b that H never saw, and tokens H never saw.
      const human = randomCorpus(`${seed}-bh`, 150, 25, 9);
      const text = randomCorpus(`${seed}-bt`, 120, 35, 9);
      const reference = buildSeedReference(human, 40, 1);
      const model0 = trainModel(human, { order: 3, smoothing: 'mle', k: 0.01, vocab: 'observed', idSpace: 40 });
      const { score } = seedProfile(text, reference);
      // What the loop did before: score each miss with M0 itself, in the same order.
      const seedTypes = reference.unigrams.types.length;
      const [keep, floor] = [1 - PERPLEXITY_EPSILON, PERPLEXITY_EPSILON / (seedTypes + 1)];
      let sum = score.log2Sum;
      const levels = new Set<string>();
      for (let m = 0; m < score.misses.length; m += 4) {
        const [a, b, c, occurrences] = [...score.misses.slice(m, m + 4)] as [number, number, number, number];
        const p = a === PAD ? model0.probability(Int32Array.of(b), 0, 1, c) : model0.probability(Int32Array.of(a, b), 0, 2, c);
        sum += occurrences * Math.log2(keep * p + floor);
        levels.add(p === 0 ? 'zero' : reference.unigrams.counts[b]! > 0 ? 'bigram' : 'unigram');
      }
      expect([...levels].sort()).toEqual(['bigram', 'unigram', 'zero']); // every back-off level was reached
      const lazy = { order: 3, smoothing: 'mle' as const, model: (): never => { throw new Error('M0 asked for'); } };
      expect(seedModelPerplexity(lazy, text, reference)).toBe(Math.pow(2, -sum / score.predictions));
    });
  }

  it('other orders and smoothings take the general scoring', () => {
    const human = randomCorpus('g-h', 100, 20, 8);
    const reference = buildSeedReference(human, 30, 1);
    const text = randomCorpus('g-t', 50, 20, 8);
    for (const [order, smoothing] of [[2, 'mle'], [3, 'kneser-ney']] as const) {
      const model = trainModel(human, { order, smoothing, k: 0.01, vocab: 'observed', idSpace: 30 });
      expect(seedModelPerplexity(model, text, reference)).toBe(flooredPerplexity(model, text, reference.unigrams.types.length));
    }
  });
  it('an empty text has none', () => {
    const human = randomCorpus('e-h', 20, 10, 5);
    const reference = buildSeedReference(human, 20, 1);
    const model0 = trainModel(human, { order: 3, smoothing: 'mle', k: 0.01, vocab: 'observed', idSpace: 20 });
    expect(seedModelPerplexity(model0, { ids: new Int32Array(0), offsets: new Int32Array(1) }, reference)).toBeUndefined();
  });
});

describe('SentenceSet (copy_rate) against a Set of sentence strings', () => {
  for (const seed of SEEDS) {
    it(`${seed}: has() is membership of the sentence, token for token`, () => {
      const human = randomCorpus(`${seed}-h`, 300, 6, 4);
      const text = randomCorpus(`${seed}-t`, 300, 7, 4);
      const set = new SentenceSet(human);
      const sentence = (c: TokenCorpus, s: number) => Array.from(c.ids.subarray(c.offsets[s], c.offsets[s + 1])).join(' ');
      const naive = new Set(Array.from({ length: human.offsets.length - 1 }, (_, s) => sentence(human, s)));
      let copies = 0;
      for (let s = 0; s + 1 < text.offsets.length; s++) {
        expect(set.has(text, s)).toBe(naive.has(sentence(text, s)));
        if (naive.has(sentence(text, s))) copies++;
      }
      expect(copies).toBeGreaterThan(0);
      expect(copies).toBeLessThan(text.offsets.length - 1);
    });
  }
});

describe('the seed reference handed over as plain data (worker threads)', () => {
  it('measures every text exactly as the reference it came from', () => {
    const human = randomCorpus('parts-h', 200, 20, 8);
    const reference = buildSeedReference(human, 30, 1);
    // A structured clone, as postMessage makes it: plain data, no class instances.
    const rebuilt = seedReferenceFromParts(structuredClone(seedReferenceParts(reference)));
    const text = randomCorpus('parts-t', 150, 24, 8);
    expect(measureText(text, rebuilt).values).toEqual(measureText({ ...text }, reference).values);
  });
});
