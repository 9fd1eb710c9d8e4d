/**
 * LoadOptions: the options of loadCorpus, their defaults and their checks (one ValueRule per option).
 *
 * Contract: every option is optional; a missing one takes its documented default (DEFAULT_LOAD_OPTIONS:
 * tokenizer `wordpunct`, lowercase true, sentences `auto`, normalize `NFC`; no jsonlField, no maxTokens limit, the
 * process's stdin and working folder), but `lowercase` left out follows the tokenizer, as on the command
 * line: false for a subword tokenizer (readText.ts withTextDefaults). A given one must obey its rule, else a UsageError
 * `<option> must be ...` / `unknown <option> value ...`; an unknown option is refused. The CLI parses
 * its corpus flags with the same rules (src/cli/options.ts, LOAD_ROWS), with the flag's name.
 */

import type { Readable } from 'node:stream';
import { UsageError } from '../errors.js';
import { BOOLEAN_RULE, checkObject, checkOptionalFunction, checkValue, refuseUnknownKeys, shownValue, TEXT_RULE, type ValueRule } from '../validation/valueRule.js';
import { checkTextOptionValues, TEXT_OPTION_RULES } from './textOptionRules.js';
import { DEFAULT_TEXT_OPTIONS, type TextOptions } from './readText.js';

export interface LoadOptions extends TextOptions {
  /** Standard input, for `-`. */
  readonly stdin?: Readable;
  /** Folder against which relative paths resolve. */
  readonly cwd?: string;
  /** Follows the reading: bytes read so far and, when every source is a file, their total size. */
  readonly onProgress?: (bytesRead: number, totalBytes: number | undefined) => void;
  /**
   * False reads the built-in Brown's tagged text instead of the cache the build writes (the same corpus
   * and vocabulary, tested: for measuring the reading itself); default true (./brownCache.ts).
   */
  readonly brownCache?: boolean;
}

export const DEFAULT_LOAD_OPTIONS: LoadOptions = DEFAULT_TEXT_OPTIONS;

/** The loader's options that are values (LOAD_RULES checks each): LoadOptions less its streams, callbacks and learned state. */
export type LoadOptionValues = Omit<LoadOptions, 'stdin' | 'onWarning' | 'onProgress' | 'subwordTraining' | 'bpeMerges' | 'brownCache'>;

/** Options checked by kind (functions, a stream, a list of merges) or library-only (no CLI flag), not by a value rule of LOAD_RULES. */
const OTHER_OPTIONS = ['stdin', 'onWarning', 'onProgress', 'subwordTraining', 'bpeMerges', 'brownCache'];

/** The rule of every plain-valued option (stdin and onWarning are checked by kind). */
export const LOAD_RULES: { readonly [K in keyof LoadOptionValues]-?: ValueRule<NonNullable<LoadOptionValues[K]>> } = Object.freeze({
  ...TEXT_OPTION_RULES,
  cwd: TEXT_RULE,
});

/** Checks loadCorpus's `specs` and `options`; returns the options as given. */
export function validateLoadOptions(specs: unknown, options: unknown): Partial<LoadOptions> {
  if (!Array.isArray(specs)) throw new UsageError(`specs must be a list of corpus names, got ${shownValue(specs)}`, "pass e.g. ['brown:news'] or ['corpus.txt']");
  const bad = specs.findIndex((spec) => typeof spec !== 'string');
  if (bad >= 0) throw new UsageError(`specs[${bad}] must be a corpus name, got ${shownValue(specs[bad])}`, "pass e.g. ['brown:news'] or ['corpus.txt']");
  const object = checkObject('options', options);
  const known = [...Object.keys(LOAD_RULES), ...OTHER_OPTIONS];
  refuseUnknownKeys(object, known, 'loadCorpus option');
  checkTextOptionValues(object);
  if (object['cwd'] !== undefined) checkValue('cwd', object['cwd'], TEXT_RULE);
  checkOptionalFunction('onProgress', object['onProgress']);
  if (object['brownCache'] !== undefined) checkValue('brownCache', object['brownCache'], BOOLEAN_RULE);
  const stdin = object['stdin'] as { on?: unknown } | null | undefined;
  if (stdin !== undefined && typeof stdin?.on !== 'function') {
    throw new UsageError(`stdin must be a readable stream, got ${shownValue(stdin)}`, 'pass process.stdin or a Readable, or leave it out', 'stdin');
  }
  return object as Partial<LoadOptions>;
}
