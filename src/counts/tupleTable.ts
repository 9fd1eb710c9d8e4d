/**
 * TupleTable: an open-addressing hash table from fixed-width tuples of int32 ids to dense indexes.
 *
 * Contract: every distinct tuple gets the next index 0, 1, 2, ... in order of first insertion, so a
 * deterministic insertion order gives deterministic indexes. Keys are stored flat in an Int32Array
 * (`width` ids per key); no strings, no per-key objects. `findOrInsert` and `find` run in O(width)
 * expected time, one cache line per probe (the key is kept in the slot); the table doubles when more
 * than three quarters full (MAX_LOAD). Width 0 is allowed: one empty tuple, index 0.
 *
 * Load: linear probing at load a takes about (1 + 1/(1-a))/2 probes to find a key and
 * (1 + 1/(1-a)^2)/2 to miss one (Knuth, TAOCP vol. 3, 6.4): 2.5 and 8.5 at 3/4, contiguous slots of
 * width + 1 ints, so one or two cache lines. Doubling at half full instead kept the probes shorter but
 * the slots up to twice as many: M0's contexts at 10M tokens per generation (2.9M) took 96 MB of slots
 * instead of 48, for no measurable gain in building or scoring (2.0-3.1 s against 2.2-3.3 s to build,
 * 2.3-2.8 s against 2.3-2.7 s to score the corpus). `fitKeys` drops the room the key list grew into.
 */

/** What readers of a table's contexts use: look a history up, read a history back, count them. */
export interface ContextIndex {
  readonly width: number;
  readonly size: number;
  /** The index of tuple `source[at .. at+width)`, or -1 if absent. */
  find(source: Int32Array, at: number): number;
  /** Id number `position` of the tuple with index `index`. */
  keyAt(index: number, position: number): number;
}

/** A TupleTable as plain data (typed arrays and numbers), to hand to another thread. */
export interface TupleTableParts {
  readonly width: number;
  /** The slots (index + 1, then the key), capacity x (width + 1). */
  readonly slots: Int32Array;
  /** The keys by index, `size` x width. */
  readonly keys: Int32Array;
  readonly size: number;
}

export class TupleTable implements ContextIndex {
  readonly width: number;
  /** Per slot: index + 1 (0 = empty), then the key's ids, so a probe touches one place in memory. */
  private slots: Int32Array;
  private readonly stride: number;
  private mask: number;
  private keys: Int32Array;
  private count = 0;
  private readonly pair = new Int32Array(2);

  constructor(width: number, expected = 1024) {
    this.width = width;
    this.stride = width + 1;
    let capacity = 16;
    while (!fits(expected, capacity)) capacity *= 2;
    this.slots = new Int32Array(capacity * this.stride);
    this.mask = capacity - 1;
    // Stryker disable next-line MethodExpression: equivalent, a size hint: the key list grows as needed
    this.keys = new Int32Array(Math.max(1, expected * width));
  }

  /** Number of distinct tuples. */
  get size(): number {
    return this.count;
  }

  /** The table as plain data (views of its arrays, not copies): `fromParts` rebuilds it. */
  get parts(): TupleTableParts {
    return { width: this.width, slots: this.slots, keys: this.keys.subarray(0, this.count * this.width), size: this.count };
  }

  /**
   * The table `parts` describes, over those very arrays (no rehashing, no copy): a table to read (an
   * insert would write into the given arrays, shared ones too, until the table grows).
   */
  static fromParts(parts: TupleTableParts): TupleTable {
    const table = new TupleTable(parts.width, 1);
    table.slots = parts.slots;
    table.mask = parts.slots.length / table.stride - 1;
    table.keys = parts.keys;
    table.count = parts.size;
    return table;
  }

  /** The index of tuple `source[at .. at+width)`, inserting it if new. */
  findOrInsert(source: Int32Array, at: number): number {
    // (a table of width 0 holds one tuple, the empty one: the general path below finds or inserts it as index 0 too)
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, time only, see above
    if (this.width === 0) {
      // Stryker disable next-line ConditionalExpression: equivalent, see above (the count is 1 from the first call on)
      if (this.count === 0) this.count = 1;
      return 0;
    }
    const slots = this.slots;
    let slot = this.hash(source, at) & this.mask;
    for (;;) {
      const base = slot * this.stride;
      const tag = slots[base]!;
      if (tag === 0) return this.insertAt(base, source, at);
      if (this.equals(base, source, at)) return tag - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * `findOrInsert` for width 2 with the ids given directly (the hot case: order-3 histories); the
   * same hash and slots, so both methods may be mixed on one table.
   */
  findOrInsertPair(first: number, second: number): number {
    const slots = this.slots;
    let slot = pairHash(first, second) & this.mask;
    for (;;) {
      const base = slot * 3;
      const tag = slots[base]!;
      if (tag === 0) {
        this.pair[0] = first;
        this.pair[1] = second;
        return this.insertAt(base, this.pair, 0);
      }
      if (slots[base + 1] === first && slots[base + 2] === second) return tag - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The index of tuple `source[at .. at+width)`, or -1 if absent. */
  find(source: Int32Array, at: number): number {
    if (this.width === 0) return this.count > 0 ? 0 : -1;
    // Stryker disable next-line ConditionalExpression: equivalent, time only: the general search finds the same pair
    if (this.width === 2) return this.findPair(source[at]!, source[at + 1]!);
    const slots = this.slots;
    let slot = this.hash(source, at) & this.mask;
    for (;;) {
      const base = slot * this.stride;
      const tag = slots[base]!;
      if (tag === 0) return -1;
      if (this.equals(base, source, at)) return tag - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** `find` for width 2 with the ids given directly (the hot case: order-3 histories). */
  findPair(first: number, second: number): number {
    const slots = this.slots;
    let slot = pairHash(first, second) & this.mask;
    for (;;) {
      const base = slot * 3;
      const tag = slots[base]!;
      if (tag === 0) return -1;
      if (slots[base + 1] === first && slots[base + 2] === second) return tag - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Id number `position` of the tuple with index `index`. */
  keyAt(index: number, position: number): number {
    return this.keys[index * this.width + position]!;
  }

  /**
   * Shrinks the key list to the keys it holds (it grows by doubling, so up to half of it can be
   * room): for a caller done inserting. A later insert grows it again.
   */
  fitKeys(): void {
    const used = Math.max(1, this.count * this.width);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a list already fitted is copied as it is
    if (this.keys.length > used) this.keys = this.keys.slice(0, used);
  }

  private insertAt(base: number, source: Int32Array, at: number): number {
    const index = this.count++;
    const width = this.width;
    // (the list grows by doubling: never less than the one more key needs, as the list is never empty)
    // Stryker disable next-line EqualityOperator: equivalent, growing one key early is memory only
    if ((index + 1) * width > this.keys.length) {
      // Stryker disable next-line ArithmeticOperator: equivalent, see above
      const bigger = new Int32Array(Math.max(this.keys.length * 2, (index + 1) * width));
      bigger.set(this.keys);
      this.keys = bigger;
    }
    const slots = this.slots;
    slots[base] = index + 1;
    for (let i = 0; i < width; i++) {
      const id = source[at + i]!;
      this.keys[index * width + i] = id;
      slots[base + 1 + i] = id;
    }
    if (!fits(this.count, this.mask + 1)) this.rehash();
    return index;
  }

  private equals(base: number, source: Int32Array, at: number): boolean {
    const slots = this.slots;
    for (let i = 0; i < this.width; i++) if (slots[base + 1 + i] !== source[at + i]) return false;
    return true;
  }

  private hash(source: Int32Array, at: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < this.width; i++) {
      h = Math.imul(h ^ source[at + i]!, 0x9e3779b1);
      h ^= h >>> 15;
    }
    return Math.imul(h ^ (h >>> 13), 0x85ebca6b) ^ (h >>> 16);
  }

  /**
   * Doubles the table. The old slots are read in slot order and each key is hashed from its copy in
   * the slot, so the pass reads sequentially and writes near-sequentially (a key's new home is its old
   * home or that plus the old capacity), instead of one cache miss per key when reinserting by index.
   */
  private rehash(): void {
    const oldSlots = this.slots;
    const stride = this.stride;
    const oldCapacity = this.mask + 1;
    const slots = new Int32Array(oldCapacity * 2 * stride);
    const mask = oldCapacity * 2 - 1;
    // (an empty slot, or one past the end, whose undefined items are stored as zeros, moves zeros into an empty slot: no change)
    // Stryker disable next-line EqualityOperator: equivalent, see above
    for (let from = 0; from < oldCapacity * stride; from += stride) {
      // Stryker disable next-line ConditionalExpression: equivalent, time only, see above
      if (oldSlots[from] === 0) continue;
      let slot = this.hash(oldSlots, from + 1) & mask;
      while (slots[slot * stride] !== 0) slot = (slot + 1) & mask;
      const base = slot * stride;
      for (let i = 0; i < stride; i++) slots[base + i] = oldSlots[from + i]!;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** Largest share of a table's slots in use: it doubles when one more key would pass it (see the header). */
const MAX_LOAD = 3 / 4;

/** True if `keys` keys fit `capacity` slots at no more than MAX_LOAD. */
function fits(keys: number, capacity: number): boolean {
  return keys <= capacity * MAX_LOAD;
}

/** `hash` of the pair (first, second), unrolled: the same value, so pair and general methods mix. */
function pairHash(first: number, second: number): number {
  let h = Math.imul(0x811c9dc5 ^ first, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h ^ second, 0x9e3779b1);
  h ^= h >>> 15;
  return Math.imul(h ^ (h >>> 13), 0x85ebca6b) ^ (h >>> 16);
}
