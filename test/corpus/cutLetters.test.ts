/**
 * Letters a word tokenizer cuts out of words (cutLetters.ts): counted per tokenizer by its own word
 * letters, only next to another letter, and warned about from 2% of the tokens; and that the counted
 * letters are the tokens natural's tokenizers really cut.
 */

import { describe, expect, it } from 'vitest';
import { CUT_LETTER_WARNING_SHARE, CutLetterCount, fixedTokenizerWarnings } from '../../src/corpus/cutLetters.js';
import { CorpusBuilder } from '../../src/corpus/corpusBuilder.js';
import { DEFAULT_TEXT_OPTIONS, finishCorpus, readCorpusText, readTextInto } from '../../src/corpus/readText.js';
import { Vocabulary } from '../../src/vocabulary/vocabulary.js';
import type { InputError } from '../../src/errors.js';
import { prepareTokenizer, tokenizerFor } from '../../src/corpus/tokenizers.js';

function count(tokenizer: string, ...sentences: string[]): number {
  const letters = new CutLetterCount(tokenizer);
  for (const sentence of sentences) letters.read(sentence);
  return letters.letters;
}

describe('CutLetterCount', () => {
  it('counts the letters outside the word letters of wordpunct (A-Z, Latin-1) that stand next to a letter', () => {
    // "Zażółć": ż, ł, ć are beyond Latin-1 (ó, U+00F3, is Latin-1): 3. "gęślą": ę, ś, ą: 3. "jaźń": ź, ń: 2.
    expect(count('wordpunct', 'Zażółć gęślą jaźń.')).toBe(8);
    // Latin-1 letters (é, ß, ü, ö) are word letters to wordpunct: 0.
    expect(count('wordpunct', 'Déjà vu: Straße über Öl.')).toBe(0);
    // "Привет мир": 6 + 3 letters, each next to another.
    expect(count('wordpunct', 'Привет, мир!')).toBe(9);
  });

  it('counts Latin-1 letters too for treebank (A-Z only)', () => {
    // é, à, ß, ü, Ö: 5 (each next to a letter).
    expect(count('treebank', 'Déjà vu: Straße über Öl.')).toBe(5);
  });

  it('does not count a letter standing alone, nor anything for the other tokenizers', () => {
    // α and β are words of their own here; "x" is ASCII.
    expect(count('wordpunct', 'Let α be the angle and β the other; then α + β = 90 x.')).toBe(0);
    expect(count('treebank', 'Let α be the angle.')).toBe(0);
    for (const tokenizer of ['whitespace', 'char', 'o200k', 'bpe:100']) expect(count(tokenizer, 'Zażółć gęślą jaźń.')).toBe(0);
  });

  it('counts every letter word drops: all but A-Z and basic Cyrillic (А-я, not Ё), alone or not', () => {
    // ż ó ł ć ę ś ą ź ń: 9; "Привет" is kept; ё and α are dropped: 2; é: 1.
    expect(count('word', 'Zażółć gęślą jaźń.', 'Привет ёж α café')).toBe(12);
    // A sentence without one ASCII character is read too: 8 letters.
    expect(count('word', 'Καλημέρα')).toBe(8);
  });

  it('counts exactly the one-letter tokens wordpunct and treebank cut out of words, on random text', async () => {
    // Words of letters from several scripts; a cut letter is a token of its own, next to other letters.
    const letters = [...'abzAZéßÿŸżółćęПрΩλ'];
    let seed = 7;
    const pick = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (const tokenizer of ['wordpunct', 'treebank']) {
      await prepareTokenizer(tokenizer);
      const tokenize = tokenizerFor(tokenizer);
      for (let round = 0; round < 200; round++) {
        const sentence = Array.from({ length: 1 + pick(6) }, () => Array.from({ length: 1 + pick(5) }, () => letters[pick(letters.length)]).join('')).join(' ');
        // The cut letters: one-letter tokens outside the word letters, from words of two letters or more.
        const words = sentence.split(' ').filter((word) => word.length > 1);
        // (wordpunct's letters are its pattern's class, read case-insensitively as natural reads it: Ÿ too.)
        const cut = words.flatMap((word) => tokenize(word)).filter((token) => token.length === 1 && !(tokenizer === 'wordpunct' ? /^[A-Za-zÀ-ÿ-]$/i : /[A-Za-z]/u).test(token));
        expect(count(tokenizer, sentence)).toBe(cut.length);
      }
    }
  });

  it('warns from 2% of the tokens, with the count and the way out', () => {
    const letters = new CutLetterCount('wordpunct');
    letters.read('zażółć'); // ż, ł, ć: 3
    expect(CUT_LETTER_WARNING_SHARE).toBe(0.02);
    // 3 of 150 tokens is 2.0%: a warning; 3 of 151 (1.99%) none.
    expect(letters.warning(150)).toBe(
      'the wordpunct tokenizer cut 3 letters out of words, each now a token (2.0% of the tokens: it takes only A-Z and ' +
        'Latin-1 letters for word letters); the whitespace tokenizer keeps words of every script whole (the char tokenizer ' +
        'makes each character a token, for text written without spaces)',
    );
    expect(letters.warning(151)).toBeUndefined();
    // 3 of 30 is 10%: no decimal from 10% up; 3 of 31 (9.7%) one.
    expect(letters.warning(30)).toContain('(10% of the tokens');
    expect(letters.warning(31)).toContain('(9.7% of the tokens');
    expect(letters.warning(0)).toBeUndefined();
    const one = new CutLetterCount('treebank');
    one.read('café');
    expect(one.warning(4)).toMatch(/^the treebank tokenizer cut 1 letter out of words, each now a token \(25% of the tokens: it takes only A-Z letters/u);
    const dropped = new CutLetterCount('word');
    dropped.read('Καλημέρα κόσμε'); // 13 letters, all dropped
    expect(dropped.emptyCorpusReason()).toBe('the word tokenizer dropped its 13 letters, keeping only A-Z and basic Cyrillic letters in words');
    expect(dropped.warning(20)).toBe(
      'the word tokenizer dropped 13 letters (65% as many as the tokens): it keeps only A-Z and basic Cyrillic letters in words; ' +
        'the whitespace tokenizer keeps words of every script whole (the char tokenizer makes each character a token, for text written without spaces)',
    );
    // as many letters as tokens or more: per token ("225% as many as the tokens" read oddly: audit); 13 / 4 = 3.25
    expect(dropped.warning(4)).toMatch(/^the word tokenizer dropped 13 letters \(3\.3 for each token\): it keeps only/u);
    expect(dropped.warning(13)).toMatch(/^the word tokenizer dropped 13 letters \(1 for each token\)/u);
    expect(letters.emptyCorpusReason()).toBeUndefined(); // wordpunct keeps its letters as tokens
    expect(new CutLetterCount('whitespace').emptyCorpusReason()).toBeUndefined();
    expect(letters.warning(0)).toBeUndefined();
    expect(dropped.warning(651)).toBeUndefined(); // 13 / 651 < 2%
  });

  it('points Chinese and Japanese to char, where whitespace would make each sentence one token, from more than half the letters on', () => {
    const wayOut = (text: string, tokenizer = 'wordpunct'): string => {
      const letters = new CutLetterCount(tokenizer);
      letters.read(text);
      return letters.warning(1)!.replace(/^.*?; /u, '');
    };
    const charFirst =
      'most are Chinese or Japanese characters, written without spaces between words: the char tokenizer makes each character a token (the whitespace tokenizer would make each sentence one token)';
    const whitespaceFirst = 'the whitespace tokenizer keeps words of every script whole (the char tokenizer makes each character a token, for text written without spaces)';
    expect(wayOut('今日は良い天気です')).toBe(charFirst); // 9 letters cut: Han, Hiragana
    expect(wayOut('コーヒー')).toBe(charFirst); // Katakana: コ ー ヒ ー (ー is a letter of both kana)
    expect(wayOut('我们的世界', 'treebank')).toBe(charFirst);
    expect(wayOut('我们的世界', 'word')).toBe(charFirst);
    // α β 日 本: 2 of 4 cut letters unspaced, not more than half; α β 日 本 語: 3 of 5
    expect(wayOut('αβ日本')).toBe(whitespaceFirst);
    expect(wayOut('αβ日本語')).toBe(charFirst);
    expect(wayOut('한국어 문장')).toBe(whitespaceFirst); // Korean is written with spaces
    const dropped = new CutLetterCount('word');
    dropped.read('今日は');
    expect(dropped.mostlyUnspaced()).toBe(true);
    dropped.read('Καλημέρα');
    expect(dropped.mostlyUnspaced()).toBe(false);
  });
});

describe('fixedTokenizerWarnings (a corpus read once per tokenizer of a set the user cannot change)', () => {
  // zażółć: ż, ł, ć cut out (3 of 150 tokens or pre-tokenizer words, 2.0%)
  const warningOf = (tokenizer: string, shownAs = tokenizer): string => {
    const letters = new CutLetterCount(tokenizer, shownAs);
    letters.read('zażółć');
    return letters.warning(150)!;
  };

  it('says the advice in place of another --tokenizer, and a bpe:K pre-tokenizer repeats no word tokenizer that warned', () => {
    const said: string[] = [];
    const warn = fixedTokenizerWarnings('ADVICE', (message) => said.push(message));
    warn(warningOf('wordpunct'));
    warn(warningOf('wordpunct', 'bpe:500'));
    warn(warningOf('wordpunct', 'bpe:4000'));
    warn('a.txt is not valid UTF-8 (2 invalid byte sequences, the first on line 3); each was replaced by U+FFFD');
    const japanese = new CutLetterCount('treebank');
    japanese.read('今日は');
    warn(japanese.warning(3)!);
    expect(said).toEqual([
      'the wordpunct tokenizer cut 3 letters out of words, each now a token (2.0% of the tokens: it takes only A-Z and Latin-1 letters for word letters); ADVICE',
      'a.txt is not valid UTF-8 (2 invalid byte sequences, the first on line 3); each was replaced by U+FFFD',
      'the treebank tokenizer cut 3 letters out of words, each now a token (100% of the tokens: it takes only A-Z letters for word letters); ADVICE',
    ]);
  });

  it("says a pre-tokenizer's warning once when no reading by its word tokenizer warned, and every word tokenizer's own", () => {
    const said: string[] = [];
    const warn = fixedTokenizerWarnings('ADVICE', (message) => said.push(message));
    warn(warningOf('wordpunct', 'bpe:500'));
    warn(warningOf('wordpunct', 'bpe:4000'));
    warn(warningOf('treebank'));
    expect(said).toEqual([
      "the bpe:500 tokenizer's pre-tokenizer (wordpunct) cut 3 letters out of words, each now a word of its own that no merge joins back (2.0% of the words: it takes only A-Z and Latin-1 letters for word letters); ADVICE",
      // treebank cuts ó too: 4 of 150, 2.7%
      'the treebank tokenizer cut 4 letters out of words, each now a token (2.7% of the tokens: it takes only A-Z letters for word letters); ADVICE',
    ]);
  });
});

describe('the loader warns about cut letters', () => {
  async function warnings(text: string, tokenizer: string): Promise<string[]> {
    const found: string[] = [];
    await readCorpusText(text, { tokenizer: tokenizer as 'wordpunct', onWarning: (message) => found.push(message) });
    return found;
  }

  it('for Polish with wordpunct, not with whitespace, and not for English with a Greek letter', async () => {
    const polish = 'Zażółć gęślą jaźń. Przyjechał wóz z żółtym mlekiem.';
    // Tokens (ó is a Latin-1 letter): za ż ó ł ć g ę ś l ą ja ź ń . przyjecha ł wóz z ż ó ł tym mlekiem . (24);
    // cut: ż ł ć ę ś ą ź ń ł ż ł (11); 11 / 24 = 46%.
    expect(await warnings(polish, 'wordpunct')).toEqual([expect.stringMatching(/^the wordpunct tokenizer cut 11 letters out of words, each now a token \(46% of the tokens/u)]);
    expect(await warnings(polish, 'whitespace')).toEqual([]);
    expect(await warnings('Let α be the angle of the triangle.', 'wordpunct')).toEqual([]);
  });

  it('explains a corpus left with no token because word dropped every letter, in one refusal', async () => {
    await expect(readCorpusText('Καλημέρα κόσμε.', { tokenizer: 'word', name: 'greek.txt' })).rejects.toThrow(
      /^the corpus greek\.txt holds no tokens: the word tokenizer dropped its 13 letters, keeping only A-Z and basic Cyrillic letters in words$/u,
    );
    const hint = (reading: Promise<unknown>): Promise<string> => reading.then(() => 'no refusal', (error: InputError) => error.hint);
    expect(await hint(readCorpusText('Καλημέρα κόσμε.', { tokenizer: 'word' }))).toBe('use the whitespace tokenizer, --tokenizer whitespace on the command line, which keeps words of every script whole');
    // Japanese: whitespace would make the sentence one token
    expect(await hint(readCorpusText('今日は良い天気です。', { tokenizer: 'word' }))).toBe(
      'use the char tokenizer, --tokenizer char on the command line, which makes each character a token: Chinese and Japanese put no spaces between words',
    );
    await expect(readCorpusText('...', { tokenizer: 'word', name: 'dots.txt' })).rejects.toThrow(/^the corpus dots\.txt holds no tokens$/u);
    expect(await hint(readCorpusText('...', { tokenizer: 'word' }))).toBe('pass a non-empty text corpus');
    // finishCorpus without a count (a caller that counted no letters) refuses the same way.
    expect(() => finishCorpus(new CorpusBuilder(new Vocabulary()), 'x.txt', {})).toThrow(/^the corpus x\.txt holds no tokens$/u);
    expect(await warnings('Die Straße ist naß und über dem Öl.', 'word')).toEqual([expect.stringMatching(/^the word tokenizer dropped 4 letters \(/u)]);
  });

  it('reads without a listener, and readTextInto without a count', async () => {
    const { corpus } = await readCorpusText('Zażółć gęślą jaźń.', { tokenizer: 'wordpunct' });
    expect(corpus.ids.length).toBe(14);
    const builder = new CorpusBuilder(new Vocabulary());
    await readTextInto({ text: 'Zażółć gęślą jaźń.', format: 'text', name: 'pl' }, { ...DEFAULT_TEXT_OPTIONS }, builder);
    expect(builder.tokenCount).toBe(14);
    expect(Array.from(finishCorpus(builder, 'pl', {}).offsets)).toEqual([0, 14]);
  });

  it('sums the letters over the sources of a corpus and over JSON Lines records', async () => {
    const records = ['{"text": "Zażółć gęślą jaźń."}', '{"text": "Zażółć gęślą jaźń."}'].join('\n');
    const found: string[] = [];
    await readCorpusText(records, { format: 'jsonl', tokenizer: 'wordpunct', onWarning: (message) => found.push(message) });
    // 8 cut letters per record, 14 tokens per record (za ż ó ł ć g ę ś l ą ja ź ń .).
    expect(found).toEqual([expect.stringMatching(/cut 16 letters out of words, each now a token \(57% of the tokens/u)]);
  });
});

describe("the README's table of text beyond English", () => {
  it('is what the tokenizers give (lowercased, as by default)', async () => {
    const rows: [string, Record<string, string>][] = [
      ['Zażółć gęślą jaźń.', { wordpunct: 'za ż ó ł ć g ę ś l ą ja ź ń .', treebank: 'za ż ó ł ć g ę ś l ą ja ź ń .', word: 'za g l ja', whitespace: 'zażółć gęślą jaźń.' }],
      ['Straße über Öl.', { wordpunct: 'straße über öl .', treebank: 'stra ß e ü ber ö l .', word: 'stra e ber l', whitespace: 'straße über öl.' }],
      ['Καλημέρα κόσμε.', { wordpunct: 'κ α λ η μ έ ρ α κ ό σ μ ε .', treebank: 'κ α λ η μ έ ρ α κ ό σ μ ε .', word: '', whitespace: 'καλημέρα κόσμε.' }],
    ];
    for (const [text, expected] of rows) {
      for (const [tokenizer, tokens] of Object.entries(expected)) {
        await prepareTokenizer(tokenizer);
        expect(tokenizerFor(tokenizer)(text.toLowerCase()).join(' ')).toBe(tokens);
      }
    }
  });
});
