import { describe, expect, it } from 'vitest';
import { orderedVerdict, replicateTable } from '../../src/recipes/orderedMeans.js';
import { fakeReplicates } from './fakeRows.js';

// P values from scipy.stats.ttest_ind(lower, higher, equal_var=False, alternative='less')
describe('orderedVerdict', () => {
  it('holds when the means hold and every testable ordering passes the one-sided Welch test at 5%', () => {
    // [1, 2, 3] against [4, 5, 6]: t = -3 / sqrt(1/3 + 1/3) = -3.674, df 4, P = 0.010656
    const verdict = orderedVerdict(true, [{ label: 'a below b', lower: [1, 2, 3], higher: [4, 5, 6] }]);
    expect(verdict.holds).toBe(true);
    expect(verdict.undecided).toBeUndefined();
    expect(verdict.p).toBeCloseTo(0.010656, 6);
  });

  it('is undecided where the means hold but the replicates overlap, naming the ordering and its P', () => {
    // [1, 2, 6] against [2, 3, 7]: means 3 < 4, t = -0.463, df 4, P = 0.33375
    const verdict = orderedVerdict(true, [
      { label: 'a below b', lower: [1, 2, 3], higher: [4, 5, 6] },
      { label: 'c below d', lower: [1, 2, 6], higher: [2, 3, 7] },
    ]);
    expect(verdict).toEqual({ holds: false, p: expect.closeTo(0.333746, 6), undecided: 'the means hold, but not by a one-sided Welch test over the replicates at 5%: c below d (p = 0.3337); run more --replicates' });
  });

  it('does not hold where the means do not, whatever the test', () => {
    expect(orderedVerdict(false, [{ label: 'a below b', lower: [1, 2, 3], higher: [4, 5, 6] }])).toEqual({ holds: false, p: expect.closeTo(0.010656, 6) });
  });

  it('lets the means decide an ordering with fewer than 2 finite values a side (P NaN), and leaves non-finite values out', () => {
    expect(orderedVerdict(true, [{ label: 'one replicate', lower: [1], higher: [4] }])).toEqual({ holds: true, p: Number.NaN });
    // [0.2, 0.21] against [0.3, 0.32] (NaN and Infinity left out): P = 0.013688 at df 1.47
    expect(orderedVerdict(true, [{ label: 'x', lower: [0.2, Number.NaN, 0.21], higher: [0.3, Number.POSITIVE_INFINITY, 0.32] }]).p).toBeCloseTo(0.013688, 5);
  });
});

describe('replicateTable', () => {
  it("gives each replicate's values at the generations asked, in replicate order, leaving out a replicate missing one", () => {
    const data = fakeReplicates([
      { c: [{ types: 10 }, { types: 8 }, { types: 7 }], d: [{ types: 1 }, { types: 1 }, { types: 1 }] },
      { c: [{ types: 10 }, { types: 9 }, {}], d: [{ types: 2 }, { types: 2 }, { types: 2 }] },
      { c: [{ types: 10 }, { types: 6 }, { types: 5 }], d: [{ types: 3 }, { types: 3 }, { types: 3 }] },
    ]);
    expect(replicateTable(data.rows, 'c', 'types', [2, 1])).toEqual([[7, 8], [5, 6]]);
    expect(replicateTable(data.rows, 'c', 'types', [1])).toEqual([[8], [9], [6]]);
    expect(replicateTable(data.rows, 'd', 'types', [0])).toEqual([[1], [2], [3]]);
  });
});
