/**
 * The resolved configuration of `ngram-collapse run`: command-line flags, a `--config FILE` (JSON)
 * and the defaults, merged in that order of precedence (a flag given on the command line wins over
 * the file, the file over the defaults).
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
 * Every problem is a UsageError naming the file, the key and the value.
 */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { lowercasesByDefault } from '../corpus/tokenizers.js';
import { InputError, UsageError } from '../errors.js';
import type { RunSettings } from '../simulation/settings.js';
import { formatShard, parseShard, WHOLE_RUN, type Shard } from '../simulation/shard.js';
import { defaultWorkers } from '../simulation/workerPool.js';
import { DEFAULT_MAX_TOKENS } from './corpusOptions.js';
import { CONFIG_KEYS, configValues } from './configObject.js';
import { fromRule, integerIn } from './parseValues.js';
import { WORKERS_RULE } from '../simulation/validateSettings.js';
import { resolveRunSettings, SHARED_OPTIONS, SWEEP_OPTIONS } from './runOptions.js';

export { CONFIG_KEYS };

export interface RunConfig {
  readonly corpus: readonly string[];
  readonly settings: RunSettings;
  /** Loader options as raw values (tokenizer, lowercase, sentences, emptySentences, jsonlField, maxTokens) for resolveLoadOptions. */
  readonly loadValues: Readonly<Record<string, unknown>>;
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
  /** Worker threads; undefined = one per core. */
  readonly workers?: number;
  readonly shard: Shard;
  readonly quiet: boolean;
  readonly resume: boolean;
  readonly printConfig: boolean;
}

/**
 * Reads and validates a config file; returns raw values as commander would hold them (strings, the
 * corpus as a string array, booleans), keyed by camelCase name.
 */
export function readConfigFile(file: string, cwd: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new InputError(`--config ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'pass the path of a JSON file');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--config ${file} is not valid JSON: ${(error as Error).message}`, 'fix the JSON, or start from the output of --print-config');
  }
  return configValues(parsed, `--config ${file}`, file);
}

/** Merges flags, config file and defaults; validates everything; runs nothing. */
export function resolveRunConfig(command: Command, cwd: string): RunConfig {
  const flags = command.opts<Record<string, unknown>>();
  const fromFile = flags['config'] === undefined ? {} : readConfigFile(String(flags['config']), cwd);
  for (const key of ['config', 'printConfig', 'resume']) if (key in fromFile) throw new UsageError(`--config: key "${key}" cannot be set in a file`, 'pass it on the command line');
  const given = (key: string): boolean => {
    const source = command.getOptionValueSource(key);
    return source === 'cli' || source === 'env';
  };
  const values: Record<string, unknown> = { ...flags };
  for (const [key, value] of Object.entries(fromFile)) if (!given(key)) values[key] = value;
  const string = (key: string): string | undefined => (values[key] === undefined ? undefined : String(values[key]));
  const settings = resolveRunSettings(values);
  const workers = string('workers');
  const shard = string('shard');
  const summary = string('summary');
  const extinctions = string('extinctions');
  const survival = string('survival');
  const saveCorpora = string('saveCorpora');
  const report = string('report');
  const sentencePerplexities = string('sentencePerplexities');
  return {
    corpus: values['corpus'] as string[],
    settings,
    loadValues: Object.fromEntries(['tokenizer', 'lowercase', 'sentences', 'emptySentences', 'jsonlField', 'normalize', 'maxTokens'].map((key) => [key, values[key]])),
    out: string('out')!,
    ...(summary === undefined ? {} : { summary }),
    ...(extinctions === undefined ? {} : { extinctions }),
    ...(survival === undefined ? {} : { survival }),
    ...(saveCorpora === undefined ? {} : { saveCorpora }),
    ...(report === undefined ? {} : { report }),
    ...(sentencePerplexities === undefined ? {} : { sentencePerplexities }),
    ...(workers === undefined ? {} : { workers: fromRule(WORKERS_RULE)(workers, '--workers') }),
    shard: shard === undefined ? WHOLE_RUN : parseShard(shard),
    quiet: values['quiet'] === true,
    resume: values['resume'] === true,
    printConfig: values['printConfig'] === true,
  };
}

/** The configuration as a config file (camelCase keys, lists as arrays, defaults filled in). */
export function printableConfig(config: RunConfig): Record<string, unknown> {
  const { sweep, ...shared } = config.settings;
  const load = config.loadValues;
  return {
    corpus: [...config.corpus],
    ...Object.fromEntries(Object.keys(SWEEP_OPTIONS).map((key) => [key, [...(sweep[key as keyof typeof sweep] as readonly unknown[])]])),
    ...Object.fromEntries(Object.keys(SHARED_OPTIONS).filter((key) => shared[key as keyof typeof shared] !== undefined).map((key) => [key, shared[key as keyof typeof shared]])),
    tokenizer: load['tokenizer'] ?? 'wordpunct',
    lowercase: load['lowercase'] === undefined ? lowercasesByDefault(String(load['tokenizer'] ?? 'wordpunct')) : load['lowercase'] !== false,
    sentences: load['sentences'] ?? 'auto',
    ...(load['emptySentences'] === true ? { emptySentences: true } : {}),
    ...(load['jsonlField'] === undefined ? {} : { jsonlField: load['jsonlField'] }),
    ...(load['normalize'] === false ? { normalize: false } : {}),
    maxTokens: load['maxTokens'] === undefined ? DEFAULT_MAX_TOKENS : Number(load['maxTokens']),
    out: config.out,
    ...(config.summary === undefined ? {} : { summary: config.summary }),
    ...(config.extinctions === undefined ? {} : { extinctions: config.extinctions }),
    ...(config.survival === undefined ? {} : { survival: config.survival }),
    ...(config.saveCorpora === undefined ? {} : { saveCorpora: config.saveCorpora }),
    ...(config.report === undefined ? {} : { report: config.report }),
    ...(config.sentencePerplexities === undefined ? {} : { sentencePerplexities: config.sentencePerplexities }),
    ...(config.shard.count === 1 ? {} : { shard: formatShard(config.shard) }),
    ...(config.workers === undefined ? {} : { workers: config.workers }),
    ...(config.quiet ? { quiet: true } : {}),
  };
}

export { defaultWorkers };
