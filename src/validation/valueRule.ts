/**
 * ValueRule: what one setting may hold, and the one wording every check of it uses.
 *
 * Contract: a rule says what is allowed as a phrase (`a number >= 0 and <= 1`) and whether a value
 * obeys it. `checkValue(field, value, rule)` returns the value or throws a UsageError
 * `<field> must be <allowed>, got '<value>'` (hint `pass <allowed>`); names get
 * `unknown <field> value '<value>'` (hint `use one of: a, b`). The library's validators name the
 * field as the library spells it (`humanRatio`); the CLI checks the same rules with the flag's name
 * (`--human-ratio`) and the raw text typed, so both say the same thing. A leaf: imports only errors,
 * and the number writer and the surrogate test beside it.
 *
 * @example
 *   checkValue('humanRatio', 1.5, numberRule(0, 1));
 *   // throws UsageError: humanRatio must be a number >= 0 and <= 1, got '1.5' (pass a number >= 0 and <= 1)
 */

import { UsageError } from '../errors.js';
import { formatNumber } from './formatNumber.js';
import { isHighSurrogate } from './surrogates.js';

export interface ValueRule<T> {
  /** 'number' rules take numbers (the CLI converts text first), 'name' rules strings, 'boolean' true/false. */
  readonly kind: 'number' | 'name' | 'boolean' | 'text';
  /** What is allowed, as the phrase after "must be". */
  readonly allowed: string;
  readonly accepts: (value: unknown) => value is T;
  /** The names, for 'name' rules. */
  readonly names?: readonly string[];
  /** The hint for a refused value, when it says more than `pass <allowed>` (default: `allowed`). */
  readonly hintFor?: (value: unknown) => string | undefined;
  /**
   * What is allowed, for a refused value that `allowed` would seem to admit (a whole number past
   * 2^53 - 1 against "a whole number >= 0"): the phrase after "must be" then (default: `allowed`).
   */
  readonly allowedFor?: (value: unknown) => string | undefined;
}

/** A decimal number as people write one (12, -0.5, .5, 1e-3) as its value, else NaN: Number() would also take 0x10, 0b11, 0o17 and '' (0). */
export function decimalValue(text: string): number {
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}

const DECIMAL = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?\s*$/iu;

/** The smallest positive double held to its full precision (2^-1022): below it a number keeps fewer digits, or none (0). */
const SMALLEST_NORMAL = 2.2250738585072014e-308;

/** What tooSmallToHold refuses, in the words of the refusals. */
export const TOO_SMALL = 'nonzero and below 2.2e-308, it would be read as 0 or lose digits';

/** Why a number past the largest double, `written` as given, is refused (it would be read as Infinity or -Infinity). */
export function tooLarge(written: string): string {
  return written.trim().startsWith('-') ? 'below -1.8e308' : 'above 1.8e308';
}

/**
 * Whether a decimal number's text names a nonzero number no double holds to its digits: read as 0
 * (`1e-400`) or as a subnormal with fewer digits than written (`1.23456e-320`). `0`, `0e-400` and
 * `0.000` are 0 itself.
 */
export function tooSmallToHold(text: string): boolean {
  const value = Number(text);
  return value === 0 ? /[1-9]/u.test(text.replace(/e.*$/iu, '')) : Math.abs(value) < SMALLEST_NORMAL;
}

/**
 * The number a decimal text is read as, in its shortest text, when that is not the text's own number:
 * digits no double holds (`0.10000000000000001` is read as 0.1, `9007199254740993` as 9007199254740992,
 * `2.0000000000000001` as 2, which then passed as a whole number: audit). undefined when the text is
 * the double's shortest text (JavaScript's `String`) or its exact value, each with any number of zeros
 * (`0.100`, `1e2`, `0.000000000931322574615478515625` = 2^-30), and for a text that is no decimal
 * number, past the largest double, or too small to hold (`tooSmallToHold` says that). Compared exactly,
 * as decimal digits.
 */
export function readAs(text: string): string | undefined {
  const value = decimalValue(text);
  if (!Number.isFinite(value) || tooSmallToHold(text.trim())) return undefined;
  const shortest = String(value);
  const written = decimalDigits(text);
  // (the double's own value, all its digits, is the number written too: 2^-30 in full was refused: round 2)
  return written === decimalDigits(shortest) || written === exactDigits(value) ? undefined : shortest;
}

/** A finite, normal double's exact value as decimalDigits writes it: m 2^e = m 5^-e 10^e for e < 0. */
function exactDigits(value: number): string {
  const bits = new DataView(new Float64Array([value]).buffer).getBigUint64(0, true);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const mantissa = (bits & ((1n << 52n) - 1n)) | (biased === 0 ? 0n : 1n << 52n);
  const exponent = Math.max(biased, 1) - 1075;
  const sign = value < 0 ? '-' : '';
  return decimalDigits(exponent >= 0 ? `${sign}${mantissa << BigInt(exponent)}` : `${sign}${mantissa * 5n ** BigInt(-exponent)}e${exponent}`);
}

/** A decimal text as its significant digits and the power of ten of the last (`-1.50e2` -> `-15e1`; every zero `0`). */
function decimalDigits(text: string): string {
  const [, sign, whole, fraction = '', exponent = '0'] = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?\s*$/iu.exec(text)!;
  const digits = `${whole}${fraction}`.replace(/^0+/u, '');
  const kept = digits.replace(/0+$/u, '');
  if (kept === '') return '0';
  return `${sign === '-' ? '-' : ''}${kept}e${Number(exponent) - fraction.length + digits.length - kept.length}`;
}

/** A whole number in [min, max]. */
export function integerRule(min: number, max = Number.MAX_SAFE_INTEGER): ValueRule<number> {
  const allowed = max === Number.MAX_SAFE_INTEGER ? `a whole number >= ${min}` : `a whole number from ${min} to ${max}`;
  const accepts = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
  // A whole number past 2^53 - 1 (--seed 9007199254740993) is refused though it reads "a whole number >= 0": say why
  // (it was said in the hint alone, the message calling 1e20 no whole number >= 1: review).
  // Stryker disable next-line EqualityOperator: equivalent, max itself is accepted, so never asked about
  const unbounded = (value: unknown): boolean => max === Number.MAX_SAFE_INTEGER && Number.isInteger(value) && (value as number) > max;
  const allowedFor = (value: unknown) => (unbounded(value) ? `${allowed} and at most ${max} (2^53 - 1)` : undefined);
  const hintFor = (value: unknown) => (unbounded(value) ? `a whole number from ${min} to ${max}: a larger whole number is not held exactly` : undefined);
  return Object.freeze({ kind: 'number', allowed, accepts, hintFor, allowedFor });
}

/** A finite number in a range; `lowOpen` / `highOpen` exclude the bounds. */
export function numberRule(low: number, high: number, lowOpen = false, highOpen = false): ValueRule<number> {
  const left = lowOpen ? `> ${low}` : `>= ${low}`;
  const allowed = Number.isFinite(high) ? `a number ${left} and ${highOpen ? '<' : '<='} ${high}` : `a number ${left}`;
  const inRange = (value: number): boolean => (lowOpen ? value > low : value >= low) && (highOpen ? value < high : value <= high);
  const accepts = (value: unknown): value is number => Number.isFinite(value) && inRange(value as number);
  return Object.freeze({ kind: 'number', allowed, accepts });
}

/** One of a fixed set of names. */
export function nameRule<T extends string>(given: readonly T[]): ValueRule<T> {
  // (a frozen copy: the rule reads the list it shows, which nobody can push onto)
  const names = Object.freeze([...given]);
  const accepts = (value: unknown): value is T => (names as readonly unknown[]).includes(value);
  return Object.freeze({ kind: 'name', allowed: `one of: ${names.join(', ')}`, accepts, names });
}

/** true or false. */
export const BOOLEAN_RULE: ValueRule<boolean> = Object.freeze<ValueRule<boolean>>({ kind: 'boolean', allowed: 'true or false', accepts: (value): value is boolean => typeof value === 'boolean' });

/** A string that is not blank (a path, a field name). */
export const TEXT_RULE: ValueRule<string> = Object.freeze<ValueRule<string>>({
  kind: 'text',
  allowed: 'a string that is not blank',
  accepts: (value): value is string => typeof value === 'string' && value.trim() !== '',
});

/** The most of a list's or an object's JSON a message quotes (a vocabulary's strings ran to 113,420 characters: audit). */
export const SHOWN_JSON_LENGTH = 120;

/** A list longer than this is described by its length alone, not written out to be cut. */
const SHOWN_LIST_LENGTH = 1_000_000;

/**
 * How a received value is quoted in a message: text and numbers whole, a list or an object as JSON,
 * cut after SHOWN_JSON_LENGTH characters with its whole length said; a list of more than a million
 * places, or one JSON cannot write, by its length.
 */
export function shownValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `'${String(value)}'`;
  if (typeof value === 'function') return 'a function';
  // (JSON writes a Set or a Map as {}: `got {}` for a Set of corpora: round 2)
  if (value instanceof Set) return `a Set of ${value.size} ${value.size === 1 ? 'item' : 'items'}`;
  if (value instanceof Map) return `a Map of ${value.size} ${value.size === 1 ? 'entry' : 'entries'}`;
  // (JSON writes a typed array as an object of its indexes: `got {"0":0,"1":0,...` for a million bytes: review)
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name} of ${value.byteLength} ${value.byteLength === 1 ? 'byte' : 'bytes'}`;
  // (a list of more places than a message could quote, new Array(2 ** 32 - 1), passed the string's
  // largest length and gave a RangeError of its own: audit)
  if (Array.isArray(value) && value.length > SHOWN_LIST_LENGTH) return `a list of ${value.length} places`;
  let json: string;
  try {
    json = JSON.stringify(value) ?? String(value); // null as null, undefined (no JSON) as undefined
  } catch {
    return Array.isArray(value) ? `a list of ${value.length} places` : Object.prototype.toString.call(value);
  }
  return cutForMessage(json, (head) => head);
}

/**
 * A text read from a file (a CSV field), quoted as a message shows it: in double quotes, written as
 * JSON writes a string where `escaped` (a quote or a line end inside escaped, so the message stays one
 * line), and cut after SHOWN_JSON_LENGTH characters with its whole length said (a field of 200,000
 * characters made a warning of 200 KB on one line: probe).
 */
export function quotedText(text: string, escaped = false): string {
  return cutForMessage(text, (head) => (escaped ? JSON.stringify(head) : `"${head}"`));
}

/** `text` as `quote` gives it, or its first SHOWN_JSON_LENGTH characters so and `... (N characters)`. */
function cutForMessage(text: string, quote: (head: string) => string): string {
  if (text.length <= SHOWN_JSON_LENGTH) return quote(text);
  // (not between the halves of a surrogate pair: a lone half is no text, written as U+FFFD: audit)
  const cut = isHighSurrogate(text.charCodeAt(SHOWN_JSON_LENGTH - 1)) ? SHOWN_JSON_LENGTH - 1 : SHOWN_JSON_LENGTH;
  return `${quote(text.slice(0, cut))}... (${[...text].length} characters)`;
}

/** The JavaScript type each kind of rule takes. */
const KIND_TYPE: Readonly<Record<ValueRule<unknown>['kind'], string>> = Object.freeze({ number: 'number', name: 'string', boolean: 'boolean', text: 'string' });

/**
 * A value a library caller passed, quoted (shownValue), its type named when a rule of `kind` takes
 * another: `the string '42'` for a number setting (quoted bare, '42' read as the number it is not:
 * audit), `the number 3` for a name, `a Number object '2'` for a boxed one. Lists and objects are
 * plain to see in their JSON already.
 */
export function typedValue(value: unknown, kind: ValueRule<unknown>['kind']): string {
  // (a boxed primitive, `new Number(2)`, was quoted as the 2 it is not: `order ... got 2`: audit)
  const boxed = boxedPrimitive(value);
  if (boxed !== undefined) return `a ${boxed.type} object ${shownValue(boxed.value)}`;
  const type = typeof value;
  const primitive = type === 'string' || type === 'number' || type === 'boolean' || type === 'bigint';
  return primitive && type !== KIND_TYPE[kind] ? `the ${type} ${shownValue(value)}` : shownValue(value);
}

/**
 * A Number, String or Boolean object's type and primitive, by its internal slot (Object.prototype.toString:
 * also from another realm, where `instanceof` fails; an object merely made from Number.prototype, whose
 * valueOf throws, is none); undefined for anything else.
 */
function boxedPrimitive(value: unknown): { type: string; value: unknown } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const type = /^\[object (Number|String|Boolean)\]$/u.exec(Object.prototype.toString.call(value))?.[1];
  if (type === undefined) return undefined;
  try {
    return { type, value: (value as { valueOf(): unknown }).valueOf() };
  } catch {
    return undefined;
  }
}

/**
 * Returns `value` if it obeys `rule`, else throws the rule's UsageError naming `field`. `shown` is what
 * the message quotes (the CLI passes the raw text typed); it defaults to the value itself, then quoted
 * with its type named when the rule takes another type (typedValue).
 */
export function checkValue<T>(field: string, value: unknown, rule: ValueRule<T>, shown: unknown = value): T {
  if (rule.accepts(value)) return value;
  if (value === undefined) throw new UsageError(`${field} is required`, `pass ${rule.allowed}`, field);
  const typed = shown === value && typeof value !== KIND_TYPE[rule.kind];
  if (rule.kind === 'name' && !typed) throw new UsageError(`${unknownValue(field)} ${shownValue(shown)}`, `use ${rule.allowed}`, field);
  if (!typed) throw new UsageError(`${field} must be ${rule.allowedFor?.(value) ?? rule.allowed}, got ${shownValue(shown)}`, `pass ${rule.hintFor?.(value) ?? rule.allowed}`, field);
  // a number given as its text: say which number to pass
  const asNumber = rule.kind === 'number' && typeof value === 'string' ? decimalValue(value) : Number.NaN;
  const hint = rule.accepts(asNumber) ? `pass ${String(asNumber)}, a number, not a string` : `pass ${rule.hintFor?.(value) ?? rule.allowed}`;
  throw new UsageError(`${field} must be ${rule.allowed}, got ${typedValue(value, rule.kind)}`, hint, field);
}

/**
 * `unknown <field> value`, with a place before the field kept first: a config file's
 * `--config c.json: "strategy"` gives `--config c.json: unknown "strategy" value` (it read `unknown
 * --config c.json: "strategy" value`: audit).
 */
export function unknownValue(field: string): string {
  const at = field.lastIndexOf(': ');
  return at < 0 ? `unknown ${field} value` : `${field.slice(0, at + 2)}unknown ${field.slice(at + 2)} value`;
}

/** An optional callback: undefined, or a function (UsageError naming `field` otherwise). */
export function checkOptionalFunction(field: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function') throw new UsageError(`${field} must be a function, got ${shownValue(value)}`, 'pass a function, or leave it out', field);
}

/** checkValue for an optional field: undefined stays undefined. */
export function checkOptional<T>(field: string, value: unknown, rule: ValueRule<T>): T | undefined {
  return value === undefined ? undefined : checkValue(field, value, rule);
}

/** A plain object (not null, not an array), else a UsageError naming `field`. */
export function checkObject(field: string, value: unknown): Readonly<Record<string, unknown>> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new UsageError(`${field} must be an object, got ${shownValue(value)}`, `pass ${field} as an object of settings`, field);
}

/**
 * Refuses a key of `object` that is not in `known` (a misspelt option would otherwise be ignored and
 * its default silently used): UsageError `unknown <kind> '<key>'`, listing the known keys.
 */
export function refuseUnknownKeys(object: Readonly<Record<string, unknown>>, known: readonly string[], kind: string): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) throw new UsageError(`unknown ${kind} '${key}'`, `known: ${known.join(', ')}`);
  }
}

/** A non-empty list whose items obey `rule`, each once. */
export function checkList<T>(field: string, value: unknown, rule: ValueRule<T>): T[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new UsageError(`${field} must be a non-empty list, got ${shownValue(value)}`, `pass a list of values, each ${rule.allowed}`, field);
  }
  // A sparse list's hole ([0, , 0.1]): map would skip it, and the list would be read as shorter.
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) throw new UsageError(`${field} has no value at position ${i + 1} of ${value.length}`, `pass a list of values, each ${rule.allowed}`, field);
  }
  return refuseRepeats(field, value.map((item) => checkValue(field, item, rule)), value);
}

/**
 * The list itself, unless a value stands in it twice (a sweep would run that cell twice) or a number
 * has more digits than the CSV writes (formatNumber's 6 significant digits: 1.0000001 would be a cell
 * named and written as 1 whose rows differ from those of 1, and 0.1 and 0.1000001 two cells the CSV
 * could not tell apart: writtenExactly).
 */
export function refuseRepeats<T>(field: string, values: T[], shown: unknown): T[] {
  const seen = new Set<string>();
  // (the repeated value named: in a long list the message quoted the list, cut before it: audit)
  for (const value of values) {
    if (seen.has(String(value))) throw new UsageError(`${field} lists ${shownValue(value)} twice in ${shownValue(shown)}`, 'list each value once', field);
    seen.add(String(value));
  }
  for (const value of values) if (typeof value === 'number') writtenExactly(`${field} ${String(value)}`, value, field);
  return values;
}

/**
 * `value`, if the CSV and the cell names write it exactly (formatNumber: 6 significant digits, plain
 * decimals); else a UsageError: `label` (the setting as given) and what the CSV would write, naming `setting` if given.
 */
export function writtenExactly(label: string, value: number, setting?: string): number {
  const text = formatNumber(value);
  if (Number(text) === value) return value;
  throw new UsageError(`${label} has more digits than the CSV and the cell names write (${text}: 6 significant digits)`, 'write it in 6 significant digits or fewer', setting);
}
