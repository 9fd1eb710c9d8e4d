/**
 * The one partial Fisher–Yates shuffle (random/random.ts): drawIndexes draws a permutation and stops
 * when told; shuffledIndexes still gives the backward loop's permutation (holdout splits unchanged).
 */

import { describe, expect, it } from 'vitest';
import { drawIndexes, randomFor, randomIndex, shuffledIndexes } from '../../src/random/random.js';

/** The textbook backward loop (Knuth, Algorithm P), as holdoutSplit used it before the unification. */
function backwardShuffle(random: () => number, n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = randomIndex(random, i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

describe('randomFor', () => {
  it('seeds Alea with the parts joined by |: one stream per seed and purpose, the same on every machine', () => {
    // Pinned: every seeded output of the tool (holdout splits, samples) depends on this mapping.
    const random = randomFor([42, 'split']);
    expect([random(), random()]).toEqual([0.767351507442072, 0.6108649366069585]);
    // the separator keeps [1, 23] and [12, 3] apart ('1|23' and '12|3', not '123' twice)
    expect(randomFor([1, 23])()).toBe(0.8801979043055326);
    expect(randomFor([12, 3])()).toBe(0.8477671830914915);
  });
});

describe('randomIndex', () => {
  it('scales a uniform draw to [0, n) and rounds down', () => {
    expect([0, 0.5, 0.999, 0.1].map((u) => randomIndex(() => u, 10))).toEqual([0, 5, 9, 1]);
    expect(randomIndex(() => 0.75, 3)).toBe(2); // floor(2.25)
  });
});

describe('shuffledIndexes', () => {
  it('is the backward Fisher–Yates permutation for every n up to 40 and 20 seeds', () => {
    for (let n = 0; n <= 40; n++) {
      for (let seed = 0; seed < 20; seed++) expect([...shuffledIndexes(randomFor([seed, 'split']), n)]).toEqual(backwardShuffle(randomFor([seed, 'split']), n));
    }
  });
});

describe('drawIndexes', () => {
  it('draws every index once, and stops when take says so', () => {
    const all: number[] = [];
    drawIndexes(randomFor([1]), 25, (i) => all.push(i) > 0);
    expect([...all].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    const some: number[] = [];
    drawIndexes(randomFor([1]), 25, (i) => some.push(i) < 4);
    expect(some).toEqual(all.slice(0, 4));
  });

  it('with picks 0, 0, ... keeps the identity order (the first remaining is taken each time)', () => {
    const drawn: number[] = [];
    drawIndexes(() => 0, 5, (i) => drawn.push(i) > 0);
    expect(drawn).toEqual([0, 1, 2, 3, 4]);
  });
});
