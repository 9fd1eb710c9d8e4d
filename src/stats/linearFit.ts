/**
 * Ordinary least-squares fit y = a + b x, with the coefficient of determination R^2 and the one-sided
 * P of the slope's t test: b = Sxy / Sxx, a = mean(y) - b mean(x), R^2 = Sxy^2 / (Sxx Syy) (1 when y is
 * constant); under normal errors t = b / sqrt(s^2 / Sxx), s^2 = (Syy - b Sxy) / (n - 2) the residual
 * variance, is Student's t with n - 2 degrees of freedom, and `riseP` = P(T >= t) is the one-sided P
 * of a rising line (NaN with fewer than 3 points; 0 for points on a rising line, 1 on a falling one);
 * e.g. Draper and Smith, Applied Regression Analysis, 3rd ed. (1998), chapters 1 and 3. `xs` and `ys`
 * of one length, 2 or more points, the x not all equal (else the slope is NaN). Pure.
 */

import { studentTCdf } from './studentT.js';

export function linearFit(xs: readonly number[], ys: readonly number[]): { intercept: number; slope: number; r2: number; riseP: number } {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const slope = sxy / sxx;
  return { intercept: my - slope * mx, slope, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy), riseP: riseP(slope, sxx, syy - slope * sxy, n) };
}

/**
 * P(T >= b / se(b)) with n - 2 degrees of freedom; the residual sum of squares below 0 by rounding is 0.
 * An x all equal gives a NaN slope, and NaN through the rest.
 */
function riseP(slope: number, sxx: number, residual: number, n: number): number {
  // (two points leave no degree of freedom: a residual of 3.5e-18 by rounding read as an infinite error, P = 0.5)
  if (n < 3) return Number.NaN;
  const error = Math.sqrt(Math.max(0, residual) / (n - 2) / sxx);
  if (error === 0) return slope > 0 ? 0 : 1;
  return studentTCdf(-slope / error, n - 2); // (P(T >= t) = P(T <= -t): no digits lost in a small P)
}
