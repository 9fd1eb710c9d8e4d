/**
 * countingOrder: the items 0..n-1 stably sorted by small whole-number keys, by a counting sort (one
 * pass to count the keys, one to place the items): O(n + range), no comparisons. Applied twice, by the
 * second key and then by the first with the first pass's order as `within`, it sorts pairs (a
 * least-significant-digit radix sort). Used for a text's n-grams (../metrics/ngramProfile.ts).
 */

/** The items 0..n-1 (in the order `within`, or 0..n-1) stably sorted by `keys` in [0, range): a counting sort. */
export function countingOrder(n: number, range: number, keys: Int32Array, within: Int32Array | undefined): Int32Array {
  const fill = new Int32Array(range + 1);
  // Stryker disable next-line EqualityOperator: equivalent, keys[n] is undefined: a count to nowhere
  for (let i = 0; i < n; i++) fill[keys[i]! + 1]!++;
  // Stryker disable next-line EqualityOperator: equivalent, fill[range + 1] is past the array
  for (let k = 0; k < range; k++) fill[k + 1]! += fill[k]!;
  const order = new Int32Array(n);
  // Stryker disable next-line EqualityOperator: equivalent, item n reads undefined keys: a write to nowhere
  for (let k = 0; k < n; k++) {
    const i = within === undefined ? k : within[k]!;
    order[fill[keys[i]!]!++] = i;
  }
  return order;
}
