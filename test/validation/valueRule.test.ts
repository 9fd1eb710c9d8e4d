/**
 * ValueRule: the bounds are where the README says (closed or open), and the wording is the one the
 * CLI prints.
 */

import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { checkList, checkValue, integerRule, nameRule, numberRule } from '../../src/validation/valueRule.js';

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
    expect(message(() => checkList('sweep.order', [2, 2], integerRule(1, 10)))).toBe('sweep.order lists a value twice in [2,2] (list each value once)');
    expect(message(() => checkList('sweep.order', [], integerRule(1, 10)))).toBe('sweep.order must be a non-empty list, got [] (pass a list of values, each a whole number from 1 to 10)');
    expect(checkValue('humanRatio', 0.5, numberRule(0, 1))).toBe(0.5);
  });
});
