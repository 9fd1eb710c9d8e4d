/**
 * The smallest and the largest of a list of numbers, by a loop: `Math.min(...values)` passes every
 * value as an argument, and a call takes about 120,000 here (a merge of 150,000 rows ended in "Maximum
 * call stack size exceeded": audit; so would the trend range of two cells over 100,000 generations).
 *
 * Contract: as Math.min and Math.max with the values as arguments: Infinity (smallest) and -Infinity
 * (largest) for an empty list, NaN if any value is NaN.
 */

export function smallest(values: Iterable<number>): number {
  let result = Number.POSITIVE_INFINITY;
  for (const value of values) result = Math.min(result, value);
  return result;
}

export function largest(values: Iterable<number>): number {
  let result = Number.NEGATIVE_INFINITY;
  for (const value of values) result = Math.max(result, value);
  return result;
}
