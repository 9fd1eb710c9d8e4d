/**
 * Boundary F1 of `--sentences auto` on Brown's own sentences detokenized into paragraphs (the fixture
 * generator is test/helpers/brownParagraphs.ts). The bar is F1 >= 0.99, the best library
 * measured on such text (sbd 0.991; natural's tokenizer, the old `auto`, 0.957).
 */

import { describe, expect, it } from 'vitest';
import { readCorpusText } from '../../src/corpus/readText.js';
import { sentenceSplitter } from '../../src/corpus/sentenceSplitter.js';
import { boundaryOffsets, brownParagraphs, scoreBoundaries } from '../helpers/brownParagraphs.js';
import { wrap } from '../helpers/wrap.js';


describe('sentence boundaries on Brown paragraphs', () => {
  const paragraphs = brownParagraphs();

  it('the fixture holds tens of thousands of boundaries, and scores a perfect segmenter 1 and a null one 0', () => {
    const score = scoreBoundaries(paragraphs, (text) => [text]);
    expect(score.gold).toBeGreaterThan(40_000);
    expect(score.recall).toBe(0);
    const perfect = new Map(paragraphs.map((paragraph) => [paragraph.text, paragraph.sentences]));
    expect(scoreBoundaries(paragraphs, (text) => perfect.get(text)!).f1).toBe(1);
  });

  it('boundary F1 of auto is at least 0.99', () => {
    const score = scoreBoundaries(paragraphs, sentenceSplitter('auto'));
    expect(score.precision).toBeGreaterThanOrEqual(0.99);
    expect(score.recall).toBeGreaterThanOrEqual(0.99);
    expect(score.f1).toBeGreaterThanOrEqual(0.99);
  });

  it('the loader finds the same sentences when the paragraphs are one file, blank lines between', async () => {
    const sample = paragraphs.filter((_, i) => i % 20 === 0);
    const { corpus, vocabulary } = await readCorpusText(sample.map((paragraph) => paragraph.text).join('\n\n'), {
      tokenizer: 'whitespace',
      lowercase: false,
    });
    const loaded: string[] = [];
    for (let s = 0; s + 1 < corpus.offsets.length; s++) {
      loaded.push(Array.from(corpus.ids.subarray(corpus.offsets[s], corpus.offsets[s + 1]), (id) => vocabulary.token(id)).join(' '));
    }
    const direct = sample.flatMap((paragraph) => sentenceSplitter('auto')(paragraph.text));
    expect(boundaryOffsets(loaded)).toEqual(boundaryOffsets(direct));
  });

  it('keeps F1 >= 0.99 in a file of paragraphs hard-wrapped at 72 columns, and of one sentence per line', () => {
    const sample = paragraphs.filter((_, i) => i % 4 === 0);
    const gold = sample.flatMap((paragraph) => paragraph.sentences);
    const wrapped = sample.map((paragraph) => wrap(paragraph.text, 72)).join('\n\n');
    const perLine = sample.map((paragraph) => paragraph.sentences.join('\n')).join('\n\n');
    for (const file of [wrapped, perLine]) {
      // Boundaries over the whole file (paragraph ends included), as offsets in non-space characters.
      const found = sentenceSplitter('auto')(file);
      const expected = new Set(boundaryOffsets(gold));
      const predicted = boundaryOffsets(found);
      const truePositives = predicted.filter((offset) => expected.has(offset)).length;
      const precision = truePositives / predicted.length;
      const recall = truePositives / expected.size;
      expect((2 * precision * recall) / (precision + recall)).toBeGreaterThanOrEqual(0.99);
    }
    expect(wrapped.split('\n').length).toBeGreaterThan(2 * sample.length);
  });
});
