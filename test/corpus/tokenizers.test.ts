/**
 * Tokenizers: `char` yields grapheme clusters; every tokenizer keeps the contract (non-empty tokens, no
 * white space); the table of names and what each name resolves to; natural loaded only when needed.
 */

import { createRequire } from 'node:module';
import seedrandom from 'seedrandom';
import { describe, expect, it, vi } from 'vitest';
import {
  TOKENIZER_NAMES,
  WORD_TOKENIZER_NAMES,
  forEachWord,
  forEachWordPunct,
  isSpace,
  isTokenizerName,
  lowercasesByDefault,
  joinSurrogateHalves,
  prepareTokenizer,
  spanScannerFor,
  tokenizerFor,
} from '../../src/corpus/tokenizers.js';
import { UsageError, describeError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';

describe('tokenizers', () => {
  it('char yields grapheme clusters: an emoji with its skin tone, a joined family, a letter with its accent', () => {
    const char = tokenizerFor('char');
    expect(char('👍🏽')).toEqual(['👍🏽']);
    expect(char('👨‍👩‍👧‍👦 ok')).toEqual(['👨‍👩‍👧‍👦', 'o', 'k']);
    // "e" + U+0301 (combining acute) is one cluster, as is the composed U+00E9.
    expect(char('e\u0301t\u00E9')).toEqual(['e\u0301', 't', '\u00E9']);
    expect(char(' a\tb\n')).toEqual(['a', 'b']);
    // a combining mark after a space is one cluster with it (UAX #29): the mark is kept as after a
    // tab, where it is a cluster of its own (it was dropped with the space: audit)
    expect(char('a \u0301b c.')).toEqual(['a', '\u0301', 'b', 'c', '.']);
    expect(char('x\t\u0308y')).toEqual(['x', '\u0308', 'y']);
    expect(char('a\u00A0\u0301\u0302 b')).toEqual(['a', '\u0301\u0302', 'b']);
  });

  it('char gives a long text, segmented in windows, exactly the clusters Intl.Segmenter gives it whole', () => {
    // Pieces whose clusters span several code units: combining marks, a ZWJ family, skin tones, flags
    // (regional indicators pair up from the left, so a window restarted mid-run would pair them wrongly),
    // Hangul jamo, CR LF, surrogate pairs, white space (also before a combining mark), ASCII.
    const pieces = ['e\u0301', '\u0301', '👨‍👩‍👧', '\u200d', '👍🏽', '🇫', '🇷', '🇩🇪', '\u1100', '\u1161', '\u11a8', '\r\n', '\r', '😀', ' ', '\u00a0', 'a', '.', '的', 'z\u0308\u0301\u0323'];
    const random = seedrandom('graphemes');
    const whole = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const char = tokenizerFor('char');
    for (let trial = 0; trial < 40; trial++) {
      let text = '';
      const length = Math.floor(random() * 3000);
      while (text.length < length) text += pieces[Math.floor(random() * pieces.length)]!;
      // Once in a while a run of 600 regional indicators: one cluster of two each, longer than a window.
      if (trial % 8 === 0) text = `x${'🇫'.repeat(301)}${text}`;
      const expected = Array.from(whole.segment(text), ({ segment }) => segment.replace(/\s/gu, '')).filter((segment) => segment !== '');
      expect(char(text), `trial ${trial}`).toEqual(expected);
    }
    // A window of 256 code units ending inside a surrogate pair whose character joins the one before:
    // a skin tone U+1F3FF (low half DFFF) after a thumb, a rat U+1F400 (low half DC00) after a cat and a
    // ZWJ; the pair's low half lands on 256 for some padding.
    for (const joined of ['👍🏿', '🐈\u200d🐀']) {
      for (let padding = 250; padding <= 256; padding++) {
        const text = `${'x'.repeat(padding)}${joined} y`;
        expect(char(text), `${joined} after ${padding}`).toEqual([...'x'.repeat(padding), joined, 'y']);
      }
    }
    // One cluster longer than a window (a letter with 700 combining marks) stays one token.
    const long = `a${'\u0301'.repeat(700)}`;
    expect(char(`${long} b`)).toEqual([long, 'b']);
  });

  it('whitespace splits on any white space; the natural ones split punctuation', () => {
    expect(tokenizerFor('whitespace')('a  b\u00A0c\td')).toEqual(['a', 'b', 'c', 'd']);
    expect(tokenizerFor('wordpunct')("Don't stop.")).toEqual(['Don', "'", 't', 'stop', '.']);
  });

  it('lists its names and refuses an unknown one with them', () => {
    expect(TOKENIZER_NAMES).toEqual(['word', 'wordpunct', 'treebank', 'whitespace', 'char', 'gpt2', 'cl100k', 'o200k', 'bpe:K']);
    expect(() => tokenizerFor('bpe')).toThrow(UsageError);
    // A name inherited by every object is not a tokenizer either.
    expect(() => tokenizerFor('toString')).toThrow(/unknown tokenizer 'toString'/u);
    expect(describeError(thrown(() => tokenizerFor('x')))).toMatch(/use one of: word, wordpunct, treebank, whitespace, char, gpt2, cl100k, o200k, bpe:K/u);
  });
});

describe('the tokenizer contract', () => {
  it('every word tokenizer gives non-empty tokens without white space, on random text with every white space', async () => {
    const spaces: string[] = [];
    for (let code = 0; code < 0x10000; code++) if (/\s/u.test(String.fromCharCode(code))) spaces.push(String.fromCharCode(code));
    const alphabet = [...spaces, ...spaces, ...'ab9.,\'"-:;!?()é', "n't", 'can', 'not', 'Mr.', '\u0301', '😀'];
    for (const name of WORD_TOKENIZER_NAMES) await prepareTokenizer(name);
    const random = seedrandom('contract');
    for (let trial = 0; trial < 3000; trial++) {
      const text = Array.from({ length: Math.floor(random() * 14) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      for (const name of WORD_TOKENIZER_NAMES) {
        for (const token of tokenizerFor(name)(text)) {
          expect(token.length, `${name} on ${JSON.stringify(text)}`).toBeGreaterThan(0);
          expect(/\s/u.test(token), `${name} on ${JSON.stringify(text)}: ${JSON.stringify(token)}`).toBe(false);
        }
      }
    }
  });
});

describe('what a name resolves to', () => {
  it('whitespace and wordpunct give spans; bpe:K is wordpunct (its pre-tokenizer); the rest give strings only', async () => {
    expect(spanScannerFor('whitespace')).toBe(forEachWord);
    expect(spanScannerFor('wordpunct')).toBe(forEachWordPunct);
    expect(spanScannerFor('bpe:50')).toBe(forEachWordPunct);
    for (const name of ['word', 'treebank', 'char', 'gpt2']) expect(spanScannerFor(name), name).toBeUndefined();
    expect(tokenizerFor('bpe:50')("Don't stop.")).toEqual(['Don', "'", 't', 'stop', '.']);
    expect(() => spanScannerFor('bpe:x')).toThrow(UsageError);
  });

  it('knows its names (a malformed bpe:K is none) and lowercases for the word-level ones only', () => {
    for (const name of ['word', 'char', 'gpt2', 'bpe:50']) expect(isTokenizerName(name), name).toBe(true);
    for (const name of ['bpe:x', 'bpe:0', 'bpe', 'toString', '']) expect(isTokenizerName(name), name).toBe(false);
    for (const name of WORD_TOKENIZER_NAMES) expect(lowercasesByDefault(name), name).toBe(true);
    for (const name of ['gpt2', 'cl100k', 'o200k', 'bpe:50']) expect(lowercasesByDefault(name), name).toBe(false);
  });

  it("loads natural's tokenizers for word and treebank only, and says so if asked for them unloaded", async () => {
    for (const [name, tokens] of [
      ['word', ['Don', 't', 'stop']],
      ['treebank', ['Do', "n't", 'stop', '.']],
    ] as const) {
      vi.resetModules();
      const fresh = await import('../../src/corpus/tokenizers.js');
      await fresh.prepareTokenizer('wordpunct');
      expect(() => fresh.tokenizerFor(name)).toThrow(`tokenizer '${name}' is not loaded yet`);
      await fresh.prepareTokenizer(name);
      expect(fresh.tokenizerFor(name)("Don't stop.")).toEqual(tokens);
    }
  });
});

describe('isSpace', () => {
  it('matches exactly the code units /\\s/u matches', () => {
    for (let code = 0; code < 0x10000; code++) expect(isSpace(code)).toBe(/\s/u.test(String.fromCharCode(code)));
  });
});

describe('wordpunct', () => {
  it("gives exactly natural's WordPunctTokenizer tokens (white space dropped) on random Unicode", async () => {
    const natural = createRequire(import.meta.url)('natural/lib/natural/tokenizers') as { WordPunctTokenizer: new () => { tokenize(text: string): string[] } };
    const reference = new natural.WordPunctTokenizer();
    // a fresh module, so its class table is built in this test (a mutation run keeps modules loaded)
    vi.resetModules();
    const ours = (await import('../../src/corpus/tokenizers.js')).tokenizerFor('wordpunct');
    const random = seedrandom('wordpunct');
    // Letters, digits, punctuation, Latin-1, Ÿ (matched through the case-insensitive flag), ſ, Greek,
    // CJK, an emoji (a surrogate pair), combining accents, tabs, no-break spaces and line ends.
    const alphabet = [...'aZ09._-\'",;:!?()éÿŸſΩ日本\u0301\t\u00A0\n\u2028 '].concat(['😀', 'x'.repeat(3)]);
    for (let trial = 0; trial < 2000; trial++) {
      const length = Math.floor(random() * 30);
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      // natural's tokens, a character beyond U+FFFF joined from its two halves (our one difference)
      const expected = joinSurrogateHalves(reference.tokenize(text).filter((token) => token.length > 0 && !/\s/u.test(token)));
      expect(ours(text)).toEqual(expected);
    }
    expect(ours("She said 'hello'.")).toEqual(['She', 'said', "'", 'hello', "'", '.']);
  });

  it("classifies every code unit of the BMP as natural's pattern does, whether first met inside a run or at a token's start", async () => {
    const natural = createRequire(import.meta.url)('natural/lib/natural/tokenizers') as { WordPunctTokenizer: new () => { tokenize(text: string): string[] } };
    const reference = new natural.WordPunctTokenizer();
    // Code units are classified as first met (the table starts unclassified): in a fresh module for each
    // order, every code unit is first met after a letter and after a digit (the run's own test), then at
    // the start of a text (the first test); the surrogates are left out (a lone half is its own token).
    const inRunFirst = (ch: string): string => `a${ch}1${ch}${ch}`;
    const atStartFirst = (ch: string): string => `${ch}a${ch}1${ch}`;
    for (const shape of [inRunFirst, atStartFirst]) {
      vi.resetModules();
      const ours = (await import('../../src/corpus/tokenizers.js')).tokenizerFor('wordpunct');
      for (let code = 0; code < 0x10000; code++) {
        if (code >= 0xd800 && code <= 0xdfff) continue;
        const text = shape(String.fromCharCode(code));
        const expected = reference.tokenize(text).filter((token) => token.length > 0 && !/\s/u.test(token));
        // (tokenized once: a second call would find the code unit classified)
        const tokens = ours(text);
        if (tokens.join('\u0000') !== expected.join('\u0000')) expect([code, tokens]).toEqual([code, expected]);
      }
    }
  });

  it('keeps a character beyond U+FFFF whole: an emoji is one token, two emoji two', () => {
    const ours = tokenizerFor('wordpunct');
    // natural gives 'Good', '\ud83d', '\udc4d', ...: every emoji of the block would share the token '\ud83d'
    expect(ours('Good 👍 morning😀!')).toEqual(['Good', '👍', 'morning', '😀', '!']);
    expect(ours('🐱🐱 𝔸')).toEqual(['🐱', '🐱', '𝔸']);
    // the surrogate ranges' ends: U+10000 is D800 DC00, U+10FFFF is DBFF DFFF; U+D7FF and U+E000 are no halves
    expect(ours('\u{10000}\u{10FFFF}')).toEqual(['\u{10000}', '\u{10FFFF}']);
    expect(ours('\uD7FF\uDC00 \uD800\uE000')).toEqual(['\uD7FF', '\uDC00', '\uD800', '\uE000']);
    expect(joinSurrogateHalves(['\uDBFF', '\uDFFF', '\uDC00'])).toEqual(['\u{10FFFF}', '\uDC00']);
    // a lone half (not from UTF-8 text, but a string a library caller may pass) stays a token of its own
    expect(ours('a\ud83d b\udc4d')).toEqual(['a', '\ud83d', 'b', '\udc4d']);
    // the span scanner agrees (the loader's path): spans of two code units
    const spans: Array<[number, number]> = [];
    forEachWordPunct('x👍.', (start, end) => spans.push([start, end]));
    expect(spans).toEqual([[0, 1], [1, 3], [3, 4]]);
  });
});

describe('treebank and surrogate halves', () => {
  it("joins the halves natural's TreebankWordTokenizer cuts a character beyond U+FFFF into", async () => {
    await prepareTokenizer('treebank');
    // natural: 'a', '\ud83d', '\udc4d', 'b', '(', '\ud83d', '\udc31', '\ud83d', '\udc31', ')'
    expect(tokenizerFor('treebank')('a👍b (🐱🐱)')).toEqual(['a', '👍', 'b', '(', '🐱', '🐱', ')']);
    expect(tokenizerFor('treebank')("Don't stop.")).toEqual(['Do', "n't", 'stop', '.']);
  });

  it('joinSurrogateHalves joins a token ending in a high half to one starting with a low half, and nothing else', () => {
    expect(joinSurrogateHalves(['a\ud83d', '\udc4db', 'c'])).toEqual(['a👍b', 'c']);
    expect(joinSurrogateHalves(['\ud83d', '\udc4d', '\ud83d', '\udc4d'])).toEqual(['👍', '👍']);
    // a low half before a high one, or a high half before a letter, is not a pair
    expect(joinSurrogateHalves(['\udc4d', '\ud83d'])).toEqual(['\udc4d', '\ud83d']);
    expect(joinSurrogateHalves(['\ud83d', 'x', '\udc4d'])).toEqual(['\ud83d', 'x', '\udc4d']);
    const plain = ['a', 'b'];
    expect(joinSurrogateHalves(plain)).toBe(plain);
  });
});
