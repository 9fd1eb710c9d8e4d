/**
 * BpePairTable: the BPE learner's state (./bpeMerges.ts), made incremental as in subword-nmt's
 * learn_bpe.py (Sennrich et al. 2016): the pairs of adjacent symbols are counted once over the word
 * types, each weighted by its count; a merge then re-counts only the words that hold the merged pair.
 *
 * Contract: `mergeBest()` finds the most frequent pair (ties by bpeMerges' rule: left symbol sorting
 * first, then right symbol, JavaScript's `<`), merges it in every word left to right without overlap,
 * and returns it; undefined when no pair is left (every word is one symbol). `symbolsOf(w)` is word w's
 * current symbols (words numbered in the order the Map gave them, skipping empty words and counts <= 0).
 *
 * Representation, all on integer ids: symbols are interned strings; the words' symbols sit in one
 * Int32Array, each word shrinking in place as it is merged; pairs are numbered by a PairIndex, with a
 * live count each; per pair, an array of the words that gained it, read in a row when the pair is
 * merged (entries may be stale: a word without the pair is left as it is, and each word is merged once
 * per merge); a PairQueue holds (count, pair) entries, pushed when a pair's count grows and checked on pop
 * (an entry above the live count is pushed again with the live count, one below it is dropped: there is
 * always an entry at or above each live count, so the first popped entry that is current is the best).
 * Cost: O(total symbols) to start, then per merge O(symbols of the words holding the pair) plus
 * O(log entries) per queue operation.
 */

import { SymbolTable } from './symbolTable.js';
import { PairIndex } from './pairIndex.js';
import { PairQueue } from './pairQueue.js';

export interface SymbolPair {
  readonly left: string;
  readonly right: string;
}

const NONE = -1;

export class BpePairTable {
  private readonly symbols = new SymbolTable();
  /** Word w's symbols: text[wordStart[w] .. wordStart[w] + wordLength[w]). */
  private readonly text: Int32Array;
  private readonly wordStart: Int32Array;
  private readonly wordLength: Int32Array;
  private readonly weights: Float64Array;
  /** The merge that last looked at each word (a word is merged once per merge). */
  private readonly wordSeen: Int32Array;

  private readonly pairs = new PairIndex();
  private pairCapacity = 1 << 14;
  private pairCount = new Float64Array(this.pairCapacity);
  /** The merge that last changed each pair's count, and its count before that merge. */
  private pairStamp = new Int32Array(this.pairCapacity).fill(NONE);
  private countBefore = new Float64Array(this.pairCapacity);

  /** Per pair, the words that gained it (in order; an array each, so a merge reads its words in a row). */
  private readonly holders: Array<number[] | undefined> = [];

  private readonly queue = new PairQueue((a, b) => this.sortsFirst(a, b));
  private readonly touched: number[] = [];
  private merges = 0;
  private reformed = false;

  /** `spell` gives a word's first symbols (bpeMerges' spell). */
  constructor(words: ReadonlyMap<string, number>, spell: (word: string) => string[]) {
    const spellings: number[][] = [];
    const weights: number[] = [];
    for (const [word, count] of words) {
      if (count <= 0 || word.length === 0) continue;
      spellings.push(spell(word).map((symbol) => this.symbols.id(symbol)));
      weights.push(count);
    }
    const total = spellings.reduce((sum, symbols) => sum + symbols.length, 0);
    this.text = new Int32Array(total);
    this.wordStart = new Int32Array(spellings.length);
    this.wordLength = new Int32Array(spellings.length);
    this.weights = Float64Array.from(weights);
    this.wordSeen = new Int32Array(spellings.length).fill(NONE);
    let at = 0;
    spellings.forEach((symbols, w) => {
      this.wordStart[w] = at;
      this.wordLength[w] = symbols.length;
      this.text.set(symbols, at);
      at += symbols.length;
      this.countWord(w);
    });
    for (let pair = 0; pair < this.pairs.size; pair++) if (this.pairCount[pair]! > 0) this.queue.push(pair, this.pairCount[pair]!);
    this.touched.length = 0;
  }

  /** Merges the most frequent pair everywhere and returns it; undefined when no pair is left. */
  mergeBest(): SymbolPair | undefined {
    const pair = this.popBest();
    if (pair === NONE) return undefined;
    const left = this.pairs.left(pair);
    const right = this.pairs.right(pair);
    const merged = { left: this.symbols.text(left), right: this.symbols.text(right) };
    const joined = merged.left + merged.right;
    if (this.symbols.has(joined)) this.reformed = true;
    this.mergePair(pair, left, right, this.symbols.id(joined));
    return merged;
  }

  /**
   * True once a merge made a symbol that already existed (the same text joined another way). Until
   * then no pair can come back once merged, so each word's symbols are exactly what applying the merges
   * learned so far to it gives (bpeMerges' segmentWord): see ./bpeMerges.ts.
   */
  get symbolReformed(): boolean {
    return this.reformed;
  }

  /** How many words the table holds. */
  get wordCount(): number {
    return this.wordStart.length;
  }

  /** Word w's current symbols, as ids for `symbol` (a view: valid until the next merge). */
  symbolsOf(w: number): Int32Array {
    const start = this.wordStart[w]!;
    return this.text.subarray(start, start + this.wordLength[w]!);
  }

  symbol(id: number): string {
    return this.symbols.text(id);
  }

  private popBest(): number {
    while (!this.queue.isEmpty) {
      const pair = this.queue.topPair;
      const stored = this.queue.topCount;
      this.queue.pop();
      const live = this.pairCount[pair]!;
      if (live === stored) return pair;
      if (live > 0 && live < stored) this.queue.push(pair, live);
    }
    return NONE;
  }

  private mergePair(pair: number, left: number, right: number, joined: number): void {
    const stamp = this.merges++;
    const holders = this.holders[pair] ?? [];
    for (let h = 0; h < holders.length; h++) {
      const w = holders[h]!;
      if (this.wordSeen[w] === stamp) continue;
      this.wordSeen[w] = stamp;
      this.mergeWord(w, left, right, joined);
    }
    // Every occurrence of the pair was merged away (mergeWord does not count them one by one).
    this.pairCount[pair] = 0;
    this.holders[pair] = undefined;
    for (const changed of this.touched) {
      if (this.pairCount[changed]! > this.countBefore[changed]!) this.queue.push(changed, this.pairCount[changed]!);
    }
    this.touched.length = 0;
  }

  /**
   * Replaces every (left, right) in word w by `joined`, left to right without overlap, in place, and
   * moves the counts of the pairs around each occurrence (subword-nmt's update_pair_statistics): with
   * x before and y after, (x, left) and (right, y) lose the word's weight and (x, joined), (joined, y)
   * gain it; between two adjacent occurrences (right, left) becomes (joined, joined), once. (left,
   * right) itself is set to 0 by mergePair. A stale holder entry (the word no longer has the pair)
   * changes nothing.
   */
  private mergeWord(w: number, left: number, right: number, joined: number): void {
    const weight = this.weights[w]!;
    const text = this.text;
    const start = this.wordStart[w]!;
    const end = start + this.wordLength[w]!;
    let out = start;
    let previousMerged = false;
    for (let i = start; i < end; i++) {
      if (i + 1 >= end || text[i] !== left || text[i + 1] !== right) {
        text[out++] = text[i]!;
        previousMerged = false;
        continue;
      }
      if (previousMerged) {
        this.add(joined, joined, weight, w);
      } else if (out > start) {
        this.add(text[out - 1]!, left, -weight, NONE);
        this.add(text[out - 1]!, joined, weight, w);
      }
      if (i + 2 < end) {
        const next = text[i + 2]!;
        this.add(right, next, -weight, NONE);
        if (!(next === left && i + 3 < end && text[i + 3] === right)) this.add(joined, next, weight, w);
      }
      text[out++] = joined;
      previousMerged = true;
      i++;
    }
    this.wordLength[w] = out - start;
  }

  /** Word w's pairs, each weighted by its count, as learning starts; w holds each of them. */
  private countWord(w: number): void {
    const end = this.wordStart[w]! + this.wordLength[w]! - 1;
    for (let i = this.wordStart[w]!; i < end; i++) this.add(this.text[i]!, this.text[i + 1]!, this.weights[w]!, w);
  }

  /** Adds `weight` (negative: removes) to the pair's count; `holder` (unless NONE) now holds the pair. */
  private add(left: number, right: number, weight: number, holder: number): void {
    const pair = this.pairs.number(left, right);
    if (pair === this.pairCapacity) this.growPairs();
    if (this.pairStamp[pair] !== this.merges) {
      this.pairStamp[pair] = this.merges;
      this.countBefore[pair] = this.pairCount[pair]!;
      this.touched.push(pair);
    }
    this.pairCount[pair]! += weight;
    if (holder !== NONE) this.addHolder(pair, holder);
  }

  private addHolder(pair: number, w: number): void {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, an assignment past the end extends the array too; this keeps it without holes (time only)
    while (this.holders.length <= pair) this.holders.push(undefined);
    const holders = this.holders[pair];
    if (holders === undefined) this.holders[pair] = [w];
    else holders.push(w);
  }

  private growPairs(): void {
    const capacity = this.pairCapacity * 2;
    this.pairStamp = grownInt32(this.pairStamp, capacity, NONE);
    this.pairCount = grownFloat64(this.pairCount, capacity);
    this.countBefore = grownFloat64(this.countBefore, capacity);
    this.pairCapacity = capacity;
  }

  /** The tie rule: at equal counts, the pair whose left symbol sorts first, then whose right does. */
  private sortsFirst(a: number, b: number): boolean {
    const leftA = this.symbols.text(this.pairs.left(a));
    const leftB = this.symbols.text(this.pairs.left(b));
    if (leftA !== leftB) return leftA < leftB;
    return this.symbols.text(this.pairs.right(a)) < this.symbols.text(this.pairs.right(b));
  }
}

function grownInt32(array: Int32Array<ArrayBuffer>, length: number, fill: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(length).fill(fill);
  grown.set(array);
  return grown;
}

function grownFloat64(array: Float64Array<ArrayBuffer>, length: number): Float64Array<ArrayBuffer> {
  const grown = new Float64Array(length);
  grown.set(array);
  return grown;
}
