/**
 * describeError: the one line an error is shown as. An InputError says what the user can do (its
 * hint); any other error is no problem with the input, and the front end says how to learn more: the
 * CLI its --debug flag, the playground its browser console. The library, which has no flag, says to
 * report it (it said "rerun with --debug", a flag the playground does not have: audit).
 */

import { describe, expect, it } from 'vitest';
import { InputError, UsageError, describeError, UNEXPECTED_HINT } from '../../src/errors.js';

describe('describeError', () => {
  it("gives an InputError's message and its own hint, whatever the front end's", () => {
    expect(describeError(new InputError('a.txt not found', 'check the path'))).toBe('a.txt not found (check the path)');
    expect(describeError(new UsageError('order must be 1..10', 'pass 3'), 'rerun with --debug for details')).toBe('order must be 1..10 (pass 3)');
  });

  it("gives any other error's message with the front end's hint, or the library's own", () => {
    expect(describeError(new RangeError('Array buffer allocation failed'))).toBe(`Array buffer allocation failed (${UNEXPECTED_HINT})`);
    expect(UNEXPECTED_HINT).not.toMatch(/--debug/u);
    expect(describeError(new Error('EIO'), 'rerun with --debug for details')).toBe('EIO (rerun with --debug for details)');
    expect(describeError('thrown text', 'see the console')).toBe('thrown text (see the console)');
  });
});
