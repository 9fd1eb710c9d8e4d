/**
 * One word's history along a series, for the playground's text view (pure, no DOM): which generations
 * to show side by side, and the generation a word went extinct.
 */

/** Generations shown side by side: 0, 1, 5, 10, 20, ... up to the last one measured. */
export function shownGenerations(available: readonly number[]): number[] {
  const last = Math.max(...available);
  const wanted = [0, 1, 5, 10, 20, 50, 100].filter((generation) => generation < last);
  return [...new Set([...wanted, last])].filter((generation) => available.includes(generation));
}

/**
 * The first generation of the word's last absence: from it on the word never occurs again (undefined:
 * still alive at the end, or never seen in the generations given).
 */
export function extinctAt(generations: readonly number[], counts: readonly number[]): number | undefined {
  if (counts.at(-1)! > 0) return undefined;
  let index = counts.length - 1;
  while (index > 0 && counts[index - 1] === 0) index--;
  return index === 0 ? undefined : generations[index];
}
