/**
 * Byte-pair encoding merges, learned and applied by the textbook algorithm of Sennrich, Haddow & Birch
 * (2016), "Neural Machine Translation of Rare Words with Subword Units", Algorithm 1.
 *
 * Learning (learnMerges): every word is spelled as its characters (code points), the last one marked
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
 * Applying (segmentWord): a word is spelled the same way and the learned merges are applied in the
 * order they were learned, each everywhere left to right. For a word seen in learning this gives
 * exactly the segmentation learning ended with (tested).
 */

import { BpePairTable } from './bpePairTable.js';

export const END_OF_WORD = '</w>';

export interface Merge {
  readonly left: string;
  readonly right: string;
}

/** The spelling learning starts from: code points, the last one carrying the end-of-word suffix. */
export function spell(word: string): string[] {
  const symbols = Array.from(word);
  if (symbols.length > 0) symbols[symbols.length - 1] += END_OF_WORD;
  return symbols;
}

/** Learns up to `count` merges from words and their counts (words in any order: the result does not depend on it). */
export function learnMerges(words: ReadonlyMap<string, number>, count: number): Merge[] {
  const table = new BpePairTable(words, spell);
  const merges: Merge[] = [];
  while (merges.length < count) {
    const best = table.mergeBest();
    if (best === undefined) break;
    merges.push(best);
  }
  return merges;
}

/** Segments one word with merges learned by learnMerges (a cache per word is the caller's). */
export function segmentWord(word: string, ranks: ReadonlyMap<string, number>): string[] {
  let symbols = spell(word);
  for (;;) {
    let bestRank = Number.POSITIVE_INFINITY;
    for (let i = 0; i + 1 < symbols.length; i++) {
      const rank = ranks.get(pairKey(symbols[i]!, symbols[i + 1]!));
      if (rank !== undefined && rank < bestRank) bestRank = rank;
    }
    if (bestRank === Number.POSITIVE_INFINITY) return symbols;
    symbols = mergeAll(symbols, symbolsOfRank(symbols, ranks, bestRank));
  }
}

/** Merge ranks for segmentWord: the pair's key -> its position in the learned list. */
export function mergeRanks(merges: readonly Merge[]): Map<string, number> {
  const ranks = new Map<string, number>();
  merges.forEach((merge, rank) => {
    const key = pairKey(merge.left, merge.right);
    if (!ranks.has(key)) ranks.set(key, rank);
  });
  return ranks;
}

function symbolsOfRank(symbols: readonly string[], ranks: ReadonlyMap<string, number>, rank: number): Merge {
  for (let i = 0; i + 1 < symbols.length; i++) {
    if (ranks.get(pairKey(symbols[i]!, symbols[i + 1]!)) === rank) return { left: symbols[i]!, right: symbols[i + 1]! };
  }
  throw new Error('internal: merge rank not found in the word it was found in');
}

/** Replaces every occurrence of the pair, left to right without overlap. */
function mergeAll(symbols: readonly string[], pair: Merge): string[] {
  const merged: string[] = [];
  for (let i = 0; i < symbols.length; i++) {
    if (i + 1 < symbols.length && symbols[i] === pair.left && symbols[i + 1] === pair.right) {
      merged.push(pair.left + pair.right);
      i++;
    } else {
      merged.push(symbols[i]!);
    }
  }
  return merged;
}

/** A separator no symbol contains (text never holds U+0000 after loading: binary input is refused). */
const SEPARATOR = '\u0000';

function pairKey(left: string, right: string): string {
  return left + SEPARATOR + right;
}
