import { describe, expect, it } from 'vitest';
import { buildNgramTrie, findNode } from '../../src/counts/ngramTrie.js';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import {
  adjustedCounts,
  discountsFromCountsOfCounts,
  FALLBACK_DISCOUNTS,
  kneserNeyDiscounts,
  trainKneserNey,
} from '../../src/model/kneserNey.js';
import { A, B, C, TINY, history, options } from './fixtures.js';

const BOS = 0;
const EOS = 1;

describe('modified Kneser-Ney discounts (Chen & Goodman eq. 26)', () => {
  it('computes D1, D2, D3+ from counts-of-counts', () => {
    // n1 = 10, n2 = 4, n3 = 2, n4 = 1: Y = 10 / 18 = 5/9
    // D1 = 1 - 2 * 5/9 * 4/10 = 5/9;  D2 = 2 - 3 * 5/9 * 2/4 = 7/6;  D3+ = 3 - 4 * 5/9 * 1/2 = 17/9
    const d = discountsFromCountsOfCounts([0, 10, 4, 2, 1]);
    expect(d.fallback).toBe(false);
    expect(d.amounts[1]).toBeCloseTo(5 / 9, 12);
    expect(d.amounts[2]).toBeCloseTo(7 / 6, 12);
    expect(d.amounts[3]).toBeCloseTo(17 / 9, 12);
  });

  it('keeps a discount of exactly 0 (the range is 0 <= D_j)', () => {
    // n1 = 1, n2 = 1, n3 = 2, n4 = 0: Y = 1/3, D1 = 1 - 2/3 = 1/3, D2 = 2 - 3 * 1/3 * 2 = 0, D3+ = 3 - 0 = 3
    const d = discountsFromCountsOfCounts([0, 1, 1, 2, 0]);
    expect(d.fallback).toBe(false);
    expect(d.amounts[1]).toBeCloseTo(1 / 3, 12);
    expect(d.amounts[2]).toBe(0);
    expect(d.amounts[3]).toBe(3);
  });

  it('falls back to 0.5, 1, 1.5 when a count-of-count is 0 or a discount is out of range', () => {
    expect(discountsFromCountsOfCounts([0, 5, 0, 1, 1])).toEqual({ amounts: FALLBACK_DISCOUNTS, fallback: true });
    expect(discountsFromCountsOfCounts([0, 0, 0, 0, 0]).fallback).toBe(true);
    // n1 = 1, n2 = 1, n3 = 1, n4 = 9: Y = 1/3, D3+ = 3 - 4/3 * 9 = -9 < 0
    expect(discountsFromCountsOfCounts([0, 1, 1, 1, 9]).fallback).toBe(true);
    // each of n1, n2, n3 at 0 alone (a division by 0 in eq. 26)
    for (const n of [[0, 0, 4, 2, 1], [0, 10, 0, 2, 1], [0, 10, 4, 0, 0], [0, 10, 4, 0, 1]]) {
      expect(discountsFromCountsOfCounts(n)).toEqual({ amounts: FALLBACK_DISCOUNTS, fallback: true });
    }
  });
});

describe('adjusted counts', () => {
  it('keeps raw counts at the top order and for n-grams starting with <s>, continuation counts otherwise', () => {
    const trie = buildNgramTrie(TINY, 3, 5);
    const adjusted = adjustedCounts(trie);
    const at = (...ids: number[]) => adjusted[findNode(trie, ids, 0, ids.length)]!;
    expect(at(BOS, A)).toBe(2); // raw: nothing precedes <s>
    expect(at(A, B)).toBe(1); // preceded by <s> only
    expect(at(B, EOS)).toBe(2); // preceded by a and <s>
    expect(at(B)).toBe(2); // preceded by <s> and a
    expect(at(BOS)).toBe(0); // never predicted
    expect(at(A, B, EOS)).toBe(1); // top order: raw
  });
});

describe('interpolated modified Kneser-Ney', () => {
  // order 2 on TINY. Unigram adjusted counts a 1, b 2, c 1, </s> 2 -> n1 = 2, n2 = 2, n3 = 0: fallback.
  // Bigram raw counts 2,1,1,1,2,1 -> n3 = 0: fallback. So D1 = 0.5, D2 = 1, D3+ = 1.5 at both orders.
  // Empty history: denominator 6, discounts 0.5 + 1 + 0.5 + 1 = 3, gamma 1/2
  //   P(a) = 0.5/6 + 1/2 * 1/4 = 5/24;  P(b) = 1/6 + 1/8 = 7/24;  P(c) = 5/24;  P(</s>) = 7/24
  // History <s>: a 2, b 1 -> denominator 3, discounts 1 + 0.5, gamma 1/2
  //   P(a | <s>) = 1/3 + 1/2 * 5/24 = 21/48;  P(b | <s>) = 0.5/3 + 1/2 * 7/24 = 15/48
  //   P(c | <s>) = 5/48;  P(</s> | <s>) = 7/48
  // built inside each test (a fixture built here would make the mutants it reaches static)
  const model = () => trainKneserNey(TINY, options('kneser-ney', 2));

  it('reports the discount fallback on degenerate counts', () => {
    expect(model().discountFallback).toBe(true);
    const discounts = kneserNeyDiscounts(buildNgramTrie(TINY, 2, 5));
    expect(discounts[1]!.fallback).toBe(true);
    expect(discounts[2]!.fallback).toBe(true);
  });

  it('matches the hand-computed probabilities', () => {
    expect(model().probability(history(BOS), 0, 1, A)).toBeCloseTo(21 / 48, 12);
    expect(model().probability(history(BOS), 0, 1, B)).toBeCloseTo(15 / 48, 12);
    expect(model().probability(history(BOS), 0, 1, C)).toBeCloseTo(5 / 48, 12);
    expect(model().probability(history(BOS), 0, 1, EOS)).toBeCloseTo(7 / 48, 12);
    // unseen history: the unigram level
    expect(model().probability(history(BOS, 9), 0, 2, B)).toBeCloseTo(7 / 24, 12);
  });

  it('uses eq. (26) discounts at the top order when its counts-of-counts allow them', () => {
    // bigrams: "<s> x_i" and "x_i 5" once each (24 with count 1), "5 </s>" 12 times;
    // "<s> u_i", "u_i v_i", "v_i </s>" twice each for 4 pairs (12 with count 2); "<s> 8", "8 9", "9 </s>" 3 times.
    // n1 = 24, n2 = 12, n3 = 3, n4 = 0: Y = 24/48 = 1/2, D1 = 1 - 12/24 = 1/2, D2 = 2 - 3/2 * 3/12 = 13/8, D3+ = 3.
    const sentences: number[][] = [];
    for (let i = 0; i < 12; i++) sentences.push([10 + i, 5]);
    for (let i = 0; i < 4; i++) for (let r = 0; r < 2; r++) sentences.push([30 + i, 40 + i]);
    for (let r = 0; r < 3; r++) sentences.push([8, 9]);
    const trie = buildNgramTrie(corpusFromSentences(sentences), 2, 50);
    const discounts = kneserNeyDiscounts(trie);
    // the highest order's adjusted counts are its raw counts: n[r] of those
    const n = [0, 0, 0, 0, 0];
    for (let x = trie.levelStart[2]!; x < trie.levelStart[3]!; x++) if (trie.count[x]! <= 4) n[trie.count[x]!]!++;
    expect(n).toEqual([0, 24, 12, 3, 0]);
    expect(discounts[2]).toEqual(discountsFromCountsOfCounts(n));
    expect(discounts[2]!.fallback).toBe(false);
    expect(discounts[2]!.amounts[1]).toBeCloseTo(1 / 2, 12);
    expect(discounts[2]!.amounts[2]).toBeCloseTo(13 / 8, 12);
    expect(discounts[2]!.amounts[3]).toBeCloseTo(3, 12);
  });

  it('computes both orders from their own counts-of-counts and reports no fallback when both are valid', () => {
    // order 2 on "a d", "b d", "c d", "e d", "a b", "a c", "b c", "e f", "f" (ids a..f = 2..7).
    // Unigrams (adjusted = continuation N1+(. w)): a {<s>} 1, b {<s>, a} 2, c {<s>, a, b} 3,
    //   d {a, b, c, e} 4, e {<s>} 1, f {e, <s>} 2, </s> {d, b, c, f} 4: n1 = 2, n2 = 2, n3 = 1, n4 = 2
    //   Y = 2/6 = 1/3, D1 = 1 - 2/3 * 2/2 = 1/3, D2 = 2 - 1 * 1/2 = 3/2, D3+ = 3 - 4/3 * 2 = 1/3
    // Bigrams (top order: raw counts): <s> a 3, <s> b 2, <s> e 2, c </s> 2, f </s> 2, d </s> 4, the 11 others 1:
    //   n1 = 11, n2 = 4, n3 = 1, n4 = 1: Y = 11/19, D1 = 1 - 8/19 = 11/19, D2 = 2 - 33/76 = 119/76,
    //   D3+ = 3 - 44/19 = 13/19
    const [a, b, c, d, e, f] = [2, 3, 4, 5, 6, 7];
    const corpus = corpusFromSentences([[a, d], [b, d], [c, d], [e, d], [a, b], [a, c], [b, c], [e, f], [f]]);
    const discounts = kneserNeyDiscounts(buildNgramTrie(corpus, 2, 8));
    expect(discounts[1]!.fallback).toBe(false);
    expect(discounts[1]!.amounts.map((x) => x * 6)).toEqual([0, 2, 9, 2].map((x) => expect.closeTo(x, 12)));
    expect(discounts[2]!.fallback).toBe(false);
    expect(discounts[2]!.amounts.map((x) => x * 76)).toEqual([0, 44, 119, 52].map((x) => expect.closeTo(x, 12)));
    const trained = trainKneserNey(corpus, options('kneser-ney', 2, { idSpace: 8 }));
    expect(trained.discountFallback).toBe(false);
    expect(trained.smoothing).toBe('kneser-ney');
  });

  it('at order 1 discounts the raw unigram counts', () => {
    // "a b c d", "a b c", "a e", "f": counts a 3, b 2, c 2, d 1, e 1, f 1, </s> 4 (total 14)
    // n1 = 3, n2 = 2, n3 = 1, n4 = 1: Y = 3/7, D1 = 3/7, D2 = 2 - 9/14 = 19/14, D3+ = 3 - 12/7 = 9/7
    // gamma = (3 D1 + 2 D2 + 2 D3+) / 14 = (9/7 + 19/7 + 18/7) / 14 = 23/49, |V| = 7 (a..f, </s>)
    // P(a) = (3 - 9/7) / 14 + 23/49 / 7 = 42/343 + 23/343 = 65/343
    // P(b) = (2 - 19/14) / 14 + 23/343 = 9/196 + 23/343 = (63 + 92) / 1372 = 155/1372
    // P(d) = (1 - 3/7) / 14 + 23/343 = 14/343 + 23/343 = 37/343;  P(</s>) = (4 - 9/7) / 14 + 23/343 = 133/686 + 46/686 = 179/686
    const [a, b, c, d, e, f] = [2, 3, 4, 5, 6, 7];
    const trained = trainKneserNey(corpusFromSentences([[a, b, c, d], [a, b, c], [a, e], [f]]), options('kneser-ney', 1, { idSpace: 8 }));
    expect(trained.discountFallback).toBe(false);
    expect(trained.probability(history(BOS), 0, 1, a)).toBeCloseTo(65 / 343, 12);
    expect(trained.probability(history(BOS), 0, 1, b)).toBeCloseTo(155 / 1372, 12);
    expect(trained.probability(history(BOS), 0, 1, d)).toBeCloseTo(37 / 343, 12);
    expect(trained.probability(history(BOS), 0, 1, EOS)).toBeCloseTo(179 / 686, 12);
  });

  it('never yields NaN on collapsed data (one sentence repeated)', () => {
    const collapsed = corpusFromSentences(Array.from({ length: 50 }, () => [A, B, C]));
    const trained = trainKneserNey(collapsed, options('kneser-ney', 3));
    expect(trained.discountFallback).toBe(true);
    let sum = 0;
    for (let w = 0; w < 5; w++) sum += trained.probability(history(BOS, A), 0, 2, w);
    expect(sum).toBeCloseTo(1, 12);
  });
});
