import { describe, expect, it } from 'vitest';
import { tinyJsonNumber } from '../../src/cli/tinyJsonNumber.js';
import { tooSmallToHold } from '../../src/validation/valueRule.js';

describe('tooSmallToHold', () => {
  it('is a nonzero number below 2.2e-308: read as 0, or a subnormal with fewer digits than written', () => {
    for (const text of ['1e-400', '-1e-400', '0.5E-999', '1.23456e-320', '5e-324', '2.2e-308']) expect(tooSmallToHold(text), text).toBe(true);
    // 0 however written, and the smallest normal double and above
    for (const text of ['0', '-0', '0.000', '0e-400', '0E5', '2.2250738585072014e-308', '1e-300', '0.1', '7']) expect(tooSmallToHold(text), text).toBe(false);
  });
});

describe('tinyJsonNumber', () => {
  it('finds the first such number outside strings, nested anywhere', () => {
    expect(tinyJsonNumber('{"a": [0, {"b": 1e-400}], "c": 2e-999}')).toBe('1e-400');
    expect(tinyJsonNumber('{"holdout": -4.9E-324}')).toBe('-4.9E-324');
  });

  it('reads past strings, escaped quotes included, and keys with digits', () => {
    expect(tinyJsonNumber('{"out": "1e-400.csv", "seed": "1e-400", "note": "a \\" 1e-400 \\" b", "k1e-400": 0.1}')).toBeUndefined();
    expect(tinyJsonNumber('{"out": "x\\\\", "r": 1e-400}')).toBe('1e-400');
    expect(tinyJsonNumber('{"humanRatio": [0e-400, 0.1, 1], "seed": 42}')).toBeUndefined();
  });
});
