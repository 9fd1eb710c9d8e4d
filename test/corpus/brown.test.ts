import { describe, expect, it } from 'vitest';
import { brownFiles, brownLineTokens } from '../../src/corpus/brown.js';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { sentenceCount, tokenCount } from '../../src/corpus/tokenCorpus.js';

describe('the built-in Brown corpus', () => {
  it('strips tags after the last slash and keeps Brown tokens', () => {
    expect(brownLineTokens('\tThe/at 1/2/cd Fulton/np-tl ./.', true)).toEqual(['the', '1/2', 'fulton', '.']);
    expect(brownLineTokens('The/at', false)).toEqual(['The']);
    expect(brownLineTokens('   ', true)).toEqual([]);
    // A slash is looked for inside the word only (the one before is the word before's), and a slash
    // at a word's start is no tag's: the word is kept whole, never empty.
    expect(brownLineTokens('a/at b', false)).toEqual(['a', 'b']);
    expect(brownLineTokens('/x //in', false)).toEqual(['/x', '/']);
  });

  it('has 500 files, 44 of them news', () => {
    expect(brownFiles('brown')).toHaveLength(500);
    expect(brownFiles('brown:news')).toHaveLength(44);
    expect(brownFiles('brown:science_fiction')).toHaveLength(6);
  });

  it('loads 57,340 sentences and 1,161,192 tokens', async () => {
    const { corpus } = await loadCorpus(['brown']);
    expect(sentenceCount(corpus)).toBe(57_340);
    expect(tokenCount(corpus)).toBe(1_161_192);
  });

  it('names the valid categories when one is unknown', () => {
    expect(() => brownFiles('brown:poetry')).toThrow(/unknown Brown category 'poetry'/u);
  });
});
