/**
 * Tokenizers: text -> token strings, and text -> sentence strings.
 *
 * Contract: every tokenizer is a pure function of one sentence's text, returning non-empty strings with
 * no white space inside except where the tokenizer itself keeps it (none of ours do).
 * `word`, `wordpunct` and `treebank` are natural's (WordTokenizer, WordPunctTokenizer,
 * TreebankWordTokenizer); `whitespace` splits on Unicode white space; `char` yields every non-space
 * code point. natural is loaded from its tokenizers folder only: its package root pulls in storage
 * back-ends and prints banner lines on stdout (SPEC section 7).
 */

import { createRequire } from 'node:module';
import { UsageError } from '../errors.js';

const require = createRequire(import.meta.url);

interface NaturalTokenizer {
  tokenize(text: string): string[];
}
interface NaturalTokenizers {
  WordTokenizer: new () => NaturalTokenizer;
  WordPunctTokenizer: new () => NaturalTokenizer;
  TreebankWordTokenizer: new () => NaturalTokenizer;
  SentenceTokenizer: new (abbreviations: string[]) => NaturalTokenizer;
}

const natural = require('natural/lib/natural/tokenizers') as NaturalTokenizers;

export type TokenizerName = 'word' | 'wordpunct' | 'treebank' | 'whitespace' | 'char';
export const TOKENIZER_NAMES: readonly TokenizerName[] = ['word', 'wordpunct', 'treebank', 'whitespace', 'char'];

export type Tokenize = (sentence: string) => string[];

function fromNatural(tokenizer: NaturalTokenizer): Tokenize {
  return (sentence) => tokenizer.tokenize(sentence).filter((token) => token.length > 0);
}

const WHITESPACE = /\s+/u;

/** Returns the tokenizer called `name`; throws UsageError listing the valid names otherwise. */
export function tokenizerFor(name: string): Tokenize {
  switch (name) {
    case 'word':
      return fromNatural(new natural.WordTokenizer());
    case 'wordpunct':
      return fromNatural(new natural.WordPunctTokenizer());
    case 'treebank':
      return fromNatural(new natural.TreebankWordTokenizer());
    case 'whitespace':
      return (sentence) => sentence.split(WHITESPACE).filter((token) => token.length > 0);
    case 'char':
      return (sentence) => Array.from(sentence).filter((ch) => !WHITESPACE.test(ch));
    default:
      throw new UsageError(
        `unknown tokenizer '${name}'`,
        `use one of: ${TOKENIZER_NAMES.join(', ')}`,
      );
  }
}

/**
 * Common English abbreviations that end in a period but do not end a sentence. natural's
 * SentenceTokenizer splits after "Mr." without such a list (SPEC section 7).
 */
export const ABBREVIATIONS: readonly string[] = [
  'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'Sr.', 'Jr.', 'St.', 'Mt.', 'Gen.', 'Col.', 'Capt.', 'Lt.',
  'Sgt.', 'Rev.', 'Gov.', 'Sen.', 'Rep.', 'Hon.', 'Pres.', 'Supt.', 'Co.', 'Corp.', 'Inc.', 'Ltd.',
  'Bros.', 'vs.', 'etc.', 'e.g.', 'i.e.', 'cf.', 'al.', 'approx.', 'No.', 'Nos.', 'Vol.', 'pp.',
  'Jan.', 'Feb.', 'Mar.', 'Apr.', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Sept.', 'Oct.', 'Nov.', 'Dec.',
  'U.S.', 'U.K.', 'a.m.', 'p.m.', 'Ave.', 'Blvd.', 'Fig.', 'Eq.', 'Ph.D.',
];

export type SentenceMode = 'auto' | 'line';
export const SENTENCE_MODES: readonly SentenceMode[] = ['auto', 'line'];

/**
 * Splits a paragraph into sentences. `line`: every non-blank line is a sentence. `auto`: natural's
 * SentenceTokenizer with the abbreviation list above, line breaks inside a paragraph treated as spaces.
 */
export function sentenceSplitter(mode: SentenceMode): (paragraph: string) => string[] {
  if (mode === 'line') {
    return (paragraph) => paragraph.split(/\r?\n/u).filter((line) => line.trim().length > 0);
  }
  const tokenizer = new natural.SentenceTokenizer([...ABBREVIATIONS]);
  return (paragraph) => {
    const text = paragraph.replace(/\s+/gu, ' ').trim();
    if (text.length === 0) return [];
    return tokenizer.tokenize(text).filter((sentence) => sentence.trim().length > 0);
  };
}
