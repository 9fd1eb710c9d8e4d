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
 * @example
 *   // events at 1, 2, none, none; all observed to 3: S = 1, 0.75, 0.5, 0.5
 *   kaplanMeier([1, 2, -1, -1], [3, 3, 3, 3], 3).map((step) => step.survival)
 */

export interface SurvivalStep {
  readonly time: number;
  readonly atRisk: number;
  readonly events: number;
  readonly survival: number;
}

export function kaplanMeier(eventTimes: ArrayLike<number>, observedUntil: ArrayLike<number>, horizon: number): SurvivalStep[] {
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
