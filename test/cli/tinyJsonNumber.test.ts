import { describe, expect, it } from 'vitest';
import { hugeJsonNumber, keyedText, roundedJsonNumber, tinyJsonNumber } from '../../src/cli/tinyJsonNumber.js';
import { readAs, tooSmallToHold } from '../../src/validation/valueRule.js';

describe('tooSmallToHold', () => {
  it('is a nonzero number below 2.2e-308: read as 0, or a subnormal with fewer digits than written', () => {
    for (const text of ['1e-400', '-1e-400', '0.5E-999', '1.23456e-320', '5e-324', '2.2e-308']) expect(tooSmallToHold(text), text).toBe(true);
    // 0 however written, and the smallest normal double and above
    for (const text of ['0', '-0', '0.000', '0e-400', '0E5', '2.2250738585072014e-308', '1e-300', '0.1', '7']) expect(tooSmallToHold(text), text).toBe(false);
  });
});

describe('tinyJsonNumber', () => {
  it('finds the first such number outside strings, nested anywhere', () => {
    expect(tinyJsonNumber('{"a": [0, {"b": 1e-400}], "c": 2e-999}')).toEqual({ key: 'b', written: '1e-400' });
    expect(tinyJsonNumber('{"holdout": -4.9E-324}')).toEqual({ key: 'holdout', written: '-4.9E-324' });
    // at the top of an array no key is over it
    expect(tinyJsonNumber('[1e-400]')).toEqual({ key: undefined, written: '1e-400' });
    // an object or array that closed gives back the key around it (the key inside it named the number: audit)
    expect(tinyJsonNumber('[{"seed": 1}, 1e-400]')).toEqual({ key: undefined, written: '1e-400' });
    expect(hugeJsonNumber('{"temperature": [{"x": 1}, 1e400]}')).toEqual({ key: 'temperature', written: '1e400' });
    expect(hugeJsonNumber('{"a": {"b": [1, [2]], "c": {"d": 3}}, "e": [0, 1e400]}')).toEqual({ key: 'e', written: '1e400' });
    expect(hugeJsonNumber('{"a": {"b": [1, [2, 1e400]]}}')).toEqual({ key: 'b', written: '1e400' });
    // brackets inside strings are text
    expect(hugeJsonNumber('{"out": "[{x", "k": 1e400}')).toEqual({ key: 'k', written: '1e400' });
  });

  it('reads past strings, escaped quotes included, and keys with digits', () => {
    expect(tinyJsonNumber('{"out": "1e-400.csv", "seed": "1e-400", "note": "a \\" 1e-400 \\" b", "k1e-400": 0.1}')).toBeUndefined();
    expect(tinyJsonNumber('{"out": "x\\\\", "r": 1e-400}')).toEqual({ key: 'r', written: '1e-400' });
    expect(tinyJsonNumber('{"humanRatio": [0e-400, 0.1, 1], "seed": 42}')).toBeUndefined();
  });
});

describe('hugeJsonNumber', () => {
  it('finds the first number past the largest double outside strings (JSON reads it as Infinity), with its key', () => {
    expect(hugeJsonNumber('{"seed": 1, "temperature": [0.5, 1e400], "k": -2E999}')).toEqual({ key: 'temperature', written: '1e400' });
    expect(hugeJsonNumber('{"k": -2E999}')).toEqual({ key: 'k', written: '-2E999' });
    // the largest double itself, and the digits in a string, are no such number
    expect(hugeJsonNumber('{"k": 1.7976931348623157e308, "out": "1e400.csv"}')).toBeUndefined();
  });

  it('names a number by its key in quotes, or alone', () => {
    expect(keyedText({ key: 'seed', written: '1e-400' })).toBe('"seed" 1e-400');
    expect(keyedText({ key: undefined, written: '1e-400' })).toBe('1e-400');
  });
});

describe('readAs', () => {
  it('gives the number a text is read as where a double does not hold its digits', () => {
    expect(readAs('0.10000000000000001')).toBe('0.1');
    expect(readAs('2.0000000000000001')).toBe('2'); // which passed as a whole number: audit
    expect(readAs('9007199254740993')).toBe('9007199254740992'); // 2^53 + 1: doubles step by 2 there
    expect(readAs('9007199254740990.5')).toBe('9007199254740990');
    expect(readAs(' -0.33333333333333333 ')).toBe('-0.3333333333333333');
    expect(readAs('123456789012345678901234567890')).toBe('1.2345678901234568e+29');
  });

  it('is undefined where the double is the number written, with any zeros, in any notation', () => {
    // and the double's exact value in full: 2^-30, and 0.1's own binary value
    for (const text of ['0.1', '0.100', '00.1', '.1', '1e-1', '100', '1e2', '1.0e+2', '0', '-0', '0.000', '0.30000000000000004', '9007199254740991', '1e-7', '1.5e21', '1e308', '0.000000000931322574615478515625', '-0.1000000000000000055511151231257827021181583404541015625', '1.7976931348623157e308', '2.2250738585072014e-308']) {
      expect(readAs(text), text).toBeUndefined();
    }
    // no decimal number, past the largest double, or too small (tooSmallToHold's refusal)
    for (const text of ['', 'x', '0x10', '1e400', '1e-400', '4.9e-324']) expect(readAs(text), text).toBeUndefined();
  });
});

describe('roundedJsonNumber', () => {
  it('finds the first number outside a string whose digits a double does not hold', () => {
    expect(roundedJsonNumber('{"seed": 42, "humanRatio": [0.1, 0.10000000000000001], "k": 9007199254740993}')).toEqual({ key: 'humanRatio', written: '0.10000000000000001', readAs: '0.1' });
    expect(roundedJsonNumber('{"seed" :9007199254740990.5}')).toEqual({ key: 'seed', written: '9007199254740990.5', readAs: '9007199254740990' });
    // a string value is no key; an escaped key is read as JSON reads it
    expect(roundedJsonNumber('{"out": "x.csv", "h\\u0061lf": 2.0000000000000001}')).toEqual({ key: 'half', written: '2.0000000000000001', readAs: '2' });
    expect(roundedJsonNumber('[0.10000000000000001]')).toEqual({ key: undefined, written: '0.10000000000000001', readAs: '0.1' });
    expect(roundedJsonNumber('{"out": "0.10000000000000001.csv", "seed": "9007199254740993", "k": 1.0e-2, "holdout": 0.100}')).toBeUndefined();
  });
});
