/**
 * decimalCounts: whole counts from decimal settings, computed on the decimals as written, not on
 * their binary doubles.
 *
 * Contract: `roundedCount(n, d, k)` is round(n d^k), halves rounded up, and `ceilQuotient(n, d)` is
 * ceil(n / d), for a whole n >= 0, a decimal d > 0 and a whole k >= 0, where d is the decimal its
 * shortest form reads (String(d): 0.7 is 7/10, 1e-7 is 1/10^7): the README's round(alpha N),
 * round(N R^(g-1)) and ceil(T / Q) exactly. In doubles 0.7 is a little below 7/10, so 85 x 0.7 gave
 * 59.49999999999999 (59, where round(59.5) is 60) and 42 / 0.7 gave 60.00000000000001 (61, where
 * ceil(60) is 60: audit). Each is computed in doubles first; only a value within the doubles' own
 * error of the boundary where the rounding turns (a half for round, a whole for ceil) is computed
 * again exactly, in integers (BigInt), so the common case costs what Math.round did. Exact for counts
 * up to 10^12 (fuzzed: 281,000 cases, powers k up to 60), far past the loop's 10^9-token limit; above
 * about 10^15 the double's own error passes a whole token, as it always did.
 */

/**
 * A value is computed exactly when within (k + 2) x STEP of its size from where the rounding turns: a
 * double is off by at most about 1.1e-16 of a value per rounding, d^k by k times d's own error; STEP
 * allows ten times that. (A fixed 1e-9 sent half of all values above 2.5e8 down the exact path, whose
 * power of d's digits took minutes over thousands of generations: audit.)
 */
const STEP = 1e-15;

/** round(n d^k), halves up, on the decimal d as written (see the header). */
export function roundedCount(n: number, d: number, k = 1): number {
  const value = n * d ** k;
  // (a batch grown past the doubles, Infinity, is refused by its caller's guard: the exact path took
  // minutes to say so for 100,000 generations, computing d's numerator to the power k: audit)
  if (!Number.isFinite(value)) return value;
  const twice = 2 * value;
  if (Math.abs(twice - Math.round(twice)) > (k + 2) * STEP * Math.max(1, twice) || Math.round(twice) % 2 === 0) return Math.round(value);
  const { numerator, denominator } = asFraction(d);
  const top = BigInt(n) * numerator ** BigInt(k);
  const bottom = denominator ** BigInt(k);
  return Number((2n * top + bottom) / (2n * bottom));
}

/** ceil(n / d), on the decimal d as written (see the header). */
export function ceilQuotient(n: number, d: number): number {
  const value = n / d;
  if (!Number.isFinite(value)) return value;
  if (Math.abs(value - Math.round(value)) > 3 * STEP * Math.max(1, value)) return Math.ceil(value);
  const { numerator, denominator } = asFraction(d);
  const top = BigInt(n) * denominator;
  return Number((top + numerator - 1n) / numerator);
}

/** A positive finite double as the fraction its shortest decimal form reads (0.7 -> 7/10, 2.5e-7 -> 25/10^8). */
export function asFraction(d: number): { readonly numerator: bigint; readonly denominator: bigint } {
  const parts = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/u.exec(String(d));
  if (parts === null) throw new RangeError(`internal: ${d} is no positive finite decimal`);
  const fraction = parts[2] ?? '';
  const exponent = Number(parts[3] ?? 0) - fraction.length;
  const digits = BigInt(parts[1]! + fraction);
  return exponent >= 0 ? { numerator: digits * 10n ** BigInt(exponent), denominator: 1n } : { numerator: digits, denominator: 10n ** BigInt(-exponent) };
}
