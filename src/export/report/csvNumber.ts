/**
 * csvNumber: a number field of a CSV the tool reads back (curves, summaries, survival tables) as its
 * value, else NaN.
 *
 * Contract: a decimal as people and the tool write one (12, -0.5, .5, 1e-3; surrounding blanks
 * allowed; validation/valueRule.ts decimalValue) or an infinity spelled as JavaScript prints one
 * (Infinity, -Infinity, +Infinity: another program's column may hold one); NaN for everything else,
 * including an empty field and what Number() alone would also take (0x10, 0b11, 0o17, '').
 */

import { decimalValue } from '../../validation/valueRule.js';

/**
 * Whether a field is how another program writes a missing value: NaN (pandas' `na_rep='NaN'`, numpy),
 * NA (R), N/A, in any case. A column of another program's holds them beside its numbers; the tool's
 * own columns never do (they leave such a value empty).
 */
export function isMissingText(text: string): boolean {
  return MISSING.test(text.trim());
}

const MISSING = /^(?:nan|na|n\/a)$/iu;

export function csvNumber(text: string): number {
  const trimmed = text.trim();
  return INFINITY.test(trimmed) ? Number(trimmed) : decimalValue(trimmed);
}

const INFINITY = /^[+-]?Infinity$/u;
