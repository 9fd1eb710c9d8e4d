/**
 * kaplanMeier: the product-limit estimate of a survival function on whole-number times (Kaplan & Meier,
 * "Nonparametric estimation from incomplete observations", JASA 53, 1958).
 *
 * Each subject has an event time (>= 1; -1 for no event) and the last time it was observed (its
 * censoring time when no event happened by then). At time t the subjects at risk are those whose event
 * time is >= t (or none) and who were observed at t; S(0) = 1 and S(t) = S(t - 1) (1 - d_t / n_t), d_t the
 * events at t, n_t those at risk (S stays flat where n_t = 0). Without censoring S(t) is simply the share
 * of subjects without an event by t. O(subjects + horizon).
 *
 * Checked first (a NaN time was counted as no event, a short observedUntil read as observed for ever,
 * a horizon of 1e10 a RangeError: review): eventTimes and observedUntil lists of numbers of one length,
 * each event time a whole number >= 1 or -1, each observation time a whole number >= -1 (below 0:
 * never observed, left out), horizon a whole number from 0 to MAX_HORIZON; a UsageError otherwise.
 *
 * @example
 *   // events at 1, 2, none, none; all observed to 3: S = 1, 0.75, 0.5, 0.5
 *   kaplanMeier([1, 2, -1, -1], [3, 3, 3, 3], 3).map((step) => step.survival)
 */

import { UsageError } from '../errors.js';
import { checkValue, integerRule, shownValue, typedValue } from '../validation/valueRule.js';

export interface SurvivalStep {
  readonly time: number;
  readonly atRisk: number;
  readonly events: number;
  readonly survival: number;
}

/** The largest horizon (its tables hold horizon + 2 numbers): ten times a run's most generations. */
export const MAX_HORIZON = 1_000_000;

export function kaplanMeier(eventTimes: ArrayLike<number>, observedUntil: ArrayLike<number>, horizon: number): SurvivalStep[] {
  checkSubjects(eventTimes, observedUntil, horizon);
  const events = new Float64Array(horizon + 2);
  const leaving = new Float64Array(horizon + 2); // subjects no longer at risk after time t (event or censoring)
  let atRisk = 0;
  for (let i = 0; i < eventTimes.length; i++) {
    const event = eventTimes[i]!;
    const until = Math.min(observedUntil[i]!, horizon);
    if (until < 0) continue;
    atRisk++;
    if (event >= 1 && event <= until) {
      events[event]!++;
      leaving[event]!++;
    } else {
      leaving[until]!++;
    }
  }
  const steps: SurvivalStep[] = [];
  let survival = 1;
  for (let t = 0; t <= horizon; t++) {
    if (atRisk > 0) survival *= 1 - events[t]! / atRisk;
    steps.push({ time: t, atRisk, events: events[t]!, survival });
    atRisk -= leaving[t]!;
  }
  return steps;
}

function checkSubjects(eventTimes: unknown, observedUntil: unknown, horizon: unknown): void {
  checkValue('horizon', horizon, integerRule(0, MAX_HORIZON));
  const events = timeList('eventTimes', eventTimes);
  const observed = timeList('observedUntil', observedUntil);
  if (observed.length !== events.length) {
    throw new UsageError(`observedUntil must hold one time per subject, ${events.length}, got ${observed.length}`, 'pass the last time each subject of eventTimes was observed');
  }
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    if (!(Number.isInteger(event) && ((event as number) >= 1 || event === -1))) throw new UsageError(`eventTimes[${i}] must be a whole number >= 1, or -1 for no event, got ${typedValue(event, 'number')}`, 'pass each subject\'s event time');
    if (!(Number.isInteger(observed[i]) && (observed[i] as number) >= -1)) throw new UsageError(`observedUntil[${i}] must be a whole number >= -1, got ${typedValue(observed[i], 'number')}`, 'pass the last time each subject was observed (below 0: never)');
  }
}

/** A list of times: an array or typed array (ArrayLike), its entries read by index. */
function timeList(field: string, value: unknown): ArrayLike<unknown> {
  const length = (value as { length?: unknown } | null | undefined)?.length;
  if (typeof value !== 'object' || value === null || !Number.isSafeInteger(length)) {
    throw new UsageError(`${field} must be a list of times, got ${shownValue(value)}`, 'pass an array or typed array of whole numbers');
  }
  return value as ArrayLike<unknown>;
}
