/**
 * Long inputs stay linear: natural's sentence tokenizer is quadratic in its input, so long paragraphs
 * are cut into windows at sentence ends; very long sentences are tokenized in pieces. A single line
 * of 50 MB loads whole (generated in a temporary folder, never committed). How fast is measured by
 * `npm run bench`, not asserted here (a loaded machine would make a time limit flaky or meaningless).
 */

import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { LONG_PARAGRAPH, paragraphWindows, sentenceSplitter, whitespaceWindows } from '../../src/corpus/tokenizers.js';

describe('paragraphWindows', () => {
  it('leaves a paragraph up to LONG_PARAGRAPH characters whole', () => {
    const text = 'A b. '.repeat(LONG_PARAGRAPH / 5).trim();
    expect([...paragraphWindows(text)]).toEqual([text]);
  });

  it('cuts a long paragraph only at sentence ends, never after an abbreviation, and loses nothing', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Mr. Smith met Dr. Jones ${i} times. They talked!`).join(' ');
    const windows = [...paragraphWindows(text)];
    expect(windows.length).toBeGreaterThan(10);
    expect(windows.join('')).toBe(text);
    for (const window of windows.slice(0, -1)) expect(window).toMatch(/(times\.|talked!) $/u);
  });

  it('gives the same sentences as natural on the whole paragraph', () => {
    const text = Array.from({ length: 150 }, (_, i) => `Sentence ${i} is here, said Mr. Brown. Is it "true"? Yes!`).join(' ');
    expect(text.length).toBeGreaterThan(LONG_PARAGRAPH);
    const split = sentenceSplitter('auto');
    const whole = text.split(/(?<=Yes!) /u).flatMap((part) => split(part));
    expect(split(text)).toEqual(whole);
  });

  it('cuts a paragraph without any sentence end at white space', () => {
    const text = 'word '.repeat(5000).trim();
    const windows = [...paragraphWindows(text)];
    expect(windows.join('')).toBe(text);
    for (const window of windows.slice(0, -1)) expect(window.endsWith(' ')).toBe(true);
  });
});

describe('whitespaceWindows', () => {
  it('cuts at white space after the size, keeps every character, never splits a surrogate pair', () => {
    expect([...whitespaceWindows('aa bb cc dd', 4)]).toEqual(['aa bb ', 'cc dd']);
    const emoji = '😀'.repeat(10);
    const pieces = [...whitespaceWindows(emoji, 3)];
    expect(pieces.join('')).toBe(emoji);
    for (const piece of pieces) expect(piece.length % 2).toBe(0);
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

  it('splits a 2 MB paragraph through natural in auto mode into every sentence', async () => {
    const text = 'The quick brown fox jumps over the lazy dog. '.repeat(45_000);
    const sentences = sentenceSplitter('auto')(text);
    expect(sentences).toHaveLength(45_000);
    expect(new Set(sentences)).toEqual(new Set(['The quick brown fox jumps over the lazy dog.']));
  });
});
