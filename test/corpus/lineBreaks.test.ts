/**
 * The line rule of `--sentences auto`: line breaks end sentences in headlines, lists and
 * one-sentence-per-line files, and are spaces in hard-wrapped prose (Project Gutenberg style).
 */

import { describe, expect, it } from 'vitest';
import { LineBreaks } from '../../src/corpus/lineBreaks.js';
import { sentenceSplitter, sentenceSplitterFor } from '../../src/corpus/sentenceSplitter.js';
import { wrap } from '../helpers/wrap.js';

const auto = sentenceSplitter('auto');


const PROSE =
  'It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of ' +
  'foolishness, it was the epoch of belief, it was the epoch of incredulity, it was the season of Light, ' +
  'it was the season of Darkness, it was the spring of hope, it was the winter of despair. We had ' +
  'everything before us, we had nothing before us, we were all going direct to Heaven, we were all going ' +
  'direct the other way. In short, the period was so far like the present period that some of its ' +
  'noisiest authorities insisted on its being received, for good or for evil, in the superlative degree ' +
  'of comparison only.';

describe('the line rule', () => {
  it('ends a sentence at every line of a headline list (no final punctuation)', () => {
    const text = 'Mayor resigns after long scandal over city contracts\nMarkets fall for the third day in a row\nLocal team wins the cup';
    expect(auto(text)).toEqual([
      'Mayor resigns after long scandal over city contracts',
      'Markets fall for the third day in a row',
      'Local team wins the cup',
    ]);
  });

  it('ends a sentence at every line of a list and of a one-sentence-per-line file', () => {
    expect(auto('Shopping list\n- eggs\n- milk\n- bread')).toEqual(['Shopping list', '- eggs', '- milk', '- bread']);
    expect(auto('the dog ran\nthe cat sat on the mat and would not move at all\nit rained')).toEqual([
      'the dog ran',
      'the cat sat on the mat and would not move at all',
      'it rained',
    ]);
    // The example: two sentences, two lines.
    expect(auto('It was first.\nThe dog ran.\n')).toEqual(['It was first.', 'The dog ran.']);
  });

  it('joins hard-wrapped prose and finds its sentences across line ends', () => {
    const wrapped = wrap(PROSE, 70);
    expect(wrapped.split('\n').length).toBeGreaterThan(8);
    expect(auto(wrapped)).toEqual([
      PROSE.slice(0, PROSE.indexOf('despair.') + 8),
      PROSE.slice(PROSE.indexOf('We had'), PROSE.indexOf('other way.') + 10),
      PROSE.slice(PROSE.indexOf('In short')),
    ]);
  });

  it('in wrapped prose, a short line (a heading) still ends its sentence', () => {
    const text = `CHAPTER I\n${wrap(PROSE, 70)}`;
    const sentences = auto(text);
    expect(sentences[0]).toBe('CHAPTER I');
    expect(sentences).toHaveLength(4);
  });

  it('counts the line breaks it took as sentence ends without a final mark', () => {
    const splitter = sentenceSplitterFor('auto');
    // Breaks: after "Headline one" (no mark: counted), after "It rained." (a mark: not counted).
    for (const line of ['Headline one', 'It rained.', 'It stopped.']) splitter.line(line);
    splitter.end();
    expect(splitter.lineBreakEnds).toBe(1);
  });

  it('decides a break from the width, the share of fitting breaks and of mid-sentence breaks', () => {
    // Lines of 49 characters whose next line starts with a 4-letter lowercase word: 49 + 1 + 4 > W = 49,
    // every break fits a wrap and is mid-sentence: wrapped prose, every break a space.
    const line = `${'abcd '.repeat(9)}abcd`;
    const decide = (lines: readonly string[]): boolean[] => {
      const breaks = new LineBreaks();
      const decided = lines.flatMap((text) => breaks.push(text)).concat(breaks.finish());
      return decided.map((entry) => entry.endsBefore);
    };
    expect(line.length).toBe(49);
    expect(decide([line, line, line])).toEqual([true, false, false]);
    // The same lines capitalized: no break is mid-sentence, so not wrapped prose.
    const capital = line.replace(/^a/u, 'A');
    expect(decide([capital, capital, capital])).toEqual([true, true, true]);
    // W = 30 < MIN_WRAP_WIDTH (40): never wrapped prose.
    const short = 'abcd '.repeat(6).trim();
    expect(decide([short, short])).toEqual([true, true]);
    // Three lines of which one break in two fits (below FITTING_SHARE 0.75): each line a sentence.
    expect(decide([line, 'abcd', line])).toEqual([true, true, true]);
  });
});
