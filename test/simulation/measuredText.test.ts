import { describe, expect, it } from 'vitest';
import { corpusFromSentences, sentenceCount, tokenCount, type TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import { measuredText, type TopUp } from '../../src/simulation/measuredText.js';

/** A share of sentences of the given lengths (token ids 2, 3, 4, ... in order: 0 and 1 are the markers). */
function share(lengths: readonly number[]): TokenCorpus {
  let next = 2;
  return corpusFromSentences(lengths.map((length) => Array.from({ length }, () => next++)));
}

/** A top-up that draws sentences of `length` tokens (id 99) and records what it was asked for. */
function recordingTopUp(length: number): { topUp: TopUp; calls: Array<[number, number]> } {
  const calls: Array<[number, number]> = [];
  const topUp: TopUp = (tokens, sentences) => {
    calls.push([tokens, sentences]);
    const drawn: number[][] = [];
    let total = 0;
    while (total < tokens && drawn.length < sentences) {
      drawn.push(Array.from({ length }, () => 99));
      total += length;
    }
    return corpusFromSentences(drawn);
  };
  return { topUp, calls };
}

describe('measuredText: the synthetic share topped up to the measured size', () => {
  it('returns the share itself when it already reached the size (human ratio 0): same object, no draw', () => {
    const text = share([4, 4, 3]); // 11 tokens, the batch stopped at the first sentence reaching 10
    const { topUp, calls } = recordingTopUp(5);
    const measured = measuredText(text, 10, topUp);
    expect(measured.text).toBe(text);
    expect(measured.shareSentences).toBe(3);
    expect(calls).toEqual([]);
  });

  it('measures nothing for a size of 0 (the batch rule draws no sentence for a target of 0)', () => {
    const { topUp, calls } = recordingTopUp(5);
    const measured = measuredText(share([2, 3]), 0, topUp);
    expect(sentenceCount(measured.text)).toBe(0);
    expect(measured.shareSentences).toBe(0);
    expect(calls).toEqual([]);
  });

  it('returns the share itself when it holds exactly the size: same object, no draw', () => {
    const text = share([4, 6]); // 10 tokens, size 10: the second sentence reaches it
    const { topUp, calls } = recordingTopUp(5);
    expect(measuredText(text, 10, topUp).text).toBe(text);
    expect(calls).toEqual([]);
  });

  it('never keeps more than max(size, 1) sentences of the share, even when a later one would reach the size', () => {
    // lengths 0, 0, 5; size 2: at most 2 sentences, and neither of the first two reaches 2 tokens
    const { topUp, calls } = recordingTopUp(5);
    const measured = measuredText(share([0, 0, 5]), 2, topUp);
    expect(sentenceCount(measured.text)).toBe(2);
    expect(tokenCount(measured.text)).toBe(0);
    expect(measured.shareSentences).toBe(2);
    expect(calls).toEqual([]);
  });

  it('tops a short share up with whole sentences from the top-up, asking for the missing tokens', () => {
    // share 3 + 2 = 5 tokens; size 12: 7 missing, at most 12 - 2 = 10 more sentences;
    // sentences of 3 tokens: 3 + 3 + 3 = 9 >= 7 -> 3 sentences, 14 tokens in all (overshoot < one sentence).
    const { topUp, calls } = recordingTopUp(3);
    const measured = measuredText(share([3, 2]), 12, topUp);
    expect(calls).toEqual([[7, 10]]);
    expect(tokenCount(measured.text)).toBe(14);
    expect(sentenceCount(measured.text)).toBe(5);
    expect(measured.shareSentences).toBe(2);
    expect(Array.from(measured.text.ids.subarray(0, 5))).toEqual([2, 3, 4, 5, 6]); // the share first, in order
    expect(Array.from(measured.text.ids.subarray(5))).toEqual(Array(9).fill(99));
  });

  it('is all top-up when the share is empty (human ratio 1)', () => {
    const { topUp, calls } = recordingTopUp(4);
    const measured = measuredText(share([]), 10, topUp);
    expect(calls).toEqual([[10, 10]]);
    expect(tokenCount(measured.text)).toBe(12);
    expect(measured.shareSentences).toBe(0);
  });

  it('cuts a share longer than a smaller size to its shortest prefix of whole sentences that reaches it', () => {
    // sentences of 4, 4, 3, 5 tokens; size 6: 4 < 6, 4 + 4 = 8 >= 6 -> the first 2 sentences.
    const { topUp, calls } = recordingTopUp(5);
    const measured = measuredText(share([4, 4, 3, 5]), 6, topUp);
    expect(calls).toEqual([]);
    expect(sentenceCount(measured.text)).toBe(2);
    expect(tokenCount(measured.text)).toBe(8);
    expect(measured.shareSentences).toBe(2);
  });

  it('counts the sentence cap over share and top-up together, as one sampling run would', () => {
    // Size 4 allows at most 4 sentences. A share of 3 empty sentences leaves room for 1 more;
    // a share of 4 empty sentences (the batch gave up at its own cap) gets no top-up at all.
    const { topUp, calls } = recordingTopUp(0);
    const three = measuredText(share([0, 0, 0]), 4, topUp);
    expect(calls).toEqual([[4, 1]]);
    expect(sentenceCount(three.text)).toBe(4);
    const four = share([0, 0, 0, 0]);
    expect(measuredText(four, 4, topUp).text).toBe(four);
    expect(calls).toHaveLength(1);
  });
});
