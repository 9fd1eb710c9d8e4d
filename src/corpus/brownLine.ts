/**
 * One line of the Brown corpus -> its tokens (SPEC section 7): tokens are separated by white space and
 * written `word/tag`, the tag being everything after the last `/`; tags are stripped. No node: imports
 * (the browser playground reads embedded Brown text with it); brown.ts finds the files.
 */

import type { CorpusBuilder } from './corpusBuilder.js';
import { tokenizerFor, type Tokenize } from './tokenizers.js';

const splitWords = tokenizerFor('whitespace');

/** Tokens of one Brown line, tags stripped; empty for a blank line. */
export function brownLineTokens(line: string, lowercase: boolean): string[] {
  const tokens: string[] = [];
  for (const tagged of splitWords(line)) {
    const slash = tagged.lastIndexOf('/');
    const word = slash > 0 ? tagged.slice(0, slash) : tagged;
    tokens.push(lowercase ? word.toLowerCase() : word);
  }
  return tokens;
}

/**
 * Adds one Brown line to `builder` as a sentence: Brown's own tokens, or, with a published subword
 * encoding (`encode`), those tokens joined by single spaces and encoded. Blank lines are not sentences
 * (even with emptySentences).
 */
export function addBrownLine(builder: CorpusBuilder, line: string, lowercase: boolean, encode?: Tokenize): void {
  const tokens = brownLineTokens(line, lowercase);
  if (tokens.length === 0) return;
  builder.addSentence(encode === undefined ? tokens : encode(tokens.join(' ')));
}
