/**
 * Binary search over sorted stretches of typed arrays: the one implementation behind "the child with this
 * token" (NgramTrie, k-gram keys), "the edge with this token" (TransitionTable, the MLE model), "the
 * outcome a uniform draw picks" (every sampler, over running weights) and "the edge a draw picks" in the
 * strided record layout (transitionRecords.ts).
 *
 * Contracts:
 * - `indexInSortedRange`: `values[from .. to)` is sorted ascending with no duplicates; returns the index of
 *   `key` in that range, or -1. O(log(to - from)).
 * - `firstAbove`: over running (non-decreasing) weights read at `values[base + stride * i]` for i in
 *   [from, to), the first i whose weight is > threshold; `to - 1` if none (guards float rounding at the
 *   end). How a uniform draw picks an outcome. O(log(to - from)).
 * - `countAtMost`: how many of the non-decreasing `values[from .. to)` are <= threshold (0 .. to - from).
 * - `firstAboveFromStart`: the same answer as `firstAbove` (stride 1), found by galloping from `from`
 *   (probing from, from + 1, from + 3, from + 7, ... then a binary search between the last two probes;
 *   Bentley and Yao 1976): O(log(i - from)) for an answer i, so quicker where draws land near the start,
 *   as they do over weights ranked by size, most probable first.
 * - `countAtMostFromStart`: the same answer as `countAtMost`, by galloping from `from`.
 */

export function indexInSortedRange(values: ArrayLike<number>, from: number, to: number, key: number): number {
  let low = from;
  let high = to - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = values[middle]!;
    if (found === key) return middle;
    // Stryker disable next-line EqualityOperator: equivalent, found === key returned just above
    if (found < key) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

export function firstAbove(
  values: ArrayLike<number>,
  from: number,
  to: number,
  threshold: number,
  base = 0,
  stride = 1,
): number {
  let low = from;
  let high = to - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[base + stride * middle]! > threshold) high = middle;
    else low = middle + 1;
  }
  return low;
}

export function countAtMost(values: ArrayLike<number>, from: number, to: number, threshold: number): number {
  // (without the first test an empty range still gets 0: firstAbove over it returns `from`; the mark
  // covers the line, whose other mutants the tests kill when it is not marked)
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, see above
  if (to <= from || values[to - 1]! <= threshold) return to - from;
  return firstAbove(values, from, to, threshold) - from;
}

export function firstAboveFromStart(values: ArrayLike<number>, from: number, to: number, threshold: number): number {
  let below = from; // every index before `below` has a weight <= threshold
  for (let step = 1; ; step *= 2) {
    const probe = from + step - 1;
    if (probe >= to - 1) return firstAbove(values, below, to, threshold);
    if (values[probe]! > threshold) return firstAbove(values, below, probe + 1, threshold);
    below = probe + 1;
  }
}

export function countAtMostFromStart(values: ArrayLike<number>, from: number, to: number, threshold: number): number {
  if (to <= from) return 0;
  const first = firstAboveFromStart(values, from, to, threshold);
  return values[first]! > threshold ? first - from : to - from;
}
