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
 *   byte pieces) is written `<bytes:ID>` with the encoding's id, and decoded together with its
 *   neighbours when words are rebuilt;
 * - special tokens such as `<|endoftext|>` in the text are ordinary text.
 * The ids are exactly the package's `encode(sentence)`; the sentence is encoded word by word (a space
 * and the run of non-space characters after it) with a cache of repeated words, which gives the same
 * tokens because the encodings' pre-tokenizers never join a space to what precedes it (test/corpus/
 * subword/publishedEncoding.test.ts checks this against the package on Brown).
 */

import { createRequire } from 'node:module';
import type { PublishedEncodingName } from './subwordNames.js';

const require = createRequire(import.meta.url);

export interface Encoding {
  encode(text: string, options?: { disallowedSpecial?: Set<string> }): number[];
  decode(ids: Iterable<number>): string;
}

/** The package's encoding object, loaded on first use (the merge tables take 0.1-0.5 s to load). */
export function publishedEncoding(name: PublishedEncodingName): Encoding {
  switch (name) {
    case 'gpt2':
      return require('gpt-tokenizer/encoding/r50k_base') as Encoding;
    case 'cl100k':
      return require('gpt-tokenizer/encoding/cl100k_base') as Encoding;
    case 'o200k':
      return require('gpt-tokenizer/encoding/o200k_base') as Encoding;
  }
}

/** Special tokens are text: an empty disallow list makes the package encode them as characters. */
export const AS_TEXT = { disallowedSpecial: new Set<string>() };

export const WORD_MARK = '\u2581';
const BYTES_TOKEN = /^<bytes:(\d+)>$/u;
/** Cached words before the cache is cleared (bounds memory on a huge corpus). */
const CACHE_LIMIT = 1 << 20;

export function publishedTokenizer(name: PublishedEncodingName): (sentence: string) => string[] {
  const encoding = publishedEncoding(name);
  const ids = publishedIds(encoding);
  const spelling = new Map<number, string>();
  const spell = (id: number): string => {
    let token = spelling.get(id);
    if (token === undefined) spelling.set(id, (token = spellToken(encoding, id)));
    return token;
  };
  return (sentence) => ids(sentence).map(spell);
}

/** How a token is written: its text with spaces as `▁`, or `<bytes:ID>` for part of a character. */
function spellToken(encoding: Encoding, id: number): string {
  const text = encoding.decode([id]);
  return text === '' || text.includes('\uFFFD') ? `<bytes:${id}>` : text.replaceAll(' ', WORD_MARK);
}

/**
 * The encoding's ids of a sentence (white space collapsed, ends trimmed), word by word with a cache:
 * equal to `encoding.encode(collapsed sentence)` (tested on Brown).
 */
export function publishedIds(encoding: Encoding): (sentence: string) => number[] {
  const cache = new Map<string, readonly number[]>();
  const encodeWord = (word: string): readonly number[] => {
    let ids = cache.get(word);
    if (ids === undefined) {
      ids = encoding.encode(word, AS_TEXT);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(word, ids);
    }
    return ids;
  };
  return (sentence) => {
    const ids: number[] = [];
    const words = sentence.trim().split(/\s+/u);
    for (let w = 0; w < words.length; w++) {
      if (words[w] === '') continue;
      for (const id of encodeWord(w === 0 ? words[w]! : ` ${words[w]}`)) ids.push(id);
    }
    return ids;
  };
}

/** The text of a run of tokens (the inverse of publishedTokenizer, up to white space). */
export function publishedText(name: PublishedEncodingName): (tokens: readonly string[]) => string {
  let encoding: Encoding | undefined;
  return (tokens) => {
    let text = '';
    let pending: number[] = [];
    for (const token of tokens) {
      const bytes = BYTES_TOKEN.exec(token);
      if (bytes !== null) {
        pending.push(Number(bytes[1]));
        continue;
      }
      if (pending.length > 0) {
        encoding ??= publishedEncoding(name);
        text += encoding.decode(pending);
        pending = [];
      }
      text += token.replaceAll(WORD_MARK, ' ');
    }
    if (pending.length > 0) text += (encoding ??= publishedEncoding(name)).decode(pending);
    return text;
  };
}
