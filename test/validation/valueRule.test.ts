/**
 * ValueRule: the bounds are where the README says (closed or open), and the wording is the one the
 * CLI prints.
 */

import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  BOOLEAN_RULE,
  checkList,
  checkObject,
  checkOptional,
  checkValue,
  decimalValue,
  integerRule,
  nameRule,
  numberRule,
  quotedText,
  refuseRepeats,
  shownValue,
  SHOWN_JSON_LENGTH,
  TEXT_RULE,
} from '../../src/validation/valueRule.js';
import { thrown } from '../helpers/thrown.js';

const accepts = (rule: { accepts: (value: unknown) => boolean }, values: unknown[]): boolean[] => values.map((value) => rule.accepts(value));

describe('ValueRule', () => {
  it('closes or opens each bound as asked', () => {
    expect(accepts(numberRule(0, 1), [0, 1, -1e-9, 1 + 1e-9])).toEqual([true, true, false, false]);
    expect(accepts(numberRule(0, 1, true), [0, 1e-9, 1])).toEqual([false, true, true]);
    expect(accepts(numberRule(0, 1, false, true), [0, 1, 0.999])).toEqual([true, false, true]);
    expect(accepts(numberRule(0, Number.POSITIVE_INFINITY, true), [Number.POSITIVE_INFINITY, Number.NaN, 1e300])).toEqual([false, false, true]);
    expect(accepts(integerRule(1, 10), [1, 10, 0, 11, 2.5, '3'])).toEqual([true, true, false, false, false, false]);
  });

  it('words a bad number, a bad name, a missing value and a repeated item', () => {
    const message = (action: () => unknown): string => {
      try {
        action();
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return `${(error as UsageError).message} (${(error as UsageError).hint})`;
      }
      return 'no error';
    };
    expect(message(() => checkValue('topP', 0, numberRule(0, 1, true)))).toBe("topP must be a number > 0 and <= 1, got '0' (pass a number > 0 and <= 1)");
    expect(message(() => checkValue('--order', 11, integerRule(1, 10), '11'))).toBe("--order must be a whole number from 1 to 10, got '11' (pass a whole number from 1 to 10)");
    expect(message(() => checkValue('vocab', 'prior', nameRule(['observed', 'seed'])))).toBe("unknown vocab value 'prior' (use one of: observed, seed)");
    expect(message(() => checkValue('k', undefined, numberRule(0, Number.POSITIVE_INFINITY, true)))).toBe('k is required (pass a number > 0)');
    expect(message(() => checkList('sweep.order', [2, 2], integerRule(1, 10)))).toBe("sweep.order lists '2' twice in [2,2] (list each value once)");
    expect(message(() => checkList('sweep.order', [], integerRule(1, 10)))).toBe('sweep.order must be a non-empty list, got [] (pass a list of values, each a whole number from 1 to 10)');
    expect(checkValue('humanRatio', 0.5, numberRule(0, 1))).toBe(0.5);
  });

  it('accepts only values of its kind (a string of digits is no number, 1 is no boolean)', () => {
    expect(accepts(integerRule(0), [0, 2 ** 53 - 1, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, '1', true, null])).toEqual([true, true, false, false, false, false, false, false]);
    expect(accepts(numberRule(0, 1), [0.5, '0.5', Number.NaN, true, null])).toEqual([true, false, false, false, false]);
    expect(accepts(numberRule(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY), [-1e308, Number.NEGATIVE_INFINITY])).toEqual([true, false]);
    expect(accepts(nameRule(['a', 'b']), ['a', 'b', 'c', '', ['a'], 1, undefined])).toEqual([true, true, false, false, false, false, false]);
    expect(accepts(BOOLEAN_RULE, [true, false, 1, 0, 'true', null])).toEqual([true, true, false, false, false, false]);
    expect(accepts(TEXT_RULE, ['x', ' x ', '', ' \t\n', 5, null, ['x']])).toEqual([true, true, false, false, false, false, false]);
  });

  it('says what it allows, and of which kind it is (the CLI converts the text of number rules first)', () => {
    const described = (rule: { kind: string; allowed: string }): string => `${rule.kind}: ${rule.allowed}`;
    expect(described(integerRule(1))).toBe('number: a whole number >= 1');
    expect(described(integerRule(1, 10))).toBe('number: a whole number from 1 to 10');
    expect(described(numberRule(0, 1))).toBe('number: a number >= 0 and <= 1');
    expect(described(numberRule(0, 1, true, true))).toBe('number: a number > 0 and < 1');
    expect(described(numberRule(0, Number.POSITIVE_INFINITY))).toBe('number: a number >= 0');
    expect(described(nameRule(['auto', 'line']))).toBe('name: one of: auto, line');
    expect(nameRule(['auto', 'line']).names).toEqual(['auto', 'line']);
    expect(described(BOOLEAN_RULE)).toBe('boolean: true or false');
    expect(described(TEXT_RULE)).toBe('text: a string that is not blank');
  });

  it('quotes a received value by its kind', () => {
    const circular: { self?: unknown } = {};
    circular.self = circular;
    expect([shownValue('x'), shownValue(2.5), shownValue(false), shownValue(10n), shownValue(null), shownValue(undefined)]).toEqual([
      "'x'",
      "'2.5'",
      "'false'",
      "'10'",
      'null',
      'undefined',
    ]);
    expect([shownValue(() => 1), shownValue([1, 'a']), shownValue({ a: 1 }), shownValue(circular), shownValue(Symbol('s'))]).toEqual([
      'a function',
      '[1,"a"]',
      '{"a":1}',
      '[object Object]',
      'Symbol(s)',
    ]);
    // a typed array by its kind and size (JSON wrote a million bytes as {"0":0,"1":0,...: review)
    expect([shownValue(new Uint8Array(1_000_000)), shownValue(Buffer.from('a')), shownValue(Uint32Array.of(1, 2))]).toEqual(['a Uint8Array of 1000000 bytes', 'a Buffer of 1 byte', 'a Uint32Array of 8 bytes']);
  });

  it('cuts a long list or object after SHOWN_JSON_LENGTH characters, saying its whole length; text stays whole', () => {
    // [0,1,...,99] is '[' + 10 one-digit + 90 two-digit numbers + 99 commas + ']' = 1 + 10 + 180 + 99 + 1 = 291 characters
    const list = Array.from({ length: 100 }, (_, index) => index);
    expect(shownValue(list)).toBe(`${JSON.stringify(list).slice(0, SHOWN_JSON_LENGTH)}... (291 characters)`);
    // exactly SHOWN_JSON_LENGTH characters, '["' + 116 x + '"]': whole
    expect(shownValue(['x'.repeat(SHOWN_JSON_LENGTH - 4)])).toBe(`["${'x'.repeat(SHOWN_JSON_LENGTH - 4)}"]`);
    expect(shownValue('y'.repeat(500))).toBe(`'${'y'.repeat(500)}'`);
    // never between the halves of a surrogate pair (a lone half is written as U+FFFD: audit); the length in characters
    // '["b' is 3 code units, then 100 emoji of 2 each: the 120th code unit (index 119 = 3 + 2 x 58) is the
    // high half of the 59th emoji, so 58 whole ones are kept; 3 + 100 + 2 ('"]') = 105 characters
    expect(shownValue(['b' + '\u{1F600}'.repeat(100)])).toBe(`["b${'\u{1F600}'.repeat(58)}... (105 characters)`);
    // a repeated value in a long list is named, not left in the part cut off
    expect(() => refuseRepeats('sweep.humanRatio', [...Array.from({ length: 300 }, (_, i) => i / 1000), 0.25], 'the list')).toThrow("sweep.humanRatio lists '0.25' twice in 'the list'");
  });

  it('quotedText: a field read from a file in double quotes, JSON-escaped if asked, cut after SHOWN_JSON_LENGTH characters with its length (a 200,000-character field made a 200 KB warning: probe)', () => {
    expect([quotedText('abc'), quotedText('a"b\nc', true)]).toEqual(['"abc"', '"a\\"b\\nc"']);
    expect(quotedText('x'.repeat(SHOWN_JSON_LENGTH))).toBe(`"${'x'.repeat(SHOWN_JSON_LENGTH)}"`);
    expect(quotedText('y'.repeat(200_000))).toBe(`"${'y'.repeat(SHOWN_JSON_LENGTH)}"... (200000 characters)`);
    // escaped after the cut: 200,000 NULs were 200,000 six-character escapes
    expect(quotedText('\u0000'.repeat(200_000), true)).toBe(`"${'\\u0000'.repeat(SHOWN_JSON_LENGTH)}"... (200000 characters)`);
    // not between the halves of a surrogate pair: 'b' and 59 emoji fill 119 code units, the 120th is a high half
    expect(quotedText('b' + '\u{1F600}'.repeat(100))).toBe(`"b${'\u{1F600}'.repeat(59)}"... (101 characters)`);
  });

  it('quotes what the caller shows (the raw text typed) in place of the value', () => {
    const error = thrown(() => checkValue('--top-p', 0, numberRule(0, 1, true), '0.0')) as UsageError;
    expect(error.message).toBe("--top-p must be a number > 0 and <= 1, got '0.0'");
  });

  it('leaves an optional value out, and checks one given', () => {
    expect(checkOptional('k', undefined, integerRule(1))).toBeUndefined();
    expect(checkOptional('k', 3, integerRule(1))).toBe(3);
    expect(() => checkOptional('k', 0, integerRule(1))).toThrow("k must be a whole number >= 1, got '0'");
    expect(() => checkOptional('k', null, integerRule(1))).toThrow("k must be a whole number >= 1, got null");
  });

  it('takes a plain object only', () => {
    const settings = { a: 1 };
    expect(checkObject('options', settings)).toBe(settings);
    for (const [value, shown] of [[null, 'null'], [[1], '[1]'], ['x', "'x'"], [undefined, 'undefined'], [() => 1, 'a function']] as const) {
      const error = thrown(() => checkObject('options', value)) as UsageError;
      expect(error).toBeInstanceOf(UsageError);
      expect(`${error.message} (${error.hint})`).toBe(`options must be an object, got ${shown} (pass options as an object of settings)`);
    }
  });

  it('checks every item of a list, and returns the list', () => {
    expect(checkList('sweep.order', [1, 3], integerRule(1, 10))).toEqual([1, 3]);
    expect(() => checkList('sweep.order', [1, 30], integerRule(1, 10))).toThrow("sweep.order must be a whole number from 1 to 10, got '30'");
    expect(() => checkList('sweep.order', 'x', integerRule(1, 10))).toThrow("sweep.order must be a non-empty list, got 'x'");
    expect(refuseRepeats('f', ['a', 'b'], ['a', 'b'])).toEqual(['a', 'b']);
    // repeats are found by the values' text: 1 and '1' are one value
    expect(() => refuseRepeats('f', [1, '1'], 'shown')).toThrow("f lists '1' twice in 'shown'");
  });

  it('reads a decimal number as people write one, and nothing else (decimalValue)', () => {
    const read: Array<[string, number]> = [
      ['12', 12], ['-0.5', -0.5], ['+3', 3], ['.25', 0.25], ['5.', 5], ['0.125', 0.125], ['1e-3', 0.001], ['1E3', 1000],
      ['1e+3', 1000], ['2e10', 2e10], [' 7 ', 7], ['\t42\n', 42], ['12345', 12345],
    ];
    for (const [text, value] of read) expect(decimalValue(text), text).toBe(value);
    // Number() would take the first six (0x10 as 16, '' as 0); the rest are not numbers at all
    for (const text of ['0x10', '0b11', '0o17', '', ' ', 'Infinity', 'abc', '1e', 'e3', '1.2.3', 'x12', '12x', '--1', '+-1', '1e+-3', '.', '1 2', 'a1', '1ee3', '.e1']) {
      expect(decimalValue(text), JSON.stringify(text)).toBeNaN();
    }
  });

  it('says why a whole number past 2^53 - 1 is refused by a rule with no upper bound', () => {
    const refused = (value: number, rule = integerRule(0)) => {
      const error = thrown(() => checkValue('--seed', value, rule)) as UsageError;
      return `${error.message} (${error.hint})`;
    };
    // 9007199254740993 reads as 9007199254740992 = 2^53, one past the largest safe integer
    expect(refused(9007199254740993)).toBe(
      "--seed must be a whole number >= 0 and at most 9007199254740991 (2^53 - 1), got '9007199254740992' (pass a whole number from 0 to 9007199254740991: a larger whole number is not held exactly)",
    );
    expect(checkValue('--seed', Number.MAX_SAFE_INTEGER, integerRule(0))).toBe(Number.MAX_SAFE_INTEGER);
    // below the bound, or with a bound of its own, the plain hint
    expect(refused(-1)).toBe("--seed must be a whole number >= 0, got '-1' (pass a whole number >= 0)");
    expect(refused(1e21, integerRule(1, 10))).toBe("--seed must be a whole number from 1 to 10, got '1e+21' (pass a whole number from 1 to 10)");
  });

  it('refuses a number with more digits than the CSV writes, and keeps those it writes exactly', () => {
    // formatNumber keeps 6 significant digits: 0.1000001 is written 0.1, 1.0000001e-7 as 0.0000001,
    // 1.0000001 as 1 (a cell named and written as the default, whose rows are not the default's: audit)
    const message = (values: number[]) => {
      const error = thrown(() => refuseRepeats('sweep.humanRatio', values, values)) as UsageError;
      return `${error.message} (${error.hint})`;
    };
    expect(message([0, 0.1, 0.1000001])).toBe('sweep.humanRatio 0.1000001 has more digits than the CSV and the cell names write (0.1: 6 significant digits) (write it in 6 significant digits or fewer)');
    expect(message([1.0000001e-7])).toBe('sweep.humanRatio 1.0000001e-7 has more digits than the CSV and the cell names write (0.0000001: 6 significant digits) (write it in 6 significant digits or fewer)');
    expect(message([1.0000001])).toContain('(1: 6 significant digits)');
    expect(message([1 / 3])).toContain('(0.333333: 6 significant digits)');
    // 0.100001 and 0.1 differ in the 6th digit: both written exactly, two cells
    expect(refuseRepeats('f', [0.1, 0.100001, 1.5e-7, 1e-7, 123456, 0.999999], [])).toEqual([0.1, 0.100001, 1.5e-7, 1e-7, 123456, 0.999999]);
    // names are compared as they are: 'a' and 'A' are two values
    expect(refuseRepeats('f', ['a', 'A'], [])).toEqual(['a', 'A']);
  });
});
