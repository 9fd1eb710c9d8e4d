import { describe, expect, it } from 'vitest';
import { binomialStandardError, normalBandApplies, tooFewHapaxes } from '../../src/recipes/binomialBand.js';

describe('binomialStandardError', () => {
  it('is sqrt(p (1 - p) / trials)', () => {
    // 0.5 x 0.5 / 100 = 0.0025, sqrt 0.05; 0.1 x 0.9 / 900 = 0.0001, sqrt 0.01; p = 0 or 1: no spread
    expect(binomialStandardError(0.5, 100)).toBeCloseTo(0.05, 15);
    expect(binomialStandardError(0.1, 900)).toBeCloseTo(0.01, 15);
    expect(binomialStandardError(0, 10)).toBe(0);
    expect(binomialStandardError(1, 10)).toBe(0);
  });
});

describe('normalBandApplies', () => {
  it('needs 10 expected successes and 10 expected failures (the success-failure condition)', () => {
    // 100 trials at p = 0.1: 10 and 90 expected, applies; at p = 0.09: 9 successes, does not; at p = 0.91: 9 failures, does not
    expect(normalBandApplies(0.1, 100)).toBe(true);
    expect(normalBandApplies(0.09, 100)).toBe(false);
    expect(normalBandApplies(0.91, 100)).toBe(false);
    expect(normalBandApplies(0.5, 19)).toBe(false); // 9.5 either way
  });
});

describe('tooFewHapaxes', () => {
  it('counts the trials, or says there is no hapax to test', () => {
    expect(tooFewHapaxes(3, 2)).toMatch(/^too few seed hapaxes to test: 3 x 2 replicates = 6 trials, /u);
    expect(tooFewHapaxes(0, 5)).toMatch(/^H has no seed hapax/u);
  });
});
