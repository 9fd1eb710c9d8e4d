/**
 * CorpusBuilder: the corpus its calls describe, whichever way the tokens come (strings, ids, spans);
 * the boundary markers dropped, counted and never counted as tokens; empty sentences kept only with
 * keepEmpty and only when begun; growth past the first arrays; the token limit.
 */

import { describe, expect, it, vi } from 'vitest';
import { CorpusBuilder } from '../../src/corpus/corpusBuilder.js';
import { InputError } from '../../src/errors.js';
import { Vocabulary } from '../../src/vocabulary/vocabulary.js';

/** The corpus as lists of token strings, one per sentence. */
function sentencesOf(builder: CorpusBuilder, vocabulary: Vocabulary): string[][] {
  const { ids, offsets } = builder.build();
  return Array.from({ length: offsets.length - 1 }, (_, s) => Array.from(ids.subarray(offsets[s]!, offsets[s + 1]!), (id) => vocabulary.token(id)));
}

describe('CorpusBuilder', () => {
  it('builds the sentences it is given, by strings, ids and spans alike', () => {
    const vocabulary = new Vocabulary();
    const builder = new CorpusBuilder(vocabulary);
    builder.addSentence(['the', 'dog']);
    builder.appendIds(builder.internTokens(['a', 'cat', 'ran']), 1, 3); // ids of cat, ran
    builder.endSentence();
    const text = 'big dog';
    builder.appendSpan(text, 0, 3);
    builder.appendSpan(text, 4, 7);
    builder.endSentence();
    // ids: <s> 0, </s> 1, the 2, dog 3, a 4, cat 5, ran 6, big 7; offsets 0, 2, 4, 6.
    expect(sentencesOf(builder, vocabulary)).toEqual([['the', 'dog'], ['cat', 'ran'], ['big', 'dog']]);
  });

  it('drops <s> and </s> from strings and ids, and counts them', () => {
    const vocabulary = new Vocabulary();
    const builder = new CorpusBuilder(vocabulary);
    builder.addSentence(['<s>', 'a', '</s>']);
    builder.appendIds(builder.internTokens(['</s>', 'b']));
    builder.endSentence();
    expect(builder.droppedMarkers).toBe(3);
    expect(builder.tokenCount).toBe(2);
    expect(sentencesOf(builder, vocabulary)).toEqual([['a'], ['b']]);
  });

  it('ignores empty sentences, and without keepEmpty a sentence of markers only', () => {
    const vocabulary = new Vocabulary();
    const builder = new CorpusBuilder(vocabulary);
    builder.addSentence([]);
    builder.addSentence(['</s>']);
    builder.beginSentence();
    builder.endSentence();
    builder.addSentence(['x']);
    builder.endSentence(); // closing again adds nothing
    expect(builder.sentenceCount).toBe(1);
    expect(sentencesOf(builder, vocabulary)).toEqual([['x']]);
  });

  it('with keepEmpty keeps every begun sentence, also with no tokens, but not one never begun', () => {
    const vocabulary = new Vocabulary();
    const builder = new CorpusBuilder(vocabulary, Number.POSITIVE_INFINITY, true);
    builder.addSentence([]); // begun by addSentence: kept
    builder.beginSentence();
    builder.endSentence(); // begun: kept
    builder.endSentence(); // not begun since the last close: nothing
    builder.appendSpan('<s>', 0, 3); // a span that is a marker does not begin a sentence
    builder.endSentence();
    builder.addSentence(['y']);
    expect(sentencesOf(builder, vocabulary)).toEqual([[], [], ['y']]);
  });

  it('with keepEmpty, a fresh builder holds no sentence, and ids of markers only begin one', () => {
    expect(Array.from(new CorpusBuilder(new Vocabulary(), Number.POSITIVE_INFINITY, true).build().offsets)).toEqual([0]);
    const vocabulary = new Vocabulary();
    const builder = new CorpusBuilder(vocabulary, Number.POSITIVE_INFINITY, true);
    builder.appendIds(builder.internTokens(['</s>']));
    builder.endSentence();
    builder.appendTokens(['<s>']);
    builder.endSentence();
    // Both sentences were begun, with markers only: two empty sentences, two markers dropped.
    expect(sentencesOf(builder, vocabulary)).toEqual([[], []]);
    expect(builder.droppedMarkers).toBe(2);
  });

  it('takes more than twice its room in one call', () => {
    const vocabulary = new Vocabulary();
    const builder = new CorpusBuilder(vocabulary);
    // 150,000 tokens at once: the first 65,536 ids double twice, to 262,144.
    const tokens = Array.from({ length: 150_000 }, (_, i) => `w${i % 100}`);
    builder.addSentence(tokens);
    builder.appendIds(builder.internTokens(tokens));
    builder.endSentence();
    expect(sentencesOf(builder, vocabulary)).toEqual([tokens, tokens]);
  });

  it('closes an open sentence on build', () => {
    const vocabulary = new Vocabulary();
    const builder = new CorpusBuilder(vocabulary);
    builder.appendTokens(['p', 'q']);
    expect(sentencesOf(builder, vocabulary)).toEqual([['p', 'q']]);
  });

  it('grows past its first arrays (65,536 ids, 4,096 sentences) and returns them trimmed', () => {
    const vocabulary = new Vocabulary();
    const builder = new CorpusBuilder(vocabulary);
    // 10,000 sentences of 1-19 tokens: 99,990 tokens in all (sum of (s mod 19) + 1 over s).
    let expected = 0;
    for (let s = 0; s < 10_000; s++) {
      const length = (s % 19) + 1;
      expected += length;
      if (s % 2 === 0) builder.addSentence(Array.from({ length }, (_, i) => `w${(s + i) % 50}`));
      else for (let i = 0; i < length; i++) builder.appendSpan(`w${(s + i) % 50}`, 0, `w${(s + i) % 50}`.length);
      builder.endSentence();
    }
    const { ids, offsets } = builder.build();
    expect(ids.length).toBe(expected);
    expect(offsets.length).toBe(10_001);
    for (let s = 0; s < 10_000; s += 997) {
      const tokens = Array.from(ids.subarray(offsets[s]!, offsets[s + 1]!), (id) => vocabulary.token(id));
      expect(tokens).toEqual(Array.from({ length: (s % 19) + 1 }, (_, i) => `w${(s + i) % 50}`));
    }
  });

  it('returns arrays filled exactly by expect() as they are, not copied (at 100M tokens a copy is 400 MB)', () => {
    const vocabulary = new Vocabulary();
    const builder = new CorpusBuilder(vocabulary);
    // 4,096 sentences of 17 tokens: 69,632 tokens, past the first 65,536 ids; 4,097 offsets, one past the
    // first 4,096 (so room made for one sentence fewer, or none, would leave offsets to grow by doubling).
    builder.expect(69_632, 4_096);
    const sentence = builder.internTokens(Array.from({ length: 17 }, (_, i) => `t${i}`));
    for (let s = 0; s < 4_096; s++) {
      builder.appendIds(sentence);
      builder.endSentence();
    }
    const slice = vi.spyOn(Int32Array.prototype, 'slice');
    try {
      const { ids, offsets } = builder.build();
      expect(slice).not.toHaveBeenCalled();
      expect(ids.length).toBe(69_632);
      expect(offsets.length).toBe(4_097);
      expect(offsets[4_096]).toBe(69_632);
    } finally {
      slice.mockRestore();
    }
  });

  describe('the token limit counts tokens, not the markers dropped', () => {
    // maxTokens 2; each way of adding gives "a </s> b": 2 tokens and a marker, which is within the limit.
    const ways: [string, (builder: CorpusBuilder) => void][] = [
      ['appendTokens', (builder) => builder.addSentence(['a', '</s>', 'b'])],
      ['appendIds', (builder) => builder.appendIds(builder.internTokens(['a', '</s>', 'b']))],
      ['appendSpan', (builder) => [[0, 1], [2, 6], [7, 8]].forEach(([start, end]) => builder.appendSpan('a </s> b', start!, end!))],
    ];
    for (const [name, add] of ways) {
      it(`${name}: 2 tokens and a marker pass a limit of 2, a third token is refused`, () => {
        const builder = new CorpusBuilder(new Vocabulary(), 2);
        add(builder);
        expect(builder.tokenCount).toBe(2);
        expect(builder.droppedMarkers).toBe(1);
        expect(() => add(builder)).toThrow(InputError);
        try {
          add(builder);
        } catch (error) {
          expect((error as InputError).hint).toBe('raise maxTokens, --max-tokens on the command line, or pass a smaller corpus');
        }
        expect(() => new CorpusBuilder(new Vocabulary(), 2).addSentence(['a', 'b', 'c'])).toThrow(/more than 2 tokens/u);
      });
    }
  });
});
