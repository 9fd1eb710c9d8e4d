/**
 * The sentence modes' own contract (sentenceSplitter.ts): sentences trimmed and non-empty; a line of
 * white space is a blank line; every line end (LF, CRLF, a lone CR) splits a text; the count of line
 * breaks taken as sentence ends without a sentence-final mark (closing quotes and brackets after the
 * mark allowed, a mark inside the line not enough).
 */

import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/corpus/sentenceSegmenter.js';
import { UsageError } from '../../src/errors.js';
import { sentenceSplitter, sentenceSplitterFor } from '../../src/corpus/sentenceSplitter.js';
import { wrap } from '../helpers/wrap.js';

/** lineBreakEnds after reading `lines` as one source in auto mode. */
function unmarkedEnds(lines: readonly string[]): number {
  const splitter = sentenceSplitterFor('auto');
  for (const line of lines) splitter.line(line);
  splitter.end();
  return splitter.lineBreakEnds;
}

describe('modes', () => {
  it('refuses a mode that is not auto or line (it split as auto: audit of the library)', () => {
    expect(() => sentenceSplitter('nope' as 'auto')).toThrow(new UsageError("unknown mode value 'nope'", 'use one of: auto, line', 'mode'));
  });
});

describe('line mode', () => {
  it('trims each line and drops blank ones', () => {
    expect(sentenceSplitter('line')('  a b  \n\n \t \nc\n')).toEqual(['a b', 'c']);
    expect(sentenceSplitterFor('line').lineBreakEnds).toBe(0);
  });

  it('splits at LF, CRLF and a lone CR alike', () => {
    expect(sentenceSplitter('line')('one\rtwo\r\nthree\nfour')).toEqual(['one', 'two', 'three', 'four']);
    expect(sentenceSplitter('auto')('Headline one\rHeadline two')).toEqual(['Headline one', 'Headline two']);
  });
});

describe('auto mode', () => {
  const prose = wrap(
    'the rain fell on the town all night and the river rose over its banks and into the lower streets, ' +
      'where the water stood a foot deep by morning and the shops stayed shut until the evening came',
    60,
  );

  it('takes a line of white space for a blank line: it ends the sentence in wrapped prose', () => {
    const [first, ...rest] = prose.split('\n');
    // Wrapped prose: its breaks are spaces, so the whole paragraph is one sentence ...
    expect(sentenceSplitter('auto')(prose)).toHaveLength(1);
    // ... and a blank line, or one of spaces and tabs only, ends it after the first line.
    for (const blank of ['', '   ', ' \t ']) {
      expect(sentenceSplitter('auto')([first, blank, ...rest].join('\n'))).toEqual([first, rest.join(' ')]);
    }
  });

  it('counts a sentence end at a line break without a final mark; not at a blank line', () => {
    // Short lines: every break ends a sentence. "Headline one" has no mark: 1; "It rained." has one.
    expect(unmarkedEnds(['Headline one', 'It rained.', 'It stopped'])).toBe(1);
    // A blank line (or white space) between them: a paragraph end, not a line break taken as one.
    expect(unmarkedEnds(['Headline one', '', 'It rained.'])).toBe(0);
    expect(unmarkedEnds(['Headline one', '  ', 'It rained.'])).toBe(0);
  });

  it('takes a mark followed by closing quotes or brackets as final, and a mark inside the line as not', () => {
    expect(unmarkedEnds(['He said "stop."', 'Then he left (at once.)', 'It rained'])).toBe(0);
    expect(unmarkedEnds(['She asked \u201Cwhy?\u201D', 'It rained'])).toBe(0);
    // "U.S. stocks fall" holds periods, but not at its end: counted.
    expect(unmarkedEnds(['U.S. stocks fall', 'Markets close lower'])).toBe(1);
  });
});

describe('a long paragraph streams', () => {
  it('gives its sentences while it is read, the sentences of the whole paragraph', () => {
    // 3,000 sentences of wrapped prose (about 170,000 characters, no blank line): the splitter must hand
    // out sentences before the paragraph ends, not hold it whole; and they are the whole text's.
    const paragraph = Array.from({ length: 3000 }, (_, i) => `The river rose over its banks number ${i} and kept rising all night.`).join(' ');
    const splitter = sentenceSplitterFor('auto');
    let early = 0;
    const found: string[] = [];
    for (const line of wrap(paragraph, 70).split('\n')) {
      const sentences = splitter.line(line);
      early += sentences.length;
      found.push(...sentences);
    }
    found.push(...splitter.end());
    expect(found).toEqual(splitSentences(paragraph));
    expect(found).toHaveLength(3000);
    // Split as the run passes 65,536 characters and then twice the unfinished sentence: most come early.
    expect(early).toBeGreaterThan(2000);
  });
});
