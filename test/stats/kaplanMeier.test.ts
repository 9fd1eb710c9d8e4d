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
});
