import { describe, expect, it } from 'vitest';
import { binomialStandardError, generationRuns } from '../../src/recipes/rowStats.js';

describe('generationRuns', () => {
  it('writes consecutive generations as a run and the rest one by one', () => {
    expect(generationRuns([1, 2, 3, 7])).toBe('1-3, 7');
    expect(generationRuns([4])).toBe('4');
    expect(generationRuns([2, 4, 5])).toBe('2, 4-5');
    expect(generationRuns([])).toBe('');
  });
});

describe('binomialStandardError', () => {
  it('is sqrt(p (1 - p) / trials)', () => {
    // 0.5 x 0.5 / 100 = 0.0025, sqrt 0.05; 0.1 x 0.9 / 900 = 0.0001, sqrt 0.01; p = 0 or 1: no spread
    expect(binomialStandardError(0.5, 100)).toBeCloseTo(0.05, 15);
    expect(binomialStandardError(0.1, 900)).toBeCloseTo(0.01, 15);
    expect(binomialStandardError(0, 10)).toBe(0);
    expect(binomialStandardError(1, 10)).toBe(0);
  });
});
