/**
 * The checks of the options that say how text becomes sentences and tokens (TextOptions): one
 * ValueRule per plain-valued option, and the kind of the others. loadCorpus (./loadOptions.ts, which
 * adds its own) and readCorpusText (./readText.ts) both check them here, so one text read either way
 * is refused alike.
 *
 * Contract: `checkTextOptionValues(object)` checks each option `object` gives (undefined counts as not
 * given): `tokenizer` a tokenizer name, `lowercase` and `emptySentences` true or false, `sentences`
 * auto or line, `normalize` NFC or none, `jsonlField` a string that is not blank, `maxTokens` a whole number
 * >= 1, `onWarning` and `subwordTraining` functions, `bpeMerges` a list of `{ left, right }` strings,
 * and `emptySentences` true only with `sentences: 'line'`; `subwordTraining` and `bpeMerges` only
 * with a `bpe:K` tokenizer, not both (given merges are not learned), and at most K merges; throws
 * UsageError naming the option otherwise (a malformed `bpe:K` with the reason parseSubword gives).
 * Keys it does not know are the caller's to refuse.
 */

import { UsageError } from '../errors.js';
import { BOOLEAN_RULE, checkOptionalFunction, checkValue, integerRule, nameRule, shownValue, TEXT_RULE, type ValueRule } from '../validation/valueRule.js';
import { SENTENCE_MODE_RULE } from './sentenceSplitter.js';
import { parseSubword } from './subword/subwordNames.js';
import { isTokenizerName, TOKENIZER_NAMES, type TokenizerName } from './tokenizers.js';

/** A tokenizer name: a word-level one, a published encoding or `bpe:K` with K from 1 to 1,000,000. */
const TOKENIZER_RULE: ValueRule<TokenizerName> = Object.freeze<ValueRule<TokenizerName>>({
  kind: 'name',
  allowed: `one of: ${TOKENIZER_NAMES.join(', ')}`,
  accepts: (value): value is TokenizerName => typeof value === 'string' && isTokenizerName(value),
  names: TOKENIZER_NAMES,
});

/** The rule of every plain-valued text option. */
export const TEXT_OPTION_RULES = {
  tokenizer: TOKENIZER_RULE,
  lowercase: BOOLEAN_RULE,
  sentences: SENTENCE_MODE_RULE,
  normalize: nameRule(['NFC', 'none'] as const),
  emptySentences: BOOLEAN_RULE,
  jsonlField: TEXT_RULE,
  maxTokens: integerRule(1),
} as const;

/** The text options checked by kind, not by a value rule. */
const FUNCTION_OPTIONS = ['onWarning', 'subwordTraining'];

export function checkTextOptionValues(object: Readonly<Record<string, unknown>>): void {
  if (typeof object['tokenizer'] === 'string') checkSubwordName(object['tokenizer']);
  for (const [key, rule] of Object.entries(TEXT_OPTION_RULES) as Array<[string, ValueRule<unknown>]>) {
    if (object[key] !== undefined) checkValue(key, object[key], rule);
  }
  // a blank line is an empty sentence only where a line is a sentence (the default sentences is auto)
  if (object['emptySentences'] === true && object['sentences'] !== 'line') {
    throw new UsageError(`emptySentences needs sentences 'line', got sentences ${shownValue(object['sentences'] ?? 'auto')}`, "pass sentences: 'line' (one sentence per line, a blank line an empty sentence), or leave emptySentences out", 'emptySentences');
  }
  for (const key of FUNCTION_OPTIONS) checkOptionalFunction(key, object[key]);
  const merges = object['bpeMerges'];
  if (merges !== undefined && (!Array.isArray(merges) || !merges.every(isMerge))) {
    throw new UsageError(`bpeMerges must be a list of merges ({ left, right } strings), got ${shownValue(merges)}`, 'pass the merges a first bpe:K read returned (LoadedCorpus.merges), or leave it out', 'bpeMerges');
  }
  checkSubwordOptions(object);
}

/**
 * A malformed `bpe:K` refused with what is wrong with it, as on the command line (not "unknown tokenizer
 * value": library probe), its setting named as every refusal's is.
 */
function checkSubwordName(tokenizer: string): void {
  try {
    parseSubword(tokenizer);
  } catch (error) {
    throw error instanceof UsageError ? new UsageError(error.message, error.hint, 'tokenizer') : error;
  }
}

/**
 * `subwordTraining` and `bpeMerges` only where they do something: with `bpe:K`, one of them, and no
 * more merges than K (each was taken and ignored, or every merge applied, whatever K: library probe).
 */
function checkSubwordOptions(object: Readonly<Record<string, unknown>>): void {
  const given = (['subwordTraining', 'bpeMerges'] as const).filter((key) => object[key] !== undefined);
  if (given.length === 0) return;
  const tokenizer = (object['tokenizer'] ?? 'wordpunct') as string;
  const subword = parseSubword(tokenizer);
  if (subword?.kind !== 'learned') {
    throw new UsageError(`${given[0]!} is for a bpe:K tokenizer only, got tokenizer ${shownValue(tokenizer)}`, `leave ${given[0]!} out, or pass tokenizer: 'bpe:K'`, given[0]);
  }
  if (given.length === 2) {
    throw new UsageError('subwordTraining and bpeMerges were both given: with bpeMerges no merge is learned', 'pass subwordTraining to learn the merges on chosen sentences, or bpeMerges to spell with merges learned before', 'subwordTraining');
  }
  const merges = object['bpeMerges'] as readonly unknown[] | undefined;
  if (merges !== undefined && merges.length > subword.merges) {
    throw new UsageError(`bpeMerges holds ${merges.length} merges, more than the ${subword.merges} of tokenizer '${tokenizer}'`, `pass the merges a ${tokenizer} read returned (at most ${subword.merges}), or the tokenizer they were learned with`, 'bpeMerges');
  }
}

function isMerge(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { left, right } = value as { left?: unknown; right?: unknown };
  return typeof left === 'string' && typeof right === 'string';
}
