/**
 * rankedMerge.ts (tiktoken's byte-pair merge with a heap) against the rule written the plain way: join
 * the adjacent pair whose joined text has the lowest rank, the leftmost of equal ones, every pair ranked
 * anew each step, until no adjacent pair is a token.
 */

import { describe, expect, it } from 'vitest';
import { NO_PAIR, rankedMerge } from '../../../src/corpus/subword/rankedMerge.js';
import { randomFor, randomIndex } from '../../../src/random/random.js';
import { plainPieceMerge, randomEncoding } from './mergeFixtures.js';

/** rankedMerge on a string's characters, a pair ranked by its ids' texts joined (as asciiByteMerge does). */
function heapMerge(piece: string, tokens: readonly string[]): number[] {
  const ranks = new Map(tokens.map((token, rank) => [token, rank]));
  const ids = Int32Array.from([...piece], (character) => ranks.get(character)!);
  const out: number[] = [];
  rankedMerge(ids, (left, right) => ranks.get(tokens[left]! + tokens[right]!) ?? NO_PAIR, out);
  return out;
}

/** rankedMerge reading a pair's span instead of its ids (as longPieceEncoder does on bytes). */
function spanMerge(piece: string, tokens: readonly string[]): number[] {
  const ranks = new Map(tokens.map((token, rank) => [token, rank]));
  const ids = Int32Array.from([...piece], (character) => ranks.get(character)!);
  const out: number[] = [];
  rankedMerge(ids, (_left, _right, start, end) => ranks.get(piece.slice(start, end)) ?? NO_PAIR, out);
  return out;
}

describe('rankedMerge on hand-counted encodings', () => {
  it('joins the pair of lowest rank first: "abc" with ab = 4, bc = 3 is a | bc (abc is no token)', () => {
    const tokens = ['a', 'b', 'c', 'bc', 'ab'];
    expect(heapMerge('abc', tokens)).toEqual([0, 3]);
  });

  it('joins the leftmost of equal pairs first: "aaa" with aa is aa | a, not a | aa', () => {
    expect(heapMerge('aaa', ['a', 'b', 'aa'])).toEqual([2, 0]);
    // and goes on joining what it joined: "aaaa" with aa, aaaa is one token (aa | aa, then aaaa)
    expect(heapMerge('aaaa', ['a', 'aa', 'aaaa'])).toEqual([2]);
  });

  it('ranks both neighbours of a join again: "abcd" with bc = 4, abc = 5, cd = 6 is abc | d', () => {
    // bc joins first (4); then a+bc = abc (5) beats bc+d (no token): abc | d
    expect(heapMerge('abcd', ['a', 'b', 'c', 'd', 'bc', 'abc', 'cd'])).toEqual([5, 3]);
  });

  it('leaves a piece of one part, or of parts no pair of which is a token, as it is', () => {
    expect(heapMerge('a', ['a', 'b'])).toEqual([0]);
    expect(heapMerge('abab', ['a', 'b'])).toEqual([0, 1, 0, 1]);
  });
});

describe('rankedMerge on random encodings', () => {
  it('gives the plain rule\'s ids on 400 random encodings and pieces of up to 400 characters, by ids and by spans', () => {
    const random = randomFor(['rankedMerge', 'random encodings']);
    const pick = (text: string): string => text[randomIndex(random, text.length)]!;
    for (let round = 0; round < 400; round++) {
      const { letters, tokens } = randomEncoding(random, 'abcdxyz', 60, 6);
      const ranks = new Map(tokens.map((token, rank) => [token, rank]));
      const piece = Array.from({ length: 1 + randomIndex(random, 400) }, () => pick(letters)).join('');
      const expected = plainPieceMerge(piece, ranks);
      expect(heapMerge(piece, tokens), `${JSON.stringify(tokens)} ${piece}`).toEqual(expected);
      expect(spanMerge(piece, tokens), `${JSON.stringify(tokens)} ${piece}`).toEqual(expected);
    }
  });
});

describe('longPieceEncoder on tables it cannot read', () => {
  it('is undefined, so the caller asks the package, when the encoding lacks what it reads', async () => {
    const { longPieceEncoder } = await import('../../../src/corpus/subword/longPieceEncoder.js');
    const core = { tokenSplitRegex: /\S+/gu, getBpeRankFromString: () => undefined, getBpeRankFromBytes: () => undefined, bytePairEncode: () => [] };
    expect(longPieceEncoder({ bytePairEncodingCoreProcessor: core })).toBeDefined();
    expect(longPieceEncoder({})).toBeUndefined();
    expect(longPieceEncoder({ bytePairEncodingCoreProcessor: { ...core, tokenSplitRegex: /\S+/u } })).toBeUndefined();
    for (const missing of ['getBpeRankFromString', 'getBpeRankFromBytes', 'bytePairEncode']) {
      expect(longPieceEncoder({ bytePairEncodingCoreProcessor: { ...core, [missing]: undefined } }), missing).toBeUndefined();
    }
  });
});
