/**
 * SentenceSet (the copy_rate's lookup) and countUnigrams, each on a fresh corpus inside the test (the
 * unigram counts are remembered per corpus object, so a fixture shared between tests would hide them).
 */

import { describe, expect, it } from 'vitest';
import { corpusFromSentences } from '../../src/corpus/tokenCorpus.js';
import { hashSentence, sameSentence, SentenceSet } from '../../src/metrics/sentenceSet.js';
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

describe('SentenceSet: the table', () => {
  // [2148] and [2148, 12077987] have the same FNV-1a hash: the second id was solved for,
  // y = ((u ^ 3) * 0x01000193^-1 mod 2^32) ^ u with u the state after [2148] (the first a from 2 up whose
  // y is a token id below MAX_ID_SPACE, 2^24: ([5], [5, 570244817]) collide too, but 570244817 is no id now).
  const short = corpusFromSentences([[2148]]);
  const long = corpusFromSentences([[2148, 12077987]]);

  it('tells apart sentences whose hashes collide, one a prefix of the other', () => {
    expect(hashSentence(short, 0)).toBe(hashSentence(long, 0));
    expect(new SentenceSet(long).has(short, 0)).toBe(false);
    expect(new SentenceSet(short).has(long, 0)).toBe(false);
    const both = new SentenceSet(corpusFromSentences([[2148], [2148, 12077987]]));
    expect([both.has(short, 0), both.has(long, 0)]).toEqual([true, true]);
  });

  it('keeps one slot per distinct sentence: [2 3] [3 2] [2 3] [] [5] [] [2 3] -> 4', () => {
    const set = new SentenceSet(corpusFromSentences([[2, 3], [3, 2], [2, 3], [], [5], [], [2, 3]]));
    const used = Array.from(set.parts.slots).filter((slot) => slot !== 0);
    // slots hold sentence index + 1: the first occurrences 0, 1, 3, 4
    expect(used.sort((a, b) => a - b)).toEqual([1, 2, 4, 5]);
  });

  it('sizes its table as the smallest power of two >= 16 that keeps the load <= 1/2', () => {
    const size = (sentences: number): number => new SentenceSet(corpusFromSentences(Array.from({ length: sentences }, (_, s) => [s + 2]))).parts.slots.length;
    // 8 sentences fit 16 slots at load 1/2; 9 need 32; 16 fit 32; 17 need 64
    expect([size(0), size(8), size(9), size(16), size(17)]).toEqual([16, 16, 32, 32, 64]);
  });

  it('is rebuilt from its parts without rebuilding the table (the arrays are adopted)', () => {
    const parts = new SentenceSet(corpusFromSentences([[2, 3], [4]])).parts;
    const adopted = SentenceSet.fromParts(parts);
    expect(adopted.parts.slots).toBe(parts.slots);
    expect(adopted.parts.slotHash).toBe(parts.slotHash);
    const query = corpusFromSentences([[4], [3, 2], [2, 3]]);
    expect([0, 1, 2].map((s) => adopted.has(query, s))).toEqual([true, false, true]);
  });
});

describe('hashSentence: FNV-1a over the ids, then the length', () => {
  // An independent FNV-1a in BigInt (offset basis 2166136261, prime 16777619, arithmetic mod 2^32),
  // read as a signed 32-bit integer.
  const fnv = (ids: readonly number[]): number => {
    let h = 2166136261n;
    for (const value of [...ids, ids.length]) h = ((h ^ BigInt(value)) * 16777619n) % 2n ** 32n;
    return Number(BigInt.asIntN(32, h));
  };

  it('equals FNV-1a for each sentence of a corpus, wherever it starts', () => {
    const sentences = [[7, 9], [], [2], [2, 3, 4, 3]];
    const corpus = corpusFromSentences(sentences);
    expect(sentences.map((_, s) => hashSentence(corpus, s))).toEqual(sentences.map(fnv));
  });
});

describe('sameSentence', () => {
  it('is true only for the same ids in the same order and the same length, at any offsets', () => {
    const a = corpusFromSentences([[9], [2, 3], [2, 3, 4]]);
    const b = corpusFromSentences([[2, 3], [2, 4], [3, 2], [2]]);
    expect(sameSentence(a, 1, b, 0)).toBe(true);
    expect(sameSentence(a, 1, b, 1)).toBe(false); // second id differs
    expect(sameSentence(a, 1, b, 2)).toBe(false); // reordered
    expect(sameSentence(a, 2, b, 0)).toBe(false); // b's sentence is a prefix
    expect(sameSentence(b, 3, a, 1)).toBe(false); // [2] is a prefix of [2 3]
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
