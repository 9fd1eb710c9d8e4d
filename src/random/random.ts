/**
 * Seeded random sources. Every random draw in ngram-collapse comes from seedrandom (Alea), created
 * here from a string, so a seed and a purpose give one reproducible stream on every machine.
 *
 * `randomFor(parts)` seeds a generator from the parts joined with '|', e.g.
 * `randomFor([42, 'split'])` or `randomFor([42, cellKey, replicate])`.
 */

import seedrandom from 'seedrandom';

/** A random source: returns uniform doubles in [0, 1). Always a seeded seedrandom generator here. */
export type RandomSource = () => number;

export function randomFor(parts: ReadonlyArray<string | number>): RandomSource {
  const generator = seedrandom.alea(parts.join('|'));
  return () => generator();
}

/** A uniform integer in [0, n). */
export function randomIndex(random: RandomSource, n: number): number {
  return Math.floor(random() * n);
}

/** Fisher–Yates shuffle of 0..n-1 (Knuth, TAOCP vol. 2, Algorithm P). */
export function shuffledIndexes(random: RandomSource, n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = randomIndex(random, i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}
