/**
 * Parsers for option values: each takes the raw string and the flag name, returns a typed value, or
 * throws UsageError naming the flag, the value received, and what is allowed.
 *
 * Pure functions; the CLI's option table (./options.ts) wires them to flags.
 */

import { UsageError } from '../errors.js';

export type Parse<T> = (raw: string, flag: string) => T;

function number(raw: string, flag: string, allowed: string): number {
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value)) throw new UsageError(`${flag} must be a number, got '${raw}'`, `pass ${allowed}`);
  return value;
}

/** A whole number in [min, max]. */
export function integerIn(min: number, max = Number.MAX_SAFE_INTEGER): Parse<number> {
  const allowed = max === Number.MAX_SAFE_INTEGER ? `a whole number >= ${min}` : `a whole number from ${min} to ${max}`;
  return (raw, flag) => {
    const value = number(raw, flag, allowed);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new UsageError(`${flag} must be ${allowed}, got '${raw}'`, `pass ${allowed}`);
    }
    return value;
  };
}

/** A number in a range; `lowOpen`/`highOpen` exclude the bounds. */
export function numberIn(low: number, high: number, lowOpen = false, highOpen = false): Parse<number> {
  const left = lowOpen ? `> ${low}` : `>= ${low}`;
  const allowed = Number.isFinite(high) ? `a number ${left} and ${highOpen ? '<' : '<='} ${high}` : `a number ${left}`;
  return (raw, flag) => {
    const value = number(raw, flag, allowed);
    const tooLow = lowOpen ? value <= low : value < low;
    const tooHigh = highOpen ? value >= high : value > high;
    if (tooLow || tooHigh) throw new UsageError(`${flag} must be ${allowed}, got '${raw}'`, `pass ${allowed}`);
    return value;
  };
}

/** One of a fixed set of names. */
export function oneOf<T extends string>(names: readonly T[]): Parse<T> {
  return (raw, flag) => {
    if (!(names as readonly string[]).includes(raw)) {
      throw new UsageError(`unknown ${flag} value '${raw}'`, `use one of: ${names.join(', ')}`);
    }
    return raw as T;
  };
}

/** A comma-separated list of values, each parsed by `item`; duplicates are refused. */
export function listOf<T>(item: Parse<T>): Parse<T[]> {
  return (raw, flag) => {
    const parts = raw.split(',').map((part) => part.trim());
    if (parts.some((part) => part === '')) {
      throw new UsageError(`${flag} has an empty item in '${raw}'`, 'separate values with single commas, e.g. 0,0.1,0.5');
    }
    const values = parts.map((part) => item(part, flag));
    const seen = new Set(values.map(String));
    if (seen.size !== values.length) throw new UsageError(`${flag} lists a value twice in '${raw}'`, 'list each value once');
    return values;
  };
}

/** Any text, as given. */
export const text: Parse<string> = (raw) => raw;

/** A file or folder name: any text but the empty one. */
export const path: Parse<string> = (raw, flag) => {
  if (raw.trim() === '') throw new UsageError(`${flag} must be a path, got '${raw}'`, 'pass a file or folder name');
  return raw;
};
