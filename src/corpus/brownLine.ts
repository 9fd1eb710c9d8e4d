/**
 * One line of the Brown corpus -> its tokens (the README's "Corpora"): tokens are separated by white space and
 * written `word/tag`, the tag being everything after the last `/`; tags are stripped. No node: imports
 * (the browser playground reads embedded Brown text with it); brown.ts finds the files.
 */

import type { CorpusBuilder } from './corpusBuilder.js';
import { forEachWord, tokenizerFor, type Tokenize } from './tokenizers.js';

/** Tokens of one Brown line, tags stripped; empty for a blank line. */
export function brownLineTokens(line: string, lowercase: boolean): string[] {
  const text = lowercase ? line.toLowerCase() : line;
  const tokens: string[] = [];
  forEachBrownWord(text, (start, end) => tokens.push(text.slice(start, end)));
  return tokens;
}

/** The spans of the words of one Brown line (each `word/tag` without `/tag`). */
export function forEachBrownWord(line: string, visit: (start: number, end: number) => void): void {
  forEachWord(line, (start, end) => {
    const slash = line.lastIndexOf('/', end - 1);
    visit(start, slash > start ? slash : end);
  });
}

/** Writes one sentence's subword pieces into a builder (a published encoding's publishedSentenceWriter). */
export type PieceWriter = (sentence: string, builder: CorpusBuilder, words?: (text: string, visit: (start: number, end: number) => void) => void) => void;

/**
 * Adds one Brown line to `builder` as a sentence: Brown's own tokens as spans (no string per token),
 * or, with a published subword encoding (`writePieces`), those tokens joined by single spaces and
 * encoded (given to the writer as spans of the line). Blank lines are not sentences (even with
 * emptySentences).
 */
export function addBrownLine(builder: CorpusBuilder, line: string, lowercase: boolean, writePieces?: PieceWriter): void {
  const text = lowercase ? line.toLowerCase() : line;
  if (writePieces !== undefined) {
    writePieces(text, builder, forEachBrownWord);
    return;
  }
  forEachBrownWord(text, (start, end) => builder.appendSpan(text, start, end));
  builder.endSentence();
}

/**
 * `char` on Brown: its tokens cut into graphemes, as `char` cuts a text (white space dropped), so a
 * Brown sentence gives the characters of its words joined by spaces; a blank line gives nothing.
 */
export function brownCharWriter(): PieceWriter {
  let tokenize: Tokenize | undefined;
  return (sentence, builder, words = forEachBrownWord) => {
    const parts: string[] = [];
    words(sentence, (start, end) => parts.push(sentence.slice(start, end)));
    if (parts.length === 0) return;
    tokenize ??= tokenizerFor('char');
    // Stryker disable next-line StringLiteral: equivalent on Brown, whose words hold no mark that a space keeps from joining the word before
    builder.addSentence(tokenize(parts.join(' ')));
  };
}
