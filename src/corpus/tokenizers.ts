/**
 * Tokenizers: one sentence's text -> token strings.
 *
 * Contract: every tokenizer is a pure function of one sentence's text, returning non-empty strings with
 * no white space inside. `word`, `wordpunct` and `treebank` are natural's (WordTokenizer,
 * WordPunctTokenizer, TreebankWordTokenizer); `whitespace` splits on Unicode white space; `char` yields
 * every grapheme cluster that is not white space (Intl.Segmenter: a letter with its combining accents,
 * an emoji with its skin tone or joined family is one token). natural is loaded from its tokenizers
 * folder only: its package root pulls in storage back-ends and prints banner lines on stdout (SPEC
 * section 7). No file system: the browser build uses this module too.
 *
 * To add a tokenizer, add a row to TOKENIZERS (a name and a factory); the CLI and the README list the
 * names from there.
 */

import naturalTokenizers from 'natural/lib/natural/tokenizers/index.js';
import { UsageError } from '../errors.js';

interface NaturalTokenizer {
  tokenize(text: string): string[];
}
interface NaturalTokenizers {
  WordTokenizer: new () => NaturalTokenizer;
  WordPunctTokenizer: new () => NaturalTokenizer;
  TreebankWordTokenizer: new () => NaturalTokenizer;
}

const natural = naturalTokenizers as unknown as NaturalTokenizers;

export type Tokenize = (sentence: string) => string[];

const WHITESPACE = /\s+/u;

/** natural's tokenizers can return white space (a tab, U+00A0...) as a token: split it out. */
function fromNatural(tokenizer: NaturalTokenizer): Tokenize {
  return (sentence) => {
    const tokens: string[] = [];
    for (const token of tokenizer.tokenize(sentence)) {
      if (!WHITESPACE.test(token)) {
        if (token.length > 0) tokens.push(token);
      } else {
        for (const part of token.split(WHITESPACE)) if (part.length > 0) tokens.push(part);
      }
    }
    return tokens;
  };
}

/** The runs between white space (exactly the pieces of split(/\s+/u)), as spans, by one scan. */
export function forEachWord(text: string, visit: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      if (start >= 0) visit(start, i);
      start = -1;
    } else if (start < 0) {
      start = i;
    }
  }
  if (start >= 0) visit(start, text.length);
}

function splitWhitespace(sentence: string): string[] {
  const tokens: string[] = [];
  forEachWord(sentence, (start, end) => tokens.push(sentence.slice(start, end)));
  return tokens;
}

/** The code units /\s/u matches (Unicode White_Space and U+FEFF). */
export function isSpace(code: number): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Grapheme clusters that are not white space (UAX #29 via Intl.Segmenter). */
function graphemes(): Tokenize {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return (sentence) => {
    const tokens: string[] = [];
    for (const { segment } of segmenter.segment(sentence)) if (!WHITESPACE.test(segment)) tokens.push(segment);
    return tokens;
  };
}

/** The tokenizers by name: each row makes a fresh tokenizer. */
const TOKENIZERS = {
  word: () => fromNatural(new natural.WordTokenizer()),
  wordpunct: () => fromNatural(new natural.WordPunctTokenizer()),
  treebank: () => fromNatural(new natural.TreebankWordTokenizer()),
  whitespace: () => splitWhitespace,
  char: graphemes,
} satisfies Record<string, () => Tokenize>;

export type TokenizerName = keyof typeof TOKENIZERS;
export const TOKENIZER_NAMES = Object.keys(TOKENIZERS) as readonly TokenizerName[];

/** Returns the tokenizer called `name`; throws UsageError listing the valid names otherwise. */
export function tokenizerFor(name: string): Tokenize {
  if (!Object.hasOwn(TOKENIZERS, name)) {
    throw new UsageError(`unknown tokenizer '${name}'`, `use one of: ${TOKENIZER_NAMES.join(', ')}`);
  }
  return TOKENIZERS[name as TokenizerName]();
}

/**
 * Cuts a long text at white space into pieces of at least `size` characters (the last may be
 * shorter), so that a sentence of millions of tokens is tokenized piece by piece. A word (a run
 * without white space) is only cut if it is longer than `size` characters (never in a surrogate pair). The
 * word tokenizers split at white space, so their tokens are the same as on the whole text. O(length).
 */
export function* whitespaceWindows(text: string, size: number): Generator<string> {
  let start = 0;
  while (text.length - start > size) {
    const from = start + size;
    const space = text.slice(from, from + size).search(/\s/u);
    if (space < 0 && text.length - from <= size) break;
    let cut = space >= 0 ? from + space + 1 : from;
    const code = text.charCodeAt(cut - 1);
    if (space < 0 && code >= 0xd800 && code <= 0xdbff) cut++;
    yield text.slice(start, cut);
    start = cut;
  }
  if (start < text.length) yield text.slice(start);
}
