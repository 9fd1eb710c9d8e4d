/**
 * Welch's t for two independent samples of unequal variances (B. L. Welch, "The generalization of
 * 'Student's' problem when several different population variances are involved", Biometrika 34
 * (1947) 28-35): the standard error of the difference of the means from the two sample variances, and
 * the Welch-Satterthwaite degrees of freedom.
 *
 * Contract: `welchError(a, b)` = { error, df } with error = sqrt(s_a^2 / n_a + s_b^2 / n_b) and
 * df = error^4 / ((s_a^2 / n_a)^2 / (n_a - 1) + (s_b^2 / n_b)^2 / (n_b - 1)); undefined when either side
 * has fewer than 2 values (no variance to estimate). An error of 0 (both sides constant) has df NaN.
 * `welchMargin(a, b)` = the half-width of the 95% interval of mean(a) - mean(b) (NaN for fewer than 2 a
 * side; 0 for an error of 0). `welchLessP(a, b)` = the one-sided P of a mean of `a` at least as far
 * below that of `b` as seen, were the two means equal: P(T <= (mean(a) - mean(b)) / error) at df
 * (NaN for fewer than 2 a side; 0 or 1 for an error of 0, as the means differ or not). Values must be
 * finite (summarize refuses others with a UsageError). Pure.
 */

import { summarize } from './sampleSummary.js';
import { studentTCdf, studentTQuantile } from './studentT.js';

export function welchError(a: readonly number[], b: readonly number[]): { readonly error: number; readonly df: number } | undefined {
  if (a.length < 2 || b.length < 2) return undefined;
  const share = (xs: readonly number[]): number => (summarize(xs).sd! ** 2) / xs.length;
  const [va, vb] = [share(a), share(b)];
  const error = Math.sqrt(va + vb);
  return { error, df: (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1)) };
}

export function welchMargin(a: readonly number[], b: readonly number[]): number {
  const welch = welchError(a, b);
  if (welch === undefined) return Number.NaN;
  return welch.error === 0 ? 0 : studentTQuantile(0.975, welch.df) * welch.error;
}

export function welchLessP(a: readonly number[], b: readonly number[]): number {
  const welch = welchError(a, b);
  if (welch === undefined) return Number.NaN;
  const difference = summarize(a).mean! - summarize(b).mean!;
  if (welch.error === 0) return difference < 0 ? 0 : 1;
  return studentTCdf(difference / welch.error, welch.df);
}
