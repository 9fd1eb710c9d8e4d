import { describe, expect, it } from 'vitest';
import { FLOOR_EPSILON, floored, probabilityFloor, seedFloor } from '../../src/model/probabilityFloor.js';

describe('the probability floor, p\' = (1 - eps) p + eps / V', () => {
  it('is the README\'s: eps = 1e-4, V = seed types + 1', () => {
    expect(FLOOR_EPSILON).toBe(1e-4);
    // 3 seed types: V = 4, floor = 1e-4 / 4 = 2.5e-5, keep = 0.9999
    const floor = seedFloor(3);
    expect(floor).toEqual({ keep: 1 - 1e-4, floor: 1e-4 / 4 });
    // 0.9999 x 0.5 + 0.000025 = 0.499975; an unseen token (p = 0) keeps the floor
    expect(floored(0.5, floor)).toBeCloseTo(0.499975, 15);
    expect(floored(0, floor)).toBe(2.5e-5);
    expect(probabilityFloor(4, 0.5)).toEqual({ keep: 0.5, floor: 0.125 });
  });

  it('keeps a distribution over V outcomes a distribution: keep + V floor = 1', () => {
    const p = [0.5, 0.25, 0.25, 0];
    const floor = seedFloor(p.length - 1, 0.01);
    expect(p.reduce((sum, one) => sum + floored(one, floor), 0)).toBeCloseTo(1, 15);
  });
});
