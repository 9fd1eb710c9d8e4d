/**
 * Parsers for option values: each takes the raw string and the flag name, returns a typed value, or
 * throws UsageError naming the flag, the value received, and what is allowed.
 *
 * Pure functions. The ranges are not defined here: `fromRule` turns the library's ValueRule (the
 * same rule its validators apply, src/validation/valueRule.ts) into a parser, so the CLI and the
 * library word a bad value the same way; this file only converts text to numbers and splits lists.
 */

import { isTokenizerName, TOKENIZER_NAMES, tokenizerName, type TokenizerName } from '../corpus/tokenizers.js';
import { UsageError } from '../errors.js';
import { checkValue, decimalValue, integerRule, readAs, refuseRepeats, shownValue, TEXT_RULE, TOO_SMALL, tooLarge, tooSmallToHold, unknownValue, type ValueRule } from '../validation/valueRule.js';

export type Parse<T> = (raw: string, flag: string) => T;

function number(raw: string, flag: string, allowed: string): number {
  const value = decimalValue(raw);
  // (a decimal number past the largest double, 1e400, is a number, too large to be held: it was called none: audit)
  if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) throw new UsageError(`${flag} ${raw.trim()} is too large to be held as a number (${tooLarge(raw)})`, `pass ${allowed}`);
  if (!Number.isFinite(value)) {
    // (a list where one value goes: say so, not only that it is no number: audit)
    const list = raw.includes(',') ? `: ${flag} takes one value, written without separators, not a list` : '';
    throw new UsageError(`${flag} must be a number, got '${raw}'`, `pass ${allowed}${list}`);
  }
  // (a number too small for a double is read as 0: --human-ratio 1e-400 ran as 0, named human_ratio=0,
  // and --holdout 1e-400 turned the held-out columns off, without a word: audit; a subnormal one kept
  // fewer digits than written: round 2)
  if (tooSmallToHold(raw.trim())) throw new UsageError(`${flag} ${raw.trim()} is too small to be held as a number (${TOO_SMALL})`, `pass ${allowed}`);
  return value;
}

/**
 * The raw text checked against a library rule (numbers converted first; a name without the spaces
 * around it, as a list's items are read: `--sentences ' line'` was refused where `--smoothing ' mle'`
 * ran), the message quoting the text.
 */
export function fromRule<T>(rule: ValueRule<T>): Parse<T> {
  return (raw, flag) => {
    if (rule.kind !== 'number') return checkValue(flag, rule.kind === 'name' ? raw.trim() : raw, rule, raw);
    const read = number(raw, flag, rule.allowed);
    try {
      checkValue(flag, read, rule, raw);
    } catch (error) {
      // (`--holdout 0.99999999999999999` "must be < 1" read as wrong: it is read as 1: round 2)
      const other = readAs(raw);
      throw error instanceof UsageError && other !== undefined ? new UsageError(`${error.message}, which is read as ${other}`, error.hint) : error;
    }
    refuseLostDigits(raw, flag);
    return read as T;
  };
}

/**
 * A number whose digits no double holds, refused once its rule accepts what it is read as: the
 * value used would not be the value written (`--seed 9007199254740990.5` ran as 9007199254740990,
 * and `--human-ratio 0.10000000000000001` as 0.1 though a sweep value takes 6 digits: audit).
 */
function refuseLostDigits(raw: string, flag: string): void {
  const other = readAs(raw);
  if (other !== undefined) throw new UsageError(`${flag} ${raw.trim()} has more digits than a number holds: it would be read as ${other}`, `pass ${other}, or a number with fewer digits`);
}

/** A whole number in [min, max]. */
export function integerIn(min: number, max = Number.MAX_SAFE_INTEGER): Parse<number> {
  return fromRule(integerRule(min, max));
}

/** A path (file or folder name) as a config file gives it: any text but blank. */
export const nonBlankPath: Parse<string> = (raw, flag) => {
  if (raw.trim() === '') throw new UsageError(`${flag} must be a path, got '${raw}'`, 'pass a file or folder name');
  return raw;
};

/** Any text, as typed. */
export const text: Parse<string> = (raw) => raw;

/** Text that is not blank (a JSON field's name), the library's own rule. */
export const nonBlankText: Parse<string> = fromRule(TEXT_RULE);

/**
 * A tokenizer name (word-level, a published encoding, or bpe:K), checked by the library; its refusal
 * names where the value came from (`--tokenizer`, or `--config FILE: "tokenizer"`).
 */
export const tokenizerValue: Parse<TokenizerName> = (raw, flag) => {
  const name = raw.trim(); // (as a name flag's value is read: see fromRule)
  // worded as every flag's unknown name, `unknown --strategy value 'acc'` (it read `--tokenizer: unknown
  // tokenizer 'foo'`, and in a config file `"tokenizer": unknown tokenizer 'foo'`: audit); a malformed
  // bpe:K keeps its own message
  if (!name.startsWith('bpe:') && !isTokenizerName(name)) throw new UsageError(`${unknownValue(flag)} ${shownValue(raw)}`, `use one of: ${TOKENIZER_NAMES.join(', ')}`);
  try {
    return tokenizerName(name);
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`${flag}: ${error.message}`, error.hint);
    throw error;
  }
};

/** A comma-separated list of values, each parsed by `item`; duplicates are refused; `example` shows one in the hint. */
export function listOf<T>(item: Parse<T>, example = '0,0.1,0.5'): Parse<T[]> {
  return (raw, flag) => {
    const parts = raw.split(',').map((part) => part.trim());
    if (parts.some((part) => part === '')) {
      throw new UsageError(`${flag} has an empty item in '${raw}'`, `separate values with single commas, e.g. ${example}`);
    }
    return refuseRepeats(flag, parts.map((part) => item(part, flag)), raw);
  };
}
