/**
 * How a recipe's finding writes its numbers: `shown` for findings.json's numbers (4 significant digits,
 * null when undefined or not finite), `text` for the same number in a sentence ('n/a' when there is
 * none), `generationRuns` for a list of generations (`1-3, 7`), `relation` for a comparison (`<`, `>`,
 * `=`, `?`), `seenAtMost` for the rare-seed threshold (`once`, `at most 3 times`). Pure.
 */

/** A number for a finding: rounded to 4 significant digits; null when undefined. */
export function shown(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : Number(value.toPrecision(4));
}

/** How often a rare seed type is seen in H at most, in a sentence: `once` (threshold 1), `at most 3 times`. */
export function seenAtMost(threshold: number): string {
  return threshold === 1 ? 'once' : `at most ${threshold} times`;
}

/** A number in a sentence. */
export function text(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? 'n/a' : String(Number(value.toPrecision(4)));
}

/** Generations as runs, `1-3, 7` for [1, 2, 3, 7] (sorted, distinct). */
export function generationRuns(generations: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < generations.length; ) {
    let j = i;
    while (j + 1 < generations.length && generations[j + 1] === generations[j]! + 1) j++;
    runs.push(j === i ? String(generations[i]) : `${generations[i]}-${generations[j]}`);
    i = j + 1;
  }
  return runs.join(', ');
}

/** How a number compares with another, as a sentence shows it: `<`, `>`, `=`, or `?` when either is undefined. */
export function relation(a: number | undefined, b: number | undefined): '<' | '>' | '=' | '?' {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) return '?';
  return a < b ? '<' : a > b ? '>' : '=';
}
