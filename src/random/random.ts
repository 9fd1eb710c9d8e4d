/**
 * Seeded random sources. Every random draw in ngram-collapse comes from seedrandom (Alea), created
 * here from a string, so a seed and a purpose give one reproducible stream on every machine.
 *
 * `randomFor(parts)` seeds a generator from the parts joined with '|', e.g.
 * `randomFor([42, 'split'])` or `randomFor([42, cellKey, replicate])`. Drawing without replacement
 * has one implementation here (drawInPlace: the holdout split's shuffle and the sentence picks).
 */

import seedrandom from 'seedrandom';

/** A random source: returns uniform doubles in [0, 1). Always a seeded seedrandom generator here. */
export type RandomSource = () => number;

/** The sources randomFor made: known to give numbers in [0, 1), so a caller need not check them (isSeededSource). */
const SEEDED = new WeakSet<RandomSource>();

export function randomFor(parts: ReadonlyArray<string | number>): RandomSource {
  const generator = seedrandom.alea(parts.join('|'));
  const source: RandomSource = () => generator();
  SEEDED.add(source);
  return source;
}

/** True for a source randomFor made (a library caller's own function is not known to give numbers in [0, 1)). */
export function isSeededSource(random: RandomSource): boolean {
  return SEEDED.has(random);
}

/** A uniform integer in [0, n). */
export function randomIndex(random: RandomSource, n: number): number {
  return Math.floor(random() * n);
}

/**
 * The one partial Fisher–Yates shuffle (Durstenfeld's forward form; Knuth, TAOCP vol. 2, Algorithm P):
 * for i = 0, 1, ..., position i receives order[i + pick(n - i)] (pick(m) in [0, m)), and `take` is told
 * each element as soon as it is final; the walk stops when `take` returns false or the array is done.
 * In place, O(elements drawn). One random draw per step, the last step (m = 1) included.
 */
export function drawInPlace(order: Int32Array, pick: (m: number) => number, take: (value: number) => boolean): void {
  const n = order.length;
  for (let i = 0; i < n; i++) {
    const j = i + pick(n - i);
    const chosen = order[j]!;
    order[j] = order[i]!;
    order[i] = chosen;
    if (!take(chosen)) return;
  }
}

/** Draws 0..n-1 without replacement (uniformly at random) until `take` returns false or none are left. */
export function drawIndexes(random: RandomSource, n: number, take: (index: number) => boolean): void {
  const order = new Int32Array(n);
  // Stryker disable next-line EqualityOperator: equivalent, a typed array ignores a write one past its end
  for (let i = 0; i < n; i++) order[i] = i;
  drawInPlace(order, (m) => randomIndex(random, m), take);
}

/**
 * A full shuffle of 0..n-1, as the backward Fisher–Yates loop (for i = n-1..1 swap i with a uniform
 * j <= i) makes it, so that existing holdout splits stay the same: that loop is drawInPlace on the
 * mirrored array with mirrored picks (position n-1-i, pick m-1-r), read backwards. It consumes one
 * more draw than the backward loop, at its end.
 */
export function shuffledIndexes(random: RandomSource, n: number): Int32Array {
  const order = new Int32Array(n);
  // Stryker disable next-line EqualityOperator: equivalent, a typed array ignores a write one past its end
  for (let i = 0; i < n; i++) order[i] = n - 1 - i;
  drawInPlace(order, (m) => m - 1 - randomIndex(random, m), () => true);
  return order.reverse();
}
