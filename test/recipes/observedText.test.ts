import { describe, expect, it } from 'vitest';
import { observedText, type Finding } from '../../src/recipes/recipe.js';

const finding = (observed: string, holds: boolean, undecided?: string): Finding => ({ name: 'n', expected: 'e', observed, numbers: {}, holds, ...(undecided === undefined ? {} : { undecided }) });

describe('observedText', () => {
  it('adds why a check is undecided to what it observed', () => {
    expect(observedText(finding('a 1 < b 2', false, 'the means hold, but not by a test (p = 0.3)'))).toBe('a 1 < b 2; undecided: the means hold, but not by a test (p = 0.3)');
  });

  it('says it once where the observed text says it already (drift and growth write it there)', () => {
    expect(observedText(finding('survival 0.6; too few seed hapaxes to test', false, 'too few seed hapaxes to test'))).toBe('survival 0.6; too few seed hapaxes to test');
  });

  it('leaves a decided check as observed', () => {
    expect(observedText(finding('a 1 < b 2', true))).toBe('a 1 < b 2');
    expect(observedText(finding('a 2 < b 1', false))).toBe('a 2 < b 1');
  });
});
