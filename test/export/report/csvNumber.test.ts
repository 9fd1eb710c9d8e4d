/**
 * csvNumber: decimals and spelled-out infinities are numbers; hex, binary, octal, blanks and text are not.
 */

import { describe, expect, it } from 'vitest';
import { csvNumber } from '../../../src/export/report/csvNumber.js';

describe('csvNumber', () => {
  it('reads decimals as written, with blanks around', () => {
    expect(['12', ' -0.5 ', '.5', '1e-3', '+7', '1.', '2E3'].map(csvNumber)).toEqual([12, -0.5, 0.5, 0.001, 7, 1, 2000]);
  });

  it('reads an infinity spelled as JavaScript prints one', () => {
    expect(['Infinity', '-Infinity', '+Infinity', ' Infinity '].map(csvNumber)).toEqual([Infinity, -Infinity, Infinity, Infinity]);
  });

  it('is NaN for what Number() alone would also take, and for text', () => {
    for (const text of ['0x10', '0b11', '0o17', '', '  ', 'inf', 'infinity', 'NaN', 'abc', '1,5']) expect(csvNumber(text), text).toBeNaN();
  });
});
