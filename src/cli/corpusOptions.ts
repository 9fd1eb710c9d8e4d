/**
 * Options shared by every command that reads a corpus (run, metrics, generate, train): the table,
 * and their resolution into the loader's LoadOptions, checked with the loader's own rules (LOAD_RULES).
 */

import type { Command } from 'commander';
import { DEFAULT_LOAD_OPTIONS, type LoadOptions } from '../corpus/loadCorpus.js';
import { LOAD_RULES } from '../corpus/loadOptions.js';
import { TOKENIZER_NAMES } from '../corpus/tokenizers.js';
import { fromRule } from './parseValues.js';
import type { CliIO } from './io.js';

export const DEFAULT_MAX_TOKENS = 200_000_000;

/** Adds --tokenizer, --lowercase/--no-lowercase, --sentences, --jsonl-field, --max-tokens. */
export function addLoadOptions(command: Command): Command {
  return command
    .option('--tokenizer <name>', `${TOKENIZER_NAMES.join(' | ')} (default: ${DEFAULT_LOAD_OPTIONS.tokenizer}; brown keeps its own tokens)`)
    .option('--lowercase', 'lowercase the text (default)')
    .option('--no-lowercase', 'keep the case of the text')
    .option('--sentences <mode>', 'auto: natural\'s sentence tokenizer; line: one sentence per line (default: auto)')
    .option('--jsonl-field <name>', 'read JSON Lines and take the text from this field (default for .jsonl files: text)')
    .option('--max-tokens <n>', `refuse corpora larger than this (default: ${DEFAULT_MAX_TOKENS})`);
}

/** Commander's raw values -> LoadOptions (validated). */
export function resolveLoadOptions(values: Readonly<Record<string, unknown>>, io: CliIO, onWarning: (message: string) => void): LoadOptions {
  const string = (key: string): string | undefined => (values[key] === undefined ? undefined : String(values[key]));
  const tokenizer = string('tokenizer');
  const sentences = string('sentences');
  const maxTokens = string('maxTokens');
  const jsonlField = string('jsonlField');
  return {
    tokenizer: tokenizer === undefined ? DEFAULT_LOAD_OPTIONS.tokenizer : fromRule(LOAD_RULES.tokenizer)(tokenizer, '--tokenizer'),
    lowercase: values['lowercase'] !== false,
    sentences: sentences === undefined ? DEFAULT_LOAD_OPTIONS.sentences : fromRule(LOAD_RULES.sentences)(sentences, '--sentences'),
    maxTokens: maxTokens === undefined ? DEFAULT_MAX_TOKENS : fromRule(LOAD_RULES.maxTokens)(maxTokens, '--max-tokens'),
    stdin: io.stdin,
    cwd: io.cwd,
    onWarning,
    ...(jsonlField === undefined ? {} : { jsonlField }),
  };
}
