import { describe, expect, it } from 'vitest';
import { distinctNgrams, forEachNgram } from '../../src/metrics/distinctNgrams.js';
import { ngramProfile, TrigramSet } from '../../src/metrics/ngramProfile.js';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { randomCorpus } from '../speedHelpers.js';

describe('ngramProfile', () => {
  it('counts by hand: "a b a b" and "a b" (ids 2, 3)', () => {
    // bigrams: ab ba ab | ab -> 4, distinct {ab, ba} = 2; trigrams: aba bab -> 2, distinct 2
    const corpus = corpusFromSentences([[2, 3, 2, 3], [2, 3]]);
    const reference = new TrigramSet(corpusFromSentences([[2, 3, 2]]), 4);
    expect(ngramProfile(corpus, 4, reference)).toEqual({ bigrams: 4, distinctBigrams: 2, trigrams: 2, distinctTrigrams: 2, novelTrigrams: 1 });
  });

  for (const seed of ['p1', 'p2', 'p3']) {
    it(`equals distinctNgrams and a naive novel-trigram count on a random corpus (${seed})`, () => {
      const text = randomCorpus(seed, 800, 50, 14);
      const human = randomCorpus(`${seed}-human`, 800, 50, 14);
      const idSpace = 52;
      const reference = new TrigramSet(human, idSpace);
      const profile = ngramProfile(text, idSpace, reference);
      const naiveSet = new Set<string>();
      forEachNgram(human, 3, (at) => naiveSet.add(Array.from(human.ids.subarray(at, at + 3)).join(' ')));
      expect(reference.size).toBe(naiveSet.size);
      let trigrams = 0;
      let novel = 0;
      forEachNgram(text, 3, (at) => {
        trigrams++;
        const key = Array.from(text.ids.subarray(at, at + 3));
        const known = naiveSet.has(key.join(' '));
        expect(reference.has(key[0]!, key[1]!, key[2]!)).toBe(known);
        if (!known) novel++;
      });
      expect(profile.trigrams).toBe(trigrams);
      expect(profile.novelTrigrams).toBe(novel);
      expect(profile.distinctBigrams / profile.bigrams).toBe(distinctNgrams(text, 2));
      expect(profile.distinctTrigrams / profile.trigrams).toBe(distinctNgrams(text, 3));
    });
  }

  it('an empty text has no n-grams', () => {
    expect(ngramProfile({ ids: new Int32Array(0), offsets: new Int32Array(1) }, 4)).toEqual({
      bigrams: 0,
      distinctBigrams: 0,
      trigrams: 0,
      distinctTrigrams: 0,
      novelTrigrams: 0,
    });
  });
});
