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
 * Cost: O(total symbols + K * (symbols touched by a merge) * log pairs), with a heap of pair counts.
 *
 * Applying (segmentWord): a word is spelled the same way and the learned merges are applied in the
 * order they were learned, each everywhere left to right. For a word seen in learning this gives
 * exactly the segmentation learning ended with (tested).
 */

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
  const table = new PairTable(words);
  const merges: Merge[] = [];
  while (merges.length < count) {
    const best = table.popBest();
    if (best === undefined) break;
    table.merge(best, merges.length);
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

/** Symbols are interned as ids below 2^22; a pair of ids packs into one safe integer. */
const SYMBOL_LIMIT = 1 << 22;

interface HeapEntry {
  readonly count: number;
  readonly key: number;
}

/**
 * Pair frequencies over the word types, updated incrementally as merges are applied. Words are arrays
 * of symbol ids; `holders` lists, per pair, the words that held it when it was counted (entries can be
 * stale: merge checks the word again); the heap holds (count, pair) entries, stale ones skipped on pop.
 */
class PairTable {
  private readonly symbols: string[] = [];
  private readonly symbolIds = new Map<string, number>();
  private readonly spellings: number[][] = [];
  private readonly weights: number[] = [];
  private readonly counts = new Map<number, number>();
  private readonly holders = new Map<number, number[]>();
  private readonly heap: HeapEntry[] = [];
  private readonly seen: Int32Array;

  constructor(words: ReadonlyMap<string, number>) {
    for (const [word, count] of words) {
      if (count <= 0 || word.length === 0) continue;
      this.spellings.push(spell(word).map((symbol) => this.symbolId(symbol)));
      this.weights.push(count);
    }
    this.seen = new Int32Array(this.spellings.length).fill(-1);
    this.spellings.forEach((symbols, w) => this.addPairs(w, symbols, +1));
    for (const key of this.counts.keys()) this.push(key);
  }

  /** The most frequent pair still present (ties by the documented rule), or undefined. */
  popBest(): Merge | undefined {
    while (this.heap.length > 0) {
      const top = this.popHeap();
      if ((this.counts.get(top.key) ?? 0) === top.count && top.count > 0) {
        return { left: this.symbols[this.leftOf(top.key)]!, right: this.symbols[this.rightOf(top.key)]! };
      }
    }
    return undefined;
  }

  merge(pair: Merge, stamp: number): void {
    const left = this.symbolIds.get(pair.left)!;
    const right = this.symbolIds.get(pair.right)!;
    const key = left * SYMBOL_LIMIT + right;
    const joined = this.symbolId(pair.left + pair.right);
    const changed = new Set<number>();
    for (const w of this.holders.get(key) ?? []) {
      if (this.seen[w] === stamp) continue;
      this.seen[w] = stamp;
      const old = this.spellings[w]!;
      if (!holds(old, left, right)) continue;
      this.addPairs(w, old, -1, changed);
      const merged = mergeIds(old, left, right, joined);
      this.spellings[w] = merged;
      this.addPairs(w, merged, +1, changed);
    }
    this.holders.delete(key);
    for (const changedKey of changed) this.push(changedKey);
  }

  private symbolId(symbol: string): number {
    let id = this.symbolIds.get(symbol);
    if (id === undefined) {
      id = this.symbols.length;
      if (id >= SYMBOL_LIMIT) throw new RangeError('internal: too many BPE symbols');
      this.symbols.push(symbol);
      this.symbolIds.set(symbol, id);
    }
    return id;
  }

  private leftOf(key: number): number {
    return Math.floor(key / SYMBOL_LIMIT);
  }

  private rightOf(key: number): number {
    return key % SYMBOL_LIMIT;
  }

  private addPairs(w: number, symbols: readonly number[], sign: 1 | -1, changed?: Set<number>): void {
    const weight = this.weights[w]! * sign;
    for (let i = 0; i + 1 < symbols.length; i++) {
      const key = symbols[i]! * SYMBOL_LIMIT + symbols[i + 1]!;
      this.counts.set(key, (this.counts.get(key) ?? 0) + weight);
      if (sign > 0) {
        let list = this.holders.get(key);
        if (list === undefined) this.holders.set(key, (list = []));
        list.push(w);
      }
      changed?.add(key);
    }
  }

  private push(key: number): void {
    const count = this.counts.get(key) ?? 0;
    if (count > 0) this.pushHeap({ count, key });
  }

  /** Higher count first; at equal counts the documented tie rule (left symbol, then right, sorted first). */
  private higher(a: HeapEntry, b: HeapEntry): boolean {
    if (a.count !== b.count) return a.count > b.count;
    const aLeft = this.symbols[this.leftOf(a.key)]!;
    const bLeft = this.symbols[this.leftOf(b.key)]!;
    if (aLeft !== bLeft) return aLeft < bLeft;
    return this.symbols[this.rightOf(a.key)]! < this.symbols[this.rightOf(b.key)]!;
  }

  private pushHeap(entry: HeapEntry): void {
    const heap = this.heap;
    heap.push(entry);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.higher(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private popHeap(): HeapEntry {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const left = 2 * i + 1;
        const right = left + 1;
        let best = i;
        if (left < heap.length && this.higher(heap[left]!, heap[best]!)) best = left;
        if (right < heap.length && this.higher(heap[right]!, heap[best]!)) best = right;
        if (best === i) break;
        [heap[i], heap[best]] = [heap[best]!, heap[i]!];
        i = best;
      }
    }
    return top;
  }
}

function holds(symbols: readonly number[], left: number, right: number): boolean {
  for (let i = 0; i + 1 < symbols.length; i++) if (symbols[i] === left && symbols[i + 1] === right) return true;
  return false;
}

/** mergeAll on ids. */
function mergeIds(symbols: readonly number[], left: number, right: number, joined: number): number[] {
  const merged: number[] = [];
  for (let i = 0; i < symbols.length; i++) {
    if (i + 1 < symbols.length && symbols[i] === left && symbols[i + 1] === right) {
      merged.push(joined);
      i++;
    } else {
      merged.push(symbols[i]!);
    }
  }
  return merged;
}
