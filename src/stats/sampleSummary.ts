/**
 * summarize: n, mean, sample standard deviation and the Student-t confidence interval of a sample.
 * The one implementation behind the `--summary` CSV, the report's error bands and the recipes' means
 * over replicates (a mean over generations, or over a recipe's own counts, is a plain sum over n).
 *
 * Contract: values are summed in the order given (so a replicate order gives one exact result);
 * mean = sum / n (undefined for n = 0); sd = sqrt(sum (x - mean)^2 / (n - 1)), summed by the
 * corrected two-pass algorithm (0 for equal values, whatever the mean's rounding), and
 * ci = mean -/+ t(1 - (1 - confidence) / 2, n - 1) sd / sqrt(n) (undefined for n < 2). O(n).
 * Throws UsageError unless every value is a finite number (a NaN or a string would give a NaN or a
 * concatenated mean) and 0 < confidence < 1.
 *
 * @example summarize([1, 2, 3, 4, 5]) // { n: 5, mean: 3, sd: 1.5811..., ciLow: 1.0368..., ciHigh: 4.9632... }
 */

import { UsageError } from '../errors.js';
import { shownValue, typedValue } from '../validation/valueRule.js';
import { studentTQuantile } from './studentT.js';

export interface SampleSummary {
  readonly n: number;
  readonly mean: number | undefined;
  readonly sd: number | undefined;
  readonly ciLow: number | undefined;
  readonly ciHigh: number | undefined;
}

export function summarize(values: readonly number[], confidence = 0.95): SampleSummary {
  checkSample(values, confidence);
  // (finite values whose sum overflows gave a mean of Infinity and an sd of NaN: audit; tiny ones whose
  // squared deviations underflow, an sd of 0 or of a few digits: review. Scaled by a power of two, exact,
  // they are summarized as they are; every other sample takes the plain path)
  let largest = 0;
  for (const value of values) largest = Math.max(largest, Math.abs(value));
  const steps = largest > HUGE ? -1 : largest > 0 && largest < TINY ? (largest * SCALE < TINY ? 2 : 1) : 0;
  if (steps === 0) return summaryOf(values, confidence);
  const { n, mean, sd, ciLow, ciHigh } = summaryOf(values.map((value) => scaled(value, steps)), confidence);
  const back = (value: number | undefined): number | undefined => (value === undefined ? undefined : scaled(value, -steps));
  return { n, mean: back(mean), sd: back(sd), ciLow: back(ciLow), ciHigh: back(ciHigh) };
}

/**
 * Values from HUGE on are summarized divided by SCALE (a sum of 2^21 of them, or their squared
 * deviations, stays finite); a sample whose largest is below TINY multiplied by it, twice if need be
 * (its squared deviations stay normal numbers, not subnormal or 0). Powers of two: the scaling is exact.
 */
const HUGE = 2 ** 500;
const TINY = 2 ** -400;
const SCALE = 2 ** 512;

/** `value` times SCALE `steps` times (divided by it for steps < 0), one step at a time (SCALE^2 is no double). */
function scaled(value: number, steps: number): number {
  let result = value;
  for (let step = 0; step < Math.abs(steps); step++) result = steps > 0 ? result * SCALE : result / SCALE;
  return result;
}

function summaryOf(values: readonly number[], confidence: number): SampleSummary {
  const n = values.length;
  if (n === 0) return { n, mean: undefined, sd: undefined, ciLow: undefined, ciHigh: undefined };
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / n;
  if (n < 2) return { n, mean, sd: undefined, ciLow: undefined, ciHigh: undefined };
  // The corrected two-pass sum (Chan, Golub & LeVeque 1983, eq. 1.7): the second term takes out what
  // the rounding of the mean left in the deviations, so equal values have sd 0 exactly (three equal
  // values of 22052.4 had sd 4.5e-12: their mean is not 22052.4 to the last bit).
  let squares = 0;
  let deviations = 0;
  for (const value of values) {
    squares += (value - mean) ** 2;
    deviations += value - mean;
  }
  const sd = Math.sqrt(Math.max(0, squares - (deviations * deviations) / n) / (n - 1));
  const half = (tQuantileAbove(confidence, n - 1) * sd) / Math.sqrt(n);
  return { n, mean, sd, ciLow: mean - half, ciHigh: mean + half };
}

/**
 * t(1 - (1 - confidence) / 2, df), read off the lower tail: -t((1 - confidence) / 2, df), the same
 * by symmetry, without rounding p near 1 (a confidence of 0.9999999999999999 was refused, p rounding to
 * 1; one of 1 - 1e-15 lost 6% of its interval to that rounding: review).
 */
function tQuantileAbove(confidence: number, df: number): number {
  return -criticalValue((1 - confidence) / 2, df);
}

/**
 * studentTQuantile(p, df), remembered: a table or report summarizes thousands of (cell, generation,
 * metric) samples of a few sizes, and each quantile is a bisection of about 100 CDF evaluations
 * (20,400 rows' final table: 1.2 s of quantiles for 6 sizes of sample). Holds at most MEMO_SIZE entries.
 */
function criticalValue(p: number, df: number): number {
  const key = `${p} ${df}`;
  let value = quantiles.get(key);
  // Stryker disable next-line ConditionalExpression: equivalent, computing it again gives the same value (the memory only saves time)
  if (value === undefined) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the bound only keeps the memory small (tested: values after a clear are the same)
    if (quantiles.size >= MEMO_SIZE) quantiles.clear();
    value = studentTQuantile(p, df);
    quantiles.set(key, value);
  }
  return value;
}

const quantiles = new Map<string, number>();
const MEMO_SIZE = 1024;

function checkSample(values: readonly number[], confidence: number): void {
  if (!Array.isArray(values)) throw new UsageError(`values must be a list of numbers, got ${shownValue(values)}`, 'pass e.g. [1, 2, 3]');
  // (Number.isFinite refuses every non-number itself: '1' is not finite; a value of another type named
  // with its type, as every refusal names it: review)
  const bad = values.findIndex((value) => !Number.isFinite(value));
  if (bad >= 0) throw new UsageError(`values must be finite numbers, got ${typedValue(values[bad], 'number')} at index ${bad}`, 'leave missing values out of the list');
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) throw new UsageError(`confidence must be a number > 0 and < 1, got ${typedValue(confidence, 'number')}`, 'pass e.g. 0.95');
}
