/**
 * The resolved configuration of `ngram-collapse run`: command-line flags, a `--config FILE` (JSON)
 * and the defaults, merged in that order of precedence (a flag given on the command line wins over
 * the file, the file over the defaults). Every value is parsed once, by its row of the option table
 * (./options.ts), whether it came from a flag or from the file.
 *
 * Config file: one JSON object. Keys are the run options, written either in camelCase
 * (`humanRatio`, `maxSentenceLength`, `saveCorpora`) or as the flag's name without its dashes
 * (`human-ratio`, `max-sentence-length`, `save-corpora`). Values: lists as JSON arrays or as the
 * comma text a flag takes ([0, 0.1] or "0,0.1"), numbers as numbers or strings, `lowercase` and
 * `quiet` as true/false, `corpus` as a string or an array of strings. Relative paths resolve against
 * the working directory, as on the command line. Not allowed in the file: config, print-config,
 * resume. `--print-config` prints the resolved configuration in this format (camelCase), so it can be
 * saved and used as a config file.
 *
 * Every problem is a UsageError naming the file, the key and the value (InputError if the file
 * cannot be read). Pure apart from `context.readText`.
 */

import { resolve } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { DEFAULT_RUN, DEFAULT_SWEEP, type RunSettings, type SharedSettings, type SweepSettings } from '../simulation/settings.js';
import { formatShard, type Shard } from '../simulation/shard.js';
import { attributeName, parseGiven, withDefaults, type AnyOption, type CommandSpec, type ParsedOptions, type RawValues, type ResolveContext } from './optionTable.js';
import { COMMAND_LINE_ONLY, LOAD_ROWS, RUN_OPTIONS, SHARED_ROWS, SWEEP_ROWS, type LoadFlags } from './options.js';

export interface RunConfig {
  readonly corpus: readonly string[];
  readonly settings: RunSettings;
  /** The loader's options (tokenizer, lowercase, sentences, jsonlField, maxTokens). */
  readonly load: LoadFlags;
  readonly out: string;
  readonly summary?: string;
  readonly extinctions?: string;
  readonly saveCorpora?: string;
  /** The HTML report written at the end. */
  readonly report?: string;
  /** Per-sentence perplexities under M0 of every row's text. */
  readonly sentencePerplexities?: string;
  /** Worker threads; undefined = one per core. */
  readonly workers?: number;
  readonly shard: Shard;
  readonly quiet: boolean;
  readonly resume: boolean;
  readonly printConfig: boolean;
}

type RunValues = ParsedOptions<typeof RUN_OPTIONS>;

const FILE_ROWS: Readonly<Record<string, AnyOption>> = Object.fromEntries(
  Object.entries(RUN_OPTIONS).filter(([key]) => !(COMMAND_LINE_ONLY as readonly string[]).includes(key)),
);

/** Every key a config file may hold (camelCase). */
export const CONFIG_KEYS: readonly string[] = Object.keys(FILE_ROWS);

/**
 * Reads and validates a config file; returns the values it gives, parsed, keyed by camelCase name.
 */
export function readConfigFile(file: string, context: ResolveContext): Partial<RunValues> {
  let content: string;
  try {
    content = context.readText(resolve(context.cwd, file));
  } catch (error) {
    throw new InputError(`--config ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'pass the path of a JSON file');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    throw new UsageError(`--config ${file} is not valid JSON: ${(error as Error).message}`, 'fix the JSON, or start from the output of --print-config');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(`--config ${file} must hold one JSON object, got ${Array.isArray(parsed) ? 'an array' : JSON.stringify(parsed)}`, 'write {"humanRatio": [0, 0.1], ...}');
  }
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
    const key = attributeName(`--${name}`);
    const row = FILE_ROWS[key];
    if (row === undefined) throw new UsageError(`--config ${file}: unknown key "${name}"`, `known keys: ${CONFIG_KEYS.join(', ')}`);
    if (key in values) throw new UsageError(`--config ${file}: key "${name}" is given twice (as ${key})`, 'keep one of them');
    values[key] = fileValue(row, value, `${file}: "${name}"`);
  }
  return values as Partial<RunValues>;
}

/** One value of the file, checked for its JSON shape and parsed by the option's row (once). */
function fileValue(row: AnyOption, value: unknown, label: string): unknown {
  const wrong = (expected: string): never => {
    throw new UsageError(`${label} must be ${expected}, got ${JSON.stringify(value)}`, `write ${expected}`);
  };
  if (row.value === undefined) return typeof value === 'boolean' ? value : wrong('true or false');
  const list = row.value === '<list>';
  const scalar = (item: unknown): string => (typeof item === 'number' || typeof item === 'string' ? String(item) : wrong(list ? 'a list of numbers or names' : 'a number or a string'));
  if (row.many === true) {
    const items = typeof value === 'string' ? [value] : Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string') ? (value as string[]) : wrong('a string or a non-empty array of strings');
    return items.map((item) => row.parse(item, label));
  }
  // A JSON array is the list a flag writes with commas.
  const textValue = list && Array.isArray(value) ? (value.length === 0 ? wrong('a non-empty list') : value.map(scalar).join(',')) : scalar(value);
  return row.parse(textValue, label);
}

/** Flags (raw, as commander collected them), the config file they name, and the defaults -> RunConfig. */
export function resolveRunConfig(raw: RawValues, context: ResolveContext): RunConfig {
  const flags = parseGiven(RUN_OPTIONS, raw);
  const fromFile = flags.config === undefined ? {} : readConfigFile(flags.config, context);
  const values = withDefaults(RUN_OPTIONS, { ...fromFile, ...definedOnly(flags) });
  const pick = <Table extends Readonly<Record<string, AnyOption>>>(table: Table): ParsedOptions<Table> =>
    Object.fromEntries(Object.keys(table).map((key) => [key, values[key as keyof RunValues]])) as ParsedOptions<Table>;
  // Key order as DEFAULT_RUN's: the run record (and its fingerprint) is JSON of these settings.
  const sweep = Object.fromEntries(Object.keys(DEFAULT_SWEEP).map((key) => [key, values[key as keyof RunValues]])) as unknown as SweepSettings;
  const settings: RunSettings = { ...DEFAULT_RUN, ...(definedOnly(pick(SHARED_ROWS)) as SharedSettings), sweep };
  return {
    corpus: values.corpus,
    settings,
    load: definedOnly(pick(LOAD_ROWS)) as LoadFlags,
    out: values.out,
    ...optional('summary', values.summary),
    ...optional('extinctions', values.extinctions),
    ...optional('saveCorpora', values.saveCorpora),
    ...optional('report', values.report),
    ...optional('sentencePerplexities', values.sentencePerplexities),
    ...optional('workers', values.workers),
    shard: values.shard,
    quiet: values.quiet === true,
    resume: values.resume === true,
    printConfig: values.printConfig === true,
  };
}

/** `run` as a command spec: its options and the pure step to its RunConfig. */
export const RUN_SPEC: CommandSpec<RunConfig> = {
  name: 'run',
  description: 'simulate model collapse: retrain n-gram models on their own output, generation after generation, and write the diversity curves as CSV',
  options: RUN_OPTIONS,
  resolve: (_args, raw, context) => resolveRunConfig(raw, context),
};

function definedOnly<T extends object>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as T;
}

function optional<Key extends string, Value>(key: Key, value: Value | undefined): { [K in Key]?: Value } {
  return (value === undefined ? {} : { [key]: value }) as { [K in Key]?: Value };
}

/** The configuration as a config file (camelCase keys, lists as arrays, defaults filled in). */
export function printableConfig(config: RunConfig): Record<string, unknown> {
  const { sweep, ...shared } = config.settings;
  const load = config.load;
  return {
    corpus: [...config.corpus],
    ...Object.fromEntries(Object.keys(SWEEP_ROWS).map((key) => [key, [...(sweep[key as keyof typeof sweep] as readonly unknown[])]])),
    ...Object.fromEntries(Object.keys(SHARED_ROWS).filter((key) => shared[key as keyof typeof shared] !== undefined).map((key) => [key, shared[key as keyof typeof shared]])),
    tokenizer: load.tokenizer,
    lowercase: load.lowercase,
    sentences: load.sentences,
    ...optional('jsonlField', load.jsonlField),
    maxTokens: load.maxTokens,
    out: config.out,
    ...optional('summary', config.summary),
    ...optional('extinctions', config.extinctions),
    ...optional('saveCorpora', config.saveCorpora),
    ...optional('report', config.report),
    ...optional('sentencePerplexities', config.sentencePerplexities),
    ...(config.shard.count === 1 ? {} : { shard: formatShard(config.shard) }),
    ...optional('workers', config.workers),
    ...(config.quiet ? { quiet: true } : {}),
  };
}
