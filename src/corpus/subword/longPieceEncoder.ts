/**
 * longPieceEncoder: a published encoding's encode for text with long pieces, in O(n log n) instead of
 * the package's O(n^2) per piece (a word of 80,000 Greek letters took gpt-tokenizer 13 s, of 160,000
 * ASCII letters 14 s; ASCII text has its own quicker path, ./asciiByteMerge.ts).
 *
 * Contract: `longPieceEncoder(encoding)` returns a function giving, for any text, exactly gpt-tokenizer's
 * `encode(text, { disallowedSpecial: new Set() })`, or undefined when the package's internals are not
 * where this expects them (the caller then asks the package). As the package does: the pre-tokenizer
 * regex (`tokenSplitRegex`) cuts the text into pieces; a piece that is a token is its rank; any other
 * piece is merged on its UTF-8 bytes by tiktoken's rule, here by ./rankedMerge.ts when it is longer
 * than LONG_PIECE characters (UTF-16 code units) and by the package's own `bytePairEncode` otherwise. A
 * pair's rank is the package's `getBpeRankFromBytes` of the bytes it spans.
 * test/corpus/subword/publishedEncoding.test.ts compares the ids with the package's encode.
 */

import { NO_PAIR, rankedMerge } from './rankedMerge.js';

/** Pieces of more UTF-16 code units than this are merged with the heap; shorter ones by the package. */
export const LONG_PIECE = 256;

interface Core {
  readonly tokenSplitRegex: RegExp;
  getBpeRankFromString(piece: string): number | undefined;
  getBpeRankFromBytes(bytes: Uint8Array): number | undefined;
  bytePairEncode(piece: string): number[];
}

export function longPieceEncoder(encoding: object): ((text: string) => number[]) | undefined {
  const core = coreOf(encoding);
  if (core === undefined) return undefined;
  const split = new RegExp(core.tokenSplitRegex.source, core.tokenSplitRegex.flags);
  const bytes = new TextEncoder();
  return (text) => {
    const ids: number[] = [];
    for (const [piece] of text.matchAll(split)) {
      const rank = core.getBpeRankFromString(piece);
      // Stryker disable next-line ConditionalExpression: equivalent, time only: merging a piece that is a token gives that token (every token of these encodings is reached by merges; tested against the package)
      if (rank !== undefined) ids.push(rank);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, time only: the package's merge and the heap give the same ids (tested), the heap sooner on a long piece
      else if (piece.length <= LONG_PIECE) ids.push(...core.bytePairEncode(piece));
      else mergeBytes(bytes.encode(piece), core, ids);
    }
    return ids;
  };
}

/** tiktoken's merge of one piece's bytes (every byte is a token of these encodings), appended to `ids`. */
function mergeBytes(piece: Uint8Array, core: Core, ids: number[]): void {
  const first = new Int32Array(piece.length);
  for (let i = 0; i < piece.length; i++) first[i] = byteRank(core, piece, i);
  rankedMerge(first, (_left, _right, start, end) => core.getBpeRankFromBytes(piece.subarray(start, end)) ?? NO_PAIR, ids);
}

function byteRank(core: Core, piece: Uint8Array, i: number): number {
  const rank = core.getBpeRankFromBytes(piece.subarray(i, i + 1));
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, a safety net: each of the 256 bytes is a token of the three encodings
  if (rank === undefined) throw new Error(`internal: the encoding has no token for the byte ${piece[i]}`);
  return rank;
}

function coreOf(encoding: object): Core | undefined {
  const core = (encoding as { bytePairEncodingCoreProcessor?: Partial<Core> }).bytePairEncodingCoreProcessor;
  if (core === undefined || !(core.tokenSplitRegex instanceof RegExp) || !core.tokenSplitRegex.global) return undefined;
  if (typeof core.getBpeRankFromString !== 'function' || typeof core.getBpeRankFromBytes !== 'function' || typeof core.bytePairEncode !== 'function') return undefined;
  return core as Core;
}
