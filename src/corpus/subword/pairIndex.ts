/**
 * PairIndex: numbers pairs of non-negative 32-bit integers (two symbol or token ids) densely, 0, 1, 2,
 * ... in order of first sight, so that facts about a pair can live in typed arrays indexed by its number.
 *
 * Contract: `number(left, right)` returns the pair's number, giving the next one to a new pair; `left(p)`
 * and `right(p)` give it back; `size` is how many pairs have a number. An open-addressing table on
 * Int32Arrays (linear probing, a multiplicative hash of both ids), doubled at half load: O(1) expected
 * per call, no allocation per lookup (a JavaScript Map keyed by a packed pair would box the key).
 */

const EMPTY = -1;

export class PairIndex {
  private slots = new Int32Array(1 << 12).fill(EMPTY);
  private lefts = new Int32Array(1 << 11);
  private rights = new Int32Array(1 << 11);
  private count = 0;

  get size(): number {
    return this.count;
  }

  number(left: number, right: number): number {
    const mask = this.slots.length - 1;
    for (let slot = pairHash(left, right) & mask; ; slot = (slot + 1) & mask) {
      const pair = this.slots[slot]!;
      if (pair === EMPTY) return this.add(slot, left, right);
      if (this.lefts[pair] === left && this.rights[pair] === right) return pair;
    }
  }

  left(pair: number): number {
    return this.lefts[pair]!;
  }

  right(pair: number): number {
    return this.rights[pair]!;
  }

  private add(slot: number, left: number, right: number): number {
    const pair = this.count++;
    this.slots[slot] = pair;
    if (pair === this.lefts.length) {
      this.lefts = grown(this.lefts);
      this.rights = grown(this.rights);
    }
    this.lefts[pair] = left;
    this.rights[pair] = right;
    if (this.count * 2 > this.slots.length) this.rehash();
    return pair;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = this.slots.length - 1;
    for (let pair = 0; pair < this.count; pair++) {
      let slot = pairHash(this.lefts[pair]!, this.rights[pair]!) & mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slots[slot] = pair;
    }
  }
}

function pairHash(left: number, right: number): number {
  const hash = Math.imul(Math.imul(left, 0x9e3779b1) ^ right, 0x85ebca6b);
  return hash ^ (hash >>> 15);
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}
