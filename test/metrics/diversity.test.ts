import { describe, expect, it } from 'vitest';
import { distinctNgrams } from '../helpers/distinctNgrams.js';
import { mattr } from '../../src/metrics/mattr.js';
import { mtld } from '../../src/metrics/mtld.js';
import { fixture } from '../helpers/corpus.js';

describe('distinct-n (pooled, within sentences)', () => {
  // "a b a b" has bigrams ab, ba, ab (2 distinct of 3); "a b" adds ab: 2 distinct of 4.
  const f = fixture(['a b a b', 'a b']);
  it('divides distinct n-grams by all n-grams', () => {
    expect(distinctNgrams(f.corpus, 2)).toBeCloseTo(2 / 4, 15);
    // trigrams only in the first sentence: aba, bab -> 2 of 2
    expect(distinctNgrams(f.corpus, 3)).toBe(1);
  });
  it('does not count n-grams across sentence boundaries', () => {
    // "a" + "b": no bigram at all (a b across the boundary is not one)
    expect(distinctNgrams(fixture(['a', 'b']).corpus, 2)).toBeUndefined();
  });
});

describe('MATTR', () => {
  // stream a b a c with window 2: windows ab (2), ba (2), ac (2) -> 1; window 3: aba (2/3), bac (1) -> 5/6
  const f = fixture(['a b', 'a c']);
  it('averages the TTR of every window of the stream', () => {
    expect(mattr(f.corpus, f.vocabulary.size, 2)).toBe(1);
    expect(mattr(f.corpus, f.vocabulary.size, 3)).toBeCloseTo(5 / 6, 15);
  });
  it('falls back to the plain TTR when the text is shorter than the window', () => {
    expect(mattr(f.corpus, f.vocabulary.size, 500)).toBeCloseTo(3 / 4, 15);
  });
});

describe('MTLD (McCarthy & Jarvis 2010)', () => {
  it('counts a factor each time the running TTR reaches 0.72 (hand-traced)', () => {
    // forward over "a a a a": TTRs 1, 0.5 -> factor at token 2; then 1, 0.5 -> factor at token 4.
    // factors = 2, MTLD = 4 / 2 = 2; backward identical -> 2.
    const f = fixture(['a a a a']);
    expect(mtld(f.corpus, f.vocabulary.size)).toBe(2);
  });
  it('adds the partial factor (1 - ttr) / (1 - 0.72) for the remainder', () => {
    // "a b c a": TTRs 1, 1, 1, 0.75 (never <= 0.72): partial = 0.25 / 0.28, MTLD = 4 / (0.25/0.28) = 4.48
    // backward "a c b a": same TTR sequence -> 4.48
    const f = fixture(['a b c a']);
    expect(mtld(f.corpus, f.vocabulary.size)).toBeCloseTo(4 / (0.25 / 0.28), 12);
  });
  it('is undefined for a text with no factor at all (all distinct: partial factor 0)', () => {
    const f = fixture(['a b c']);
    expect(mtld(f.corpus, f.vocabulary.size)).toBeUndefined();
  });
});
