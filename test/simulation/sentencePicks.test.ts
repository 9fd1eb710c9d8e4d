import { describe, expect, it } from 'vitest';
import { corpusFromSentences, sentenceCount, type TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import { firstTokens, pickSentences, pickTokens } from '../../src/simulation/sentencePicks.js';

/** Sentences of 2, 3 and 4 tokens: [2 2], [3 3 3], [4 4 4 4]. */
const source = (): TokenCorpus => corpusFromSentences([[2, 2], [3, 3, 3], [4, 4, 4, 4]]);
const sentences = (corpus: TokenCorpus): number[][] =>
  Array.from({ length: sentenceCount(corpus) }, (_, s) => [...corpus.ids.subarray(corpus.offsets[s], corpus.offsets[s + 1])]);
// random() = 0 makes every pick of the partial shuffle the first one left: sentences 0, 1, 2 in order;
// random() = 0.99 the last one left: sentence 2, then 0 (moved to position 2 by the first swap), then 1.
const first = (): number => 0;
const last = (): number => 0.99;

describe('sentence picks', () => {
  it('pickTokens stops at the first sentence that brings the tokens to the target', () => {
    expect(sentences(pickTokens(source(), 5, first))).toEqual([[2, 2], [3, 3, 3]]); // 2 + 3 = 5
    expect(sentences(pickTokens(source(), 6, first))).toEqual([[2, 2], [3, 3, 3], [4, 4, 4, 4]]); // 5 < 6: one more
    expect(sentences(pickTokens(source(), 1, first))).toEqual([[2, 2]]);
  });

  it('pickTokens takes every sentence when the source runs out, and none for a target <= 0', () => {
    expect(sentences(pickTokens(source(), 100, first))).toHaveLength(3);
    expect(sentences(pickTokens(source(), 0, first))).toEqual([]);
    expect(sentences(pickTokens(source(), -3, first))).toEqual([]);
  });

  it('keep the order of drawing', () => {
    expect(sentences(pickTokens(source(), 5, last))).toEqual([[4, 4, 4, 4], [2, 2]]);
    expect(sentences(pickSentences(source(), 3, last))).toEqual([[4, 4, 4, 4], [2, 2], [3, 3, 3]]);
  });

  it('pickSentences takes exactly count sentences, none for 0', () => {
    expect(sentences(pickSentences(source(), 2, first))).toEqual([[2, 2], [3, 3, 3]]);
    expect(sentences(pickSentences(source(), 0, first))).toEqual([]);
  });

  it('firstTokens takes the first sentences until they hold the target, or the pool itself', () => {
    const pool = source();
    expect(sentences(firstTokens(pool, 5))).toEqual([[2, 2], [3, 3, 3]]); // 2 + 3 = 5
    expect(sentences(firstTokens(pool, 2))).toEqual([[2, 2]]);
    expect(sentences(firstTokens(pool, 3))).toEqual([[2, 2], [3, 3, 3]]);
    expect(firstTokens(pool, 0)).toEqual({ ids: new Int32Array(0), offsets: new Int32Array([0]) });
    expect(firstTokens(pool, 6)).toBe(pool); // every sentence is needed
    expect(firstTokens(pool, 100)).toBe(pool);
  });
});
