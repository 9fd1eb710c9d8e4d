/**
 * IntRecords: a growable list of fixed-width integer records (a human share's (context, token, next)
 * triples, a seed score's (a, b, c, occurrences) misses) in one Int32Array, instead of a JS array of
 * numbers (whose pushes, growth and garbage cost tens of nanoseconds a value at a million records).
 *
 * Contract: `add()` makes room for one more record and returns the index of its first slot in
 * `values`; the caller writes the record's `width` values there (through `values`, which `add` may
 * have replaced by a larger copy, so it is read after each `add`). `filled()` is a view of the records
 * so far. Growth doubles: O(1) amortised per record.
 */

export class IntRecords {
  readonly width: number;
  values: Int32Array;
  /** Number of records. */
  size = 0;

  /** `expected`: about how many records will come (the array starts with room for that many, at least 16). */
  constructor(width: number, expected: number) {
    this.width = width;
    this.values = new Int32Array(width * Math.max(expected, 16));
  }

  add(): number {
    const at = this.width * this.size++;
    if (at + this.width > this.values.length) {
      const bigger = new Int32Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    return at;
  }

  /** The records so far, `width` values each (a view: valid until the next `add`). */
  filled(): Int32Array {
    return this.values.subarray(0, this.width * this.size);
  }
}
