/**
 * Word reconstruction: the words a sentence's subword tokens spell are the sentence's words, for every
 * subword tokenizer, on the Brown corpus (whose words are its own tokens).
 */

import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/loadCorpus.js';
import { wordPieces, wordSplitter } from '../../../src/corpus/subword/wordView.js';

const sentenceTokens = (vocabulary: { token(id: number): string }, corpus: { ids: Int32Array; offsets: Int32Array }, s: number): string[] =>
  Array.from(corpus.ids.subarray(corpus.offsets[s], corpus.offsets[s + 1]), (id) => vocabulary.token(id));

describe('the word view of subword tokens', () => {
  it.each(['gpt2', 'cl100k', 'o200k', 'bpe:300'])('%s: tokens -> words gives back every Brown sentence\'s words', async (tokenizer) => {
    const words = await loadCorpus(['brown:editorial'], { lowercase: false });
    const pieces = await loadCorpus(['brown:editorial'], { lowercase: false, tokenizer: tokenizer as 'gpt2' });
    const split = wordSplitter(tokenizer)!;
    expect(pieces.corpus.offsets.length).toBe(words.corpus.offsets.length);
    for (let s = 0; s + 1 < words.corpus.offsets.length; s++) {
      expect(split(sentenceTokens(pieces.vocabulary, pieces.corpus, s))).toEqual(sentenceTokens(words.vocabulary, words.corpus, s));
    }
  });

  it('bpe:K: pieces end a word at </w>; pieces without one still make an (invented) word', () => {
    expect(wordSplitter('bpe:10')!(['lo', 'w</w>', 'new', 'est</w>', 'lo'])).toEqual(['low', 'newest', 'lo']);
  });

  it('published encodings: ▁ starts a word, punctuation stays attached', () => {
    expect(wordSplitter('gpt2')!(['Hello', ',', '▁world', '!'])).toEqual(['Hello,', 'world!']);
  });

  it('published encodings: spaces at either end and runs of them make no empty word', () => {
    // '▁Hello', '▁▁world', '▁' spell " Hello  world " -> the words between the spaces
    expect(wordSplitter('gpt2')!(['▁Hello', '▁▁world', '▁'])).toEqual(['Hello', 'world']);
  });

  it("published encodings: a word's own ▁ (written as bytes) stays in the word (o200k's ' ▁' made 'the ▁sign' the words the, sign: audit)", () => {
    expect(wordSplitter('o200k')!(['the', '<bytes:20e29681>', 'sign'])).toEqual(['the', '▁sign']);
  });

  it('is undefined for word-level tokenizers', () => {
    expect(wordSplitter('wordpunct')).toBeUndefined();
    expect(wordPieces('wordpunct')).toBeUndefined();
  });
});

describe('the pieces of each word (tokenize --pieces)', () => {
  it('published encodings: ▁ starts a word and is taken off (only at the start, all of a run); a lone ▁ is no piece', () => {
    // 'Hello' ',' | '▁world' '!' | '▁▁x' 'a▁' | '▁' (closes ['x', 'a▁'] and starts a word left empty)
    expect(wordPieces('gpt2')!(['Hello', ',', '▁world', '!', '▁▁x', 'a▁', '▁'])).toEqual([['Hello', ','], ['world', '!'], ['x', 'a▁']]);
  });

  it('published encodings: a byte piece beginning with space bytes (20) starts a word, shown without them', () => {
    // gpt2 on "hello 😀 world.": ' 😀' is the bytes 20 f0 9f 98 80, split into two pieces
    expect(wordPieces('gpt2')!(['hello', '<bytes:20f09f98>', '<bytes:80>', '▁world', '.'])).toEqual([['hello'], ['<bytes:f09f98>', '<bytes:80>'], ['world', '.']]);
    // two spaces, then a byte of é; a piece of spaces alone only starts a word; 20 after the start is a byte
    expect(wordPieces('gpt2')!(['caf', '<bytes:2020c3>', '<bytes:a9>', 'x', '<bytes:20>', 'y', '<bytes:c320>'])).toEqual([['caf'], ['<bytes:c3>', '<bytes:a9>', 'x'], ['y', '<bytes:c320>']]);
  });

  it('bpe:K: a word ends with its </w> piece, taken off; pieces without one still make a word', () => {
    expect(wordPieces('bpe:10')!(['lo', 'w</w>', 'new', 'est</w>', 'lo'])).toEqual([['lo', 'w'], ['new', 'est'], ['lo']]);
    // a </w> that is not at a piece's end is part of the piece
    expect(wordPieces('bpe:10')!(['a</w>b', 'c</w>'])).toEqual([['a</w>b', 'c']]);
  });
});
