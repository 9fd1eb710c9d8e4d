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
import { LOAD_RULES } from '../corpus/loadOptions.js';
import { InputError, UsageError } from '../errors.js';
import type { RunSettings } from '../simulation/settings.js';
import { formatShard, parseShard, WHOLE_RUN, type Shard } from '../simulation/shard.js';
import { defaultWorkers } from '../simulation/workerPool.js';
import { DEFAULT_MAX_TOKENS } from './corpusOptions.js';
import { WORKERS_RULE } from '../simulation/validateSettings.js';
import { fromRule, type Parse } from './parseValues.js';
import { resolveRunSettings, SHARED_OPTIONS, SWEEP_OPTIONS } from './runOptions.js';

export interface RunConfig {
  readonly corpus: readonly string[];
  readonly settings: RunSettings;
  /** Loader options as raw values (tokenizer, lowercase, sentences, jsonlField, maxTokens) for resolveLoadOptions. */
  readonly loadValues: Readonly<Record<string, unknown>>;
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

type Kind = 'list' | 'scalar' | 'boolean' | 'strings';

const path: Parse<string> = (raw, flag) => {
  if (raw.trim() === '') throw new UsageError(`${flag} must be a path, got '${raw}'`, 'pass a file or folder name');
  return raw;
};

/** Every key a config file may hold, its kind, and the check of its value (sweep and shared rows check themselves). */
const FILE_KEYS: Readonly<Record<string, { kind: Kind; parse: Parse<unknown> }>> = {
  corpus: { kind: 'strings', parse: path },
  ...Object.fromEntries(Object.values(SWEEP_OPTIONS).map((row) => [row.key, { kind: 'list' as const, parse: row.parse as Parse<unknown> }])),
  ...Object.fromEntries(Object.values(SHARED_OPTIONS).map((row) => [row.key, { kind: 'scalar' as const, parse: row.parse as Parse<unknown> }])),
  tokenizer: { kind: 'scalar', parse: fromRule(LOAD_RULES.tokenizer) },
  lowercase: { kind: 'boolean', parse: (raw) => raw },
  sentences: { kind: 'scalar', parse: fromRule(LOAD_RULES.sentences) },
  jsonlField: { kind: 'scalar', parse: path },
  maxTokens: { kind: 'scalar', parse: fromRule(LOAD_RULES.maxTokens) },
  out: { kind: 'scalar', parse: path },
  summary: { kind: 'scalar', parse: path },
  extinctions: { kind: 'scalar', parse: path },
  saveCorpora: { kind: 'scalar', parse: path },
  report: { kind: 'scalar', parse: path },
  sentencePerplexities: { kind: 'scalar', parse: path },
  workers: { kind: 'scalar', parse: fromRule(WORKERS_RULE) },
  shard: { kind: 'scalar', parse: (raw, flag) => parseShard(raw, flag) },
  quiet: { kind: 'boolean', parse: (raw) => raw },
};

export const CONFIG_KEYS: readonly string[] = Object.keys(FILE_KEYS);

const camelCase = (name: string): string => name.replace(/^--/u, '').replace(/-([a-z0-9])/gu, (_, letter: string) => letter.toUpperCase());

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
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(`--config ${file} must hold one JSON object, got ${Array.isArray(parsed) ? 'an array' : JSON.stringify(parsed)}`, 'write {"humanRatio": [0, 0.1], ...}');
  }
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
    const key = camelCase(name);
    const entry = FILE_KEYS[key];
    if (entry === undefined) {
      throw new UsageError(`--config ${file}: unknown key "${name}"`, `known keys: ${CONFIG_KEYS.join(', ')}`);
    }
    if (key in values) throw new UsageError(`--config ${file}: key "${name}" is given twice (as ${key})`, 'keep one of them');
    const label = `${file}: "${name}"`;
    values[key] = fileValue(entry.kind, value, label);
    if (entry.kind !== 'boolean') {
      const items = entry.kind === 'strings' ? (values[key] as string[]) : [values[key] as string];
      for (const item of items) entry.parse(item, label);
    }
  }
  return values;
}

function fileValue(kind: Kind, value: unknown, label: string): unknown {
  const wrong = (expected: string): never => {
    throw new UsageError(`${label} must be ${expected}, got ${JSON.stringify(value)}`, `write ${expected}`);
  };
  const scalar = (item: unknown): string => (typeof item === 'number' || typeof item === 'string' ? String(item) : wrong(kind === 'list' ? 'a list of numbers or names' : 'a number or a string'));
  switch (kind) {
    case 'boolean':
      return typeof value === 'boolean' ? value : wrong('true or false');
    case 'strings':
      if (typeof value === 'string') return [value];
      return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string') ? value : wrong('a string or a non-empty array of strings');
    case 'list':
      if (Array.isArray(value)) return value.length === 0 ? wrong('a non-empty list') : value.map(scalar).join(',');
      return scalar(value);
    case 'scalar':
      return scalar(value);
  }
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
  const saveCorpora = string('saveCorpora');
  const report = string('report');
  const sentencePerplexities = string('sentencePerplexities');
  return {
    corpus: values['corpus'] as string[],
    settings,
    loadValues: Object.fromEntries(['tokenizer', 'lowercase', 'sentences', 'jsonlField', 'maxTokens'].map((key) => [key, values[key]])),
    out: string('out')!,
    ...(summary === undefined ? {} : { summary }),
    ...(extinctions === undefined ? {} : { extinctions }),
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
    lowercase: load['lowercase'] !== false,
    sentences: load['sentences'] ?? 'auto',
    ...(load['jsonlField'] === undefined ? {} : { jsonlField: load['jsonlField'] }),
    maxTokens: load['maxTokens'] === undefined ? DEFAULT_MAX_TOKENS : Number(load['maxTokens']),
    out: config.out,
    ...(config.summary === undefined ? {} : { summary: config.summary }),
    ...(config.extinctions === undefined ? {} : { extinctions: config.extinctions }),
    ...(config.saveCorpora === undefined ? {} : { saveCorpora: config.saveCorpora }),
    ...(config.report === undefined ? {} : { report: config.report }),
    ...(config.sentencePerplexities === undefined ? {} : { sentencePerplexities: config.sentencePerplexities }),
    ...(config.shard.count === 1 ? {} : { shard: formatShard(config.shard) }),
    ...(config.workers === undefined ? {} : { workers: config.workers }),
    ...(config.quiet ? { quiet: true } : {}),
  };
}

export { defaultWorkers };
