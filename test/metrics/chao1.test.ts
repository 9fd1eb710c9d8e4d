import { describe, expect, it } from 'vitest';
import { chao1, chao1FromCounts } from '../../src/metrics/chao1.js';
import { countUnigrams } from '../../src/metrics/unigramCounts.js';
import { fixture } from '../helpers/corpus.js';

const estimate = (sentences: string[]): number | undefined => {
  const f = fixture(sentences);
  return chao1(countUnigrams(f.corpus, f.vocabulary.size));
};

describe('chao1 (Chao 1984; bias-corrected form when f2 = 0, Chao 1987)', () => {
  it('adds f1^2 / (2 f2) to the types seen', () => {
    // a 3, b 1, c 1, d 2: types 4, f1 = 2 (b, c), f2 = 1 (d): 4 + 4 / 2 = 6
    expect(estimate(['a b a', 'c d a d'])).toBe(6);
    // a 1, b 1, c 1, d 2, e 2: types 5, f1 = 3, f2 = 2: 5 + 9 / 4 = 7.25
    expect(estimate(['a b c', 'd d e e'])).toBe(7.25);
  });

  it('uses f1 (f1 - 1) / 2 when no type is seen twice', () => {
    // a 1, b 1, c 1, d 3: types 4, f1 = 3, f2 = 0: 4 + 3 * 2 / 2 = 7
    expect(estimate(['a b c d d d'])).toBe(7);
    // a single singleton adds nothing: types 2, f1 = 1, f2 = 0: 2 + 0 = 2
    expect(estimate(['a b b b'])).toBe(2);
  });

  it('equals the types seen when nothing is seen once', () => {
    expect(estimate(['a a b b b'])).toBe(2);
  });

  it('is undefined for an empty text', () => {
    expect(estimate([])).toBeUndefined();
  });

  it('never falls below the types seen (property over small profiles)', () => {
    for (let types = 1; types <= 12; types++)
      for (let f1 = 0; f1 <= types; f1++)
        for (let f2 = 0; f1 + f2 <= types; f2++) expect(chao1FromCounts(types, f1, f2)).toBeGreaterThanOrEqual(types);
  });
});
