import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/export/formatNumber.js';

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [1161192, '1161192'],
    [0.1, '0.1'],
    [1 / 3, '0.333333'],
    [2 / 3, '0.666667'],
    [123456.789, '123457'],
    [0.000001234567, '0.00000123457'],
    [-0.5, '-0.5'],
    [1e-12, '0.000000000001'],
    [64442.84058, '64442.8'],
  ])('writes %s as %s (plain decimal, 6 significant digits)', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it('writes undefined, NaN and infinities as an empty cell', () => {
    expect(formatNumber(undefined)).toBe('');
    expect(formatNumber(Number.NaN)).toBe('');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('');
  });
});
