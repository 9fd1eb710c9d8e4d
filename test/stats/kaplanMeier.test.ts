import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../src/stats/kaplanMeier.js';

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

  it('ignores an event after the subject was last observed', () => {
    expect(kaplanMeier([3], [2], 3).map((s) => s.survival)).toEqual([1, 1, 1, 1]);
  });
});
