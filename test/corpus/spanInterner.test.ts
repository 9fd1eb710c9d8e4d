/**
 * SpanInterner gives exactly the ids Vocabulary.intern gives the sliced strings, through table growth
 * and hash collisions; CorpusBuilder.appendSpan drops the boundary markers as addSentence does; the
 * span scanners hand each span the hash the interner keys it by.
 */

import { describe, expect, it } from 'vitest';
import { CorpusBuilder } from '../../src/corpus/corpusBuilder.js';
import { SpanInterner } from '../../src/corpus/spanInterner.js';
import { forEachWord, forEachWordPunct } from '../../src/corpus/tokenizers.js';
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

  it('tells apart two tokens of the same length and the same hash (an FNV-1a collision)', () => {
    // 'yaczf' and 'glbpp' have the same FNV-1a hash (-1363072012): found by hashing every 5-letter word.
    expect(fnv1a('yaczf')).toBe(fnv1a('glbpp'));
    const vocabulary = new Vocabulary();
    const interner = new SpanInterner(vocabulary);
    const text = 'yaczf glbpp yaczf glbpp';
    // ids: yaczf 2, glbpp 3 (the second probes past the first's slot, compares the strings, inserts).
    expect([0, 6, 12, 18].map((start) => interner.intern(text, start, start + 5))).toEqual([2, 3, 2, 3]);
  });

  it('tells apart a token and a longer one that starts with it and has the same hash', () => {
    // 'ab' and 'abVlzsaafk' have the same FNV-1a hash (1294271946): found by a meet-in-the-middle search
    // (FNV-1a's step is invertible), 4 characters forward from 'ab' and 4 back.
    expect(fnv1a('abVlzsaafk')).toBe(fnv1a('ab'));
    const interner = new SpanInterner(new Vocabulary());
    const text = 'abVlzsaafk';
    // ids: abVlzsaafk 2; then 'ab', a span of the same text, is new: 3, though the text starts with the stored token.
    expect([interner.intern(text, 0, 10), interner.intern(text, 0, 2), interner.intern(text, 0, 10)]).toEqual([2, 3, 2]);
  });

  it('asks the vocabulary once per type, through growth, markers, and spans hashed by a scanner', () => {
    // The contract's point: a token seen before is found in the table (no slice, no Map lookup), so
    // the vocabulary's intern runs once per type. 20,000 types x 5 occurrences, half of them interned
    // with the hash a scanner computed, and the two markers, which have the ids 0 and 1.
    const vocabulary = new Vocabulary();
    let calls = 0;
    const intern = vocabulary.intern.bind(vocabulary);
    vocabulary.intern = (token: string): number => {
      calls++;
      return intern(token);
    };
    const interner = new SpanInterner(vocabulary);
    const words = ['<s>', '</s>', ...Array.from({ length: 20_000 }, (_, i) => `t${i.toString(36)}`)];
    const random = seedrandom('once per type');
    const order = Array.from({ length: 5 * words.length }, (_, i) => words[i % words.length]!);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const ids = new Map<string, number>();
    for (const [n, word] of order.entries()) {
      const text = ` ${word} `;
      const id = n % 2 === 0 ? interner.intern(text, 1, 1 + word.length) : interner.internHashed(text, 1, 1 + word.length, fnv1a(word));
      expect(ids.get(word) ?? id).toBe(id);
      ids.set(word, id);
    }
    expect(calls).toBe(words.length);
    expect([ids.get('<s>'), ids.get('</s>')]).toEqual([0, 1]);
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

/** FNV-1a (32 bits) over a string's UTF-16 code units, written out from its definition. */
function fnv1a(token: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    hash ^= token.charCodeAt(i);
    hash = Number((BigInt(hash) * 0x01000193n) % 0x100000000n);
  }
  return hash | 0;
}

describe('span hashes: the scanners hash each span as they find it', () => {
  // Random text over ASCII, Latin-1, combining marks, astral characters (surrogate pairs) and white space.
  const alphabet = ['a', 'Z', '9', '.', '_', '-', "'", '!', 'é', 'ß', '\u0301', '😀', '中', ' ', '\t', '\u00a0', '\u3000', '\n'];
  const random = seedrandom('span hashes');
  const texts = Array.from({ length: 200 }, () => Array.from({ length: Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));

  for (const [name, scan] of [['forEachWord', forEachWord], ['forEachWordPunct', forEachWordPunct]] as const) {
    it(`${name} hands each span its FNV-1a hash, and interning by it gives the ids interning by the span gives`, () => {
      const byHash = new SpanInterner(new Vocabulary());
      const bySpan = new SpanInterner(new Vocabulary());
      let spans = 0;
      for (const text of texts) {
        scan(text, (start, end, hash) => {
          spans++;
          expect(hash).toBe(fnv1a(text.slice(start, end)));
          expect(byHash.internHashed(text, start, end, hash)).toBe(bySpan.intern(text, start, end));
        });
      }
      expect(spans).toBeGreaterThan(500);
    });
  }
});
