import { describe, expect, it } from 'vitest';
import type { SentenceSampler } from '../../src/sampler/sampling.js';
import { syntheticText } from '../../src/simulation/syntheticText.js';

/** A sampler whose every sentence is `length` tokens of id 7 (cut at maxLength); counts its calls. */
function fixedLength(length: number): SentenceSampler & { calls: number } {
  const sampler = {
    calls: 0,
    sample(_random: () => number, maxLength: number, out: Int32Array, at: number): number {
      sampler.calls++;
      const n = Math.min(length, maxLength);
      for (let i = 0; i < n; i++) out[at + i] = 7 + (sampler.calls % 3);
      return n;
    },
  };
  return sampler;
}

const random = (): number => 0;

describe('syntheticText', () => {
  it('draws whole sentences until the text holds the target (the last one overshoots)', () => {
    // sentences of 5 tokens, target 12: 5, 10, 15 -> 3 sentences, 15 tokens
    const { text, exhausted } = syntheticText(fixedLength(5), 12, 200, random);
    expect([...text.offsets]).toEqual([0, 5, 10, 15]);
    expect([...text.ids]).toEqual([8, 8, 8, 8, 8, 9, 9, 9, 9, 9, 7, 7, 7, 7, 7]);
    expect(exhausted).toBe(false);
  });

  it('has room for a last sentence of maxSentenceLength tokens begun just below the target', () => {
    // target 10, sentences of 5 = maxSentenceLength: 5, 10 -> the second sentence fills tokens 5..9
    const { text } = syntheticText(fixedLength(5), 10, 5, random);
    expect([...text.ids]).toEqual([8, 8, 8, 8, 8, 9, 9, 9, 9, 9]);
    // target 9: the second sentence ends at 10 = target - 1 + maxSentenceLength
    expect([...syntheticText(fixedLength(5), 9, 5, random).text.ids]).toEqual([8, 8, 8, 8, 8, 9, 9, 9, 9, 9]);
  });

  it('cuts sentences at maxSentenceLength', () => {
    expect([...syntheticText(fixedLength(9), 8, 4, random).text.offsets]).toEqual([0, 4, 8]);
  });

  it('stops after sentenceCap sentences (default max(target, 1)) and says it is exhausted', () => {
    const empty = fixedLength(0);
    const { text, exhausted } = syntheticText(empty, 5, 200, random);
    expect([...text.offsets]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(exhausted).toBe(true);
    expect(empty.calls).toBe(5);
    expect(syntheticText(fixedLength(1), 10, 200, random, 3).text.offsets.length).toBe(4);
    expect(syntheticText(fixedLength(1), 10, 200, random, 3).exhausted).toBe(true);
    expect(syntheticText(fixedLength(0), 0, 200, random).text.offsets.length).toBe(1); // target 0: nothing drawn
  });

  it('gives each text its own ids, and an exhausted text holds no more than its ids', () => {
    // target 12, sentences of 5: 15 tokens in a buffer of 12 + 200 (unused ids past the end are at most maxSentenceLength - 1)
    const first = syntheticText(fixedLength(5), 12, 200, random).text;
    const second = syntheticText(fixedLength(4), 12, 200, random).text;
    expect(second.ids.buffer).not.toBe(first.ids.buffer);
    expect([...first.ids]).toEqual([8, 8, 8, 8, 8, 9, 9, 9, 9, 9, 7, 7, 7, 7, 7]);
    expect(first.ids.buffer.byteLength).toBeLessThanOrEqual((15 + 199) * 4);
    // exhausted: 3 one-token sentences of a target of 1000; the buffer of 1000 + 200 ids does not stay
    const exhausted = syntheticText(fixedLength(1), 1000, 200, random, 3).text;
    expect(exhausted.ids.length).toBe(3);
    expect(exhausted.ids.buffer.byteLength).toBe(3 * 4);
  });

  it('holds thousands of sentences (the sentence table grows past its start size)', () => {
    // 3000 one-token sentences: offsets 0, 1, ..., 3000
    const { text } = syntheticText(fixedLength(1), 3000, 200, random);
    expect(text.offsets.length).toBe(3001);
    expect(text.offsets.every((offset, s) => offset === s)).toBe(true);
    expect(text.ids.length).toBe(3000);
  });
});
