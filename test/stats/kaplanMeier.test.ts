import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../src/stats/kaplanMeier.js';
import { UsageError } from '../../src/errors.js';
import { describeError } from '../../src/errors.js';

describe('kaplanMeier (product-limit)', () => {
  it('is the share without an event when every subject is observed to the end', () => {
    // events at 1, 2; two never: S = 1, 3/4, 2/4, 2/4
    const steps = kaplanMeier([1, 2, -1, -1], [3, 3, 3, 3], 3);
    expect(steps.map((s) => s.survival)).toEqual([1, 0.75, 0.5, 0.5]);
    expect(steps.map((s) => s.atRisk)).toEqual([4, 4, 3, 2]);
    expect(steps.map((s) => s.events)).toEqual([0, 1, 1, 0]);
  });

  it('takes censored subjects out of the risk set without counting an event', () => {
    // A: event at 2. B: observed until 1 only. C, D: no event, observed to 3.
    // t1: 4 at risk, 0 events: 1. B leaves. t2: 3 at risk, 1 event: 2/3. t3: 2 at risk: 2/3.
    const steps = kaplanMeier([2, -1, -1, -1], [3, 1, 3, 3], 3);
    expect(steps.map((s) => s.atRisk)).toEqual([4, 4, 3, 2]);
    expect(steps[2]!.survival).toBeCloseTo(2 / 3, 12);
    expect(steps[3]!.survival).toBeCloseTo(2 / 3, 12);
  });

  it('counts an event at the last time the subject was observed', () => {
    // one subject, event at 2, observed until 2: S = 1, 1, 0
    expect(kaplanMeier([2], [2], 2).map((s) => s.survival)).toEqual([1, 1, 0]);
  });

  it('leaves out a subject never observed (until -1), and keeps one observed at time 0 only for t = 0', () => {
    // A: never observed. B: observed at 0 only. C: event at 1. t0: B, C at risk; t1: C alone, 1 event: S = 0
    const steps = kaplanMeier([-1, -1, 1], [-1, 0, 1], 1);
    expect(steps.map((s) => s.atRisk)).toEqual([2, 1]);
    expect(steps.map((s) => s.survival)).toEqual([1, 0]);
  });

  it('ignores an event after the subject was last observed', () => {
    expect(kaplanMeier([3], [2], 3).map((s) => s.survival)).toEqual([1, 1, 1, 1]);
  });

  it('refuses times it cannot count (a NaN was no event, a short observedUntil observed for ever, a huge horizon a RangeError: review)', () => {
    const refusal = (...args: unknown[]): string => {
      try {
        kaplanMeier(...(args as Parameters<typeof kaplanMeier>));
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return describeError(error);
      }
      throw new Error('nothing was refused');
    };
    expect(refusal([Number.NaN, 2], [3, 3], 3)).toBe("eventTimes[0] must be a whole number >= 1, or -1 for no event, got 'NaN' (pass each subject's event time)");
    expect(refusal([1, 0], [3, 3], 3)).toBe("eventTimes[1] must be a whole number >= 1, or -1 for no event, got '0' (pass each subject's event time)");
    expect(refusal([1, 2], [Number.NaN, 3], 3)).toBe("observedUntil[0] must be a whole number >= -1, got 'NaN' (pass the last time each subject was observed (below 0: never))");
    expect(refusal([1, 2], [3], 3)).toBe('observedUntil must hold one time per subject, 2, got 1 (pass the last time each subject of eventTimes was observed)');
    expect(refusal([1], [3], Number.NaN)).toMatch(/^horizon must be a whole number from 0 to 1000000, got 'NaN'/u);
    expect(refusal([1], [3], 1e10)).toMatch(/^horizon must be a whole number from 0 to 1000000, got '10000000000'/u);
    expect(refusal(undefined, [3], 3)).toBe('eventTimes must be a list of times, got undefined (pass an array or typed array of whole numbers)');
    expect(refusal([1], ['3'], 3)).toBe("observedUntil[0] must be a whole number >= -1, got the string '3' (pass the last time each subject was observed (below 0: never))");
    // typed arrays are lists of times too (SurvivalCurves passes Int32Arrays)
    expect(kaplanMeier(Int32Array.of(1, -1), Int32Array.of(2, 2), 2).map((step) => step.survival)).toEqual([1, 0.5, 0.5]);
  });
});
