/**
 * The word-level view of a subword text: the words a sentence's tokens spell, joined between the word
 * boundaries the encoding marks.
 *
 * Contract: for the published encodings a token starting with `▁` (a space) starts a word, so the words
 * are the sentence's text split at spaces (punctuation stays attached: "world," is one word; on the
 * Brown corpus, whose tokens are encoded joined by spaces, the words are Brown's own tokens); for
 * `bpe:K` a word ends with the piece carrying `</w>`, so the words are the pre-tokenizer's words.
 * Tokens the model strings together without a closing boundary still make a word (one that may never
 * have occurred: an invented word). Round trip: the words of a sentence's tokens are the sentence's
 * words (test/corpus/subword/wordView.test.ts, on Brown). Returns undefined for word-level tokenizers.
 */

import { END_OF_WORD } from './bpeMerges.js';
import { publishedText, WORD_MARK } from './publishedEncoding.js';
import { parseSubword } from './subwordNames.js';

export type WordSplitter = (tokens: readonly string[]) => string[];

/** A published encoding's byte piece that begins with one or more space bytes; group 1: the bytes after them. */
const SPACED_BYTES = /^<bytes:(?:20)+((?:[0-9a-f]{2})*)>$/u;

export function wordSplitter(tokenizer: string): WordSplitter | undefined {
  const subword = parseSubword(tokenizer);
  if (subword === undefined) return undefined;
  if (subword.kind === 'learned') return learnedWords;
  return (tokens) => publishedText(tokens).split(' ').filter((word) => word.length > 0);
}

function learnedWords(tokens: readonly string[]): string[] {
  const words: string[] = [];
  let word = '';
  for (const token of tokens) {
    if (token.endsWith(END_OF_WORD)) {
      words.push(word + token.slice(0, -END_OF_WORD.length));
      word = '';
    } else {
      word += token;
    }
  }
  if (word.length > 0) words.push(word);
  return words;
}

/**
 * The pieces of each word, with the boundary marks taken off (`▁`, `</w>`, a byte piece's leading space
 * bytes), for display: the sentence `▁The ▁Ful ton` of a published encoding gives [["The"], ["Ful",
 * "ton"]], and `hello <bytes:20f09f98> <bytes:80>` (a space and 😀 split in two) [["hello"],
 * ["<bytes:f09f98>", "<bytes:80>"]]. Undefined for word-level tokenizers.
 */
export function wordPieces(tokenizer: string): ((tokens: readonly string[]) => string[][]) | undefined {
  const subword = parseSubword(tokenizer);
  if (subword === undefined) return undefined;
  return (tokens) => {
    const words: string[][] = [];
    let word: string[] = [];
    const close = (): void => {
      if (word.length > 0) words.push(word);
      word = [];
    };
    for (const token of tokens) {
      if (subword.kind === 'published') {
        // a byte piece whose first bytes are spaces (20) starts a word too: `<bytes:20f09f98>` is a space
        // and most of an emoji
        const spaced = SPACED_BYTES.exec(token);
        if (token.startsWith(WORD_MARK) || spaced !== null) close();
        const piece = spaced === null ? token.replace(/^\u2581+/u, '') : spaced[1] === '' ? '' : `<bytes:${spaced[1]}>`;
        if (piece.length > 0) word.push(piece);
      } else {
        word.push(token.endsWith(END_OF_WORD) ? token.slice(0, -END_OF_WORD.length) : token);
        if (token.endsWith(END_OF_WORD)) close();
      }
    }
    close();
    return words;
  };
}
