import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/export/summaryTable.js';

describe('summarize', () => {
  it('gives mean, sd and the Student t interval', () => {
    // 1, 2, 3, 4, 5: mean 3, sd sqrt(10/4) = 1.58114, half width 2.776445 * 1.58114 / sqrt(5) = 1.96324
    const s = summarize([1, 2, 3, 4, 5]);
    expect(s.n).toBe(5);
    expect(s.mean).toBe(3);
    expect(s.sd).toBeCloseTo(1.5811388, 6);
    expect(s.ciLow).toBeCloseTo(3 - 1.963243, 5);
    expect(s.ciHigh).toBeCloseTo(3 + 1.963243, 5);
  });

  it('has no spread for a single value and nothing for none', () => {
    expect(summarize([7])).toEqual({ n: 1, mean: 7, sd: undefined, ciLow: undefined, ciHigh: undefined });
    expect(summarize([]).mean).toBeUndefined();
  });
});
