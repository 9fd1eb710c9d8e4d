/**
 * One row of the CLI's option table (the table itself is ./options.ts, the commander wiring
 * ./optionTable.ts): a flag, its value's name, its help text, its parser and its default. Pure and
 * free of commander and node: imports, so the browser playground reads the same rows.
 *
 * Contract:
 * - `parseGiven(table, raw)` parses the raw values (strings, string arrays, booleans, as commander
 *   collects them) of the options given and leaves absent ones out; `withDefaults(table, given)` fills
 *   in the rows' defaults. Both are pure; a bad value throws the row parser's UsageError.
 * - `attributeName('--max-sentence-length')` is `maxSentenceLength`: a row's key in its table.
 */

import type { Parse } from './parseValues.js';

/** A flag that takes a value (`--top-p <p>`). */
export interface ValueOption<Value> {
  /** The long flag, e.g. `--top-p`; a short alias goes in `short` (`-n`). */
  readonly flag: string;
  readonly short?: string;
  readonly many?: undefined;
  /** The value's name in the help, e.g. `<p>`, `<list>`. */
  readonly value: string;
  readonly description: string;
  readonly parse: Parse<Value>;
  /** The value when the flag is absent; omit it when absence means "not asked for". */
  readonly fallback?: Value;
  /** How the help shows the default, when `String(fallback)` is not it or there is no fallback; null: not shown. */
  readonly fallbackText?: string | null;
  /** A file or folder name: a config file may not leave it blank (the command line leaves that to the file checks). */
  readonly file?: true;
}

/** A repeatable flag (`--corpus <spec...>`): each value parsed by `parse`; the value is the list. */
export interface ManyOption<Item> {
  readonly flag: string;
  readonly short?: undefined;
  readonly value: `<${string}...>`;
  readonly many: true;
  readonly description: string;
  readonly parse: Parse<Item>;
  readonly fallback?: readonly Item[];
  readonly fallbackText?: string | null;
  readonly file?: true;
}

/** An on/off flag (`--quiet`); with `negation`, also `--no-<name>`. Absent = undefined unless `fallback`. */
export interface SwitchOption {
  readonly flag: string;
  readonly short?: undefined;
  readonly value?: undefined;
  readonly many?: undefined;
  readonly description: string;
  readonly negation?: { readonly description: string };
  readonly fallback?: boolean;
}

export type AnyOption = ValueOption<any> | ManyOption<any> | SwitchOption; // eslint-disable-line @typescript-eslint/no-explicit-any
export type OptionTable = Readonly<Record<string, AnyOption>>;

/** The value type of one row: required when the row has a fallback, else possibly undefined. */
export type OptionValue<Row> = Row extends SwitchOption
  ? Row extends { readonly fallback: boolean } ? boolean : boolean | undefined
  : Row extends ManyOption<infer Item>
    ? Row extends { readonly fallback: unknown } ? readonly Item[] : readonly Item[] | undefined
    : Row extends ValueOption<infer Value>
      ? Row extends { readonly fallback: unknown } ? Value : Value | undefined
      : never;

export type ParsedOptions<Table extends OptionTable> = { -readonly [K in keyof Table]: OptionValue<Table[K]> };

/** Raw values as commander collected them (or a config file gave them), keyed by attribute name. */
export type RawValues = Readonly<Record<string, unknown>>;

/** The attribute name of a flag: `--max-sentence-length` -> `maxSentenceLength`. */
export function attributeName(flag: string): string {
  return flag.replace(/^--/u, '').replace(/-([a-z0-9])/gu, (_, letter: string) => letter.toUpperCase());
}

/** The default as the help shows it, or undefined. */
export function fallbackText(row: AnyOption): string | undefined {
  if (row.value === undefined) return undefined;
  if (row.fallbackText !== undefined) return row.fallbackText ?? undefined;
  if (row.fallback === undefined) return undefined;
  return Array.isArray(row.fallback) ? row.fallback.join(',') : String(row.fallback);
}

/** Parses the options given (present in `raw`); absent ones are left out. */
export function parseGiven<Table extends OptionTable>(table: Table, raw: RawValues): Partial<ParsedOptions<Table>> {
  const given: Record<string, unknown> = {};
  for (const [key, row] of Object.entries(table)) {
    const value = raw[key];
    if (value === undefined) continue;
    if (row.value === undefined) given[key] = value !== false;
    else if (Array.isArray(value)) given[key] = value.map((item) => row.parse(String(item), row.flag));
    else given[key] = row.parse(String(value), row.flag);
  }
  return given as Partial<ParsedOptions<Table>>;
}

/** Fills in every absent option's fallback. */
export function withDefaults<Table extends OptionTable>(table: Table, given: Partial<ParsedOptions<Table>>): ParsedOptions<Table> {
  const values: Record<string, unknown> = {};
  for (const [key, row] of Object.entries(table)) {
    const value = (given as Record<string, unknown>)[key];
    values[key] = value === undefined ? row.fallback : value;
  }
  return values as ParsedOptions<Table>;
}

/** parseGiven then withDefaults. */
export function parseOptions<Table extends OptionTable>(table: Table, raw: RawValues): ParsedOptions<Table> {
  return withDefaults(table, parseGiven(table, raw));
}

/** The given values only (undefined ones left out). */
export function definedOnly<T extends object>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as T;
}
