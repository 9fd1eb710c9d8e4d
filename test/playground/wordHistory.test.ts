import { describe, expect, it } from 'vitest';
import { extinctAt, shownGenerations } from '../../src/playground/wordHistory.js';

describe('a word\'s history', () => {
  it('went extinct at the first generation of its final run of zeros', () => {
    // counts 3, 1, 0, 2, 0, 0: it came back at 3, so it went extinct at 4, not 2.
    expect(extinctAt([0, 1, 2, 3, 4, 5], [3, 1, 0, 2, 0, 0])).toBe(4);
    expect(extinctAt([0, 1, 2], [1, 0, 0])).toBe(1);
  });

  it('is alive when the last generation still has it, and never was when the human text lacks it', () => {
    expect(extinctAt([0, 1, 2], [1, 0, 4])).toBeUndefined();
    expect(extinctAt([0, 1, 2], [0, 0, 0])).toBeUndefined();
  });

  it('shows generations 0, 1, 5, 10 ... and always the last', () => {
    expect(shownGenerations([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([0, 1, 5, 10]);
    expect(shownGenerations([0, 1, 2, 3])).toEqual([0, 1, 3]);
    expect(shownGenerations([0, 1])).toEqual([0, 1]);
    expect(shownGenerations(Array.from({ length: 26 }, (_, g) => g))).toEqual([0, 1, 5, 10, 20, 25]);
  });
});
