/**
 * ProbabilityFloor: the floor the simulator gives every prediction it scores (the README's "The curves
 * CSV"), p' = (1 - eps) p + eps / V, eps = FLOOR_EPSILON = 1e-4 and V = seed types + 1 (the seed's types
 * and `</s>`), so a perplexity stays finite under an MLE model, which gives an unseen token p = 0 (the
 * mixture with a uniform distribution over V outcomes: Jelinek and Mercer 1980's interpolation, with a
 * fixed weight).
 *
 * Contract: the one place the formula is written. `floored(p, floor)` is `keep * p + floor` with
 * keep = 1 - eps and floor = eps / V computed once, so every scorer (evaluate.ts, mle.ts
 * `flooredLog2Sum`, metrics/perplexity.ts, sentencePerplexities.ts, seedPerplexity.ts, flooredLog2.ts)
 * gives the same double for the same p. O(1).
 */

export const FLOOR_EPSILON = 1e-4;

/** p' = keep p + floor. */
export interface ProbabilityFloor {
  readonly keep: number;
  readonly floor: number;
}

/** The floor of a uniform share `epsilon` over `outcomes` outcomes. */
export function probabilityFloor(outcomes: number, epsilon: number = FLOOR_EPSILON): ProbabilityFloor {
  return { keep: 1 - epsilon, floor: epsilon / outcomes };
}

/** The simulator's floor for a seed of `seedTypes` types: V = seedTypes + 1 (`</s>` too). */
export function seedFloor(seedTypes: number, epsilon: number = FLOOR_EPSILON): ProbabilityFloor {
  return probabilityFloor(seedTypes + 1, epsilon);
}

/** p floored: keep p + floor. */
export function floored(p: number, floor: ProbabilityFloor): number {
  return floor.keep * p + floor.floor;
}
