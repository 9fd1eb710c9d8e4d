import { describe, expect, it } from 'vitest';
import { trainWittenBell } from '../../src/model/wittenBell.js';
import { A, B, C, TINY, history, options } from './fixtures.js';

const BOS = 0;
const EOS = 1;

describe('interpolated Witten-Bell', () => {
  // order 2, V = {a, b, c, </s>}
  // empty history: c = 8, N1+ = 4, gamma = 4/12 = 1/3
  //   P(a) = 2/12 + 1/3 * 1/4 = 1/4;  P(b) = 1/4;  P(c) = 1/12 + 1/12 = 1/6;  P(</s>) = 3/12 + 1/12 = 1/3
  // built inside each test (a fixture built here would make the mutants it reaches static)
  const model = () => trainWittenBell(TINY, options('witten-bell', 2));

  it('interpolates the unigrams with the uniform distribution', () => {
    const unigram = trainWittenBell(TINY, options('witten-bell', 1));
    expect(unigram.probability(history(BOS), 0, 1, A)).toBeCloseTo(1 / 4, 12);
    expect(unigram.probability(history(BOS), 0, 1, C)).toBeCloseTo(1 / 6, 12);
    expect(unigram.probability(history(BOS), 0, 1, EOS)).toBeCloseTo(1 / 3, 12);
  });

  it('gives (c(h w) + N1+(h •) P(w | h\')) / (c(h) + N1+(h •))', () => {
    // history <s>: c = 3, N1+ = 2, denominator 5, gamma 2/5
    // P(a | <s>) = 2/5 + 2/5 * 1/4 = 1/2; P(b | <s>) = 1/5 + 1/10 = 3/10
    // P(c | <s>) = 2/5 * 1/6 = 1/15; P(</s> | <s>) = 2/5 * 1/3 = 2/15
    expect(model().probability(history(BOS), 0, 1, A)).toBeCloseTo(1 / 2, 12);
    expect(model().probability(history(BOS), 0, 1, B)).toBeCloseTo(3 / 10, 12);
    expect(model().probability(history(BOS), 0, 1, C)).toBeCloseTo(1 / 15, 12);
    expect(model().probability(history(BOS), 0, 1, EOS)).toBeCloseTo(2 / 15, 12);
    // history a: c = 2, N1+ = 2, gamma 1/2
    // P(b | a) = 1/4 + 1/2 * 1/4 = 3/8; P(c | a) = 1/4 + 1/12 = 1/3; P(a | a) = 1/8; P(</s> | a) = 1/6
    expect(model().probability(history(BOS, A), 0, 2, B)).toBeCloseTo(3 / 8, 12);
    expect(model().probability(history(BOS, A), 0, 2, C)).toBeCloseTo(1 / 3, 12);
    expect(model().probability(history(BOS, A), 0, 2, A)).toBeCloseTo(1 / 8, 12);
    expect(model().probability(history(BOS, A), 0, 2, EOS)).toBeCloseTo(1 / 6, 12);
  });

  it('reports its smoothing and no discount fallback (Witten–Bell has no discounts)', () => {
    // the CLI's train summary and the curves' discount_fallback column read these two fields
    const trained = trainWittenBell(TINY, options('witten-bell', 2));
    expect(trained.smoothing).toBe('witten-bell');
    expect(trained.discountFallback).toBe(false);
  });

  it('falls back to the lower order for an unseen history', () => {
    expect(model().probability(history(BOS, 9), 0, 2, A)).toBeCloseTo(1 / 4, 12);
  });

  it('gives unseen seed types gamma(root) / |V| with vocab seed', () => {
    // seed 2..7: |V| = 7, root gamma 1/3: P(d) = 1/21; after <s>: 2/5 * 1/21
    const seeded = trainWittenBell(TINY, options('witten-bell', 2, { vocab: 'seed', seedTypes: Int32Array.from([2, 3, 4, 5, 6, 7]), idSpace: 8 }));
    expect(seeded.probability(history(BOS), 0, 1, 5)).toBeCloseTo((2 / 5) * (1 / 21), 12);
  });
});
