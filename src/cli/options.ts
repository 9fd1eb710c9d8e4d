/**
 * The CLI's option table: every flag of every command, declared once, typed against the library's
 * settings. The rows for the library's settings are checked by `satisfies` clauses: a setting added
 * to CellSettings, SharedSettings, ModelOptions, SamplingOptions or the loader's options without a
 * row here is a compile error. Ranges and messages are the library's rules (CELL_RULES,
 * SHARED_RULES, LOAD_RULES, SAMPLING_RULES through `fromRule`); defaults come from the library's own
 * constants (DEFAULT_SWEEP, DEFAULT_SHARED, DEFAULT_SAMPLING, DEFAULT_LOAD_OPTIONS), never a copy.
 * Pure data: no commander, no node: imports (the browser playground reads the run rows).
 *
 * How to add a flag (one declarative entry):
 * 1. A library setting: add the field to its settings type, rule and default constant, then one row
 *    to CELL_ROWS (sweepable; `run` takes it as a `<list>` through SWEEP_ROWS), SHARED_ROWS or
 *    LOAD_ROWS. The key is the flag's attribute name (`--empty-sentences` -> `emptySentences`;
 *    declareOptions refuses a mismatch). Commands that spread those rows get it; the run config file
 *    accepts it as a key; `--print-config` prints it.
 * 2. A flag of one command only (an output file, a switch): one row in that command's table below;
 *    read it in the command's `resolve` (or action).
 * Then add a row to test/cli/options.test.ts and the flag to README's section of the command.
 */

import { DEFAULT_LOAD_OPTIONS, type LoadOptions } from '../corpus/loadOptions.js';
import { LOAD_RULES } from '../corpus/loadOptions.js';
import { TOKENIZER_NAMES } from '../corpus/tokenizers.js';
import { RARE_THRESHOLD_RULE } from '../metrics/seedReference.js';
import { SMOOTHING_NAMES, type ModelOptions } from '../model/languageModel.js';
import { DEFAULT_SAMPLING, type SamplingOptions } from '../sampler/sampling.js';
import { formatSelectRule, parseSelectRule, SELECT_FORMS } from '../simulation/curation.js';
import { DEFAULT_SHARED, DEFAULT_SWEEP, STRATEGIES, type CellSettings, type SharedSettings, type SweepSettings } from '../simulation/settings.js';
import { parseShard, WHOLE_RUN } from '../simulation/shard.js';
import { DEFAULT_MAX_TOKENS } from '../simulation/tokenGuards.js';
import { CELL_RULES, MAX_GENERATIONS, SHARED_RULES, WORKERS_RULE } from '../simulation/validateSettings.js';
import { MIN_RECIPE_GENERATIONS } from '../recipes/recipe.js';
import type { AnyOption, ManyOption, SwitchOption, ValueOption } from './optionRow.js';
import { fromRule, integerIn, listOf, nonBlankText, text, tokenizerValue, type Parse } from './parseValues.js';

/** Default of --max-tokens: the memory guard of the CLI and the playground (the library has none by default). */
export { DEFAULT_MAX_TOKENS };

/** A --select rule, written back in its canonical form (m0:low:0.80 -> m0:low:0.8). */
const selectRule: Parse<string> = (raw, flag) => formatSelectRule(parseSelectRule(raw, flag));

/** One cell's settings, single-valued (generate, train); `run` takes them as lists (SWEEP_ROWS). */
export const CELL_ROWS = {
  humanRatio: { flag: '--human-ratio', value: '<ratio>', description: 'share of human tokens in each batch, 0..1', parse: fromRule(CELL_RULES.humanRatio), fallback: DEFAULT_SWEEP.humanRatio[0]! },
  strategy: { flag: '--strategy', value: '<name>', description: `training data: ${STRATEGIES.join(' | ')}`, parse: fromRule(CELL_RULES.strategy), fallback: DEFAULT_SWEEP.strategy[0]! },
  humanPool: { flag: '--human-pool', value: '<name>', description: 'fixed: the same human sentences each generation; fresh: a new sample', parse: fromRule(CELL_RULES.humanPool), fallback: DEFAULT_SWEEP.humanPool[0]! },
  anchor: { flag: '--anchor', value: '<n>', description: 'fixed human sentences added to every training set, >= 0', parse: fromRule(CELL_RULES.anchor), fallback: DEFAULT_SWEEP.anchor[0]! },
  order: { flag: '--order', value: '<n>', description: 'n-gram order, 1..10', parse: fromRule(CELL_RULES.order), fallback: DEFAULT_SWEEP.order[0]! },
  smoothing: { flag: '--smoothing', value: '<name>', description: SMOOTHING_NAMES.join(' | '), parse: fromRule(CELL_RULES.smoothing), fallback: DEFAULT_SWEEP.smoothing[0]! },
  vocab: { flag: '--vocab', value: '<mode>', description: 'observed: only what the training data holds; seed: the seed vocabulary', parse: fromRule(CELL_RULES.vocab), fallback: DEFAULT_SWEEP.vocab[0]! },
  temperature: { flag: '--temperature', value: '<t>', description: 'sampling temperature > 0', parse: fromRule(CELL_RULES.temperature), fallback: DEFAULT_SAMPLING.temperature },
  topK: { flag: '--top-k', value: '<k>', description: 'keep the k most probable next tokens; 0 = off', parse: fromRule(CELL_RULES.topK), fallback: DEFAULT_SAMPLING.topK },
  topP: { flag: '--top-p', value: '<p>', description: 'nucleus sampling mass, 0 < p <= 1; 1 = off', parse: fromRule(CELL_RULES.topP), fallback: DEFAULT_SAMPLING.topP },
  select: { flag: '--select', value: '<rule>', description: `curate the synthetic share before training: ${SELECT_FORMS}`, parse: selectRule, fallback: DEFAULT_SWEEP.select[0]! },
  tokensGrowth: { flag: '--tokens-growth', value: '<r>', description: "generation g's batch holds round(N * R^(g-1)) tokens, 0 < R <= 10", parse: fromRule(CELL_RULES.tokensGrowth), fallback: DEFAULT_SWEEP.tokensGrowth[0]! },
} as const satisfies { readonly [K in keyof CellSettings]-?: ValueOption<CellSettings[K]> & { readonly fallback: CellSettings[K] } };

export type SweepRow<K extends keyof CellSettings> = ValueOption<SweepSettings[K]> & { readonly fallback: SweepSettings[K] };
type SweepRows = { readonly [K in keyof CellSettings]: SweepRow<K> };

/** A cell row as `run` takes it: a comma-separated list (duplicates refused), defaulting to DEFAULT_SWEEP. */
function sweepRow<K extends keyof CellSettings>(key: K): SweepRow<K> {
  const row = CELL_ROWS[key] as ValueOption<CellSettings[K]>;
  return { flag: row.flag, value: '<list>', description: `${row.description} (list)`, parse: listOf(row.parse) as Parse<SweepSettings[K]>, fallback: DEFAULT_SWEEP[key] };
}

/** The sweepable settings of `run`, in the order of its help (and of the config keys). */
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
  select: sweepRow('select'),
  tokensGrowth: sweepRow('tokensGrowth'),
};

export const SHARED_ROWS = {
  generations: { flag: '--generations', value: '<n>', description: 'generations after the seed, 1..100000', parse: fromRule(SHARED_RULES.generations), fallback: DEFAULT_SHARED.generations },
  tokens: { flag: '--tokens', value: '<n>', description: 'tokens per generation, >= 1 (default: tokens of the human pool)', parse: fromRule(SHARED_RULES.tokens) },
  measureTokens: {
    flag: '--measure-tokens',
    value: '<n>',
    description: 'tokens of the text each row measures: the synthetic share topped up from the same model, >= 1 (default: --tokens)',
    parse: fromRule(SHARED_RULES.measureTokens),
  },
  k: { flag: '--k', value: '<k>', description: 'add-k constant, > 0', parse: fromRule(SHARED_RULES.k), fallback: DEFAULT_SHARED.k },
  holdout: { flag: '--holdout', value: '<share>', description: 'held-out share of sentences, 0 <= h < 1 (0 disables held-out metrics)', parse: fromRule(SHARED_RULES.holdout), fallback: DEFAULT_SHARED.holdout },
  rareThreshold: { flag: '--rare-threshold', value: '<n>', description: 'a seed type is rare if its count in H is <= n, n >= 1', parse: fromRule(SHARED_RULES.rareThreshold), fallback: DEFAULT_SHARED.rareThreshold },
  maxSentenceLength: { flag: '--max-sentence-length', value: '<n>', description: 'cap on a sampled sentence, in tokens, 1..1000000', parse: fromRule(SHARED_RULES.maxSentenceLength), fallback: DEFAULT_SHARED.maxSentenceLength },
  replicates: { flag: '--replicates', value: '<n>', description: 'replicates per cell, 1..100000', parse: fromRule(SHARED_RULES.replicates), fallback: DEFAULT_SHARED.replicates },
  seed: { flag: '--seed', value: '<n>', description: 'seed of every random draw, 0..9007199254740991 (2^53 - 1)', parse: fromRule(SHARED_RULES.seed), fallback: DEFAULT_SHARED.seed },
} as const satisfies { readonly [K in keyof SharedSettings]-?: ValueOption<NonNullable<SharedSettings[K]>> };

/**
 * The loader's options that a user sets (standard input, folder, callbacks and merges come from the
 * CLI; brownCache, which changes no output, is the library's only).
 */
export type LoadFlags = Omit<LoadOptions, 'stdin' | 'cwd' | 'onWarning' | 'onProgress' | 'subwordTraining' | 'bpeMerges' | 'brownCache'>;

/**
 * The corpus flags of every command that reads a corpus. No fallback for lowercase (it depends on the
 * tokenizer: lowercasesByDefault) nor normalize (a switch for the loader's 'NFC' | 'none').
 */
export const LOAD_ROWS = {
  tokenizer: {
    flag: '--tokenizer',
    value: '<name>',
    description: TOKENIZER_NAMES.join(' | '),
    parse: tokenizerValue,
    fallback: DEFAULT_LOAD_OPTIONS.tokenizer,
    fallbackText: `${DEFAULT_LOAD_OPTIONS.tokenizer}; brown keeps its own tokens, which char and subword tokenizers cut`,
  },
  lowercase: {
    flag: '--lowercase',
    description: 'lowercase the text (default for word-level tokenizers)',
    negation: { description: 'keep the case of the text (default for subword tokenizers: gpt2, cl100k, o200k, bpe:K)' },
  },
  sentences: {
    flag: '--sentences',
    value: '<mode>',
    description: 'auto: sentence rules, and line ends where the text is not wrapped prose; line: one sentence per line',
    parse: fromRule(LOAD_RULES.sentences),
    fallback: DEFAULT_LOAD_OPTIONS.sentences,
  },
  emptySentences: { flag: '--empty-sentences', description: 'with --sentences line: a blank line is an empty sentence (as in --save-corpora files)' },
  jsonlField: { flag: '--jsonl-field', value: '<name>', description: 'read JSON Lines and take the text from this field (default for .jsonl files: text)', parse: nonBlankText },
  normalize: {
    flag: '--normalize',
    description: 'normalize the text to Unicode NFC when read (default)',
    negation: { description: 'keep the text as it is instead of Unicode NFC (composed accents)' },
  },
  maxTokens: { flag: '--max-tokens', value: '<n>', description: 'refuse corpora larger than this, >= 1', parse: fromRule(LOAD_RULES.maxTokens), fallback: DEFAULT_MAX_TOKENS },
} as const satisfies {
  readonly [K in keyof LoadFlags]-?: K extends 'normalize' ? SwitchOption : NonNullable<LoadFlags[K]> extends boolean ? SwitchOption : ValueOption<NonNullable<LoadFlags[K]>>;
};

/** Keeps the flag but drops the default (the command decides it, e.g. a recipe's own scale). */
function noFallback<Row extends ValueOption<unknown> | ManyOption<unknown>>(row: Row, shown: string | null): Omit<Row, 'fallback'> {
  const { fallback: _, ...rest } = row;
  return { ...rest, fallbackText: shown };
}

const corpus = {
  flag: '--corpus',
  value: '<spec...>',
  description: 'a file, a folder, a glob, - for stdin, or brown / brown:<category> (repeatable)',
  many: true,
  parse: text,
  file: true,
  fallback: ['brown'],
} as const satisfies ManyOption<string>;
const quiet = { flag: '--quiet', description: 'print nothing but errors' } as const satisfies SwitchOption;
/** --quiet of the commands whose output is what they print: the loader's warnings go, the output stays. */
const quietWarnings = { flag: '--quiet', description: "print no warnings (the command's output stays)" } as const satisfies SwitchOption;
const optionalFile = <Flag extends string>(flag: Flag, value: string, description: string) => ({ flag, value, description, parse: text, file: true }) as const satisfies ValueOption<string>;

export const RUN_OPTIONS = {
  corpus,
  ...SWEEP_ROWS,
  ...SHARED_ROWS,
  ...LOAD_ROWS,
  // a --config file may set these switches: the negation turns one off again from the command line
  emptySentences: { ...LOAD_ROWS.emptySentences, negation: { description: 'a blank line ends a sentence and is no sentence (the default; undoes "emptySentences": true of --config)' } },
  out: { flag: '--out', value: '<file>', description: 'curves CSV, - for stdout', parse: text, file: true, fallback: 'curves.csv' },
  summary: optionalFile('--summary', '<file>', 'per cell, generation and metric: n, mean, sd and 95% CI (Student t) across replicates'),
  extinctions: optionalFile('--extinctions', '<file>', 'per cell, replicate and seed type: last seen, first absent, comebacks'),
  survival: optionalFile('--survival', '<file>', 'Kaplan-Meier survival of the seed types by seed-count band, per cell, with the survival law where it applies'),
  saveCorpora: optionalFile('--save-corpora', '<dir>', "write the text each row measured (one sentence per line; the batch's synthetic share first) and a manifest.json"),
  report: optionalFile('--report', '<file>', 'write the HTML report of the curves (as `plot --out`; with --summary, as `plot --summary` of it) when the run ends'),
  sentencePerplexities: optionalFile('--sentence-perplexities', '<file>', 'per cell, replicate, generation and sentence: its perplexity under M0 (H at generation 0)'),
  workers: { flag: '--workers', value: '<n>', description: 'threads that run series (this one and n - 1 worker threads), 1..1024', parse: fromRule(WORKERS_RULE), fallbackText: 'one per core; 1 for a small run' },
  shard: {
    flag: '--shard',
    value: '<i/n>',
    description: 'run only the i-th of n deterministic shares of the (cell, replicate) series (join with merge)',
    parse: (raw: string, flag: string) => parseShard(raw, flag),
    fallback: WHOLE_RUN,
    fallbackText: null,
  },
  quiet: { ...quiet, negation: { description: 'print the table, progress and warnings (the default; undoes "quiet": true of --config)' } },
  resume: { flag: '--resume', description: 'continue the interrupted run whose --out CSV exists (same settings required)' },
  config: optionalFile('--config', '<file>', 'read options from a JSON file (flags given here win)'),
  printConfig: { flag: '--print-config', description: 'print the resolved configuration as JSON (usable with --config) and exit' },
} as const satisfies Readonly<Record<string, AnyOption>>;

/** The run options a config file may not set: they say how to treat the command line itself. */
export const COMMAND_LINE_ONLY = ['config', 'printConfig', 'resume'] as const;

/** --vocab of train and generate: the training text is the seed there, so both modes give one model. */
const vocabOfOneModel = { ...CELL_ROWS.vocab, description: 'observed or seed: the same model here, where the training text is the seed (they differ in run)' };

export const GENERATE_OPTIONS = {
  corpus,
  count: { flag: '--count', short: '-n', value: '<n>', description: 'sentences to print, 1..1000000', parse: integerIn(1, 1_000_000), fallback: 10 },
  order: CELL_ROWS.order,
  smoothing: CELL_ROWS.smoothing,
  k: SHARED_ROWS.k,
  vocab: vocabOfOneModel,
  temperature: CELL_ROWS.temperature,
  topK: CELL_ROWS.topK,
  topP: CELL_ROWS.topP,
  maxSentenceLength: SHARED_ROWS.maxSentenceLength,
  seed: SHARED_ROWS.seed,
  quiet: quietWarnings,
  ...LOAD_ROWS,
} as const satisfies Readonly<Record<string, AnyOption>>;

export const TRAIN_OPTIONS = {
  corpus,
  order: CELL_ROWS.order,
  smoothing: CELL_ROWS.smoothing,
  k: SHARED_ROWS.k,
  vocab: vocabOfOneModel,
  arpa: optionalFile('--arpa', '<file>', 'write the model in ARPA format, - for stdout (not for add-k, which is not a back-off model)'),
  eval: { flag: '--eval', value: '<spec...>', many: true, description: 'score this text: perplexity, cross-entropy (bits), OOV rate, tokens', parse: text, file: true },
  json: { flag: '--json', description: 'print one JSON object' },
  quiet: quietWarnings,
  ...LOAD_ROWS,
} as const satisfies Readonly<Record<string, AnyOption>>;

export const METRICS_OPTIONS = {
  reference: { flag: '--reference', value: '<spec>', description: 'the human reference for survival and overlap columns', parse: text, file: true, fallbackText: 'the first text' },
  rareThreshold: { flag: '--rare-threshold', value: '<n>', description: 'a reference type is rare if its count is <= n, n >= 1', parse: fromRule(RARE_THRESHOLD_RULE), fallback: DEFAULT_SHARED.rareThreshold },
  out: { flag: '--out', value: '<file>', description: 'CSV output, - for stdout', parse: text, file: true, fallback: '-' },
  quiet: quietWarnings,
  ...LOAD_ROWS,
} as const satisfies Readonly<Record<string, AnyOption>>;

export const RECIPE_OPTIONS = {
  corpus: noFallback(corpus, "the recipe's"),
  out: { flag: '--out', value: '<dir>', description: 'folder for the outputs', parse: text, file: true, fallbackText: 'recipe-NAME' },
  // (2 or more, said in the help: it said 1..100000 and refused 1, a recipe compares generations: audit)
  generations: {
    ...noFallback(SHARED_ROWS.generations, "the recipe's"),
    description: `generations after the seed, ${MIN_RECIPE_GENERATIONS}..${MAX_GENERATIONS}`,
    parse: integerIn(MIN_RECIPE_GENERATIONS, MAX_GENERATIONS),
  },
  replicates: noFallback(SHARED_ROWS.replicates, "the recipe's"),
  seed: SHARED_ROWS.seed,
  quiet,
  ...LOAD_ROWS,
} as const satisfies Readonly<Record<string, AnyOption>>;

export const TOKENIZE_OPTIONS = {
  corpus: noFallback(corpus, null),
  out: { flag: '--out', value: '<file>', description: 'output file, - for stdout', parse: text, file: true, fallback: '-' },
  pieces: { flag: '--pieces', description: "subword tokenizers: print words separated by spaces, each word's pieces joined by \u00b7" },
  quiet: { flag: '--quiet', description: 'print no summary, progress or warnings' },
  ...LOAD_ROWS,
} as const satisfies Readonly<Record<string, AnyOption>>;

export const PLOT_OPTIONS = {
  summary: optionalFile('--summary', '<file>', 'summary CSV written by `run --summary`: draw its means and 95% intervals (and the survival law, dashed)'),
  survival: optionalFile('--survival', '<file>', 'survival CSV written by `run --survival`: add the Kaplan-Meier chart'),
  out: optionalFile('--out', '<file>', 'write the HTML report to this file, e.g. report.html'),
  svg: optionalFile('--svg', '<dir>', 'write one SVG chart per metric into this folder, plus survival_bands.svg (unless --metrics names no survival_* band) and kaplan_meier.svg (with --survival)'),
  metrics: { flag: '--metrics', value: '<list>', description: 'comma-separated metrics to chart, in this order', parse: listOf(text, 'vocab_retention,entropy_bits'), fallbackText: 'every metric column' },
  title: { flag: '--title', value: '<text>', description: 'title of the HTML report', parse: nonBlankText },
} as const satisfies Readonly<Record<string, AnyOption>>;

export const MERGE_OPTIONS = {
  out: { flag: '--out', value: '<file>', description: 'merged curves CSV, - for stdout', parse: text, file: true, fallback: 'merged.csv' },
  summary: optionalFile('--summary', '<file>', 'also write the summary (n, mean, sd, 95% CI) of the merged rows'),
  quiet,
} as const satisfies Readonly<Record<string, AnyOption>>;

export const PLAYGROUND_OPTIONS = {
  out: { flag: '--out', value: '<file>', description: 'the HTML file to write', parse: text, file: true, fallback: 'playground.html' },
  // The default corpora (DEFAULT_PLAYGROUND_CORPORA, playground/embeddedCorpus.ts) are shown by commands/playground.ts.
  corpus: { ...noFallback(corpus, null), description: 'corpora to embed: brown:<category>, a file, a folder or a glob' },
} as const satisfies Readonly<Record<string, AnyOption>>;

// Compile-time checks: the model's and the sampler's options each have a flag in generate and train.
type Missing<Settings, Table> = Exclude<keyof Settings, keyof Table>;
const modelFlags: [Missing<Omit<ModelOptions, 'idSpace' | 'seedTypes'>, typeof TRAIN_OPTIONS>] extends [never] ? true : never = true;
const modelFlagsOfGenerate: [Missing<Omit<ModelOptions, 'idSpace' | 'seedTypes'>, typeof GENERATE_OPTIONS>] extends [never] ? true : never = true;
const samplingFlags: [Missing<SamplingOptions, typeof GENERATE_OPTIONS>] extends [never] ? true : never = true;
const loadFlagsOfRun: [Missing<LoadFlags, typeof RUN_OPTIONS>] extends [never] ? true : never = true;
void modelFlags;
void modelFlagsOfGenerate;
void samplingFlags;
void loadFlagsOfRun;
