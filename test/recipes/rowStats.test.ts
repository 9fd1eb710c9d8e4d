import { describe, expect, it } from 'vitest';
import { generationRuns } from '../../src/recipes/rowStats.js';

describe('generationRuns', () => {
  it('writes consecutive generations as a run and the rest one by one', () => {
    expect(generationRuns([1, 2, 3, 7])).toBe('1-3, 7');
    expect(generationRuns([4])).toBe('4');
    expect(generationRuns([2, 4, 5])).toBe('2, 4-5');
    expect(generationRuns([])).toBe('');
  });
});
