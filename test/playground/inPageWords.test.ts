import { describe, expect, it } from 'vitest';
import { inPageWords } from '../../src/playground/pageWords.js';

describe("inPageWords: the CLI's advice the page cannot take points to the command line", () => {
  it('says where --max-tokens and the published encodings are to be had', () => {
    expect(inPageWords('ngram-collapse: the corpus holds more than 5000000 tokens (raise --max-tokens)')).toBe('ngram-collapse: the corpus holds more than 5000000 tokens (raise --max-tokens on the command line (the page keeps its default guard))');
    // cutLetters.ts's way out for a script a word tokenizer cuts (the page offers no published encoding)
    expect(inPageWords('... the published byte-level encodings (--tokenizer gpt2, cl100k or o200k) keep the letters of every script in their words')).toBe(
      '... the published byte-level encodings (--tokenizer gpt2, cl100k or o200k, on the command line: the page does not offer them) keep the letters of every script in their words',
    );
    expect(inPageWords('ngram-collapse: warning: nothing to change')).toBe('ngram-collapse: warning: nothing to change');
  });
});
