import { describe, expect, it } from 'vitest';
import { formatCount, formatNumber } from '../../src/validation/formatNumber.js';

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
    // a zero before the point is kept (only zeros after one are dropped)
    [123450.2, '123450'],
    [-0, '0'],
    // past toFixed's 100 decimals the digits are written out: never 0 for a value that is not 0
    [5e-324, `0.${'0'.repeat(323)}494066`], // the smallest double, 4.94066e-324
    [1e-101, `0.${'0'.repeat(100)}1`],
    [-1.2345678e-120, `-0.${'0'.repeat(119)}123457`],
    [1.5e-95, `0.${'0'.repeat(94)}15`], // 100 decimals: toFixed still
    [1.5e-96, `0.${'0'.repeat(95)}15`], // 101 decimals: written out
    // from 1e21 JavaScript writes an exponent (String(1e21) is '1e+21'): 6 significant digits and zeros
    [1e21, `1${'0'.repeat(21)}`],
    [-1.234567e25, `-123457${'0'.repeat(20)}`],
    [999999999999999900000, '999999999999999900000'], // just below 1e21: an integer, exactly
  ])('writes %s as %s (plain decimal, 6 significant digits)', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it('writes undefined, NaN and infinities as an empty cell', () => {
    expect(formatNumber(undefined)).toBe('');
    expect(formatNumber(Number.NaN)).toBe('');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('formatCount', () => {
  it("writes a count's digits below 10^21, a power of ten to 3 digits from there (a guard wrote 308 digits: audit), and 'more than 10^308' past every double", () => {
    expect(formatCount(200_000_001)).toBe('200000001');
    expect(formatCount(999_999_999_999_999_900_000)).toBe('999999999999999900000'); // just under 1e21: digits
    expect(formatCount(1e21)).toBe('about 1 x 10^21');
    expect(formatCount(9.0341e307)).toBe('about 9.03 x 10^307');
    expect(formatCount(1.5e25)).toBe('about 1.5 x 10^25'); // 1.50 less its zero
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe('more than 10^308');
    expect([formatCount(Number.NaN), formatCount(Number.NEGATIVE_INFINITY)]).toEqual(['NaN', '-Infinity']);
  });
});
