import { describe, expect, it } from 'vitest';
import { driftExpectedTypes } from '../../src/metrics/driftBaseline.js';
import { jsDivergence } from '../../src/metrics/jsDivergence.js';
import { measureText } from '../../src/metrics/measureText.js';
import { overlapMetrics } from '../../src/metrics/overlapMetrics.js';
import { seedProfile } from '../../src/metrics/seedPerplexity.js';
import { buildSeedReference } from '../../src/metrics/seedReference.js';
import { countUnigrams } from '../../src/metrics/unigramCounts.js';
import { fixture } from '../helpers/corpus.js';

// H: "a a a b c", "d e f g h i j k l m n o p q r s t u v w x y z1" -> counts:
// a 3 (band 2-5), b 1, c 1, and 23 more hapaxes. Enough for all four bands below.
describe('survival against the seed (H)', () => {
  const many = Array.from({ length: 25 }, () => 'w').join(' '); // w: 25 times (band 21+)
  const ten = Array.from({ length: 10 }, () => 'v').join(' '); // v: 10 times (band 6-20)
  // Built inside each test (not in the describe body): code run while tests are collected is covered
  // by no test, and mutation testing would then run every test for each of its mutants.
  const setup = () => {
    const f = fixture(['a a a b c', many, ten]);
    const reference = buildSeedReference(f.corpus, f.vocabulary.size + 5, 1);
    // seed types: a(3) b(1) c(1) w(25) v(10) = 5 types; rare (<=1): b, c.
    const text = f.more(['a b w w', 'v x']); // x is not a seed type
    return { f, reference, values: measureText(text, reference).values };
  };

  it('vocab_retention: seed types present / seed types = 4 of 5 (a, b, w, v)', () => {
    const { values } = setup();
    expect(values.vocab_retention).toBeCloseTo(4 / 5, 15);
  });
  it('rare_survival: seed-rare types present = b of {b, c} = 1/2', () => {
    const { values } = setup();
    expect(values.rare_survival).toBeCloseTo(1 / 2, 15);
    expect(values.survival_1).toBeCloseTo(1 / 2, 15);
  });
  it('survival by band: 2-5 {a}: 1, 6-20 {v}: 1, 21+ {w}: 1', () => {
    const { values } = setup();
    expect(values.survival_2_5).toBe(1);
    expect(values.survival_6_20).toBe(1);
    expect(values.survival_21_plus).toBe(1);
  });
  it('puts each seed type in its count band: b, c (1) | a (3) | v (10) | w (25)', () => {
    const { f, reference } = setup();
    expect(Array.from(reference.bandSizes)).toEqual([2, 1, 1, 1]);
    expect(['b', 'c', 'a', 'v', 'w'].map((token) => reference.band[f.id(token)])).toEqual([0, 0, 1, 2, 3]);
    expect(reference.rareTypes).toBe(2);
  });
  it('tail_mass: tokens of seed-rare types / tokens = 1 (b) of 6', () => {
    const { values } = setup();
    expect(values.tail_mass).toBeCloseTo(1 / 6, 15);
  });
  it('copy_rate and novel trigrams against H', () => {
    const { f, reference, values } = setup();
    // sentences: "a b w w" and "v x" are not in H -> copy 0; trigrams abw, bww: "a b w" not in H -> both novel
    expect(values.copy_rate).toBe(0);
    expect(values.novel_3gram_rate).toBe(1);
    const copy = measureText(f.more(['a a a b c', 'a a a']), reference).values;
    // first copies H verbatim, second does not; trigrams aaa,aab,abc (in H) + aaa (in H) -> 0 novel
    expect(copy.copy_rate).toBeCloseTo(1 / 2, 15);
    expect(copy.novel_3gram_rate).toBe(0);
  });
  it('counts the sentences, and scores copies the same with or without a precomputed n-gram profile', () => {
    const { f, reference, values } = setup();
    expect(values.sentences).toBe(2);
    // "a a a b c" copies H, "a b" does not: copy 1/2; trigrams a a a, a a b, a b c are all in H
    expect(overlapMetrics(f.more(['a a a b c', 'a b']), reference)).toEqual({ copy_rate: 0.5, novel_3gram_rate: 0 });
  });
  it('remembers the scored n-gram profile of a text for its reference, and scores again for another', () => {
    const { f, reference } = setup();
    const text = f.more(['a b w w']);
    const first = seedProfile(text, reference);
    expect(seedProfile(text, reference)).toBe(first);
    const other = buildSeedReference(f.corpus, f.vocabulary.size + 5, 1);
    const again = seedProfile(text, other);
    expect(again).not.toBe(first);
    expect(again.profile).toEqual(first.profile);
  });
  it('an empty band has undefined survival, not NaN', () => {
    const g = fixture(['a b c']);
    const only = measureText(g.corpus, buildSeedReference(g.corpus, g.vocabulary.size, 1)).values;
    expect(only.survival_21_plus).toBeUndefined();
    expect(only.survival_1).toBe(1);
  });
});

describe('Jensen-Shannon divergence', () => {
  it('is 0 for identical distributions and 1 bit for disjoint ones', () => {
    const f = fixture(['a b', 'c d']);
    const size = f.vocabulary.size;
    const ab = countUnigrams(f.more(['a b']), size);
    const cd = countUnigrams(f.more(['c d']), size);
    expect(jsDivergence(ab, ab)).toBe(0);
    expect(jsDivergence(ab, cd)).toBeCloseTo(1, 15);
  });
  it('is 1/2 bit for half-overlapping texts: P = (a 1/2, b 1/2), Q = (a 1/2, c 1/2)', () => {
    // M = (a 1/2, b 1/4, c 1/4): KL(P||M) = 1/2 log2(1) + 1/2 log2(2) = 1/2, KL(Q||M) = 1/2 likewise; JS = 1/2
    const f = fixture(['a b c']);
    const size = f.vocabulary.size;
    expect(jsDivergence(countUnigrams(f.more(['a b']), size), countUnigrams(f.more(['a c']), size))).toBeCloseTo(0.5, 15);
  });
  it('is undefined when either text is empty', () => {
    const f = fixture(['a b']);
    const ab = countUnigrams(f.more(['a b']), f.vocabulary.size);
    const empty = countUnigrams(f.more([]), f.vocabulary.size);
    expect([jsDivergence(ab, empty), jsDivergence(empty, ab), jsDivergence(empty, empty)]).toEqual([undefined, undefined, undefined]);
  });
  it('matches a hand computation: P = (1/2, 1/2), Q = (1, 0)', () => {
    // M = (3/4, 1/4). KL(P||M) = 1/2 log2(2/3) + 1/2 log2(2) = 0.5 * (-0.5849625) + 0.5 = 0.2075187
    // KL(Q||M) = log2(4/3) = 0.4150375. JS = (0.2075187 + 0.4150375) / 2 = 0.3112781
    const f = fixture(['a b']);
    const size = f.vocabulary.size;
    expect(jsDivergence(countUnigrams(f.more(['a b']), size), countUnigrams(f.more(['a a']), size))).toBeCloseTo(0.3112781, 6);
  });
});

describe('drift baseline', () => {
  it('is sum over types of 1 - (1 - c/T)^M', () => {
    // training "a a b": counts a 2, b 1, 1 sentence -> T = 4; M = 4 draws:
    // a: 1 - (1/2)^4 = 0.9375, b: 1 - (3/4)^4 = 0.68359375 -> 1.62109375
    const f = fixture(['a a b']);
    expect(driftExpectedTypes(countUnigrams(f.corpus, f.vocabulary.size), 1, 4)).toBeCloseTo(1.62109375, 12);
  });
  it('gives a type seen once a survival probability near 1 - 1/e for large M', () => {
    const tokens = Array.from({ length: 9999 }, (_, i) => `t${i}`).join(' ');
    const f = fixture([tokens]);
    // 9999 hapaxes + 1 sentence: T = M = 10000; each survives with 1 - (1 - 1e-4)^1e4 = 0.632139
    const expected = driftExpectedTypes(countUnigrams(f.corpus, f.vocabulary.size), 1, 10_000) / 9999;
    expect(expected).toBeCloseTo(1 - Math.pow(1 - 1e-4, 1e4), 12);
    expect(expected).toBeCloseTo(1 - 1 / Math.E, 4);
  });
});
