/**
 * SpanInterner gives exactly the ids Vocabulary.intern gives the sliced strings, through table growth
 * and hash collisions; CorpusBuilder.appendSpan drops the boundary markers as addSentence does.
 */

import { describe, expect, it } from 'vitest';
import { CorpusBuilder } from '../../src/corpus/corpusBuilder.js';
import { SpanInterner } from '../../src/corpus/spanInterner.js';
import { Vocabulary } from '../../src/vocabulary/vocabulary.js';
import seedrandom from 'seedrandom';

describe('SpanInterner', () => {
  it('returns the ids of the sliced tokens, for 30,000 types (the table grows several times)', () => {
    const random = seedrandom('spans');
    const words = Array.from({ length: 30_000 }, (_, i) => `w${i.toString(36)}${'é'.repeat(i % 3)}`);
    const text = Array.from({ length: 100_000 }, () => words[Math.floor(random() * words.length)]).join(' ');
    const bySpan = new Vocabulary();
    const bySlice = new Vocabulary();
    const interner = new SpanInterner(bySpan);
    let start = 0;
    for (const word of text.split(' ')) {
      expect(interner.intern(text, start, start + word.length)).toBe(bySlice.intern(word));
      start += word.length + 1;
    }
    expect(bySpan.toArray()).toEqual(bySlice.toArray());
  });

  it('tells apart tokens that share a prefix or differ only in length', () => {
    const vocabulary = new Vocabulary();
    const interner = new SpanInterner(vocabulary);
    const text = 'ab abc a ab';
    // ids: <s> 0, </s> 1, ab 2, abc 3, a 4, ab 2 again.
    expect([interner.intern(text, 0, 2), interner.intern(text, 3, 6), interner.intern(text, 7, 8), interner.intern(text, 9, 11)]).toEqual([2, 3, 4, 2]);
  });

  it('CorpusBuilder.appendSpan drops <s> and </s> and counts them', () => {
    const builder = new CorpusBuilder(new Vocabulary());
    const text = '<s> a b </s>';
    for (const [start, end] of [[0, 3], [4, 5], [6, 7], [8, 12]] as const) builder.appendSpan(text, start, end);
    builder.endSentence();
    expect(builder.droppedMarkers).toBe(2);
    expect(Array.from(builder.build().ids)).toEqual([2, 3]);
  });

  it('CorpusBuilder.appendSpan refuses more than maxTokens tokens', () => {
    const builder = new CorpusBuilder(new Vocabulary(), 2);
    builder.appendSpan('a b c', 0, 1);
    builder.appendSpan('a b c', 2, 3);
    expect(() => builder.appendSpan('a b c', 4, 5)).toThrow(/more than 2 tokens/u);
  });
});
