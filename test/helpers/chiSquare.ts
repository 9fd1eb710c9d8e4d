/**
 * Pearson's chi-square goodness-of-fit test for sampler tests: observed counts against expected
 * probabilities, refused at significance 0.001 (so a correct sampler fails one seeded test in a
 * thousand at most, and the seeds are fixed: a test either always passes or always fails).
 *
 * Critical values of the chi-square distribution at p = 0.001 (NIST/SEMATECH e-Handbook, table 1.3.6.7.4).
 */

const CRITICAL_0_001 = [Number.NaN, 10.828, 13.816, 16.266, 18.467, 20.515, 22.458, 24.322, 26.124, 27.877, 29.588];

/** sum (O - E)^2 / E over the categories. */
export function chiSquareStatistic(observed: readonly number[], probabilities: readonly number[]): number {
  const n = observed.reduce((sum, count) => sum + count, 0);
  return observed.reduce((sum, count, i) => sum + (count - n * probabilities[i]!) ** 2 / (n * probabilities[i]!), 0);
}

/** True when the counts fit the probabilities (statistic below the 0.001 critical value, k - 1 df). */
export function fits(observed: readonly number[], probabilities: readonly number[]): boolean {
  const df = observed.length - 1;
  const critical = CRITICAL_0_001[df];
  if (critical === undefined || Number.isNaN(critical)) throw new Error(`chi-square table has no ${df} degrees of freedom`);
  return chiSquareStatistic(observed, probabilities) < critical;
}
