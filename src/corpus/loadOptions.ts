/**
 * LoadOptions: the options of loadCorpus, their defaults and their checks (one ValueRule per option).
 *
 * Contract: every option is optional; a missing one takes its documented default (DEFAULT_LOAD_OPTIONS:
 * tokenizer `wordpunct`, lowercase true, sentences `auto`; no jsonlField, no maxTokens limit, the
 * process's stdin and working folder). A given one must obey its rule, else a UsageError
 * `<option> must be ...` / `unknown <option> value ...`; an unknown option is refused. The CLI parses
 * its corpus flags with the same rules (src/cli/corpusOptions.ts), with the flag's name.
 */

import type { Readable } from 'node:stream';
import { UsageError } from '../errors.js';
import { BOOLEAN_RULE, checkObject, checkValue, integerRule, nameRule, shownValue, TEXT_RULE, type ValueRule } from '../validation/valueRule.js';
import { SENTENCE_MODES, TOKENIZER_NAMES, type SentenceMode, type TokenizerName } from './tokenizers.js';

export interface LoadOptions {
  readonly tokenizer: TokenizerName;
  readonly lowercase: boolean;
  readonly sentences: SentenceMode;
  /** JSONL field holding the text; setting it reads every file as JSONL. */
  readonly jsonlField?: string;
  /** Refuse corpora larger than this many tokens. */
  readonly maxTokens?: number;
  /** Standard input, for `-`. */
  readonly stdin?: Readable;
  /** Folder against which relative paths resolve. */
  readonly cwd?: string;
  /** Receives warnings (invalid UTF-8 replaced, ...). */
  readonly onWarning?: (message: string) => void;
}

export const DEFAULT_LOAD_OPTIONS: LoadOptions = { tokenizer: 'wordpunct', lowercase: true, sentences: 'auto' };

type ValueOptions = Omit<LoadOptions, 'stdin' | 'onWarning'>;

/** The rule of every plain-valued option (stdin and onWarning are checked by kind). */
export const LOAD_RULES: { readonly [K in keyof ValueOptions]-?: ValueRule<NonNullable<ValueOptions[K]>> } = {
  tokenizer: nameRule(TOKENIZER_NAMES),
  lowercase: BOOLEAN_RULE,
  sentences: nameRule(SENTENCE_MODES),
  jsonlField: TEXT_RULE,
  maxTokens: integerRule(1),
  cwd: TEXT_RULE,
};

/** Checks loadCorpus's `specs` and `options`; returns the options as given. */
export function validateLoadOptions(specs: unknown, options: unknown): Partial<LoadOptions> {
  if (!Array.isArray(specs) || specs.some((spec) => typeof spec !== 'string')) {
    throw new UsageError(`specs must be a list of corpus names, got ${shownValue(specs)}`, "pass e.g. ['brown:news'] or ['corpus.txt']");
  }
  const object = checkObject('options', options);
  const known = [...Object.keys(LOAD_RULES), 'stdin', 'onWarning'];
  for (const [key, value] of Object.entries(object)) {
    if (!known.includes(key)) throw new UsageError(`unknown loadCorpus option '${key}'`, `known: ${known.join(', ')}`);
    if (value === undefined) continue;
    const rule = (LOAD_RULES as Readonly<Record<string, ValueRule<unknown>>>)[key];
    if (rule !== undefined) checkValue(key, value, rule);
  }
  if (object['onWarning'] !== undefined && typeof object['onWarning'] !== 'function') {
    throw new UsageError(`onWarning must be a function, got ${shownValue(object['onWarning'])}`, 'pass a function that receives each warning, or leave it out');
  }
  const stdin = object['stdin'] as { on?: unknown } | undefined;
  if (stdin !== undefined && (typeof stdin !== 'object' || stdin === null || typeof stdin.on !== 'function')) {
    throw new UsageError(`stdin must be a readable stream, got ${shownValue(stdin)}`, 'pass process.stdin or a Readable, or leave it out');
  }
  return object as Partial<LoadOptions>;
}
