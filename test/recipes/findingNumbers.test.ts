import { describe, expect, it } from 'vitest';
import { generationRuns, relation, shown, text } from '../../src/recipes/findingNumbers.js';

describe('generationRuns', () => {
  it('writes consecutive generations as a run and the rest one by one', () => {
    expect(generationRuns([1, 2, 3, 7])).toBe('1-3, 7');
    expect(generationRuns([4])).toBe('4');
    expect(generationRuns([2, 4, 5])).toBe('2, 4-5');
    expect(generationRuns([])).toBe('');
  });
});

describe('shown and text', () => {
  it('round to 4 significant digits, and say when there is no number', () => {
    // 0.123456 -> 0.1235; 98765 -> 98770; 1/3 -> 0.3333
    expect([shown(0.123456), shown(98765), shown(1 / 3)]).toEqual([0.1235, 98770, 0.3333]);
    expect([text(0.123456), text(98765), text(1 / 3)]).toEqual(['0.1235', '98770', '0.3333']);
    expect([shown(undefined), shown(Number.NaN), shown(Number.POSITIVE_INFINITY)]).toEqual([null, null, null]);
    expect([text(undefined), text(Number.NaN)]).toEqual(['n/a', 'n/a']);
  });
});

describe('relation', () => {
  it('compares two numbers, or says ? when either is missing', () => {
    expect([relation(1, 2), relation(2, 1), relation(1, 1)]).toEqual(['<', '>', '=']);
    expect([relation(undefined, 1), relation(1, Number.NaN)]).toEqual(['?', '?']);
  });
});
