/**
 * The commander wiring of the CLI's option table (the rows are ./optionRow.ts, the table
 * ./options.ts): a command is a list of rows plus a pure `resolve` from the parsed values to what the
 * command will do. Commander only collects strings: it is given no defaults and no parsers, so
 * "absent" stays `undefined` until `withDefaults`, and a default is written once, in the row (taken
 * from the library's own default constants).
 *
 * Contract:
 * - `declareOptions(command, table)` adds the rows to a commander command, in table order; the help
 *   line is the row's description plus ` (default: ...)` when the row has a default to show. A flag
 *   that takes one value given twice is recorded, and `refuseRepeatedFlags(command)` throws it
 *   (UsageError) in the action, before resolving (so `--help` still wins); one that takes many collects.
 *   A flag's value that is another flag of the command (`--out --quiet`) is refused as it is read.
 * - `parseArgv(spec, argv, context)` is the whole command line -> what the command will do, as a
 *   pure function that runs nothing (tests are tables of argv -> settings with pinned messages).
 * - `commandFor(spec, context, execute)` is the commander command whose action is
 *   `execute(resolve(...), command)`.
 */

import { Command, Option as CommanderOption } from 'commander';
import { UsageError } from '../errors.js';
import { attributeName, fallbackText, parseOptions, type OptionTable, type ParsedOptions, type RawValues } from './optionRow.js';

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

export function declareOptions(command: Command, table: OptionTable): Command {
  const repeats: UsageError[] = [];
  REPEATS.set(command, repeats);
  const known = flagsOf(table);
  for (const [key, row] of Object.entries(table)) {
    if (attributeName(row.flag) !== key) throw new Error(`internal: option ${row.flag} is keyed ${key}`);
    const shown = fallbackText(row);
    const description = shown === undefined ? row.description : `${row.description} (default: ${shown})`;
    const flags = row.value === undefined ? row.flag : `${row.short === undefined ? '' : `${row.short}, `}${row.flag} ${row.value}`;
    const option = new CommanderOption(flags, description);
    if (row.value !== undefined) option.argParser(row.many === true ? collected(row.flag, known) : onlyOnce(row.flag, row.value, repeats, known));
    command.addOption(option);
    if (row.value === undefined && row.negation !== undefined) {
      command.addOption(new CommanderOption(`--no-${row.flag.slice(2)}`, row.negation.description));
      refuseBothSwitches(command, row.flag, repeats);
    }
  }
  return command;
}

/** Per command, the flags of one value given twice and the switches given with their negation, in order (declareOptions records, refuseRepeatedFlags refuses). */
const REPEATS = new WeakMap<Command, UsageError[]>();

/** Every flag a command's table declares, as typed: `--order`, `-o`, `--no-lowercase`, and `--help`, `-h`. */
function flagsOf(table: OptionTable): ReadonlySet<string> {
  const rows = Object.values(table);
  return new Set(['--help', '-h', ...rows.flatMap((row) => [row.flag, ...(row.short === undefined ? [] : [row.short]), ...('negation' in row && row.negation !== undefined ? [`--no-${row.flag.slice(2)}`] : [])])]);
}

/**
 * Commander's parser of a flag that takes one value: the value as given; a flag that came before
 * (commander is given no defaults, so an earlier value is one given: `--order 0 --order 3` ran order 3,
 * its bad first value never checked, and `--human-ratio 0 --human-ratio 0.5` swept one cell: audit) is
 * recorded in `repeats`, and refused once the parse is done: thrown here, it came before `--help`.
 */
function onlyOnce(flag: string, valueName: string, repeats: UsageError[], flags: ReadonlySet<string>): (value: string, previous: unknown) => string {
  return (value, previous) => {
    refuseFlagAsValue(flag, value, flags);
    if (previous === undefined) return value;
    // (the list form only of two values: `--order= --order=3` was offered `--order ,3`, and `--order 2
    // --order 2` the list 2,2, which repeats a value: audits)
    const both = valueName === '<list>' && String(previous).trim() !== '' && value.trim() !== '' && String(previous).trim() !== value.trim();
    const hint = both ? `give it once; for both values, one list: ${flag} ${String(previous)},${value}` : 'give it once';
    repeats.push(new UsageError(`${flag} is given twice ('${String(previous)}', then '${value}')`, hint));
    return value;
  };
}

/** Commander's parser of a flag that takes many values (`--corpus a b`): the list so far and `value`, as commander collects it. */
function collected(flag: string, flags: ReadonlySet<string>): (value: string, previous: unknown) => string[] {
  return (value, previous) => {
    refuseFlagAsValue(flag, value, flags);
    return Array.isArray(previous) ? [...(previous as string[]), value] : [value];
  };
}

/**
 * Refuses a value that is another flag of the command, `--eval` or `--out=x` (commander gives a flag
 * the next word whatever it is: `train --corpus $EMPTY --eval e.txt` took `--eval` as the corpus and
 * said `corpus '--eval' not found`, and `run --out --quiet` wrote a file named `--quiet`: probe).
 * Thrown at once, as commander reads it, not recorded with the repeats: commander's own count of the
 * arguments comes before the action, and `run --out --corpus a.txt` said `too many arguments` (review).
 * A file of such a name is still given as `./--eval`.
 */
function refuseFlagAsValue(flag: string, value: string, flags: ReadonlySet<string>): void {
  if (!flags.has(value.split('=', 1)[0]!)) return;
  throw new UsageError(`${flag} took '${value}' as its value, which is a flag`, `give ${flag} its value before the next flag: an empty shell variable gives none`);
}

/**
 * Records `--x` given together with `--no-x` (the last one won without a word: audit) in `repeats`,
 * from commander's per-option events.
 */
function refuseBothSwitches(command: Command, flag: string, repeats: UsageError[]): void {
  const name = flag.slice(2);
  const seen = new Set<string>();
  const given = (spelled: string) => (): void => {
    seen.add(spelled);
    if (seen.size === 2 && !repeats.some((error) => error.message.startsWith(`${flag} and `))) {
      repeats.push(new UsageError(`${flag} and --no-${name} are both given`, 'give one of them'));
    }
  };
  command.on(`option:${name}`, given(flag));
  command.on(`option:no-${name}`, given(`--no-${name}`));
}

/**
 * Throws the first flag of one value `command`'s parse met twice, or switch met with its negation
 * (declareOptions records them), if any: before anything is resolved.
 */
export function refuseRepeatedFlags(command: Command): void {
  const first = REPEATS.get(command)?.[0];
  if (first !== undefined) throw first;
}

function commanderCommand(spec: CommandSpec<unknown>): Command {
  const command = new Command(spec.name).description(spec.description).showSuggestionAfterError(false);
  for (const [name, description] of spec.arguments ?? []) command.argument(name, description);
  return declareOptions(command, spec.options);
}

/** The commander command of `spec`: its action resolves the command line and hands it to `execute`. */
export function commandFor<Resolved>(spec: CommandSpec<Resolved>, context: () => ResolveContext, execute: (resolved: Resolved, command: Command) => Promise<void>): Command {
  const command = commanderCommand(spec as CommandSpec<unknown>);
  command.action(async () => {
    refuseRepeatedFlags(command);
    await execute(spec.resolve(positional(command, spec as CommandSpec<unknown>), command.opts(), context()), command);
  });
  return command;
}

/** Commander's processed positional arguments, a variadic last one flattened. */
function positional(command: Command, spec: CommandSpec<unknown>): string[] {
  return (command.processedArgs as unknown[])
    .slice(0, spec.arguments?.length ?? 0)
    .flatMap((value) => (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]));
}

/**
 * The command line (after the command's name) -> what the command will do. Pure: runs nothing,
 * throws CommanderError for unknown flags or missing arguments, UsageError for bad values. (The
 * tests' way to resolve a command line alone; the program runs each command through commandFor.)
 */
export function parseArgv<Resolved>(spec: CommandSpec<Resolved>, argv: readonly string[], context: ResolveContext): Resolved {
  const command = commanderCommand(spec as CommandSpec<unknown>)
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  let resolved: { value: Resolved } | undefined;
  command.action(() => {
    refuseRepeatedFlags(command);
    resolved = { value: spec.resolve(positional(command, spec as CommandSpec<unknown>), command.opts(), context) };
  });
  command.parse([...argv], { from: 'user' });
  if (resolved === undefined) throw new Error('internal: the command line was not resolved');
  return resolved.value;
}

/** A command line as its table parses it: the positional arguments and every option (defaults filled in). */
export interface ParsedCommand<Table extends OptionTable> {
  readonly args: readonly string[];
  readonly options: ParsedOptions<Table>;
}

/** A command whose resolve is its table's parse (plot, merge, recipe, tokenize, playground). */
export function tableSpec<Table extends OptionTable>(
  name: string,
  description: string,
  options: Table,
  args: ReadonlyArray<readonly [string, string]> = [],
): CommandSpec<ParsedCommand<Table>> {
  return { name, description, arguments: args, options, resolve: (positional, raw) => ({ args: positional, options: parseOptions(options, raw) }) };
}
