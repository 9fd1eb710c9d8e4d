import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';
import { BROWN_CATEGORIES, brownFileLetter, brownFiles, brownLineTokens } from '../../src/corpus/brown.js';
import { isBrownSpec } from '../../src/corpus/corpusSpec.js';
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

  it('has 500 files in 15 categories, each of its own letter', () => {
    // The Brown Corpus Manual's counts of texts per category (A news 44, B editorial 27, ... R humor 9).
    const counts: Record<string, number> = {
      news: 44, editorial: 27, reviews: 17, religion: 17, hobbies: 36, lore: 48, belles_lettres: 75, government: 30,
      learned: 80, fiction: 29, mystery: 24, science_fiction: 6, adventure: 29, romance: 29, humor: 9,
    };
    expect(brownFiles('brown')).toHaveLength(500);
    expect(Object.values(BROWN_CATEGORIES).sort()).toEqual(Object.keys(counts).sort());
    for (const [letter, name] of Object.entries(BROWN_CATEGORIES)) {
      const files = brownFiles(`brown:${name}`);
      expect(files.length, name).toBe(counts[name]);
      expect(files.every((path) => brownFileLetter(path.slice(-4)) === letter), name).toBe(true);
    }
    const all = brownFiles('brown');
    expect(all).toEqual([...all].sort());
    expect(all[0]).toMatch(/\/ca01$/u);
  });

  it('reads a text file name only: c, a category letter, two digits', () => {
    expect(['ca01', 'cr09', 'cj80'].map(brownFileLetter)).toEqual(['a', 'r', 'j']);
    // the package's other files and names that only hold a text's name
    expect(['cats.txt', 'CONTENTS', 'README', 'xca01', 'ca01.txt', 'ca1', 'cs01'].map(brownFileLetter)).toEqual(Array(7).fill(undefined));
  });

  it('knows a built-in spec by its exact name or the brown: prefix', () => {
    expect(['brown', 'brown:news', 'brown:'].map(isBrownSpec)).toEqual([true, true, true]);
    expect(['brownie.txt', 'Brown', 'mybrown', 'corpus.txt', 'news'].map(isBrownSpec)).toEqual([false, false, false, false, false]);
  });

  it('loads 57,340 sentences and 1,161,192 tokens', async () => {
    const { corpus } = await loadCorpus(['brown']);
    expect(sentenceCount(corpus)).toBe(57_340);
    expect(tokenCount(corpus)).toBe(1_161_192);
  });

  it('with --tokenizer char, cuts its tokens into characters: the same as char on its sentences written out as text', async () => {
    const words = await loadCorpus(['brown:humor'], { lowercase: false });
    const text = Array.from({ length: sentenceCount(words.corpus) }, (_, s) =>
      Array.from(words.corpus.ids.subarray(words.corpus.offsets[s], words.corpus.offsets[s + 1]), (id) => words.vocabulary.token(id)).join(' '),
    ).join('\n');
    const asText = await loadCorpus(['-'], { tokenizer: 'char', lowercase: false, sentences: 'line', stdin: Readable.from([text]) });
    const chars = await loadCorpus(['brown:humor'], { tokenizer: 'char', lowercase: false });
    const spelled = (loaded: typeof chars): string[] => Array.from(loaded.corpus.ids, (id) => loaded.vocabulary.token(id));
    expect(Array.from(chars.corpus.offsets)).toEqual(Array.from(asText.corpus.offsets));
    expect(spelled(chars)).toEqual(spelled(asText));
    // Every token is one character here (Brown is ASCII), and "It" gives "I", "t".
    expect(spelled(chars).slice(0, 2)).toEqual(['I', 't']);
    expect(tokenCount(chars.corpus)).toBeGreaterThan(4 * tokenCount(words.corpus));
    // Brown's blank lines are no sentences, even where blank lines would be empty sentences
    const keepingEmpty = await loadCorpus(['brown:humor'], { tokenizer: 'char', sentences: 'line', emptySentences: true });
    expect(sentenceCount(keepingEmpty.corpus)).toBe(sentenceCount(words.corpus));
  });

  it('names the valid categories when one is unknown', () => {
    expect(() => brownFiles('brown:poetry')).toThrow(/unknown Brown category 'poetry'/u);
    const error = thrown(() => brownFiles('brown:poetry')) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.hint).toBe(
      'use brown or brown:<category> with one of: news, editorial, reviews, religion, hobbies, lore, belles_lettres, government, learned, fiction, mystery, science_fiction, adventure, romance, humor',
    );
  });
});
