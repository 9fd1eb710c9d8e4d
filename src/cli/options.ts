/**
 * The CLI's option table: every flag of every command, declared once, typed against the library's
 * settings. The rows for the library's settings are checked by `satisfies` clauses: a setting added
 * to CellSettings, SharedSettings, ModelOptions, SamplingOptions or LoadOptions without a row here
 * is a compile error. Defaults come from the library's own constants (DEFAULT_SWEEP, DEFAULT_SHARED,
 * DEFAULT_SAMPLING, DEFAULT_LOAD_OPTIONS), never from a second copy.
 *
 * How to add a flag (one declarative entry):
 * 1. A library setting: add the field to its settings type and default constant, then one row to
 *    CELL_ROWS (sweepable, also becomes a `<list>` flag of `run` through SWEEP_ROWS), SHARED_ROWS or
 *    LOAD_ROWS, e.g.
 *      `emptySentences: { flag: '--empty-sentences', value: '<mode>', description: 'keep | drop',
 *        parse: oneOf(EMPTY_MODES), fallback: DEFAULT_LOAD_OPTIONS.emptySentences }`.
 *    The key is commander's attribute name of the flag (`--empty-sentences` -> `emptySentences`;
 *    declareOptions refuses a mismatch). Commands that spread those rows (`...LOAD_ROWS`) get it; the
 *    run config file accepts it as a key; `--print-config` prints it if printableConfig lists it.
 * 2. A flag of one command only (an output file, a switch): one row in that command's table below
 *    (RUN_OPTIONS, GENERATE_OPTIONS, ...), e.g. `measureTokens: { flag: '--measure-tokens', value:
 *    '<n>', description: '...', parse: integerIn(1) }`; read it in the command's `resolve`.
 * 3. A new command: a table here and a CommandSpec in src/cli/commands/NAME.ts (see generate.ts).
 * Then add a row to test/cli/options.test.ts (argv -> settings, and a bad value with its message)
 * and the flag to README's table of the command.
 */

import { DEFAULT_LOAD_OPTIONS, type LoadOptions } from '../corpus/loadCorpus.js';
import { SENTENCE_MODES, TOKENIZER_NAMES } from '../corpus/tokenizers.js';
import { DEFAULT_SAMPLING, SMOOTHING_NAMES, VOCAB_MODES, type ModelOptions, type SamplingOptions } from '../model/languageModel.js';
import { DEFAULT_SHARED, DEFAULT_SWEEP, HUMAN_POOLS, STRATEGIES, type CellSettings, type SharedSettings, type SweepSettings } from '../simulation/settings.js';
import { parseShard, WHOLE_RUN } from '../simulation/shard.js';
import type { AnyOption, ManyOption, SwitchOption, ValueOption } from './optionTable.js';
import { integerIn, listOf, numberIn, oneOf, path, text, type Parse } from './parseValues.js';

/** Default of --max-tokens: the memory guard of the CLI (the library has none by default). */
export const DEFAULT_MAX_TOKENS = 200_000_000;

const ratio = numberIn(0, 1);
const positive = numberIn(0, Number.POSITIVE_INFINITY, true);

/** One cell's settings, single-valued (generate, train); `run` takes them as lists (SWEEP_ROWS). */
export const CELL_ROWS = {
  humanRatio: { flag: '--human-ratio', value: '<ratio>', description: 'share of human tokens in each batch, 0..1', parse: ratio },
  strategy: { flag: '--strategy', value: '<name>', description: `training data: ${STRATEGIES.join(' | ')}`, parse: oneOf(STRATEGIES) },
  humanPool: { flag: '--human-pool', value: '<name>', description: 'fixed: the same human sentences each generation; fresh: a new sample', parse: oneOf(HUMAN_POOLS) },
  anchor: { flag: '--anchor', value: '<n>', description: 'fixed human sentences added to every training set', parse: integerIn(0) },
  order: { flag: '--order', value: '<n>', description: 'n-gram order n >= 1', parse: integerIn(1, 10), fallback: DEFAULT_SWEEP.order[0]! },
  smoothing: { flag: '--smoothing', value: '<name>', description: SMOOTHING_NAMES.join(' | '), parse: oneOf(SMOOTHING_NAMES), fallback: DEFAULT_SWEEP.smoothing[0]! },
  vocab: { flag: '--vocab', value: '<mode>', description: 'observed: only what the training data holds; seed: the seed vocabulary', parse: oneOf(VOCAB_MODES), fallback: DEFAULT_SWEEP.vocab[0]! },
  temperature: { flag: '--temperature', value: '<t>', description: 'sampling temperature > 0', parse: positive, fallback: DEFAULT_SAMPLING.temperature },
  topK: { flag: '--top-k', value: '<k>', description: 'keep the k most probable next tokens; 0 = off', parse: integerIn(0), fallback: DEFAULT_SAMPLING.topK },
  topP: { flag: '--top-p', value: '<p>', description: 'nucleus sampling mass, 0 < p <= 1; 1 = off', parse: numberIn(0, 1, true), fallback: DEFAULT_SAMPLING.topP },
} as const satisfies { readonly [K in keyof CellSettings]-?: ValueOption<CellSettings[K]> };

type SweepRow<K extends keyof CellSettings> = ValueOption<SweepSettings[K]> & { readonly fallback: SweepSettings[K] };
type SweepRows = { readonly [K in keyof CellSettings]: SweepRow<K> };

/** A cell row as `run` takes it: a comma-separated list, defaulting to DEFAULT_SWEEP. */
function sweepRow<K extends keyof CellSettings>(key: K): SweepRow<K> {
  const row = CELL_ROWS[key] as ValueOption<CellSettings[K]>;
  return { flag: row.flag, value: '<list>', description: `${row.description} (list)`, parse: listOf(row.parse) as Parse<SweepSettings[K]>, fallback: DEFAULT_SWEEP[key] };
}

export const SWEEP_ROWS: SweepRows = {
  humanRatio: sweepRow('humanRatio'),
  strategy: sweepRow('strategy'),
  humanPool: sweepRow('humanPool'),
  anchor: sweepRow('anchor'),
  order: sweepRow('order'),
  smoothing: sweepRow('smoothing'),
  vocab: sweepRow('vocab'),
  temperature: sweepRow('temperature'),
  topK: sweepRow('topK'),
  topP: sweepRow('topP'),
};

export const SHARED_ROWS = {
  generations: { flag: '--generations', value: '<n>', description: 'generations after the seed', parse: integerIn(1, 100_000), fallback: DEFAULT_SHARED.generations },
  tokens: { flag: '--tokens', value: '<n>', description: 'tokens per generation (default: tokens of the human pool)', parse: integerIn(1) },
  k: { flag: '--k', value: '<k>', description: 'add-k constant, > 0', parse: positive, fallback: DEFAULT_SHARED.k },
  holdout: { flag: '--holdout', value: '<share>', description: 'held-out share of sentences, 0 <= h < 1 (0 disables held-out metrics)', parse: numberIn(0, 1, false, true), fallback: DEFAULT_SHARED.holdout },
  rareThreshold: { flag: '--rare-threshold', value: '<n>', description: 'a seed type is rare if its count in H is <= n', parse: integerIn(1), fallback: DEFAULT_SHARED.rareThreshold },
  maxSentenceLength: { flag: '--max-sentence-length', value: '<n>', description: 'cap on a sampled sentence, in tokens', parse: integerIn(1, 1_000_000), fallback: DEFAULT_SHARED.maxSentenceLength },
  replicates: { flag: '--replicates', value: '<n>', description: 'replicates per cell', parse: integerIn(1, 100_000), fallback: DEFAULT_SHARED.replicates },
  seed: { flag: '--seed', value: '<n>', description: 'seed of every random draw', parse: integerIn(0), fallback: DEFAULT_SHARED.seed },
} as const satisfies { readonly [K in keyof SharedSettings]-?: ValueOption<NonNullable<SharedSettings[K]>> };

/** The loader's options that a user sets (standard input, folder and warnings come from the CLI). */
export type LoadFlags = Omit<LoadOptions, 'stdin' | 'cwd' | 'onWarning'>;

export const LOAD_ROWS = {
  tokenizer: { flag: '--tokenizer', value: '<name>', description: TOKENIZER_NAMES.join(' | '), parse: oneOf(TOKENIZER_NAMES), fallback: DEFAULT_LOAD_OPTIONS.tokenizer, fallbackText: `${DEFAULT_LOAD_OPTIONS.tokenizer}; brown keeps its own tokens` },
  lowercase: { flag: '--lowercase', description: 'lowercase the text (default)', negation: { description: 'keep the case of the text' }, fallback: DEFAULT_LOAD_OPTIONS.lowercase },
  sentences: { flag: '--sentences', value: '<mode>', description: "auto: natural's sentence tokenizer; line: one sentence per line", parse: oneOf(SENTENCE_MODES), fallback: DEFAULT_LOAD_OPTIONS.sentences },
  jsonlField: { flag: '--jsonl-field', value: '<name>', description: 'read JSON Lines and take the text from this field (default for .jsonl files: text)', parse: path },
  maxTokens: { flag: '--max-tokens', value: '<n>', description: 'refuse corpora larger than this', parse: integerIn(1), fallback: DEFAULT_MAX_TOKENS },
} as const satisfies { readonly [K in keyof LoadFlags]-?: LoadFlags[K] extends boolean ? SwitchOption : ValueOption<NonNullable<LoadFlags[K]>> };

/** Keeps the flag but drops the default (the command decides it, e.g. a recipe's own scale). */
function noFallback<Row extends ValueOption<unknown> | ManyOption<unknown>>(row: Row, shown: string): Omit<Row, 'fallback'> {
  const { fallback: _, ...rest } = row;
  return { ...rest, fallbackText: shown };
}

const corpus = { flag: '--corpus', value: '<spec...>', description: 'a file, a folder, a glob, - for stdin, or brown / brown:<category> (repeatable)', many: true, parse: text, fallback: ['brown'] } as const satisfies ManyOption<string>;
const quiet = { flag: '--quiet', description: 'print nothing but errors' } as const satisfies SwitchOption;
const optionalFile = (flag: string, value: string, description: string) => ({ flag, value, description, parse: path }) as const satisfies ValueOption<string>;

export const RUN_OPTIONS = {
  corpus,
  ...SWEEP_ROWS,
  ...SHARED_ROWS,
  ...LOAD_ROWS,
  out: { flag: '--out', value: '<file>', description: 'curves CSV, - for stdout', parse: path, fallback: 'curves.csv' },
  summary: optionalFile('--summary', '<file>', 'per cell, generation and metric: n, mean, sd and 95% CI (Student t) across replicates'),
  extinctions: optionalFile('--extinctions', '<file>', 'per cell, replicate and seed type: last seen, first absent, comebacks'),
  saveCorpora: optionalFile('--save-corpora', '<dir>', "write each generation's synthetic text (one sentence per line) and a manifest.json"),
  report: optionalFile('--report', '<file>', 'write the HTML report of the curves (as `plot --out`) when the run ends'),
  sentencePerplexities: optionalFile('--sentence-perplexities', '<file>', 'per cell, replicate, generation and sentence: its perplexity under M0 (H at generation 0)'),
  workers: { flag: '--workers', value: '<n>', description: 'worker threads', parse: integerIn(1, 1024), fallbackText: 'one per core' },
  shard: { flag: '--shard', value: '<i/n>', description: 'run only the i-th of n deterministic shares of the (cell, replicate) series (join with merge)', parse: parseShard, fallback: WHOLE_RUN, fallbackText: null },
  resume: { flag: '--resume', description: 'continue the interrupted run whose --out CSV exists (same settings required)' },
  config: optionalFile('--config', '<file>', 'read options from a JSON file (flags given here win)'),
  printConfig: { flag: '--print-config', description: 'print the resolved configuration as JSON (usable with --config) and exit' },
  quiet,
} as const satisfies Readonly<Record<string, AnyOption>>;

/** The run options a config file may not set: they say how to treat the command line itself. */
export const COMMAND_LINE_ONLY = ['config', 'printConfig', 'resume'] as const;

export const GENERATE_OPTIONS = {
  corpus,
  count: { flag: '--count', short: '-n', value: '<n>', description: 'sentences to print', parse: integerIn(1, 1_000_000), fallback: 10 },
  order: CELL_ROWS.order,
  smoothing: CELL_ROWS.smoothing,
  k: SHARED_ROWS.k,
  vocab: CELL_ROWS.vocab,
  temperature: CELL_ROWS.temperature,
  topK: CELL_ROWS.topK,
  topP: CELL_ROWS.topP,
  maxSentenceLength: SHARED_ROWS.maxSentenceLength,
  seed: SHARED_ROWS.seed,
  ...LOAD_ROWS,
} as const satisfies Readonly<Record<string, AnyOption>>;

export const TRAIN_OPTIONS = {
  corpus,
  order: CELL_ROWS.order,
  smoothing: CELL_ROWS.smoothing,
  k: SHARED_ROWS.k,
  vocab: CELL_ROWS.vocab,
  arpa: optionalFile('--arpa', '<file>', 'write the model in ARPA format (not for add-k, which is not a back-off model)'),
  eval: { flag: '--eval', value: '<spec...>', many: true, description: 'score this text: perplexity, cross-entropy (bits), OOV rate, tokens', parse: path },
  json: { flag: '--json', description: 'print one JSON object' },
  ...LOAD_ROWS,
} as const satisfies Readonly<Record<string, AnyOption>>;

export const METRICS_OPTIONS = {
  reference: { flag: '--reference', value: '<spec>', description: 'the human reference for survival and overlap columns', parse: path, fallbackText: 'the first text' },
  rareThreshold: { ...SHARED_ROWS.rareThreshold, description: 'a reference type is rare if its count is <= n' },
  out: { flag: '--out', value: '<file>', description: 'CSV output, - for stdout', parse: path, fallback: '-' },
  ...LOAD_ROWS,
} as const satisfies Readonly<Record<string, AnyOption>>;

export const RECIPE_OPTIONS = {
  corpus: noFallback(corpus, "the recipe's"),
  out: { flag: '--out', value: '<dir>', description: 'folder for the outputs', parse: path, fallbackText: 'recipe-NAME' },
  generations: noFallback(SHARED_ROWS.generations, "the recipe's"),
  replicates: noFallback(SHARED_ROWS.replicates, "the recipe's"),
  seed: SHARED_ROWS.seed,
  quiet,
  ...LOAD_ROWS,
} as const satisfies Readonly<Record<string, AnyOption>>;

export const PLOT_OPTIONS = {
  summary: optionalFile('--summary', '<file>', 'summary CSV written by `run --summary`: draw its means and 95% intervals'),
  out: optionalFile('--out', '<file>', 'write the HTML report to this file, e.g. report.html'),
  svg: optionalFile('--svg', '<dir>', 'write one SVG chart per metric, plus survival_bands.svg, into this folder'),
  metrics: { flag: '--metrics', value: '<list>', description: 'comma-separated metrics to chart, in this order', parse: text, fallbackText: 'every metric column' },
  title: { flag: '--title', value: '<text>', description: 'title of the HTML report', parse: text },
} as const satisfies Readonly<Record<string, AnyOption>>;

export const MERGE_OPTIONS = {
  out: { flag: '--out', value: '<file>', description: 'merged curves CSV, - for stdout', parse: path, fallback: 'merged.csv' },
  summary: optionalFile('--summary', '<file>', 'also write the summary (n, mean, sd, 95% CI) of the merged rows'),
  quiet,
} as const satisfies Readonly<Record<string, AnyOption>>;

// Compile-time checks: the model's and the sampler's options each have a flag in generate and train.
type Missing<Settings, Table> = Exclude<keyof Settings, keyof Table>;
const modelFlags: [Missing<Omit<ModelOptions, 'idSpace' | 'seedTypes'>, typeof TRAIN_OPTIONS>] extends [never] ? true : never = true;
const samplingFlags: [Missing<SamplingOptions, typeof GENERATE_OPTIONS>] extends [never] ? true : never = true;
void modelFlags;
void samplingFlags;
