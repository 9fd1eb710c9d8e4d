/**
 * Ordinary least-squares fit y = a + b x, with the coefficient of determination R^2: b = Sxy / Sxx,
 * a = mean(y) - b mean(x), R^2 = Sxy^2 / (Sxx Syy) (1 when y is constant); e.g. Draper and Smith,
 * Applied Regression Analysis, 3rd ed. (1998), chapter 1. `xs` and `ys` of one length, 2 or more points,
 * the x not all equal (else the slope is NaN). Pure.
 */
export function linearFit(xs: readonly number[], ys: readonly number[]): { intercept: number; slope: number; r2: number } {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  const slope = sxy / sxx;
  return { intercept: my - slope * mx, slope, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) };
}
