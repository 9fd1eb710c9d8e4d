/**
 * Long inputs stay linear: a long paragraph is split into sentences as it grows (keeping only its
 * unfinished sentence); very long sentences are tokenized in pieces. A single line of 50 MB loads
 * whole (generated in a temporary folder, never committed). How fast is measured by `npm run bench`
 * (bench/longInput.mjs), not asserted here (a loaded machine would make a time limit flaky or meaningless).
 */

import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { sentenceSplitter } from '../../src/corpus/sentenceSplitter.js';
import { prepareTokenizer, tokenizerFor, WORD_TOKENIZER_NAMES, whitespaceWindows } from '../../src/corpus/tokenizers.js';

describe('a long paragraph in auto mode', () => {
  it('is split as it grows, with the same sentences as each sentence on its own', () => {
    // 3,000 lines of 2 sentences each, no blank line: one paragraph of about 170 kB, more than the
    // 64 kB after which the splitter cuts the run it holds.
    const lines = Array.from({ length: 3000 }, (_, i) => `Mr. Smith met Dr. Jones ${i} times. They talked!`);
    const sentences = sentenceSplitter('auto')(lines.join('\n'));
    expect(sentences).toHaveLength(6000);
    expect(sentences.slice(0, 3)).toEqual(['Mr. Smith met Dr. Jones 0 times.', 'They talked!', 'Mr. Smith met Dr. Jones 1 times.']);
    expect(sentences.join(' ')).toBe(lines.join(' '));
  });

  it('keeps a sentence without an end whole however long it grows', () => {
    // Lowercase wrapped lines of 60 characters: wrapped prose, every break a space, no sentence end.
    const line = 'word '.repeat(12).trim();
    const sentences = sentenceSplitter('auto')(Array.from({ length: 5000 }, () => line).join('\n'));
    expect(sentences).toHaveLength(1);
    expect(sentences[0]!.length).toBe(5000 * (line.length + 1) - 1);
  });
});

describe('whitespaceWindows', () => {
  it('cuts at white space after the size, keeps every character, never splits a surrogate pair', () => {
    expect([...whitespaceWindows('aa bb cc dd', 4)]).toEqual(['aa bb ', 'cc dd']);
    const emoji = '😀'.repeat(10);
    const pieces = [...whitespaceWindows(emoji, 3)];
    expect(pieces.join('')).toBe(emoji);
    for (const piece of pieces) expect(piece.length % 2).toBe(0);
    expect(pieces).toEqual(Array.from({ length: 5 }, () => '😀😀'));
  });

  it('cuts a word longer than the size where the size ends, or at the end of a cluster there', () => {
    // 'abcdefgh ij', size 3: no white space in 'def' and 8 characters left, so a cut at 3; then
    // 'gh ' has white space, the cut goes after it.
    expect([...whitespaceWindows('abcdefgh ij', 3)]).toEqual(['abc', 'defgh ', 'ij']);
    // exactly `size` characters left: one piece
    expect([...whitespaceWindows('abcdef', 3)]).toEqual(['abcdef']);
    // a surrogate pair across the cut: the cut moves past it (U+10000 and U+10FFFF: the ends of the range)
    expect([...whitespaceWindows('ab😀cdef', 3)]).toEqual(['ab😀', 'cdef']);
    expect([...whitespaceWindows('ab\u{10000}cdef', 3)]).toEqual(['ab\u{10000}', 'cdef']);
    expect([...whitespaceWindows('ab\u{10FFFF}cdef', 3)]).toEqual(['ab\u{10FFFF}', 'cdef']);
    // a whole pair before the cut: no move
    expect([...whitespaceWindows('a😀😀😀', 3)]).toEqual(['a😀', '😀😀']);
    // a cluster across the cut, not only a pair (it cut 👍🏽 into 👍 and 🏽, q́ into q and the accent: audit)
    expect([...whitespaceWindows('ab👍🏽cdef', 3)]).toEqual(['ab👍🏽', 'cdef']);
    expect([...whitespaceWindows('abq\u0301\u0301cdef', 3)]).toEqual(['abq\u0301\u0301', 'cdef']);
    // a cluster longer than the window (a letter and 600 accents): cut where the size ends, the one place left
    const marks = `a${'q'.padEnd(601, '\u0301')}bcdef`;
    expect([...whitespaceWindows(marks, 300)].map((piece) => piece.length)).toEqual([300, marks.length - 300]);
    // one of 200 accents ends within the window: the cut goes after it
    const fewer = `a${'q'.padEnd(201, '\u0301')}bcdef`;
    expect([...whitespaceWindows(fewer, 100)]).toEqual([fewer.slice(0, 202), 'bcdef']);
    // a cut at the very end leaves no empty piece
    expect([...whitespaceWindows('aaaab ', 3)]).toEqual(['aaaab ']);
  });

  it('gives char the flags of the whole text when a long run of flags is cut (its pairs are counted from the run\'s start: audit)', async () => {
    await prepareTokenizer('char');
    const char = tokenizerFor('char');
    // runs of 300 regional-indicator pairs (600 code units each: more than the window of 256) after 0-3
    // letters, a lone indicator, another run: every cut lands inside a run, at either parity
    for (const prefix of ['', 'x', 'xy', 'xyz', '🇩', 'a🇩']) {
      for (const size of [7, 8, 33, 300, 301]) {
        // (a flag may carry a mark, a ZWJ or VS16: the end of its pair is then no boundary: audit)
        const text = `${prefix}${'🇫🇷'.repeat(300)}q${'🇩🇪\u0301🇫🇷\u200d🇮🇹\ufe0f'.repeat(70)}`;
        const pieces = [...whitespaceWindows(text, size)];
        expect(pieces.join('')).toBe(text);
        expect(pieces.flatMap((piece) => char(piece)), `${JSON.stringify(prefix)} in pieces of ${size}`).toEqual(char(text));
      }
    }
  });

  it('gives char the clusters of the whole text when words are cut (300 random texts without white space)', async () => {
    // clusters of one to eleven code units: letters, accented letters, emoji with a skin tone, a ZWJ
    // family, Hangul jamo, a flag between letters (a run of flags would need its pairs counted from its
    // start, which a window may not see)
    const clusters = ['a', 'b', 'é', 'q\u0301', 'e\u0301\u0302', '😀', '👍🏽', '👨\u200d👩\u200d👧\u200d👦', '\u1100\u1161\u11a8', 'x🇫🇷y', '中', '\r'];
    await prepareTokenizer('char');
    const char = tokenizerFor('char');
    const random = seedrandom('clusters');
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    for (let trial = 0; trial < 300; trial++) {
      const count = 1 + Math.floor(random() * 80);
      let text = '';
      for (let i = 0; i < count; i++) text += pick(clusters);
      const size = 24 + Math.floor(random() * 40);
      const pieces = [...whitespaceWindows(text, size)];
      expect(pieces.join('')).toBe(text);
      expect(pieces.flatMap((piece) => char(piece)), `${JSON.stringify(text)} in pieces of ${size}`).toEqual(char(text));
    }
  });

  it('never ends a piece in a period and spaces: treebank reads that as the end of a sentence', async () => {
    // treebank reads `Mr. ` at the end of a text as `Mr` `.`. After 6 characters the first white
    // space follows `Mr.`, so the cut moves on to the space after `met`.
    expect([...whitespaceWindows('Mr. Mr. met Dr. Jones', 6)]).toEqual(['Mr. Mr. met ', 'Dr. Jones']);
    // A tab is a clean place however it follows (treebank's rule reads spaces only).
    expect([...whitespaceWindows('a. b.\tc.  d.', 3)]).toEqual(['a. b.\t', 'c.  d.']);
    // Only periods and spaces before each white space: the rest stays one piece.
    expect([...whitespaceWindows('a. b.  c.  d.', 3)]).toEqual(['a. b.  c.  d.']);
    await prepareTokenizer('treebank');
    const treebank = tokenizerFor('treebank');
    const text = Array.from({ length: 3000 }, () => 'Mr.').join(' ') + ' Smith went home';
    const pieces = [...whitespaceWindows(text, 1000)];
    expect(pieces.map((piece) => piece.length)).toEqual([text.length - 'went home'.length, 'went home'.length]);
    expect(pieces.flatMap((piece) => treebank(piece))).toEqual(treebank(text));
  });

  it('gives every word tokenizer the tokens of the whole text (400 random texts, words shorter than the size)', async () => {
    // Words chosen to meet each tokenizer's rules at a cut: periods (treebank's sentence end),
    // contractions and quotes (treebank), commas before spaces, digits with dots (wordpunct), a
    // surrogate pair, white space of several kinds, marks that join the white space before them in one
    // grapheme cluster (char).
    const words = ['Mr.', 'a.', 'can\'t', "'s", 'n\'t', ',', "'", '"', '3.14', 'x_y', 'don\'t', 'Zoë', '😀', 'cannot', 'gonna', 'end.', '(a)', '--', '\u0301a', '\u200db', '\u{1f3fb}', 'x\u0301'];
    const spaces = [' ', ' ', ' ', '  ', '\t', '\n', ' \n', '\u00a0'];
    for (const name of WORD_TOKENIZER_NAMES) await prepareTokenizer(name);
    const random = seedrandom('windows');
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    for (let trial = 0; trial < 400; trial++) {
      const count = 1 + Math.floor(random() * 60);
      let text = pick(words);
      for (let i = 1; i < count; i++) text += pick(spaces) + pick(words);
      const size = 7 + Math.floor(random() * 30);
      const pieces = [...whitespaceWindows(text, size)];
      expect(pieces.join('')).toBe(text);
      for (const name of WORD_TOKENIZER_NAMES) {
        const tokenize = tokenizerFor(name);
        expect(pieces.flatMap((piece) => tokenize(piece)), `${name} on ${JSON.stringify(text)} in pieces of ${size}`).toEqual(tokenize(text));
      }
    }
  });
});

describe('a single 50 MB line', () => {
  it('loads in line mode as one sentence, with every token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ngc-long-'));
    const path = join(dir, 'line.txt');
    const unit = 'the quick brown fox jumps over the lazy dog . ';
    const repeats = Math.ceil(50_000_000 / unit.length);
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(path);
      out.on('error', reject);
      const block = unit.repeat(10_000);
      for (let i = 0; i < repeats / 10_000; i++) out.write(block);
      out.end('\n', resolve);
    });
    try {
      const { corpus, vocabulary } = await loadCorpus([path], { sentences: 'line', tokenizer: 'whitespace' });
      expect(corpus.offsets.length - 1).toBe(1);
      expect(corpus.ids.length).toBe(Math.ceil(repeats / 10_000) * 10_000 * 10);
      expect(vocabulary.size).toBe(2 + 9);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('splits a one-line paragraph of 300,000 sentences in auto mode (more than a call takes as arguments)', () => {
    const sentences = sentenceSplitter('auto')('Go now. '.repeat(300_000));
    expect(sentences).toHaveLength(300_000);
    expect(sentences[299_999]).toBe('Go now.');
  });

  it('splits a 2 MB paragraph in auto mode into every sentence', async () => {
    const text = 'The quick brown fox jumps over the lazy dog. '.repeat(45_000);
    const sentences = sentenceSplitter('auto')(text);
    expect(sentences).toHaveLength(45_000);
    expect(new Set(sentences)).toEqual(new Set(['The quick brown fox jumps over the lazy dog.']));
  });
});
