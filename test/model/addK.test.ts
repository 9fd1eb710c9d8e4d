import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { checkAddKReserve, trainAddK } from '../../src/model/addK.js';
import { A, B, C, TINY, history, options } from './fixtures.js';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import type { InterpolatedModel } from '../../src/model/interpolated.js';

const BOS = 0;
const EOS = 1;

describe('add-k (Lidstone)', () => {
  // order 2, k = 1, V = {a, b, c, </s>} (|V| = 4)
  // built inside each test (a fixture built here would make the mutants it reaches static)
  const model = () => trainAddK(TINY, options('add-k', 2));

  it('gives (c(h w) + k) / (c(h) + k|V|) after a seen history', () => {
    // c(<s> a) = 2, c(<s>) = 3: (2 + 1) / (3 + 4) = 3/7
    expect(model().probability(history(BOS), 0, 1, A)).toBeCloseTo(3 / 7, 12);
    // c(<s> c) = 0: 1/7
    expect(model().probability(history(BOS), 0, 1, C)).toBeCloseTo(1 / 7, 12);
    // c(a b) = 1, c(a) = 2: 2/6
    expect(model().probability(history(BOS, A), 0, 2, B)).toBeCloseTo(1 / 3, 12);
    // c(c </s>) = 1, c(c) = 1: 2/5
    expect(model().probability(history(BOS, C), 0, 2, EOS)).toBeCloseTo(2 / 5, 12);
  });

  it('gives </s> probability 1, not 1 ulp above it, when the corpus is empty sentences (V = {</s>})', () => {
    // two empty sentences, k = 0.01: c(<s> </s>) = 2, c(<s>) = 2, |V| = 1: (2 + 0.01) / (2 + 0.01) = 1;
    // as alpha + gamma / |V| it is 2/2.01 + 0.01/2.01, which rounds to 1 + 2^-52 (a perplexity below 1)
    for (const order of [1, 2, 3]) {
      const m = trainAddK(corpusFromSentences([[], []]), { ...options('add-k', order), k: 0.01 }) as InterpolatedModel;
      expect(m.probability(history(BOS, BOS).subarray(0, Math.max(1, order - 1)), 0, order - 1, EOS), `order ${order}`).toBe(1);
      expect(m.predictionProbabilities(corpusFromSentences([[], []]))[0], `order ${order}`).toBe(1);
      const out = new Float64Array(2);
      m.fillDistribution(m.historyNode(history(BOS, BOS), 0, order - 1), out);
      expect(out[EOS], `order ${order}`).toBe(1);
    }
  });

  it('is uniform after an unseen history (it does not back off)', () => {
    // id 9 is unknown: 1/|V| = 1/4
    expect(model().probability(history(BOS, 9), 0, 2, A)).toBeCloseTo(1 / 4, 12);
  });

  it('never predicts <s> or ids outside the vocabulary', () => {
    expect(model().probability(history(BOS), 0, 1, BOS)).toBe(0);
    expect(model().probability(history(BOS), 0, 1, 9)).toBe(0);
  });

  it('uses unigram counts at order 1: (c(w) + k) / (8 + 4k)', () => {
    const unigram = trainAddK(TINY, options('add-k', 1, { k: 0.5 }));
    // c(a) = 2: 2.5 / 10; c(</s>) = 3: 3.5 / 10
    expect(unigram.probability(history(BOS, A), 0, 2, A)).toBeCloseTo(0.25, 12);
    expect(unigram.probability(history(BOS), 0, 1, EOS)).toBeCloseTo(0.35, 12);
  });

  it('keeps every seed type alive with vocab seed', () => {
    // seed types a..f (2..7): |V| = 7; d (5) never seen: after <s>, (0 + 1) / (3 + 7) = 1/10
    const seeded = trainAddK(TINY, options('add-k', 2, { vocab: 'seed', seedTypes: Int32Array.from([2, 3, 4, 5, 6, 7]), idSpace: 8 }));
    expect(seeded.probability(history(BOS), 0, 1, 5)).toBeCloseTo(1 / 10, 12);
    expect(Array.from(seeded.support)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('refuses a k whose reserve k |V| is past the largest double (every probability would be NaN)', () => {
    // TINY's support is 3 types plus </s>: |V| = 4. k = 1e308: 4e308 is Infinity; k = 4e307 is not (1.6e308).
    expect(() => trainAddK(TINY, options('add-k', 2, { k: 1e308 }))).toThrow(UsageError);
    expect(() => trainAddK(TINY, options('add-k', 2, { k: 1e308 }))).toThrow('k 1e+308 is too large for add-k over |V| = 4 (the types and </s>): k |V| is past the largest number');
    // the setting named, as every other refusal of k names it (it was undefined: audit)
    expect(() => trainAddK(TINY, options('add-k', 2, { k: 1e308 }))).toThrow(expect.objectContaining({ setting: 'k' }));
    const largest = trainAddK(TINY, options('add-k', 2, { k: 4e307 }));
    // so large a k leaves the counts no weight: uniform over |V| = 4
    expect(largest.probability(history(BOS), 0, 1, A)).toBeCloseTo(1 / 4, 12);
  });

  it("names in its hint a bound on k that passes: two significant digits, rounded down", () => {
    const hint = (types: number): string => {
      try {
        checkAddKReserve(Number.MAX_VALUE, types);
      } catch (error) {
        return (error as UsageError).hint;
      }
      return expect.unreachable('refused');
    };
    // 1.7977e308 / 14 = 1.284e307: 1.3e307 (rounded to nearest) would be refused (14 x 1.3e307 = 1.82e308).
    expect(hint(14)).toBe('pass a k below 1.2e+307');
    expect(hint(46)).toBe('pass a k below 3.9e+306');
    // 1.7977e308 / 179,769,314 = 9.99999990e299, which reads 1.0e+300 to two digits: the bound is the decade below's
    expect(hint(179_769_314)).toBe('pass a k below 9.9e+299');
    for (let types = 2; types <= 500; types++) {
      const bound = Number(/below (\S+)$/u.exec(hint(types))![1]);
      expect(Number.isFinite(checkAddKReserve(bound, types)), `${types} types`).toBe(true);
      expect(bound * 1.1 * types, `${types} types`).toBe(Infinity);
    }
  });

  it('rejects k <= 0 with a UsageError that says what to pass', () => {
    expect(() => trainAddK(TINY, options('add-k', 2, { k: 0 }))).toThrow(/k > 0/);
    let thrown: unknown;
    try {
      trainAddK(TINY, options('add-k', 2, { k: -1 }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).hint).toBe('pass a k > 0, such as 0.01 or 1');
  });

  it('reports its smoothing and no discount fallback (add-k has no discounts)', () => {
    // the CLI's train summary and the curves' discount_fallback column read these two fields
    const trained = trainAddK(TINY, options('add-k', 2));
    expect(trained.smoothing).toBe('add-k');
    expect(trained.discountFallback).toBe(false);
  });
});
