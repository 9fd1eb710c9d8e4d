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

// Loaded on first use (about 0.05 s): runs on whitespace or char tokens and line sentences never pay it.
let naturalModule: NaturalTokenizers | undefined;
function natural(): NaturalTokenizers {
  naturalModule ??= require('natural/lib/natural/tokenizers') as NaturalTokenizers;
  return naturalModule;
}

export type TokenizerName = 'word' | 'wordpunct' | 'treebank' | 'whitespace' | 'char';
export const TOKENIZER_NAMES: readonly TokenizerName[] = ['word', 'wordpunct', 'treebank', 'whitespace', 'char'];

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

/** Returns the tokenizer called `name`; throws UsageError listing the valid names otherwise. */
export function tokenizerFor(name: string): Tokenize {
  switch (name) {
    case 'word':
      return fromNatural(new (natural().WordTokenizer)());
    case 'wordpunct':
      return fromNatural(new (natural().WordPunctTokenizer)());
    case 'treebank':
      return fromNatural(new (natural().TreebankWordTokenizer)());
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
 *
 * natural's tokenizer is quadratic in the length of its input (a 64 kB paragraph takes a second, a
 * file without blank lines is one paragraph), so a paragraph longer than LONG_PARAGRAPH characters is
 * first cut into windows of about a kilobyte at sentence ends that natural would split at anyway
 * (see paragraphWindows); the cost stays linear and the sentences are the same.
 */
export function sentenceSplitter(mode: SentenceMode): (paragraph: string) => string[] {
  const sentences = sentenceStream(mode);
  return (paragraph) => Array.from(sentences(paragraph));
}

/** As sentenceSplitter, one sentence at a time (the loader's form: a huge paragraph is never held as a list). */
export function sentenceStream(mode: SentenceMode): (paragraph: string) => Iterable<string> {
  if (mode === 'line') {
    return (paragraph) => paragraph.split(/\r?\n/u).filter((line) => line.trim().length > 0);
  }
  const tokenizer = new (natural().SentenceTokenizer)([...ABBREVIATIONS]);
  return function* (paragraph) {
    const text = paragraph.replace(/\s+/gu, ' ').trim();
    for (const window of paragraphWindows(text)) {
      for (const sentence of tokenizer.tokenize(window)) if (sentence.trim().length > 0) yield sentence;
    }
  };
}

/** Paragraphs up to this many characters go to natural whole. */
export const LONG_PARAGRAPH = 4096;
/** A window of a long paragraph ends at the first safe sentence end after this many characters... */
const WINDOW_MIN = 256;
/** ...or, with no sentence end before this many characters, at the next white space. */
const WINDOW_MAX = 8192;

/** A sentence end natural splits at: end punctuation, closing quotes, white space, then no punctuation. */
const SENTENCE_END = /[.?!\u2026]+["'\u201D\u2019)\]}]*\s+(?=[^\s.?!\u2026])/gu;
const ABBREVIATION_ENDS = ABBREVIATIONS.map((abbreviation) => abbreviation.toLowerCase());

/**
 * Cuts a long paragraph (white space already collapsed) into windows for natural's sentence
 * tokenizer: each window ends at a sentence end (punctuation, white space, then a word) that does not
 * close one of the ABBREVIATIONS; a run of WINDOW_MAX characters without one is cut at white space
 * (such a "sentence" is split). Short paragraphs are yielded whole. O(length).
 */
export function* paragraphWindows(text: string): Generator<string> {
  let start = 0;
  if (text.length === 0) return;
  while (text.length - start > LONG_PARAGRAPH) {
    const cut = sentenceCut(text, start) ?? spaceCut(text, start + WINDOW_MAX);
    yield text.slice(start, cut);
    start = cut;
  }
  if (start < text.length) yield text.slice(start);
}

function sentenceCut(text: string, start: number): number | undefined {
  const window = text.slice(start, start + WINDOW_MAX);
  SENTENCE_END.lastIndex = WINDOW_MIN;
  for (let match = SENTENCE_END.exec(window); match !== null; match = SENTENCE_END.exec(window)) {
    const end = match.index + match[0].length;
    if (end >= window.length) return undefined;
    const wordStart = window.lastIndexOf(' ', match.index) + 1;
    const word = window.slice(wordStart, match.index + match[0].trimEnd().length).toLowerCase();
    if (!ABBREVIATION_ENDS.some((abbreviation) => word.includes(abbreviation))) return start + end;
  }
  return undefined;
}

/** The first white space at or after `from` (or `from` itself, kept off a surrogate pair). */
function spaceCut(text: string, from: number): number {
  const space = text.indexOf(' ', from);
  if (space >= 0 && space - from < WINDOW_MAX) return space + 1;
  const code = text.charCodeAt(from - 1);
  return code >= 0xd800 && code <= 0xdbff ? from + 1 : from;
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
