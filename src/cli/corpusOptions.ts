/**
 * Options shared by every command that reads a corpus (run, metrics, generate, train): the table,
 * and their resolution into the loader's LoadOptions, checked with the loader's own rules (LOAD_RULES).
 */

import type { Command } from 'commander';
import { DEFAULT_LOAD_OPTIONS, type LoadOptions } from '../corpus/loadCorpus.js';
import { LOAD_RULES } from '../corpus/loadOptions.js';
import { lowercasesByDefault, TOKENIZER_NAMES } from '../corpus/tokenizers.js';
import { UsageError } from '../errors.js';
import { fromRule, tokenizerValue } from './parseValues.js';
import type { CliIO } from './io.js';

export const DEFAULT_MAX_TOKENS = 200_000_000;

/** Adds --tokenizer, --lowercase/--no-lowercase, --sentences, --empty-sentences, --jsonl-field, --no-normalize, --max-tokens. */
export function addLoadOptions(command: Command): Command {
  return command
    .option('--tokenizer <name>', `${TOKENIZER_NAMES.join(' | ')} (default: ${DEFAULT_LOAD_OPTIONS.tokenizer}; brown keeps its own tokens, which subword tokenizers encode)`)
    .option('--lowercase', 'lowercase the text (default for word-level tokenizers)')
    .option('--no-lowercase', 'keep the case of the text (default for subword tokenizers: gpt2, cl100k, o200k, bpe:K)')
    .option('--sentences <mode>', 'auto: sentence rules, and line ends where the text is not wrapped prose; line: one sentence per line (default: auto)')
    .option('--empty-sentences', 'with --sentences line: a blank line is an empty sentence (as in --save-corpora files)')
    .option('--jsonl-field <name>', 'read JSON Lines and take the text from this field (default for .jsonl files: text)')
    .option('--normalize', 'normalize the text to Unicode NFC when read (default)')
    .option('--no-normalize', 'keep the text as it is instead of Unicode NFC (composed accents)')
    .option('--max-tokens <n>', `refuse corpora larger than this (default: ${DEFAULT_MAX_TOKENS})`);
}

/** Commander's raw values -> LoadOptions (validated). */
export function resolveLoadOptions(values: Readonly<Record<string, unknown>>, io: CliIO, onWarning: (message: string) => void): LoadOptions {
  const string = (key: string): string | undefined => (values[key] === undefined ? undefined : String(values[key]));
  const tokenizer = string('tokenizer');
  const sentences = string('sentences');
  const maxTokens = string('maxTokens');
  const jsonlField = string('jsonlField');
  const resolvedTokenizer = tokenizer === undefined ? DEFAULT_LOAD_OPTIONS.tokenizer : tokenizerValue(tokenizer, '--tokenizer');
  const emptySentences = values['emptySentences'] === true;
  if (emptySentences && sentences !== 'line') {
    throw new UsageError(`--empty-sentences needs --sentences line, got --sentences ${sentences ?? DEFAULT_LOAD_OPTIONS.sentences}`, 'add --sentences line: one sentence per line, a blank line an empty sentence');
  }
  return {
    tokenizer: resolvedTokenizer,
    lowercase: values['lowercase'] === undefined ? lowercasesByDefault(resolvedTokenizer) : values['lowercase'] !== false,
    sentences: sentences === undefined ? DEFAULT_LOAD_OPTIONS.sentences : fromRule(LOAD_RULES.sentences)(sentences, '--sentences'),
    normalize: values['normalize'] === false ? 'none' : 'NFC',
    maxTokens: maxTokens === undefined ? DEFAULT_MAX_TOKENS : fromRule(LOAD_RULES.maxTokens)(maxTokens, '--max-tokens'),
    stdin: io.stdin,
    cwd: io.cwd,
    onWarning,
    ...(jsonlField === undefined ? {} : { jsonlField }),
    ...(emptySentences ? { emptySentences } : {}),
  };
}
