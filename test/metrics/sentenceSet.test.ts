/**
 * SentenceSet (the copy_rate's lookup) and countUnigrams, each on a fresh corpus inside the test (the
 * unigram counts are remembered per corpus object, so a fixture shared between tests would hide them).
 */

import { describe, expect, it } from 'vitest';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { SentenceSet } from '../../src/metrics/sentenceSet.js';
import { countUnigrams } from '../../src/metrics/unigramCounts.js';

describe('SentenceSet', () => {
  // reference: [2 3] [3 2] [2 3 4] [5]
  const reference = (): SentenceSet => new SentenceSet(corpusFromSentences([[2, 3], [3, 2], [2, 3, 4], [5]]));
  const query = corpusFromSentences([[2, 3], [3, 2], [2, 3, 4], [5], [2, 3, 5], [2], [3, 2, 4], [4], [], [5, 5]]);

  it('holds exactly the reference sentences, token for token: prefixes, extensions, reorders are not in it', () => {
    const set = reference();
    expect(Array.from({ length: 10 }, (_, s) => set.has(query, s))).toEqual([true, true, true, true, false, false, false, false, false, false]);
  });

  it('finds a sentence at any position of a corpus, and the last reference sentence too', () => {
    const set = reference();
    const other = corpusFromSentences([[7], [7, 7], [5]]);
    expect([set.has(other, 0), set.has(other, 1), set.has(other, 2)]).toEqual([false, false, true]);
  });
});

describe('countUnigrams', () => {
  it('counts every id, lists the types in id order, and the tokens', () => {
    // [2 3 3] [4 3]: 2 once, 3 three times, 4 once
    const counts = countUnigrams(corpusFromSentences([[2, 3, 3], [4, 3]]), 6);
    expect(Array.from(counts.counts)).toEqual([0, 0, 1, 3, 1, 0]);
    expect(Array.from(counts.types)).toEqual([2, 3, 4]);
    expect(counts.tokens).toBe(5);
  });

  it('remembers a corpus\'s counts for one id space, and recounts for another', () => {
    const corpus = corpusFromSentences([[2, 2]]);
    const first = countUnigrams(corpus, 4);
    expect(countUnigrams(corpus, 4)).toBe(first);
    const wider = countUnigrams(corpus, 5);
    expect(wider).not.toBe(first);
    expect(Array.from(wider.counts)).toEqual([0, 0, 2, 0, 0]);
  });
});
