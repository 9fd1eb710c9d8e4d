/**
 * The resolved configuration of `ngram-collapse run`: command-line flags, a `--config FILE` (JSON)
 * and the defaults, merged in that order of precedence (a flag given on the command line wins over
 * the file, the file over the defaults). Every value is parsed once, by its row of the option table
 * (./options.ts), whether it came from a flag or from the file (./configObject.ts).
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
import { readFailureReason } from '../corpus/readFailure.js';
import { lowercasesByDefault } from '../corpus/tokenizers.js';
import { InputError, UsageError } from '../errors.js';
import type { RunSettings } from '../simulation/settings.js';
import { formatShard, type Shard } from '../simulation/shard.js';
import { CONFIG_KEYS, configValues, runSettingsFrom } from './configObject.js';
import { loadValuesOf, type LoadValues } from './corpusOptions.js';
import { definedOnly, parseGiven, withDefaults, type ParsedOptions, type RawValues } from './optionRow.js';
import type { CommandSpec, ResolveContext } from './optionTable.js';
import { RUN_OPTIONS, SHARED_ROWS, SWEEP_ROWS } from './options.js';
import { standardOutputIs } from './outputPaths.js';
import { repeatedKey } from './repeatedKey.js';
import { hugeJsonNumber, keyedText, roundedJsonNumber, tinyJsonNumber } from './tinyJsonNumber.js';
import { TOO_SMALL, tooLarge } from '../validation/valueRule.js';
import { checkOwnDescriptor } from '../corpus/ownDescriptor.js';

export { CONFIG_KEYS };


export interface RunConfig {
  readonly corpus: readonly string[];
  /** The --config file read, if one was (as given): an input no output may overwrite. */
  readonly config?: string;
  readonly settings: RunSettings;
  /** The corpus flags (tokenizer, lowercase, sentences, emptySentences, jsonlField, normalize, maxTokens). */
  readonly load: LoadValues;
  readonly out: string;
  readonly summary?: string;
  readonly extinctions?: string;
  /** Kaplan–Meier survival curves by seed-count band, with the survival law. */
  readonly survival?: string;
  readonly saveCorpora?: string;
  /** The HTML report written at the end. */
  readonly report?: string;
  /** Per-sentence perplexities under M0 of every row's text. */
  readonly sentencePerplexities?: string;
  /** Worker threads; undefined = one per core, or one for a small run (poolSize). */
  readonly workers?: number;
  readonly shard: Shard;
  readonly quiet: boolean;
  readonly resume: boolean;
  readonly printConfig: boolean;
}

type RunValues = ParsedOptions<typeof RUN_OPTIONS>;

/** The refusal of a --config file that standard output goes to: what the command prints would go into it. */
export function configOnStandardOutput(file: string): UsageError {
  return new UsageError(`standard output and --config ${file} are the same file`, 'redirect standard output to another file');
}

/** Reads and validates a config file; returns the values it gives, parsed, keyed by camelCase name. */
export function readConfigFile(file: string, context: ResolveContext): Partial<RunValues> {
  if (file.trim() === '') throw new UsageError(`--config must be a path, got '${file}'`, 'pass the path of a JSON file');
  // (one of Node's own descriptors, `--config /dev/fd/5`: waited on for ever: audit)
  checkOwnDescriptor(resolve(context.cwd, file), 'read', `--config ${file}`, 'config.json');
  let content: string;
  try {
    content = context.readText(resolve(context.cwd, file));
  } catch (error) {
    throw new InputError(`--config ${file} cannot be read: ${readFailureReason(error)}`, 'pass the path of a JSON file');
  }
  // (`--print-config > c.json`: the shell emptied the file before the command began, which then said
  // "not valid JSON: Unexpected end of JSON input": audit)
  if (content.trim() === '' && standardOutputIs(resolve(context.cwd, file))) throw configOnStandardOutput(file);
  let parsed: unknown;
  try {
    // (a byte-order mark, which some editors write, is no JSON: dropped, as the corpus loader drops it)
    parsed = JSON.parse(content.startsWith('\uFEFF') ? content.slice(1) : content);
  } catch (error) {
    // (the parser's message may quote the file, line breaks included: one line)
    throw new UsageError(`--config ${file} is not valid JSON: ${(error as Error).message.replace(/\s+/gu, ' ')}`, 'fix the JSON, or start from the output of --print-config');
  }
  const twice = repeatedKey(content);
  if (twice !== undefined) throw new UsageError(`--config ${file}: "${twice}" is given twice`, 'keep one of them');
  const tiny = tinyJsonNumber(content);
  if (tiny !== undefined) throw new UsageError(`--config ${file}: ${keyedText(tiny)} is too small to be held as a number (${TOO_SMALL})`, 'write 0, or a number the setting takes');
  const huge = hugeJsonNumber(content);
  if (huge !== undefined) throw new UsageError(`--config ${file}: ${keyedText(huge)} is too large to be held as a number (${tooLarge(huge.written)})`, 'write a number the setting takes');
  const rounded = roundedJsonNumber(content);
  if (rounded !== undefined) throw new UsageError(`--config ${file}: ${keyedText(rounded)} has more digits than a number holds: it would be read as ${rounded.readAs}`, 'write it with the digits a double holds (17 significant digits at most; whole numbers up to 9007199254740991)');
  return configValues(parsed, `--config ${file}`) as Partial<RunValues>;
}

/** Flags (raw, as commander collected them), the config file they name, and the defaults -> RunConfig. */
export function resolveRunConfig(raw: RawValues, context: ResolveContext): RunConfig {
  const flags = parseGiven(RUN_OPTIONS, raw);
  const fromFile = flags.config === undefined ? {} : readConfigFile(flags.config, context);
  const given = { ...fromFile, ...definedOnly(flags) };
  const values = withDefaults(RUN_OPTIONS, given);
  if (flags.config !== undefined) checkEmptySentencesInFile(flags.config, fromFile, flags, values);
  return {
    corpus: values.corpus,
    ...optional('config', flags.config),
    settings: runSettingsFrom(given),
    load: loadValuesOf(values),
    out: values.out,
    ...optional('summary', values.summary),
    ...optional('extinctions', values.extinctions),
    ...optional('survival', values.survival),
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

/**
 * `emptySentences` needs `sentences` line (loadOptionsFor refuses it in the flags' words); when the
 * config file set either, the message says where each came from (the file, a flag, the default).
 */
function checkEmptySentencesInFile(file: string, fromFile: Partial<RunValues>, flags: Partial<RunValues>, values: RunValues): void {
  if (values.emptySentences !== true || values.sentences === 'line') return;
  if (fromFile.emptySentences === undefined && fromFile.sentences === undefined) return;
  const inFile = (key: string, value: unknown): string => `"${key}": ${JSON.stringify(value)} in --config ${file}`;
  const empty = flags.emptySentences === true ? '--empty-sentences' : inFile('emptySentences', true);
  const sentences = flags.sentences !== undefined ? `--sentences ${values.sentences}` : fromFile.sentences !== undefined ? inFile('sentences', values.sentences) : `--sentences ${values.sentences} (the default)`;
  // (a --sentences flag wins over the file: then only the flag can change it)
  const hint = flags.sentences !== undefined ? 'read one sentence per line: --sentences line' : 'read one sentence per line: "sentences": "line" in the file, or --sentences line';
  throw new UsageError(`${empty} needs sentences line, got ${sentences}`, hint);
}

/** `run` as a command spec: its options and the pure step to its RunConfig. */
export const RUN_SPEC: CommandSpec<RunConfig> = {
  name: 'run',
  description: 'simulate model collapse: retrain n-gram models on their own output, generation after generation, and write the diversity curves as CSV',
  options: RUN_OPTIONS,
  resolve: (_args, raw, context) => resolveRunConfig(raw, context),
};

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
    lowercase: load.lowercase ?? lowercasesByDefault(load.tokenizer),
    sentences: load.sentences,
    emptySentences: load.emptySentences === true,
    ...optional('jsonlField', load.jsonlField),
    normalize: load.normalize !== false,
    maxTokens: load.maxTokens,
    out: config.out,
    ...optional('summary', config.summary),
    ...optional('extinctions', config.extinctions),
    ...optional('survival', config.survival),
    ...optional('saveCorpora', config.saveCorpora),
    ...optional('report', config.report),
    ...optional('sentencePerplexities', config.sentencePerplexities),
    ...(config.shard.count === 1 ? {} : { shard: formatShard(config.shard) }),
    ...optional('workers', config.workers),
    ...(config.quiet ? { quiet: true } : {}),
  };
}
