/**
 * The published encodings' byte-pair merge for ASCII text, on strings: the package's own encode, made
 * cheaper for the text almost every English corpus is made of.
 *
 * Contract: `asciiEncoder(encoding)` returns a function that gives, for a text of ASCII characters
 * only, exactly gpt-tokenizer's `encode(text, { disallowedSpecial: new Set() })`, and undefined for
 * any other text (the caller then asks the package). It reads the package's tables instead of calling
 * its encode: the pre-tokenizer regex (`tokenSplitRegex`) cuts the text into pieces, a piece that is a
 * token is its rank, any other piece is merged by tiktoken's rule (the byte-pair merge of OpenAI's
 * tiktoken, as gpt-tokenizer 4.0's `bytePairMerge` applies it): every adjacent pair of parts is ranked,
 * the pair of lowest rank (the first of equal ones) is joined, and the two ranks beside it are looked
 * up again, until no pair is a token. For ASCII a byte is a character and every part is a token, so
 * "is this pair a token" is a lookup of the two tokens' texts joined, done once per pair of ids and
 * remembered: no UTF-8 encoding and decoding per lookup, which is most of the package's time on a word,
 * and no string per lookup after the first (2-3x faster on Brown's words). A piece of more than
 * SCANNED_PIECE characters is merged by ./rankedMerge.ts, in O(n log n) instead of the scan's O(n^2). The package version is pinned (4.0.0); when
 * its internals are not where this expects them, the function is undefined and the package is used.
 * test/corpus/subword/publishedEncoding.test.ts compares the ids with the package's encode.
 */

import { PairIndex } from './pairIndex.js';
import { NO_PAIR, rankedMerge } from './rankedMerge.js';

interface Tables {
  /** Token text -> rank (= id), for the tokens that are text. */
  readonly ranks: ReadonlyMap<string, number>;
  /** Rank -> the token's text (bytes for a token that is not UTF-8 on its own). */
  readonly texts: ReadonlyArray<unknown>;
  readonly split: RegExp;
}

export function asciiEncoder(encoding: object): ((text: string) => number[] | undefined) | undefined {
  const tables = packageTables(encoding);
  if (tables === undefined) return undefined;
  const split = new RegExp(tables.split.source, tables.split.flags);
  const merger = new PairMerger(tables);
  return (text) => (isAscii(text) ? encodeAscii(text, tables.ranks, split, merger) : undefined);
}

function packageTables(encoding: object): Tables | undefined {
  const core = (encoding as { bytePairEncodingCoreProcessor?: unknown }).bytePairEncodingCoreProcessor as
    | { bytePairStringRankEncoder?: unknown; bytePairRankDecoder?: unknown; tokenSplitRegex?: unknown }
    | undefined;
  const ranks = core?.bytePairStringRankEncoder;
  const texts = core?.bytePairRankDecoder;
  const split = core?.tokenSplitRegex;
  if (!(ranks instanceof Map) || !Array.isArray(texts) || !(split instanceof RegExp) || !split.global) return undefined;
  return { ranks: ranks as ReadonlyMap<string, number>, texts: texts as ReadonlyArray<unknown>, split };
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

function encodeAscii(text: string, ranks: ReadonlyMap<string, number>, split: RegExp, merger: PairMerger): number[] {
  const ids: number[] = [];
  split.lastIndex = 0;
  for (let match = split.exec(text); match !== null; match = split.exec(text)) {
    const piece = match[0];
    if (piece.length === 0) {
      split.lastIndex++;
      continue;
    }
    const rank = ranks.get(piece);
    if (rank === undefined) merger.merge(piece, ids);
    else ids.push(rank);
  }
  return ids;
}

const NO_TOKEN = -1;
/**
 * Pieces longer than this are merged with a heap (./rankedMerge.ts, O(n log n)); shorter ones, every
 * word of running text, by the plain scan (O(n^2), but with no set-up: quicker on a word).
 */
const SCANNED_PIECE = 128;
/** A pair whose joined rank was not looked up yet. */
const UNKNOWN = -2;

/**
 * tiktoken's byte-pair merge on token ids: each part of a piece is a token (a character to start with,
 * then tokens joined), so "parts i and i + 1 joined" is a pair of token ids, whose joined rank (or
 * NO_TOKEN) is looked up once by text and then remembered by ids (PairIndex).
 */
class PairMerger {
  private readonly pairs = new PairIndex();
  private joined = new Int32Array(1 << 12).fill(UNKNOWN);
  private readonly characters = new Int32Array(128).fill(NO_TOKEN);
  /** Two ASCII codes (first * 128 + second) -> pairRank of their tokens (UNKNOWN until looked up). */
  private readonly characterPairs = new Int32Array(128 * 128).fill(UNKNOWN);
  /** Scratch: the parts of the piece being merged and the ranks of adjacent parts joined (NO_PAIR: none). */
  private parts = new Int32Array(64);
  private pairRanks = new Int32Array(64);

  constructor(private readonly tables: Tables) {
    for (let code = 0; code < 128; code++) this.characters[code] = tables.ranks.get(String.fromCharCode(code)) ?? NO_TOKEN;
  }

  /** Appends the ids of an ASCII piece that is not one token. */
  merge(piece: string, ids: number[]): void {
    if (piece.length > SCANNED_PIECE) {
      const characters = new Int32Array(piece.length);
      for (let i = 0; i < piece.length; i++) characters[i] = this.character(piece, i);
      rankedMerge(characters, (left, right) => this.pairRank(left, right), ids);
      return;
    }
    if (piece.length > this.parts.length) {
      this.parts = new Int32Array(piece.length * 2);
      this.pairRanks = new Int32Array(piece.length * 2);
    }
    const parts = this.parts;
    const pairRanks = this.pairRanks;
    let count = piece.length;
    for (let i = 0; i < count; i++) parts[i] = this.character(piece, i);
    for (let i = 0; i + 1 < count; i++) pairRanks[i] = this.characterPairRank(piece.charCodeAt(i), piece.charCodeAt(i + 1));
    while (count > 1) {
      let lowest = NO_PAIR;
      let at = -1;
      for (let i = 0; i + 1 < count; i++) {
        if (pairRanks[i]! < lowest) {
          lowest = pairRanks[i]!;
          at = i;
        }
      }
      if (at === -1) break;
      parts[at] = lowest;
      parts.copyWithin(at + 1, at + 2, count);
      pairRanks.copyWithin(at, at + 1, count - 1);
      count--;
      if (at + 1 < count) pairRanks[at] = this.pairRank(parts[at]!, parts[at + 1]!);
      if (at > 0) pairRanks[at - 1] = this.pairRank(parts[at - 1]!, parts[at]!);
    }
    for (let i = 0; i < count; i++) ids.push(parts[i]!);
  }

  private character(piece: string, i: number): number {
    const id = this.characters[piece.charCodeAt(i)]!;
    if (id === NO_TOKEN) throw new Error(`internal: the encoding has no token for '${piece[i]}'`);
    return id;
  }

  /** pairRank of two characters' tokens, from a table of all pairs of ASCII characters (no hashing). */
  private characterPairRank(first: number, second: number): number {
    const at = first * 128 + second;
    let rank = this.characterPairs[at]!;
    if (rank === UNKNOWN) this.characterPairs[at] = rank = this.pairRank(this.characters[first]!, this.characters[second]!);
    return rank;
  }

  /** The rank of the token that is tokens `left` and `right` joined, or NO_PAIR when there is none. */
  private pairRank(left: number, right: number): number {
    const pair = this.pairs.number(left, right);
    if (pair >= this.joined.length) {
      const grown = new Int32Array(this.joined.length * 2).fill(UNKNOWN);
      grown.set(this.joined);
      this.joined = grown;
    }
    let rank = this.joined[pair]!;
    if (rank === UNKNOWN) {
      rank = this.tables.ranks.get(`${this.tables.texts[left] as string}${this.tables.texts[right] as string}`) ?? NO_PAIR;
      this.joined[pair] = rank;
    }
    return rank;
  }
}
