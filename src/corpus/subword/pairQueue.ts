/**
 * PairQueue: a binary max-heap of (count, pair id) entries on typed arrays, for the BPE learner's
 * "most frequent pair" (./bpePairTable.ts). Entries with equal counts are ordered by `sortsFirst(a, b)`
 * (the learner's tie rule), so the order of the entries is total and the top never depends on the
 * order of pushes. The heap does not know whether an entry is still current: its user checks the
 * popped count against the live one (lazy deletion). push and pop run in O(log size).
 */

export class PairQueue {
  private pairs = new Int32Array(1 << 12);
  private counts = new Float64Array(1 << 12);
  private size = 0;

  constructor(private readonly sortsFirst: (a: number, b: number) => boolean) {}

  get isEmpty(): boolean {
    return this.size === 0;
  }

  /** The top entry's pair and count (only when not empty). */
  get topPair(): number {
    return this.pairs[0]!;
  }

  get topCount(): number {
    return this.counts[0]!;
  }

  push(pair: number, count: number): void {
    if (this.size === this.pairs.length) this.grow();
    let i = this.size++;
    // Stryker disable next-line EqualityOperator: equivalent, at 0 the parent is -1, whose count (undefined) no count is higher than
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.higher(count, pair, this.counts[parent]!, this.pairs[parent]!)) break;
      this.pairs[i] = this.pairs[parent]!;
      this.counts[i] = this.counts[parent]!;
      i = parent;
    }
    this.pairs[i] = pair;
    this.counts[i] = count;
  }

  /** Removes the top entry. */
  pop(): void {
    const size = --this.size;
    // Stryker disable next-line ConditionalExpression: equivalent, without it the loop breaks at once and the top is written onto itself
    if (size === 0) return;
    const pair = this.pairs[size]!;
    const count = this.counts[size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && this.higher(this.counts[child + 1]!, this.pairs[child + 1]!, this.counts[child]!, this.pairs[child]!)) child++;
      if (!this.higher(this.counts[child]!, this.pairs[child]!, count, pair)) break;
      this.pairs[i] = this.pairs[child]!;
      this.counts[i] = this.counts[child]!;
      i = child;
    }
    this.pairs[i] = pair;
    this.counts[i] = count;
  }

  private higher(countA: number, pairA: number, countB: number, pairB: number): boolean {
    // Stryker disable next-line EqualityOperator: equivalent, the counts differ here, so >= is >
    return countA !== countB ? countA > countB : this.sortsFirst(pairA, pairB);
  }

  private grow(): void {
    const pairs = new Int32Array(this.pairs.length * 2);
    pairs.set(this.pairs);
    this.pairs = pairs;
    const counts = new Float64Array(this.counts.length * 2);
    counts.set(this.counts);
    this.counts = counts;
  }
}
