/**
 * rankedMerge: tiktoken's byte-pair merge in O(n log n) for a piece of n parts, for long pieces (a DNA
 * sequence, a base64 blob: one "word" of 100,000 letters), where the rule's plain form, a scan of
 * every adjacent pair for the lowest rank before each merge, is quadratic (gpt-tokenizer's own took
 * 14 s for a word of 160,000 letters).
 *
 * The rule (OpenAI's tiktoken, as gpt-tokenizer 4.0's `bytePairMerge` applies it): rank every adjacent
 * pair of parts (the rank of the token they join into, or none); join the pair of lowest rank, the
 * leftmost of equal ones; rank the two pairs beside it again; stop when no pair joins into a token. The
 * joined part is the token of that rank.
 *
 * Here the pairs wait in a binary min-heap keyed by (rank, start of the pair's left part): its top is
 * exactly the pair the scan finds, since parts stay in order of their starts. A heap entry is not
 * removed when its pair changes; it is skipped when popped if its part is gone or the pair at its
 * start now has another rank (the same rank at the same start is the same token, so the same pair).
 *
 * Contract: `rankedMerge(ids, pairRank, out)`: `ids` are the piece's first parts (one per unit: a
 * character, a byte), `pairRank(leftId, rightId, start, end)` the rank of the token joining the part
 * of id `leftId` starting at unit `start` with the next part, of id `rightId`, ending at unit `end`
 * (a caller may read either the ids or the span), or NO_PAIR. Appends the final parts' ids to `out`,
 * exactly the ids of the plain rule (tested against it on random encodings). O(n log n) time, O(n)
 * memory, n + 2 * merges calls of `pairRank`.
 */

/** The rank of a pair that joins into no token (above every rank). */
export const NO_PAIR = 0x7fffffff;

/** A heap key (rank, start) as one exact double: rank * 2^32 + start (ranks below 2^20, starts below 2^32). */
const START_SPAN = 2 ** 32;

export function rankedMerge(ids: Int32Array, pairRank: (leftId: number, rightId: number, start: number, end: number) => number, out: number[]): void {
  const n = ids.length;
  const part = Int32Array.from(ids);
  // the next part's start (n: none), the previous part's start (-1: none), the rank of the pair starting here
  const next = new Int32Array(n);
  const previous = new Int32Array(n);
  const rankAt = new Int32Array(n).fill(NO_PAIR);
  const heap = new MinHeap(n);
  // Stryker disable next-line EqualityOperator: equivalent, a pass at i = n writes past the arrays' ends, a no-op
  for (let i = 0; i < n; i++) {
    next[i] = i + 1;
    previous[i] = i - 1;
  }
  const rank = (start: number): void => {
    const middle = next[start]!;
    rankAt[start] = middle >= n ? NO_PAIR : pairRank(part[start]!, part[middle]!, start, next[middle]!);
    if (rankAt[start] !== NO_PAIR) heap.push(rankAt[start]! * START_SPAN + start);
  };
  // Stryker disable next-line EqualityOperator: equivalent, the last part has no next part: rank(n - 1) pushes nothing
  for (let i = 0; i + 1 < n; i++) rank(i);
  while (!heap.isEmpty) {
    const key = heap.pop();
    const start = key % START_SPAN;
    const popped = (key - start) / START_SPAN;
    // stale: the part was joined into the one before it (its rank reset to NO_PAIR), or its pair changed
    if (rankAt[start] !== popped) continue;
    const gone = next[start]!;
    part[start] = popped;
    next[start] = next[gone]!;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, previous[n] is past the array's end: a no-op
    if (next[start]! < n) previous[next[start]!] = start;
    rankAt[gone] = NO_PAIR;
    rank(start);
    if (previous[start]! >= 0) rank(previous[start]!);
  }
  for (let i = 0; i < n; i = next[i]!) out.push(part[i]!);
}

/** A binary min-heap of doubles on a growable Float64Array. */
class MinHeap {
  private keys: Float64Array;
  private size = 0;

  constructor(capacity: number) {
    // Stryker disable next-line MethodExpression: equivalent, a size hint: the heap grows as needed
    this.keys = new Float64Array(Math.max(16, capacity));
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }

  push(key: number): void {
    if (this.size === this.keys.length) {
      const grown = new Float64Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    const keys = this.keys;
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      // Stryker disable next-line EqualityOperator: equivalent, equal keys are the same (rank, start): either order pops the same values
      if (keys[parent]! <= key) break;
      keys[at] = keys[parent]!;
      at = parent;
    }
    keys[at] = key;
  }

  pop(): number {
    const keys = this.keys;
    const top = keys[0]!;
    const last = keys[--this.size]!;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      // Stryker disable next-line EqualityOperator: equivalent, keys[size] is `last` itself (just taken off the end), which the check below stops at
      if (child >= this.size) break;
      // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent, as above: a child at `size` is `last`, never moved up
      if (child + 1 < this.size && keys[child + 1]! < keys[child]!) child++;
      // Stryker disable next-line EqualityOperator: equivalent, a child equal to `last` is the same value either way
      if (keys[child]! >= last) break;
      keys[at] = keys[child]!;
      at = child;
    }
    keys[at] = last;
    return top;
  }
}
