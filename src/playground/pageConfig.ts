/**
 * The playground's settings <-> the `--config` JSON of `ngram-collapse run`, as a pure module.
 *
 * Contract: `PageSettings` is what the page's controls hold: every value as the text a user types
 * (lists as `0,0.1`), `lowercase` as a boolean. `pageConfig(state)` is the config object the CLI's
 * `--config` reads (camelCase keys, lists as JSON arrays of numbers or names, scalars as numbers);
 * `resolvePageConfig(json)` validates such an object with the CLI's own code (configObject.ts and
 * the option table, options.ts) and returns the controls' state, the RunSettings and the loader's options, or throws
 * the CLI's UsageError. `configHash` / `configFromHash` put the config in the address
 * (`#config=` + URL-encoded JSON); `commandLine` is the equivalent `ngram-collapse run` command.
 * Keys that name outputs or threads (out, summary, workers, ...) mean nothing in a page: they are
 * accepted, so a `--print-config` file works, and ignored; `shard` and a list of corpora are refused.
 */

import { configEntries, runSettingsFrom } from '../cli/configObject.js';
import type { ValueOption } from '../cli/optionRow.js';
import { LOAD_ROWS, SHARED_ROWS, SWEEP_ROWS } from '../cli/options.js';
import { repeatedKey } from '../cli/repeatedKey.js';
import { hugeJsonNumber, keyedText, roundedJsonNumber, tinyJsonNumber } from '../cli/tinyJsonNumber.js';
import { TOO_SMALL, tooLarge, tooSmallToHold } from '../validation/valueRule.js';
import { DEFAULT_TEXT_OPTIONS, type TextOptions } from '../corpus/readText.js';
import type { SentenceMode } from '../corpus/sentenceSplitter.js';
import { PUBLISHED_ENCODINGS } from '../corpus/subword/subwordNames.js';
import { lowercasesByDefault, WORD_TOKENIZER_NAMES, type TokenizerName } from '../corpus/tokenizers.js';
import { describeError, UsageError } from '../errors.js';
import { DEFAULT_RUN, type RunSettings, type SharedSettings, type SweepSettings } from '../simulation/settings.js';
import { optionWords, shellWord } from '../export/shellWord.js';

export type SweepKey = keyof SweepSettings;
export type ScalarKey = Exclude<keyof SharedSettings, never>;

export interface PageSettings {
  readonly corpus: string;
  /** Sweep lists and shared scalars as typed; '' = the CLI's default (only `tokens` has none). */
  readonly values: Readonly<Record<SweepKey | ScalarKey, string>>;
  readonly tokenizer: string;
  readonly sentences: string;
  readonly lowercase: boolean;
  /** '' = `text` for .jsonl files. */
  readonly jsonlField: string;
}

export interface ResolvedPage {
  readonly state: PageSettings;
  readonly settings: RunSettings;
  readonly load: TextOptions;
  /** The config object, normalised (what pageConfig(state) gives). */
  readonly config: Record<string, unknown>;
}

/** The page's sweep controls, in the CLI's order. */
export const SWEEP_KEYS = Object.keys(SWEEP_ROWS) as SweepKey[];
/** The page's scalar controls, in the CLI's order. */
export const SCALAR_KEYS = Object.keys(SHARED_ROWS) as ScalarKey[];

/** Settings that may stay empty (the library's default applies: N for both). */
export const OPTIONAL_SCALARS: readonly ScalarKey[] = ['tokens', 'measureTokens'];

/** Why the published encodings are not in the page (the bundle stubs them, see bundle.ts). */
export const PUBLISHED_IN_PAGE_MESSAGE = 'the published encodings (gpt2, cl100k, o200k) are not in the playground: their merge tables would add 4 MB to the page';

/** The tokenizers the page offers: the word-level ones and two sizes of learned BPE (any bpe:K works in #config=). */
export const PAGE_TOKENIZERS: readonly string[] = [...WORD_TOKENIZER_NAMES, 'bpe:500', 'bpe:4000'];

function isPublishedEncoding(name: string): boolean {
  return (PUBLISHED_ENCODINGS as readonly string[]).includes(name);
}

/** The CLI's option row of a control. */
function rowOf(key: SweepKey | ScalarKey): ValueOption<unknown> {
  return (SWEEP_ROWS as Readonly<Record<string, ValueOption<unknown>>>)[key] ?? (SHARED_ROWS as Readonly<Record<string, ValueOption<unknown>>>)[key]!;
}

/** The CLI's flag of a control (`--human-ratio`), for labels and messages. */
export function flagOf(key: SweepKey | ScalarKey): string {
  return rowOf(key).flag;
}

/** The description of a control, as `run --help` gives it. */
export function descriptionOf(key: SweepKey | ScalarKey): string {
  return rowOf(key).description;
}

/** The run defaults of the CLI, on a given corpus. */
export function defaultPageSettings(corpus: string): PageSettings {
  const values = {} as Record<SweepKey | ScalarKey, string>;
  for (const key of SWEEP_KEYS) values[key] = (DEFAULT_RUN.sweep[key] as readonly unknown[]).join(',');
  for (const key of SCALAR_KEYS) values[key] = DEFAULT_RUN[key] === undefined ? '' : String(DEFAULT_RUN[key]);
  return { corpus, values, tokenizer: DEFAULT_TEXT_OPTIONS.tokenizer, sentences: DEFAULT_TEXT_OPTIONS.sentences, lowercase: DEFAULT_TEXT_OPTIONS.lowercase, jsonlField: '' };
}

/**
 * A number typed as a number in the JSON, a name as a string; so is a number too small to be held, as
 * typed, which the config's check then refuses (as a number, 1e-400 went into the link and the command
 * line as 0: round 3).
 */
function jsonValue(text: string): number | string {
  const trimmed = text.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) && !tooSmallToHold(trimmed) ? Number(trimmed) : trimmed;
}

/** The controls' state -> the config object `--config` reads (not validated: see resolvePageConfig). */
export function pageConfig(state: PageSettings): Record<string, unknown> {
  const config: Record<string, unknown> = { corpus: [state.corpus] };
  for (const key of SWEEP_KEYS) config[key] = state.values[key].split(',').map(jsonValue);
  for (const key of SCALAR_KEYS) if (state.values[key].trim() !== '') config[key] = jsonValue(state.values[key]);
  config['tokenizer'] = state.tokenizer;
  config['lowercase'] = state.lowercase;
  config['sentences'] = state.sentences;
  // (a field of spaces is given, so refused as the CLI refuses it: it ran as if none were given: audit)
  if (state.jsonlField !== '') config['jsonlField'] = state.jsonlField;
  return config;
}

/** `config`, `printConfig` or `resume` in a link: a page reads no other file, prints nothing and resumes nothing (it got the CLI's "pass --config on the command line": audit). */
function commandLineOnlyInLink(where: string, name: string, flag: string): UsageError {
  return new UsageError(`${where}: "${name}" (${flag}) cannot be used in the playground`, 'remove it: a link holds the settings themselves');
}

/**
 * Validates a config object as `--config` does (same messages), for a page: returns state and settings.
 * A config without `corpus` takes `defaultCorpus` (the CLI's default, `brown`, unless the page passes the
 * corpus it opens on: the whole of Brown is not in a page).
 */
export function resolvePageConfig(json: unknown, where = '#config', defaultCorpus = 'brown'): ResolvedPage {
  const { raw, values } = configEntries(json, where, commandLineOnlyInLink);
  if ('shard' in values) throw new UsageError(`${where}: key "shard" cannot be used in the playground`, 'remove it: the page runs every series');
  // The page reads text with these at their defaults (no control holds them): another value would be
  // dropped on the way to the run, and the numbers would differ from the CLI's.
  if (values['normalize'] === false) throw new UsageError(`${where}: "normalize": false cannot be used in the playground`, 'the page reads text normalized to NFC: run it with the CLI');
  if (values['emptySentences'] === true) throw new UsageError(`${where}: "emptySentences": true cannot be used in the playground`, 'the page skips blank lines: run it with the CLI');
  const corpus = (values['corpus'] as string[] | undefined) ?? [defaultCorpus];
  if (corpus.length !== 1) throw new UsageError(`${where}: the playground runs one corpus, got ${corpus.length}`, 'pass one corpus');
  const settings = runSettingsFrom(values);
  const tokenizer = (values['tokenizer'] as TokenizerName | undefined) ?? DEFAULT_TEXT_OPTIONS.tokenizer;
  if (isPublishedEncoding(tokenizer)) throw new UsageError(`--tokenizer ${tokenizer}: ${PUBLISHED_IN_PAGE_MESSAGE}`, 'use bpe:K in the page, or the CLI');
  const sentences = (values['sentences'] as SentenceMode | undefined) ?? DEFAULT_TEXT_OPTIONS.sentences;
  const maxTokens = values['maxTokens'] as number | undefined;
  const jsonlField = values['jsonlField'] as string | undefined;
  const load: TextOptions = {
    tokenizer,
    sentences,
    lowercase: values['lowercase'] === undefined ? lowercasesByDefault(tokenizer) : values['lowercase'] !== false,
    normalize: values['normalize'] === false ? 'none' : 'NFC',
    ...(jsonlField === undefined ? {} : { jsonlField }),
    ...(maxTokens === undefined ? {} : { maxTokens }),
  };
  const defaults = defaultPageSettings(corpus[0]!);
  const state: PageSettings = {
    corpus: corpus[0]!,
    values: Object.fromEntries(
      [...SWEEP_KEYS, ...SCALAR_KEYS].map((key) => [key, key in raw ? String(raw[key]) : defaults.values[key]]),
    ) as PageSettings['values'],
    tokenizer,
    sentences,
    lowercase: load.lowercase,
    jsonlField: jsonlField ?? '',
  };
  return { state, settings, load, config: pageConfig(state) };
}

/** The address fragment that reproduces a run. */
export function configHash(config: Readonly<Record<string, unknown>>): string {
  return `#config=${encodeURIComponent(JSON.stringify(config))}`;
}

/** The config object in an address fragment, or undefined if it has none; bad JSON is a UsageError. */
export function configFromHash(hash: string): unknown {
  const match = /^#?config=(.*)$/su.exec(hash);
  if (match === null) return undefined;
  let text: string;
  try {
    text = decodeURIComponent(match[1]!);
  } catch {
    throw new UsageError('#config is not URL-encoded text', 'copy the whole link again');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`#config is not valid JSON: ${(error as Error).message}`, 'copy the whole link again, or reset the settings');
  }
  const twice = repeatedKey(text);
  if (twice !== undefined) throw new UsageError(`#config: "${twice}" is given twice`, 'keep one of them, or reset the settings');
  const tiny = tinyJsonNumber(text);
  if (tiny !== undefined) throw new UsageError(`#config: ${keyedText(tiny)} is too small to be held as a number (${TOO_SMALL})`, 'write 0, or a number the setting takes, or reset the settings');
  const huge = hugeJsonNumber(text);
  if (huge !== undefined) throw new UsageError(`#config: ${keyedText(huge)} is too large to be held as a number (${tooLarge(huge.written)})`, 'write a number the setting takes, or reset the settings');
  const rounded = roundedJsonNumber(text);
  if (rounded !== undefined) throw new UsageError(`#config: ${keyedText(rounded)} has more digits than a number holds: it would be read as ${rounded.readAs}`, 'write it with the digits a double holds (17 significant digits at most; whole numbers up to 9007199254740991), or reset the settings');
  return parsed;
}

/** The `ngram-collapse run` command line of a config object (keys in the page's order). */
export function commandLine(config: Readonly<Record<string, unknown>>, out = 'curves.csv'): string {
  const words = ['ngram-collapse', 'run'];
  const flag = (key: string): string => `--${key.replace(/[A-Z]/gu, (letter) => `-${letter.toLowerCase()}`)}`;
  for (const [key, value] of Object.entries(config)) {
    if (key === 'lowercase') {
      // Spelled where it is not the tokenizer's own default (the CLI's when --lowercase is not given).
      const tokenizer = String(config['tokenizer'] ?? DEFAULT_TEXT_OPTIONS.tokenizer);
      if (value !== lowercasesByDefault(tokenizer)) words.push(value === false ? '--no-lowercase' : '--lowercase');
      continue;
    }
    if (key === 'corpus') {
      const specs = value as string[];
      // one --corpus for all, unless a spec starts with '-': then each its own (--corpus=X takes no more values)
      if (specs.some((spec) => spec.startsWith('-'))) for (const spec of specs) words.push(...optionWords('--corpus', spec));
      else words.push('--corpus', ...specs.map(shellWord));
    } else words.push(...optionWords(flag(key), Array.isArray(value) ? value.join(',') : String(value)));
  }
  words.push(...optionWords('--out', out));
  return words.join(' ');
}

/** The CLI's one-line message for one control's text (`--order must be ...`), or undefined if valid. */
export function controlError(key: SweepKey | ScalarKey, raw: string): string | undefined {
  if ((OPTIONAL_SCALARS as readonly string[]).includes(key) && raw.trim() === '') return undefined;
  return rowError(rowOf(key), raw);
}

/**
 * The CLI's message for the JSONL field control's text, or undefined (empty: not given, the
 * default `text`); a blank one is refused as `--jsonl-field` refuses it (it got the address's
 * `#config: "jsonlField"` message under the settings: audit).
 */
export function jsonlFieldError(raw: string): string | undefined {
  return raw === '' ? undefined : rowError(LOAD_ROWS.jsonlField, raw);
}

/** The message `row` refuses `raw` with, as the CLI prints it, or undefined. */
function rowError(row: ValueOption<unknown>, raw: string): string | undefined {
  try {
    row.parse(raw, row.flag);
    return undefined;
  } catch (error) {
    if (error instanceof UsageError) return `ngram-collapse: ${describeError(error)}`;
    throw error;
  }
}
