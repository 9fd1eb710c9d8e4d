/**
 * The published byte-pair encodings (`gpt2`, `cl100k`, `o200k`) as tokenizers, through the npm package
 * gpt-tokenizer (pure JavaScript, ships the merge tables: nothing is downloaded).
 *
 * Contract: `publishedTokenizer(name)` maps one sentence to the encoding's tokens, written as strings
 * the rest of the tool can intern and print:
 * - white space inside a sentence is collapsed to single spaces and the ends are trimmed first (a
 *   sentence's text is rebuilt from lines; the encodings give every space a token of its own otherwise);
 * - a space inside a token is written `▁` (U+2581, SentencePiece's marker), so " the" is `▁the`: a
 *   token that starts with `▁` starts a word (the encoding's word boundary, see ./wordView.ts);
 * - a token that is only part of a UTF-8 character (emoji and some accented letters are split into
 *   byte pieces) is written `<bytes:HEX>` with its bytes, and decoded together with its neighbours
 *   when words are rebuilt;
 * - special tokens such as `<|endoftext|>` in the text are ordinary text.
 * The ids are exactly the package's `encode(sentence)`; the sentence is encoded word by word (a space
 * and the run of non-space characters after it) with a cache of repeated words, which gives the same
 * tokens because the encodings' pre-tokenizers never join a space to what precedes it (test/corpus/
 * subword/publishedEncoding.test.ts checks this against the package on Brown).
 */

import type { CorpusBuilder } from '../corpusBuilder.js';
import { asciiEncoder } from './asciiByteMerge.js';
import { LONG_PIECE, longPieceEncoder } from './longPieceEncoder.js';
import { PieceLists } from './pieceLists.js';
import { SpanInterner } from '../spanInterner.js';
import { Vocabulary } from '../../vocabulary/vocabulary.js';
import type { PublishedEncodingName } from './subwordNames.js';

export interface Encoding {
  encode(text: string, options?: { disallowedSpecial?: Set<string> }): number[];
  decode(ids: Iterable<number>): string;
}

const loaded = new Map<PublishedEncodingName, Encoding>();

/**
 * Loads the package's encoding (its merge tables take 0.5-1 s: only on first use, never at start-up).
 * A dynamic import, so the browser bundle carries it too.
 */
export async function loadPublishedEncoding(name: PublishedEncodingName): Promise<Encoding> {
  let encoding = loaded.get(name);
  if (encoding === undefined) {
    encoding = ((await importEncoding(name)) as { default: Encoding }).default;
    loaded.set(name, encoding);
  }
  return encoding;
}

function importEncoding(name: PublishedEncodingName): Promise<unknown> {
  switch (name) {
    case 'gpt2':
      return import('gpt-tokenizer/encoding/r50k_base');
    case 'cl100k':
      return import('gpt-tokenizer/encoding/cl100k_base');
    case 'o200k':
      return import('gpt-tokenizer/encoding/o200k_base');
  }
}

/** Whether loadPublishedEncoding has loaded the encoding. */
export function isEncodingLoaded(name: PublishedEncodingName): boolean {
  return loaded.has(name);
}

/** The encoding, once loadPublishedEncoding has loaded it (loadCorpus does; so does a worker thread). */
export function publishedEncoding(name: PublishedEncodingName): Encoding {
  const encoding = loaded.get(name);
  if (encoding === undefined) throw new Error(`internal: the ${name} encoding was not loaded (await loadPublishedEncoding first)`);
  return encoding;
}

/** Special tokens are text: an empty disallow list makes the package encode them as characters. */
export const AS_TEXT = { disallowedSpecial: new Set<string>() };

export const WORD_MARK = '\u2581';
const BYTES_TOKEN = /^<bytes:((?:[0-9a-f]{2})+)>$/u;
/** Cached words before the cache is cleared (bounds memory on a huge corpus). */
const CACHE_LIMIT = 1 << 20;

export function publishedTokenizer(name: PublishedEncodingName): (sentence: string) => string[] {
  const encoding = publishedEncoding(name);
  const ids = publishedIds(encoding);
  const spell = speller(encoding);
  return (sentence) => ids(sentence).map(spell);
}

/** Visits the words of a text as spans [start, end), in order (none of them empty or holding white space). */
export type WordSpans = (text: string, visit: (start: number, end: number) => void) => void;

/**
 * Writes one sentence's pieces into a builder. Without `words`, the sentence's words are its runs
 * between white space, and the sentence is begun even when it has none (kept with --empty-sentences);
 * with `words` (the Brown reader's word spans), the sentence is those words joined by single spaces,
 * and a text without words is no sentence.
 */
export type SentenceWriter = (sentence: string, builder: CorpusBuilder, words?: WordSpans) => void;

/**
 * The loader's fast path for a published encoding: writes each sentence's pieces into `builder` as ids.
 * Words are found as spans and interned without cutting them out (SpanInterner over a vocabulary of
 * words); each (word, after a space or not) is encoded, spelled and interned into the builder's
 * vocabulary once, then its ids are copied. The same pieces as publishedTokenizer (tested). The ids
 * cached are the builder's: one writer per builder, whatever the number of files read into it.
 */
export function publishedSentenceWriter(name: PublishedEncodingName): SentenceWriter {
  let writer = writers.get(name);
  if (writer === undefined) writers.set(name, (writer = writerPerBuilder(name)));
  return writer;
}

const writers = new Map<PublishedEncodingName, SentenceWriter>();

function writerPerBuilder(name: PublishedEncodingName): SentenceWriter {
  const perBuilder = new WeakMap<CorpusBuilder, SentenceWriter>();
  return (sentence, builder, words) => {
    let write = perBuilder.get(builder);
    if (write === undefined) perBuilder.set(builder, (write = builderWriter(name, builder)));
    write(sentence, builder, words);
  };
}

/** publishedSentenceWriter for one builder. */
function builderWriter(name: PublishedEncodingName, builder: CorpusBuilder): SentenceWriter {
  const encoding = publishedEncoding(name);
  const encodeWord = uncachedWordEncoder(encoding);
  const spell = speller(encoding);
  const words = new Vocabulary();
  const interner = new SpanInterner(words);
  const pieces = new PieceLists();
  /** The encoding's token id -> the builder's id of its spelling (asked once per new word's piece). */
  const pieceOf = new Map<number, number>();
  const pieceId = (token: number): number => {
    let id = pieceOf.get(token);
    if (id === undefined) pieceOf.set(token, (id = builder.internTokens([spell(token)])[0]!));
    return id;
  };
  let text = '';
  let afterSpace = 0;
  const writeWord = (start: number, end: number): void => {
    const key = interner.intern(text, start, end) * 2 + afterSpace;
    if (!pieces.has(key)) pieces.set(key, encodeWord(words.token(key >> 1), afterSpace === 1), pieceId);
    pieces.write(key, builder);
    afterSpace = 1;
  };
  return (sentence, _builder, wordSpans) => {
    text = sentence;
    afterSpace = 0;
    if (wordSpans === undefined) {
      builder.beginSentence();
      forEachRun(sentence, writeWord);
    } else {
      wordSpans(sentence, writeWord);
    }
    builder.endSentence();
  };
}

/** id -> how the token is written (tokenSpelling), remembered. */
function speller(encoding: Encoding): (id: number) => string {
  const spelling = new Map<number, string>();
  return (id) => {
    let token = spelling.get(id);
    if (token === undefined) spelling.set(id, (token = tokenSpelling(encoding, id)));
    return token;
  };
}

/** The runs between white space (the pieces of split(/\s+/u) that are not empty), by one scan. */
function forEachRun(text: string, visit: (start: number, end: number) => void): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i === text.length ? 32 : text.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13) || (code > 127 && WHITE_SPACE.test(text[i]!));
    if (space) {
      if (start >= 0) visit(start, i);
      start = -1;
    } else if (start < 0) {
      start = i;
    }
  }
}

const WHITE_SPACE = /\s/u;

/**
 * The encoding's ids of one word, with or without the space before it, cached (for publishedIds; the
 * loader's writer keeps its own per-word lists). A sentence's pre-tokens never join a space to what
 * precedes it, so encoding word by word gives the ids of the whole sentence (tested against the package
 * on Brown and awkward text).
 */
function wordEncoder(encoding: Encoding): (word: string, afterSpace: boolean) => readonly number[] {
  const first = new Map<string, readonly number[]>();
  const later = new Map<string, readonly number[]>();
  const encodeWord = uncachedWordEncoder(encoding);
  return (word, afterSpace) => {
    const cache = afterSpace ? later : first;
    let ids = cache.get(word);
    if (ids === undefined) {
      ids = encodeWord(word, afterSpace);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(word, ids);
    }
    return ids;
  };
}

/**
 * The one place words are encoded: the package's encode of the word (after a space or not), ASCII words
 * by ./asciiByteMerge.ts and other words longer than LONG_PIECE by ./longPieceEncoder.ts (the same ids,
 * only faster: the package's merge is quadratic in a piece's length).
 */
function uncachedWordEncoder(encoding: Encoding): (word: string, afterSpace: boolean) => readonly number[] {
  const ascii = asciiEncoder(encoding);
  const long = longPieceEncoder(encoding);
  return (word, afterSpace) => {
    const text = afterSpace ? ` ${word}` : word;
    return ascii?.(text) ?? (text.length > LONG_PIECE ? long?.(text) : undefined) ?? encoding.encode(text, AS_TEXT);
  };
}

/**
 * How a token is written: its text with spaces as `▁`, or, for a token that is only part of a UTF-8
 * character, `<bytes:HEX>` with its bytes in hexadecimal (`<bytes:f09f91>`: the first three bytes of 👍);
 * so is a token whose text holds a `▁` of its own (o200k's " ▁", in text SentencePiece wrote), which
 * its spaces written as `▁` would make two spaces (`<bytes:20e29681>`).
 */
export function tokenSpelling(encoding: Encoding, id: number): string {
  const value = tokenValue(encoding, id);
  if (typeof value === 'string' && !value.includes(WORD_MARK)) return value.replaceAll(' ', WORD_MARK);
  const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
  return `<bytes:${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}>`;
}

/**
 * The token's text, or its bytes when they are not UTF-8 on their own. gpt-tokenizer 4.0 keeps this
 * per token (`tryDecodeToken`); its public `decode` runs every call through one shared streaming
 * TextDecoder, so decoding a token alone depends on what was decoded before (GPT-2's `decode([41840])`
 * is "" and a following `decode([235])` is "👍"). The version is pinned; a test checks this reading.
 */
function tokenValue(encoding: Encoding, id: number): string | Uint8Array {
  const core = (encoding as { bytePairEncodingCoreProcessor?: { tryDecodeToken?: (id: number) => unknown } }).bytePairEncodingCoreProcessor;
  const value = core?.tryDecodeToken?.(id);
  if (typeof value === 'string' || value instanceof Uint8Array) return value;
  throw new Error(`internal: gpt-tokenizer gives no text or bytes for token ${id} (the tool needs gpt-tokenizer 4.0)`);
}

/**
 * The encoding's ids of a sentence (white space collapsed, ends trimmed), word by word with a cache:
 * equal to `encoding.encode(collapsed sentence)` (tested on Brown).
 */
export function publishedIds(encoding: Encoding): (sentence: string) => number[] {
  const encodeWord = wordEncoder(encoding);
  return (sentence) => {
    const ids: number[] = [];
    let afterSpace = false;
    forEachRun(sentence, (start, end) => {
      for (const id of encodeWord(sentence.slice(start, end), afterSpace)) ids.push(id);
      afterSpace = true;
    });
    return ids;
  };
}

/**
 * The text of a run of tokens (the inverse of publishedTokenizer, up to white space): `▁` is a space,
 * and runs of `<bytes:HEX>` pieces are decoded together as UTF-8 (bytes that do not form characters,
 * possible in sampled text, become U+FFFD). Needs no encoding tables.
 */
export function publishedText(tokens: readonly string[]): string {
  let text = '';
  let pending: number[] = [];
  const flush = (): void => {
    if (pending.length > 0) text += UTF8.decode(Uint8Array.from(pending));
    pending = [];
  };
  for (const token of tokens) {
    const bytes = BYTES_TOKEN.exec(token);
    if (bytes === null) {
      flush();
      text += token.replaceAll(WORD_MARK, ' ');
      continue;
    }
    for (let i = 0; i < bytes[1]!.length; i += 2) pending.push(Number.parseInt(bytes[1]!.slice(i, i + 2), 16));
  }
  flush();
  return text;
}

const UTF8 = new TextDecoder();
