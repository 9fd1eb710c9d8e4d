/**
 * The line rule of `--sentences auto`: line breaks end sentences in headlines, lists and
 * one-sentence-per-line files, and are spaces in hard-wrapped prose (Project Gutenberg style).
 */

import { describe, expect, it } from 'vitest';
import { LineBreaks } from '../../src/corpus/lineBreaks.js';
import { readCorpusText } from '../../src/corpus/readText.js';
import { sentenceSplitter, sentenceSplitterFor } from '../../src/corpus/sentenceSplitter.js';
import { codePoints, codeUnits, foldS, wrap } from '../helpers/wrap.js';
import seedrandom from 'seedrandom';

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

  it('joins prose wrapped by `fold -s` too, whose lines keep the space they break at: a word moves down when it fits but the space after it does not, |L| + 1 + |word| = W (those breaks were taken as sentence ends: audit)', () => {
    // PROSE's three sentences as three paragraphs: a paragraph's last line needs no space after its
    // last word, so it can reach the full width W, and a break elsewhere can then have |L| + 1 + |word| = W
    // (at widths 49 and 51 here), which a wrapper that drops the space, like Python's textwrap, never leaves
    const paragraphs = [PROSE.slice(0, PROSE.indexOf(' We had')), PROSE.slice(PROSE.indexOf('We had'), PROSE.indexOf(' In short')), PROSE.slice(PROSE.indexOf('In short'))];
    const folded = (width: number): string => paragraphs.map((paragraph) => foldS(paragraph, width)).join('\n\n');
    const equalBreak = (text: string): boolean => {
      const lines = text.split('\n').map((line) => line.trimEnd());
      const width = Math.max(...lines.map((line) => line.length));
      return lines.slice(1).some((line, k) => line !== '' && lines[k] !== '' && lines[k]!.length + 1 + line.split(' ')[0]!.length === width);
    };
    const widths = Array.from({ length: 50 }, (_, k) => 41 + k);
    expect(widths.filter((width) => equalBreak(folded(width)))).toEqual([49, 51]);
    for (const width of widths) expect(auto(folded(width)), `width ${width}`).toHaveLength(3);
  });

  it('measures widths as the wrapper did: code points (textwrap: an emoji is one, two code units) or code units (audit: a false sentence end at a line in four)', () => {
    // PROSE with a symbol after every third word: in code points the lines of a wrap by code units
    // fall short of W, and the other way round
    const words = PROSE.split(' ');
    const marked = (symbol: string): string => words.map((word, k) => (k % 3 === 2 && /^\p{L}+$/u.test(word) ? `${word} ${symbol}` : word)).join(' ');
    const cases = [
      ['emoji by code points (textwrap)', marked('\u{1F389}'), (text: string, width: number) => wrap(text, width, codePoints)],
      ['mathematical letters by code points', marked('\u{1D538}\u{1D54F}'), (text: string, width: number) => wrap(text, width, codePoints)],
      ['emoji by code units', marked('\u{1F389}'), (text: string, width: number) => wrap(text, width, codeUnits)],
      ['emoji by code points (fold -s, in characters)', marked('\u{1F389}'), (text: string, width: number) => foldS(text, width, codePoints)],
    ] as const;
    for (const [name, text, wrapTo] of cases) {
      const whole = auto(text);
      expect(whole).toHaveLength(3);
      for (const width of [50, 60, 70, 79]) expect(auto(wrapTo(text, width)), `${name}, width ${width}`).toEqual(whole);
    }
  });

  it('does not count UTF-8 bytes: short lines of Cyrillic or Japanese, 40 bytes and more, stay a sentence each (audit: lyrics, word lists and headlines were joined)', () => {
    // 12 lines of 20-32 letters, lowercase, no marks: in bytes (2 a Cyrillic letter) they reach 40-60,
    // and nearly every break would fit a wrap of 60 bytes; in characters the widest is under 40
    const lyrics = [
      'я иду по улице ночного города', 'и не знаю куда мне идти', 'фонари горят над головой',
      'ветер гонит листья вдоль дороги', 'и поёт мне песню о любви', 'где-то там за рекой',
      'спят дома и спят сады', 'только я один не сплю', 'и считаю звёзды в небе',
      'завтра будет новый день', 'и придёт опять весна', 'а пока я просто иду',
    ];
    expect(Math.max(...lyrics.map((line) => line.length))).toBeLessThan(40);
    expect(Math.max(...lyrics.map((line) => Buffer.byteLength(line)))).toBeGreaterThanOrEqual(40);
    expect(auto(lyrics.join('\n'))).toEqual(lyrics);
    // word-list rows without spaces: the first word is the whole row, 32-38 characters, 53-65 bytes
    const rows = Array.from({ length: 16 }, (_, k) => `абажур${'в'.repeat(k % 7)},lampshade,существительное`);
    expect(auto(rows.join('\n'))).toEqual(rows);
    // Japanese headlines of 14-18 characters (42-54 bytes), three starting with a lowercase Latin word
    const headlines = [
      'iPhoneの新モデルが来月発売へ', '東京で桜が満開に', 'eスポーツ大会に一万人が来場', '新しい駅が来年開業する予定',
      'iPS細胞を使った治療が始まる', '円安が続き輸入品が値上がり', '台風が週末に上陸する恐れ', '大学入試の日程が発表された',
      '人気の店に長い行列ができる', '夏の電力不足に備える', '新しい図書館が完成した', '高校野球の決勝が行われた',
    ];
    expect(auto(headlines.join('\n'))).toEqual(headlines);
  });

  it('measures a line as it was written, before normalization (NFD text wrapped, then read as NFC: audit)', () => {
    const splitter = sentenceSplitterFor('auto');
    // e + U+0301 is one letter in NFC: a written line with many is longer than its normalized self, so
    // in NFC the lines of the accented first half fall short of the width the plain second half sets
    const words = PROSE.split(' ');
    const decomposed = words.map((word, k) => (k < words.length / 2 && /^\p{L}+$/u.test(word) ? `${word}e\u0301` : word)).join(' ');
    const sentences: string[] = [];
    for (const line of wrap(decomposed, 70).split('\n')) sentences.push(...splitter.line(line.normalize('NFC'), line));
    sentences.push(...splitter.end());
    expect(sentences).toEqual(auto(decomposed.normalize('NFC')));
    expect(sentences).toHaveLength(3);
  });

  it('measures a line as read too: text wrapped composed and saved decomposed (macOS) is still wrapped prose (audit)', () => {
    const splitter = sentenceSplitterFor('auto');
    const words = PROSE.split(' ');
    const composed = words.map((word, k) => (k < words.length / 2 && /^\p{L}+$/u.test(word) ? `${word}\u00E9` : word)).join(' ');
    const sentences: string[] = [];
    for (const line of wrap(composed, 70).split('\n')) sentences.push(...splitter.line(line, line.normalize('NFD')));
    sentences.push(...splitter.end());
    expect(sentences).toEqual(auto(composed));
    expect(sentences).toHaveLength(3);
  });

  it('reads one sentence a line between tight markers as such: markers count in no width (audit: `<s>...</s>` lines of 33-45 characters were joined)', async () => {
    // lowercased sentences of 35-45 characters: with 7 marker characters a line as written passes 40,
    // and `<s>` makes every next line's first word 3 longer, so nearly every break fitted a wrap there
    const random = seedrandom('tight markers');
    const words = ['the', 'jury', 'said', 'it', 'did', 'find', 'that', 'many', 'of', 'georgia', 'registration', 'and', 'election', 'laws', 'are', 'outmoded'];
    const lines: string[] = [];
    while (lines.length < 60) {
      let line = '';
      while (line.length < 33) line += `${words[Math.floor(random() * words.length)]!} `;
      line += '.';
      if (line.length >= 35 && line.length <= 45) lines.push(line);
    }
    const sentences = async (text: string): Promise<number> => (await readCorpusText(`${text}\n`, { tokenizer: 'whitespace' })).corpus.offsets.length - 1;
    const plain = lines.join('\n');
    const marked = lines.map((line) => `<s>${line}</s>`).join('\n');
    // the markers change nothing: as many sentences as without them (most lines one each)
    expect(await sentences(plain)).toBeGreaterThan(50);
    expect(await sentences(marked)).toBe(await sentences(plain));
    // and decomposed (NFD) lines with markers likewise
    const decompose = (text: string): string => text.replace(/e/gu, 'e\u0301');
    expect(await sentences(decompose(marked))).toBe(await sentences(decompose(plain)));
  });

  it('reads a file so: the loader hands the splitter each line as written', async () => {
    const words = PROSE.split(' ');
    const decomposed = words.map((word, k) => (k < words.length / 2 && /^\p{L}+$/u.test(word) ? `${word}e\u0301` : word)).join(' ');
    const { corpus } = await readCorpusText(`${wrap(decomposed, 70)}\n`, { tokenizer: 'whitespace' });
    expect(corpus.offsets.length - 1).toBe(3);
    // and a JSON Lines record's text likewise (it was measured after NFC alone: audit)
    const record = `${JSON.stringify({ text: wrap(decomposed, 70) })}\n`;
    const { corpus: fromJsonl } = await readCorpusText(record, { tokenizer: 'whitespace', format: 'jsonl' });
    expect(fromJsonl.offsets.length - 1).toBe(3);
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
    // a mark before closing quotes, a German “ or a French » after its space, is a mark
    const quoted = sentenceSplitterFor('auto');
    for (const line of ['Er sagte \u201EJa.\u201C', 'Headline two', 'Il dit \u00AB\u00A0Oui.\u00A0\u00BB', 'Done.']) quoted.line(line);
    quoted.end();
    expect(quoted.lineBreakEnds).toBe(1);
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

/**
 * The line rule read straight from lineBreaks.ts's header, over the whole source at once: for each
 * non-blank line, the window of 17 lines before it to 16 after, W its longest line (trailing white
 * space not counted), and the shares of fitting and mid-sentence breaks among the window's breaks.
 */
function lineRule(lines: readonly string[]): { text: string; endsBefore: boolean; hardBreak: boolean }[] {
  const kept: { text: string; afterBlank: boolean; firstWord: number; lower: boolean }[] = [];
  let afterBlank = false;
  for (const line of lines) {
    if (line.trim() === '') {
      afterBlank = true;
      continue;
    }
    const start = line.trim();
    kept.push({ text: line.trimEnd(), afterBlank, firstWord: start.split(/\s/u)[0]!.length, lower: /^\p{Ll}/u.test(start) });
    afterBlank = false;
  }
  return kept.map((line, n) => {
    if (n === 0 || line.afterBlank) return { text: line.text, endsBefore: true, hardBreak: false };
    const window = kept.slice(Math.max(0, n - 17), n + 17);
    const first = Math.max(0, n - 17);
    const width = Math.max(...window.map((entry) => entry.text.length));
    const fits = (k: number): boolean => kept[k - 1]!.text.length + 1 + kept[k]!.firstWord >= width;
    let breaks = 0;
    let fitting = 0;
    let mid = 0;
    for (let k = first + 1; k < first + window.length; k++) {
      if (kept[k]!.afterBlank) continue;
      breaks++;
      if (fits(k)) fitting++;
      if (fits(k) && kept[k]!.lower) mid++;
    }
    const wrapped = width >= 40 && fitting >= 0.75 * breaks && mid >= 0.1 * breaks;
    const hard = !(wrapped && fits(n));
    return { text: line.text, endsBefore: hard, hardBreak: hard };
  });
}

describe('the line rule, streamed, is the rule read over the whole source', () => {
  // Sources of up to 2,600 lines (the queue is trimmed past 1,024 lines), each with its own mix: line
  // lengths around the 40-column width limit, first words of 1-12 letters, a share of lowercase starts,
  // blank lines, leading and trailing white space. Lines that tie a threshold (a break that fits by one
  // column, W of exactly 40, a share of exactly 0.75 or 0.1) come up often in such text.
  it('decides every line as the whole-source rule does, for 120 random sources', () => {
    const random = seedrandom('line rule');
    const pick = (n: number): number => Math.floor(random() * n);
    let wrappedBreaks = 0;
    let hardBreaks = 0;
    for (let source = 0; source < 120; source++) {
      // Words of 1-12 letters, a share of them lowercase, greedily wrapped to a width of 30-59 columns;
      // then some lines replaced by short ones (headings), blank lines, white space at either end.
      const words = source % 10 === 0 ? 12_000 + pick(8000) : 1 + pick(700);
      const lowerShare = [0, 0.05, 0.1, 0.5, 0.9][pick(5)]!;
      const shortShare = [0, 0, 0.05, 0.3][pick(4)]!;
      const blankShare = [0, 0, 0.02, 0.2][pick(4)]!;
      const text = Array.from({ length: words }, () => (random() < lowerShare ? 'w' : 'W') + 'x'.repeat(pick(12))).join(' ');
      const lines: string[] = [];
      for (let line of wrap(text, 30 + pick(30)).split('\n')) {
        if (random() < blankShare) lines.push(random() < 0.5 ? '' : '  \t');
        if (random() < shortShare) line = line.slice(0, 1 + pick(line.length));
        if (random() < 0.05) line = ` ${line}`;
        if (random() < 0.05) line = `${line}  `;
        lines.push(line);
      }
    const streamed = new LineBreaks();
      const decided = lines.flatMap((line) => (line.trim() === '' ? (streamed.blank(), []) : streamed.push(line))).concat(streamed.finish());
      const expected = lineRule(lines);
      expect(decided).toEqual(expected);
      wrappedBreaks += expected.filter((line) => !line.endsBefore).length;
      hardBreaks += expected.filter((line) => line.hardBreak).length;
    }
    // Both decisions are common in these sources (16,017 breaks taken as spaces, 23,884 as sentence ends).
    expect(wrappedBreaks).toBeGreaterThan(10_000);
    expect(hardBreaks).toBeGreaterThan(10_000);
  });
});

describe('the line rule streams', () => {
  it('decides each line once the 16 after it are read, and holds a bounded number of lines', () => {
    // The lines held are a private queue; read here to check the memory bound the header promises
    // (dropped once no window needs them, in steps of 1,024 lines).
    const held = (breaks: LineBreaks): number => (breaks as unknown as { queue: unknown[] }).queue.length;
    const breaks = new LineBreaks();
    let decided = 0;
    let most = 0;
    for (let n = 1; n <= 20_000; n++) {
      decided += breaks.push(`line ${n} of a long file`).length;
      expect(decided).toBe(Math.max(0, n - 16));
      most = Math.max(most, held(breaks));
    }
    expect(breaks.finish()).toHaveLength(16);
    // At most the 17 lines before the next undecided one, that line, the 16 after it, and 1,024 more.
    expect(most).toBeLessThanOrEqual(17 + 1 + 16 + 1024);
    expect(most).toBeGreaterThan(1024);
  });
});
