/**
 * The machinery of the CLI's option table (the table itself is ./options.ts): an option is one
 * declarative row (flag, value name, help text, parser, default); a command is a list of rows plus a
 * pure `resolve` from the parsed values to what the command will do. Commander only collects strings:
 * it is given no defaults and no parsers, so "absent" stays `undefined` until `withDefaults`, and a
 * default is written once, in the row (taken from the library's own default constants).
 *
 * Contract:
 * - `declareOptions(command, table)` adds the rows to a commander command, in table order; the help
 *   line is the row's description plus ` (default: ...)` when the row has a default to show.
 * - `parseGiven(table, raw)` parses the values commander collected (strings, string arrays, booleans)
 *   and returns only the options given; `withDefaults(table, given)` fills in the rows' defaults.
 *   Both are pure and throw UsageError (from ./parseValues.ts) on the first bad value.
 * - `parseArgv(spec, argv, context)` is the whole command line -> what the command will do, as a
 *   pure function that runs nothing (tests are tables of argv -> settings with pinned messages).
 * - `commandFor(spec, execute)` is the commander command whose action is `execute(resolve(...))`.
 */

import { Command, Option as CommanderOption } from 'commander';
import type { Parse } from './parseValues.js';

/** A flag that takes a value (`--top-p <p>`), or several (`--corpus <spec...>`). */
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
}

/** A repeatable flag (`--corpus <spec...>`): each value parsed by `parse`; the value is the list. */
export interface ManyOption<Item> {
  readonly flag: string;
  readonly value: `<${string}...>`;
  readonly many: true;
  readonly description: string;
  readonly parse: Parse<Item>;
  readonly fallback?: readonly Item[];
  readonly fallbackText?: string | null;
}

/** An on/off flag (`--quiet`); with `negation`, also `--no-<name>` (then absent = `fallback`). */
export interface SwitchOption {
  readonly flag: string;
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

/** Raw values as commander collected them, keyed by attribute name. */
export type RawValues = Readonly<Record<string, unknown>>;

/** The commander attribute name of a flag: `--max-sentence-length` -> `maxSentenceLength`. */
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

export function declareOptions(command: Command, table: OptionTable): Command {
  for (const [key, row] of Object.entries(table)) {
    if (attributeName(row.flag) !== key) throw new Error(`internal: option ${row.flag} is keyed ${key}`);
    const shown = fallbackText(row);
    const description = shown === undefined ? row.description : `${row.description} (default: ${shown})`;
    const flags = row.value === undefined ? row.flag : `${'short' in row && row.short !== undefined ? `${row.short}, ` : ''}${row.flag} ${row.value}`;
    command.addOption(new CommanderOption(flags, description));
    if (row.value === undefined && row.negation !== undefined) {
      command.addOption(new CommanderOption(`--no-${row.flag.slice(2)}`, row.negation.description));
    }
  }
  return command;
}

/** Parses the options given (present in `raw`); absent ones are left out. */
export function parseGiven<Table extends OptionTable>(table: Table, raw: RawValues): Partial<ParsedOptions<Table>> {
  const given: Record<string, unknown> = {};
  for (const [key, row] of Object.entries(table)) {
    const value = raw[key];
    if (value === undefined) continue;
    if (row.value === undefined) given[key] = value === true;
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

/** What resolving a command line may read: the working directory and, for --config, a file's text. */
export interface ResolveContext {
  readonly cwd: string;
  readonly readText: (path: string) => string;
}

/** One command: its arguments, its option table, and the pure step from strings to what it will do. */
export interface CommandSpec<Resolved> {
  readonly name: string;
  readonly description: string;
  /** Positional arguments, commander syntax (`<text...>`), with their help. */
  readonly arguments?: ReadonlyArray<readonly [string, string]>;
  readonly options: OptionTable;
  /** Pure: positional arguments and raw option values -> what the command will do. Runs nothing. */
  resolve(args: readonly string[], raw: RawValues, context: ResolveContext): Resolved;
}

function commanderCommand(spec: CommandSpec<unknown>): Command {
  const command = new Command(spec.name).description(spec.description).showSuggestionAfterError(false);
  for (const [name, description] of spec.arguments ?? []) command.argument(name, description);
  return declareOptions(command, spec.options);
}

/** The commander command of `spec`: its action resolves the command line and hands it to `execute`. */
export function commandFor<Resolved>(spec: CommandSpec<Resolved>, context: () => ResolveContext, execute: (resolved: Resolved) => Promise<void>): Command {
  const command = commanderCommand(spec as CommandSpec<unknown>);
  command.action(async () => {
    await execute(spec.resolve(positional(command, spec as CommandSpec<unknown>), command.opts(), context()));
  });
  return command;
}

/** Commander's processed positional arguments, a variadic last one flattened. */
function positional(command: Command, spec: CommandSpec<unknown>): string[] {
  return (command.processedArgs as unknown[]).slice(0, spec.arguments?.length ?? 0).flatMap((value) => (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]));
}

/**
 * The command line (after the command's name) -> what the command will do. Pure: runs nothing,
 * throws CommanderError for unknown flags or missing arguments, UsageError for bad values.
 */
export function parseArgv<Resolved>(spec: CommandSpec<Resolved>, argv: readonly string[], context: ResolveContext): Resolved {
  const command = commanderCommand(spec as CommandSpec<unknown>).exitOverride().configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  let resolved: { value: Resolved } | undefined;
  command.action(() => {
    resolved = { value: spec.resolve(positional(command, spec as CommandSpec<unknown>), command.opts(), context) };
  });
  command.parse([...argv], { from: 'user' });
  if (resolved === undefined) throw new Error('internal: the command line was not resolved');
  return resolved.value;
}
