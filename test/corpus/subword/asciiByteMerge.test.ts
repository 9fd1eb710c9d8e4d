/**
 * asciiByteMerge.ts on encodings small enough to count by hand, and on random ones against the rule
 * written the plain way (tiktoken's byte-pair merge on strings: join the adjacent pair whose joined text
 * has the lowest rank, the first of equal ones, until no adjacent pair is a token; a piece that is a
 * token is that token). The published encodings themselves are compared with the package's encode in
 * publishedEncoding.test.ts.
 */

import { describe, expect, it } from 'vitest';
import { asciiEncoder } from '../../../src/corpus/subword/asciiByteMerge.js';
import { randomFor, randomIndex } from '../../../src/random/random.js';
import { plainPieceMerge, randomEncoding } from './mergeFixtures.js';

/** An object shaped as gpt-tokenizer 4.0's encodings are, where asciiEncoder reads them: tokens by rank. */
function encodingOf(tokens: readonly string[], split: RegExp): object {
  return {
    bytePairEncodingCoreProcessor: {
      bytePairStringRankEncoder: new Map(tokens.map((token, rank) => [token, rank])),
      bytePairRankDecoder: [...tokens],
      tokenSplitRegex: split,
    },
  };
}

/** The merge rule, plainly, piece by piece of the pre-tokenizer's split. */
function plainMerge(text: string, tokens: readonly string[], split: RegExp): number[] {
  const ranks = new Map(tokens.map((token, rank) => [token, rank]));
  const pieces = (text.match(new RegExp(split.source, split.flags)) ?? []).filter((piece) => piece !== '');
  return pieces.flatMap((piece) => plainPieceMerge(piece, ranks));
}

const WORDS = /[^ !]+| [^ !]+| +|z*/gu; // `z*` matches nothing where `!` stands: an empty piece, skipped

describe('asciiEncoder on a hand-counted encoding', () => {
  // ranks: a 0, b 1, c 2, ab 3, bc 4, aa 5, cba 6
  const encode = asciiEncoder(encodingOf(['a', 'b', 'c', 'ab', 'bc', 'aa', 'cba'], WORDS))!;

  it('joins the pair of lowest rank first', () => {
    // abc: ab (3) before bc (4) -> ab c -> "abc" is no token -> [3, 2] (bc first would give [0, 4])
    expect(encode('abc')).toEqual([3, 2]);
  });

  it('joins the first of equal pairs, then ranks its neighbours again', () => {
    // aaa: aa (5) at 0 and at 1 -> the first: aa a -> "aaa" is no token -> [5, 0]
    expect(encode('aaa')).toEqual([5, 0]);
    // aabc: aa 5, ab 3, bc 4 -> ab at 1: a ab c -> "aab" and "abc" are none -> [0, 3, 2]
    expect(encode('aabc')).toEqual([0, 3, 2]);
  });

  it('takes a piece that is a token whole, though no merge reaches it', () => {
    // cba: cb and ba are no tokens, but the piece is token 6
    expect(encode('cba')).toEqual([6]);
  });

  it('skips a piece the pattern matches empty', () => {
    // "!" is matched by no alternative but `z*`, which matches it empty: it gives no token
    expect(encode('ab!ab')).toEqual([3, 3]);
  });

  it('leaves text with a character above 127 to the package', () => {
    expect(encode('abc\u00e9')).toBeUndefined();
    expect(encode('\u0080')).toBeUndefined();
  });

  it('refuses, as an internal error, an ASCII character the encoding has no token for', () => {
    // (every published encoding has a token for each of the 128: a broken table, not bad input)
    expect(() => encode('abd')).toThrow("internal: the encoding has no token for 'd'");
  });
});

describe('asciiEncoder on tables it cannot read', () => {
  it('is undefined unless the ranks, the texts and a global split pattern are where gpt-tokenizer 4.0 keeps them', () => {
    const core = { bytePairStringRankEncoder: new Map([['a', 0]]), bytePairRankDecoder: ['a'], tokenSplitRegex: /a/gu };
    expect(asciiEncoder({ bytePairEncodingCoreProcessor: core })).toBeDefined();
    expect(asciiEncoder({})).toBeUndefined();
    expect(asciiEncoder({ bytePairEncodingCoreProcessor: { ...core, bytePairStringRankEncoder: {} } })).toBeUndefined();
    expect(asciiEncoder({ bytePairEncodingCoreProcessor: { ...core, bytePairRankDecoder: new Map() } })).toBeUndefined();
    expect(asciiEncoder({ bytePairEncodingCoreProcessor: { ...core, tokenSplitRegex: 'a' } })).toBeUndefined();
    expect(asciiEncoder({ bytePairEncodingCoreProcessor: { ...core, tokenSplitRegex: /a/u } })).toBeUndefined();
  });
});

describe('asciiEncoder on random encodings', () => {
  it('gives the plain rule\'s ids on 300 random encodings and texts, pieces of up to 150 characters included', () => {
    // Alphabets of 2-6 characters, NUL among them (code 0: the first of the pair table's rows, where a
    // key such as first * 128 - second would fall below the table); tokens of 2-4 characters, ranked at
    // random among the characters.
    const random = randomFor(['asciiByteMerge', 'random encodings']);
    const pick = (text: string): string => text[randomIndex(random, text.length)]!;
    for (let round = 0; round < 300; round++) {
      const { letters, tokens } = randomEncoding(random, 'abcP0Q1x\u0000', 40, 4, [' ']);
      const encode = asciiEncoder(encodingOf(tokens, WORDS))!;
      for (let text = 0; text < 5; text++) {
        const length = text === 0 ? 70 + randomIndex(random, 81) : randomIndex(random, 30);
        const sample = Array.from({ length }, () => (text > 0 && random() < 0.1 ? pick(' !') : pick(letters))).join(''); // the first: one piece
        expect(encode(sample), `${JSON.stringify(tokens)} ${JSON.stringify(sample)}`).toEqual(plainMerge(sample, tokens, WORDS));
      }
    }
  });
});
