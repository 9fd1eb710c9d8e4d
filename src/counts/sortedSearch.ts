/**
 * Binary search in a sorted stretch of an Int32Array: the one routine behind "the child with this
 * token" (NgramTrie) and "the edge with this token" (TransitionTable).
 *
 * Contract: `values[from .. to)` is sorted ascending with no duplicates; returns the index of `key`
 * in that range, or -1. O(log(to - from)).
 */

export function indexInSortedRange(values: Int32Array, from: number, to: number, key: number): number {
  let low = from;
  let high = to - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = values[middle]!;
    if (found === key) return middle;
    if (found < key) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * The first index i in [from, to) with values[i] > threshold, over running (non-decreasing) weights;
 * `to - 1` if none (guards float rounding at the end). How a uniform draw picks an outcome.
 * O(log(to - from)).
 */
export function firstAbove(values: ArrayLike<number>, from: number, to: number, threshold: number): number {
  let low = from;
  let high = to - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! > threshold) high = middle;
    else low = middle + 1;
  }
  return low;
}
