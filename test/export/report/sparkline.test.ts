import { describe, expect, it } from 'vitest';
import { evenlySpaced, sparkline } from '../../../src/export/report/sparkline.js';

describe('sparkline', () => {
  it('maps the lowest value to ▁ and the highest to █', () => {
    // range 0.25..1: 0.75 -> 2/3 * 7 = 4.67 -> block 5 (▆); 0.5 -> 1/3 * 7 = 2.33 -> block 2 (▃)
    expect(sparkline([1, 0.75, 0.5, 0.25])).toBe('█▆▃▁');
  });

  it('uses a given range so lines on the same scale compare', () => {
    expect(sparkline([1, 0.5], { min: 0, max: 1 })).toBe('█▅'); // 0.5 * 7 = 3.5 -> 4
  });

  it('draws undefined values as spaces and a flat series mid-height', () => {
    expect(sparkline([0.3, undefined, 0.3])).toBe('▄ ▄');
  });
});

describe('evenlySpaced', () => {
  it('keeps all of a short list, and of a long one the first, the last and evenly spaced ones between', () => {
    expect(evenlySpaced([1, 2, 3], 3)).toEqual([1, 2, 3]);
    // 0..10 in 5: positions 0, 2.5 -> 3 (rounded half up), 5, 7.5 -> 8, 10
    expect(evenlySpaced(Array.from({ length: 11 }, (_, i) => i), 5)).toEqual([0, 3, 5, 8, 10]);
    expect(evenlySpaced(Array.from({ length: 3001 }, (_, i) => i), 40)).toHaveLength(40);
    expect(evenlySpaced(Array.from({ length: 3001 }, (_, i) => i), 40).at(-1)).toBe(3000);
  });
});
