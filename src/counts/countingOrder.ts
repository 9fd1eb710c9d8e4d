/**
 * countingOrder: the items 0..n-1 stably sorted by small whole-number keys, by a counting sort (one
 * pass to count the keys, one to place the items): O(n + range), no comparisons. Applied twice, by the
 * second key and then by the first with the first pass's order as `within`, it sorts pairs (a
 * least-significant-digit radix sort). Used for a text's n-grams (../metrics/ngramProfile.ts).
 * `sortedBy` sorts the same way but moves the columns along instead of returning an order (sequential
 * reads, scattered writes: no gather through an order array afterwards), for a text's (history,
 * token) pairs (./predictionKeys.ts); `runningStarts` is the step both share, histogram counts made
 * the starts of their buckets (also the n-gram trie's sorts, ./ngramTrie.ts).
 */

/** The items 0..n-1 (in the order `within`, or 0..n-1) stably sorted by `keys` in [0, range): a counting sort. */
export function countingOrder(n: number, range: number, keys: Int32Array, within: Int32Array | undefined): Int32Array {
  const fill = new Int32Array(range + 1);
  // Stryker disable next-line EqualityOperator: equivalent, keys[n] is undefined: a count to nowhere
  for (let i = 0; i < n; i++) fill[keys[i]! + 1]!++;
  runningStarts(fill);
  const order = new Int32Array(n);
  // Stryker disable next-line EqualityOperator: equivalent, item n reads undefined keys: a write to nowhere
  for (let k = 0; k < n; k++) {
    const i = within === undefined ? k : within[k]!;
    order[fill[keys[i]!]!++] = i;
  }
  return order;
}

/** `columns` stably sorted together by `key + shift` (whole numbers >= 0): a counting sort that moves every column. */
export function sortedBy(key: Int32Array, shift: number, columns: readonly Int32Array[]): Int32Array[] {
  const n = key.length;
  let range = 0;
  for (let i = 0; i < n; i++) range = Math.max(range, key[i]! + shift + 1);
  const start = new Int32Array(range + 1);
  // Stryker disable next-line EqualityOperator: equivalent, key[n] is undefined: a count to nowhere
  for (let i = 0; i < n; i++) start[key[i]! + shift + 1]!++;
  runningStarts(start);
  const sorted = columns.map(() => new Int32Array(n));
  // Stryker disable next-line EqualityOperator: equivalent, item n reads an undefined key: writes to nowhere
  for (let i = 0; i < n; i++) {
    const at = start[key[i]! + shift]!++;
    for (let c = 0; c < columns.length; c++) sorted[c]![at] = columns[c]![i]!;
  }
  return sorted;
}

/** Histogram counts (at value + 1) made running starts in place: start[v] is where value v's run begins. */
export function runningStarts(start: Int32Array): void {
  // Stryker disable next-line EqualityOperator: equivalent, start[length] is a write to nowhere
  for (let v = 1; v < start.length; v++) start[v]! += start[v - 1]!;
}
