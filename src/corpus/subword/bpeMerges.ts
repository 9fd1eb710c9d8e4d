/**
 * Byte-pair encoding merges, learned and applied by the textbook algorithm of Sennrich, Haddow & Birch
 * (2016), "Neural Machine Translation of Rare Words with Subword Units", Algorithm 1.
 *
 * Learning (learnBpe on words and their counts; learnMerges first splits long words into parts,
 * wordParts): every word is spelled as its characters (code points), the last one marked
 * with the end-of-word suffix `</w>`; then, K times, the most frequent pair of adjacent symbols
 * (counted over the words, each weighted by its count) is merged into one symbol everywhere, left to
 * right without overlap ("a a a" with the merge (a, a) becomes "aa a"). Ties are broken by a fixed
 * rule: among pairs of equal frequency the one whose left symbol sorts first (UTF-16 code-unit order,
 * JavaScript's `<`) wins, then the one whose right symbol sorts first. Learning stops early when no
 * pair occurs any more (every word is one symbol); `merges.length` then says how many were learned.
 * Learning is incremental (./bpePairTable.ts): pairs are counted once, and each merge re-counts only the
 * words that hold the merged pair. Cost: O(total symbols + symbols of the words each merge touches, with
 * O(log pairs) per pair whose count grows).
 *
 * Applying (segmentWord): a word is spelled the same way and, repeatedly, the pair of lowest rank
 * present in it is merged everywhere, left to right (subword-nmt's apply_bpe). That is the merges in the
 * order they were learned, unless a merge forms a symbol an earlier merge formed too, which can then
 * join a pair of lower rank again. For a word seen in learning this gives exactly the segmentation
 * learning ended with, as long as no merge formed a symbol that already existed (learnBpe says when;
 * tested).
 */

import { SymbolTable } from './symbolTable.js';
import { BpePairTable } from './bpePairTable.js';

export const END_OF_WORD = '</w>';

export interface Merge {
  readonly left: string;
  readonly right: string;
}

/**
 * Words longer than this many code points are learned and segmented in parts of this length (wordParts):
 * learning re-counts every word holding the merged pair, and segmenting scans the word once per merge it
 * applies, so one word of 200,000 letters (a DNA sequence, a base64 blob) took minutes and 4 GB. No
 * word of running text comes near it; no merge crosses a part's end.
 */
export const LONG_WORD = 256;
/** Marks a part of a long word that is not its last: spelled without the end-of-word suffix. */
const CONTINUED = '\u0000';

/**
 * The spelling learning starts from: code points, the last one carrying the end-of-word suffix (not
 * for a part of a long word that is not its last, wordParts). A word never holds U+0000 (the loader
 * refuses text with NUL), so the mark is free.
 */
export function spell(word: string): string[] {
  if (word.endsWith(CONTINUED)) return Array.from(word.slice(0, -1));
  const symbols = Array.from(word);
  if (symbols.length > 0) symbols[symbols.length - 1] += END_OF_WORD;
  return symbols;
}

/**
 * The word itself, or for a word of more than LONG_WORD code points its parts of LONG_WORD code points
 * (the last may be shorter), each but the last marked as continued: learning counts the parts as words
 * and a segmentation joins their pieces, so the word's pieces still spell it, ending in `</w>`.
 */
export function wordParts(word: string): string[] {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a shortcut (code units bound the code points), time only
  if (word.length <= LONG_WORD) return [word];
  const points = Array.from(word);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the loop below makes the one unmarked part, the word itself
  if (points.length <= LONG_WORD) return [word];
  const parts: string[] = [];
  for (let at = 0; at < points.length; at += LONG_WORD) {
    const part = points.slice(at, at + LONG_WORD).join('');
    parts.push(at + LONG_WORD < points.length ? part + CONTINUED : part);
  }
  return parts;
}

/**
 * Learns up to `count` merges from words and their counts (words in any order: the result does not
 * depend on it); a long word is learned as its parts (wordParts).
 */
export function learnMerges(words: ReadonlyMap<string, number>, count: number): Merge[] {
  const parts = new Map<string, number>();
  for (const [word, n] of words) for (const part of wordParts(word)) parts.set(part, (parts.get(part) ?? 0) + n);
  return learnBpe(parts, count).merges;
}

/** Where learning left the words: word i (in the Map's order) as symbol ids, and each id's text. */
export interface LearnedSegmentation {
  symbolsOf(word: number): ArrayLike<number>;
  symbol(id: number): string;
}

/**
 * learnMerges, and with the merges the words' segmentation as learning left it, when that is exactly
 * segmentWord's (then a caller need not segment the words again). It is when no merge formed a symbol
 * that already existed: every pair a merge creates then holds its new symbol, so a pair never comes back
 * once merged, and applying the merges lowest rank first (segmentWord) takes a word through the same
 * states learning did. Otherwise (or when a word was skipped: count <= 0 or empty) segmentation is undefined.
 */
export function learnBpe(words: ReadonlyMap<string, number>, count: number): { merges: Merge[]; segmentation?: LearnedSegmentation } {
  const table = new BpePairTable(words, spell);
  const merges: Merge[] = [];
  while (merges.length < count) {
    const best = table.mergeBest();
    if (best === undefined) break;
    merges.push(best);
  }
  return table.symbolReformed || table.wordCount !== words.size ? { merges } : { merges, segmentation: table };
}

/** Segments one word with merges learned by learnMerges (a cache per word is the caller's); a long word part by part. */
export function segmentWord(word: string, ranks: MergeRanks): string[] {
  return wordParts(word).flatMap((part) => Array.from(ranks.segment(part), (id) => ranks.symbol(id)));
}

/** The merges ready to apply (segmentWord, MergeRanks.segment). */
export function mergeRanks(merges: readonly Merge[]): MergeRanks {
  return new MergeRanks(merges);
}

/**
 * Learned merges ready to apply, on integer ids: every symbol the merges name is numbered (0 .. width-1),
 * and each pair of them maps to its rank, the position of its first occurrence in the learned list.
 * `segment(word)` gives the word's symbols as ids, `symbol(id)` their text: repeatedly, the pair of
 * lowest rank present in the word is merged everywhere in it, left to right without overlap, until no
 * pair of the list is left (the merges in the order they were learned, but where a merge re-forms a
 * symbol an earlier one formed: see the header). Characters the
 * merges never name get ids from width on, as they are met, and are never merged. O(length^2) per word.
 */
export class MergeRanks {
  private readonly symbols = new SymbolTable();
  /** Pair (left * width + right) -> rank. */
  private readonly ranks = new Map<number, number>();
  /** Rank -> the merged symbol. */
  private readonly joined: Int32Array;
  private readonly width: number;

  constructor(merges: readonly Merge[]) {
    const pairs = merges.map((merge) => [this.symbols.id(merge.left), this.symbols.id(merge.right), this.symbols.id(merge.left + merge.right)] as const);
    this.width = this.symbols.size;
    this.joined = Int32Array.from(pairs, ([, , joined]) => joined);
    pairs.forEach(([left, right], rank) => {
      const key = left * this.width + right;
      if (!this.ranks.has(key)) this.ranks.set(key, rank);
    });
  }

  /** The word's symbols once the merges are applied (ids for `symbol`). */
  segment(word: string): number[] {
    const symbols = spell(word).map((symbol) => this.symbols.id(symbol));
    for (;;) {
      let best = Number.POSITIVE_INFINITY;
      let at = -1;
      for (let i = 0; i + 1 < symbols.length; i++) {
        const rank = this.rank(symbols[i]!, symbols[i + 1]!);
        if (rank < best) {
          best = rank;
          at = i;
        }
      }
      if (at < 0) return symbols;
      mergeFrom(symbols, at, symbols[at]!, symbols[at + 1]!, this.joined[best]!);
    }
  }

  symbol(id: number): string {
    return this.symbols.text(id);
  }

  /**
   * The pair's rank (Infinity: no merge). Symbols first seen after the merges are numbered from
   * `width` on; a right one could make the key of a known pair (left + 1, right - width), so it is no
   * pair; a left one makes a key past every known pair's.
   */
  private rank(left: number, right: number): number {
    if (right >= this.width) return Number.POSITIVE_INFINITY;
    return this.ranks.get(left * this.width + right) ?? Number.POSITIVE_INFINITY;
  }
}

/** Replaces every (left, right) from position `from` on by `joined`, left to right without overlap, in place. */
function mergeFrom(symbols: number[], from: number, left: number, right: number, joined: number): void {
  let out = from;
  for (let i = from; i < symbols.length; i++) {
    if (i + 1 < symbols.length && symbols[i] === left && symbols[i + 1] === right) {
      symbols[out++] = joined;
      i++;
    } else {
      symbols[out++] = symbols[i]!;
    }
  }
  symbols.length = out;
}
