/**
 * How a corpus is read where it is not read by default: the tokenizer, the case (against the
 * tokenizer's own default: bpe:K and the published encodings keep case, the word tokenizers lowercase),
 * the sentence mode, empty sentences kept, a JSON Lines field, Unicode normalisation off.
 *
 * Contract: `readingChanges(load)` returns only the options of `load` that differ from their defaults
 * (an option left out of `load` is its default). The one rule behind what a recipe's command line
 * spells (../recipes/recipeCommand.ts) and what a playground download's name says
 * (../playground/downloadName.ts), which had a rule of its own and named the page's bpe:500 run
 * "cased", its tokenizer's default (review). Pure.
 */

import { DEFAULT_TEXT_OPTIONS, type TextOptions } from './readText.js';
import { lowercasesByDefault } from './tokenizers.js';

/** The reading options a command line or a name can carry (names as typed: the page's controls hold text). */
export interface ReadingOptions {
  readonly tokenizer?: string;
  readonly lowercase?: boolean;
  readonly sentences?: string;
  readonly emptySentences?: boolean;
  readonly jsonlField?: string;
  readonly normalize?: TextOptions['normalize'];
}

export interface ReadingChanges {
  readonly tokenizer?: string;
  readonly lowercase?: boolean;
  readonly sentences?: string;
  readonly emptySentences?: true;
  readonly jsonlField?: string;
  readonly normalize?: 'none';
}

export function readingChanges(load: ReadingOptions): ReadingChanges {
  const tokenizer = load.tokenizer ?? DEFAULT_TEXT_OPTIONS.tokenizer;
  return {
    ...(tokenizer === DEFAULT_TEXT_OPTIONS.tokenizer ? {} : { tokenizer }),
    ...(load.lowercase === undefined || load.lowercase === lowercasesByDefault(tokenizer) ? {} : { lowercase: load.lowercase }),
    ...(load.sentences === undefined || load.sentences === DEFAULT_TEXT_OPTIONS.sentences ? {} : { sentences: load.sentences }),
    ...(load.emptySentences === true ? { emptySentences: true as const } : {}),
    ...(load.jsonlField === undefined ? {} : { jsonlField: load.jsonlField }),
    ...(load.normalize === 'none' ? { normalize: 'none' as const } : {}),
  };
}
