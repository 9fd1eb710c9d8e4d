/**
 * concatCorpora: whole corpora one after the other, sentence for sentence; a lone part with sentences
 * is returned as it is. gatherSentences: the chosen sentences of several corpora, in the order given.
 */

import { describe, expect, it } from 'vitest';
import { concatCorpora, corpusFromSentences, gatherSentences, sentenceAt, type TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import { randomFor } from '../../src/random/random.js';
import { describeError, UsageError } from '../../src/errors.js';

/** A corpus's sentences as plain arrays. */
function sentencesOf(corpus: TokenCorpus): number[][] {
  const list: number[][] = [];
  for (let s = 0; s + 1 < corpus.offsets.length; s++) list.push(Array.from(corpus.ids.subarray(corpus.offsets[s], corpus.offsets[s + 1])));
  return list;
}

describe('concatCorpora', () => {
  it('joins parts sentence for sentence (a hand example with empty sentences and an empty part)', () => {
    const joined = concatCorpora([corpusFromSentences([[2, 3], []]), corpusFromSentences([]), corpusFromSentences([[4], [5, 6, 7]])]);
    expect(Array.from(joined.ids)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(Array.from(joined.offsets)).toEqual([0, 2, 2, 3, 6]);
  });

  it('refuses what is no list of corpora with a UsageError naming the part (a raw TypeError: audit)', () => {
    expect(() => concatCorpora([{}] as never)).toThrow(new UsageError('parts[0] must be a TokenCorpus (Int32Array ids and offsets), got {}', 'pass corpora made by loadCorpus or corpusFromSentences'));
    expect(() => concatCorpora([corpusFromSentences([[2]]), null] as never)).toThrow('parts[1] must be a TokenCorpus');
    expect(() => concatCorpora(corpusFromSentences([[2]]) as never)).toThrow('parts must be a list of TokenCorpus');
    // a Set is named as one (JSON wrote it as {}: round 2)
    expect(() => concatCorpora(new Set([corpusFromSentences([[2]])]) as never)).toThrow('parts must be a list of TokenCorpus, got a Set of 1 item');
  });

  it('on random parts: the sentences of every part in order', () => {
    const random = randomFor(['concat']);
    for (let trial = 0; trial < 30; trial++) {
      const parts = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
        corpusFromSentences(Array.from({ length: Math.floor(random() * 5) }, () => Array.from({ length: Math.floor(random() * 4) }, () => 2 + Math.floor(random() * 9)))),
      );
      const joined = concatCorpora(parts);
      expect(sentencesOf(joined)).toEqual(parts.flatMap(sentencesOf));
      expect(joined.offsets[joined.offsets.length - 1]).toBe(joined.ids.length);
    }
  });

  it('returns a lone part with sentences as it is, and an empty corpus for none', () => {
    const part = corpusFromSentences([[2, 3]]);
    expect(concatCorpora([corpusFromSentences([]), part])).toBe(part);
    const none = concatCorpora([corpusFromSentences([]), corpusFromSentences([])]);
    expect([none.ids.length, Array.from(none.offsets)]).toEqual([0, [0]]);
  });
});

describe('gatherSentences', () => {
  it('copies the picked sentences in the order given, from any corpus, repeats and empty ones included', () => {
    const a = corpusFromSentences([[2, 3], [4], []]);
    const b = corpusFromSentences([[5, 6, 7], [8]]);
    // b's first, a's second, a's empty one, a's first, b's first again: 3 + 1 + 0 + 2 + 3 = 9 tokens
    const gathered = gatherSentences([a, b], [[1, 0], [0, 1], [0, 2], [0, 0], [1, 0]]);
    expect(sentencesOf(gathered)).toEqual([[5, 6, 7], [4], [], [2, 3], [5, 6, 7]]);
    expect(gathered.offsets).toEqual(Int32Array.of(0, 3, 4, 4, 6, 9));
    expect(gatherSentences([a], [])).toEqual({ ids: new Int32Array(0), offsets: Int32Array.of(0) });
  });
});

describe('sentenceAt', () => {
  it('gives sentence s of 0..n-1, and refuses any other s (99 or 1.5 gave the whole corpus, n an empty sentence: audit)', () => {
    const corpus = corpusFromSentences([[2, 3], [], [4]]);
    expect([0, 1, 2].map((s) => Array.from(sentenceAt(corpus, s)))).toEqual([[2, 3], [], [4]]);
    const hint = 'pass a whole number below sentenceCount(corpus)';
    for (const s of [3, 99, -1, 1.5, Number.NaN]) {
      expect(() => sentenceAt(corpus, s)).toThrow(new UsageError(`sentence ${s} is not in the corpus, whose sentences are numbered 0 to 2`, hint));
    }
    expect(() => sentenceAt(corpus, '1' as never)).toThrow("sentence the string '1' is not in the corpus");
    expect(() => sentenceAt(corpusFromSentences([]), 0)).toThrow(new UsageError('sentence 0 is not in the corpus, which has no sentence', hint));
    // a corpus that is none: a typed error by its shape (a raw TypeError: audit)
    expect(() => sentenceAt({} as never, 0)).toThrow(UsageError);
    expect(() => sentenceAt({} as never, 0)).toThrow(/^corpus must be a TokenCorpus \(Int32Array ids and offsets\), got \{\}$/u);
  });

  it('describeError shows any thrown value on one line, one whose String() throws by its tag', () => {
    expect(describeError(Object.create(null), 'HINT')).toBe('[object Object] (HINT)');
    expect(describeError('text\nmore', 'HINT')).toBe('text\\nmore (HINT)');
    expect(describeError(new UsageError('bad', 'do this'))).toBe('bad (do this)');
  });
});
