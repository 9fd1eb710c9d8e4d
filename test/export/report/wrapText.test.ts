/** wrapText.ts: a chart subtitle in lines of at most `width` characters, the text unchanged but its spacing. */

import { describe, expect, it } from 'vitest';
import { subtitleCharacters, wrapCommand, wrapText } from '../../../src/export/report/wrapText.js';
import { metricChartSpec } from '../../../src/export/report/metricChart.js';

describe('wrapText', () => {
  it('breaks at the last space that keeps a line within the width', () => {
    // "aa bb" is 5 characters: fits 5, not 4
    expect(wrapText('aa bb cc', 5)).toEqual(['aa bb', 'cc']);
    expect(wrapText('aa bb cc', 4)).toEqual(['aa', 'bb', 'cc']);
    expect(wrapText('aa bb cc', 8)).toEqual(['aa bb cc']);
  });

  it('keeps a word longer than the width whole, on a line of its own, and makes runs of spaces single', () => {
    expect(wrapText('a  abcdefgh\tb', 4)).toEqual(['a', 'abcdefgh', 'b']);
    expect(wrapText('', 10)).toEqual([]);
    expect(wrapText('   ', 10)).toEqual([]);
  });

  it('gives lines that join back to the text, each within the width unless one word is wider (a property over random texts)', () => {
    let seed = 7;
    const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let round = 0; round < 300; round++) {
      const words = Array.from({ length: next(12) }, () => 'x'.repeat(1 + next(9)));
      const width = 1 + next(20);
      const lines = wrapText(words.join(' '), width);
      expect(lines.join(' ')).toBe(words.join(' '));
      for (const line of lines) expect(line.length <= width || !line.includes(' ')).toBe(true);
    }
  });

  it("wraps a metric chart's description to the chart (the model_types one was cut at 'whatever': audit)", () => {
    const spec = metricChartSpec([{ metric: 'model_types', cell: 'c', generation: 0, n: 1, mean: 10, sd: undefined, ciLow: undefined, ciHigh: undefined }], 'model_types', new Map()) as unknown as { title: { subtitle: string[] } };
    expect(spec.title.subtitle.join(' ')).toBe('distinct tokens the model can emit (non-zero probability), whatever the sample size');
    for (const line of spec.title.subtitle) expect(line.length).toBeLessThanOrEqual(subtitleCharacters(620));
    expect(subtitleCharacters(640)).toBe(100);
  });
});

describe('wrapCommand', () => {
  // a downloaded chart's caption broke `--k` from `0.01` and `--out` from `curves.csv` (round 2)
  it('keeps each option with its value, and the program with its command, on one line', () => {
    const command = "ngram-collapse run --corpus 'my file.txt' --k 0.01 --max-sentence-length 200 --out curves.csv";
    // groups: "ngram-collapse run" (18), "--corpus 'my file.txt'" (22), "--k 0.01" (8), "--max-sentence-length 200" (25), "--out curves.csv" (16);
    // 22 + 1 + 8 = 31 fits 31; 25 + 1 + 16 = 42 does not
    expect(wrapCommand(command, 31)).toEqual(['ngram-collapse run', "--corpus 'my file.txt' --k 0.01", '--max-sentence-length 200', '--out curves.csv']);
    expect(wrapCommand(command, 31).join(' ')).toBe(command);
    expect(wrapCommand(command, 30)).toEqual(['ngram-collapse run', "--corpus 'my file.txt'", '--k 0.01', '--max-sentence-length 200', '--out curves.csv']);
    // a group wider than the width is cut to it (no comma or space within the first 10 characters: at 10)
    expect(wrapCommand('a --long-option value --b c', 10)).toEqual(['a', '--long-opt', 'ion value', '--b c']);
    expect(wrapCommand('', 10)).toEqual([]);
  });

  // round 3: a quoted name holding ` --` was cut there, its double space made single; a sweep list
  // wider than the chart ran past the image's edge
  it('keeps a quoted word whole, as written, and cuts an option wider than the width after its commas', () => {
    const quoted = "ngram-collapse recipe human-ratio --corpus 'my  two --spaces.txt' --corpus 'it'\\''s.txt' --generations 2";
    // groups: "ngram-collapse recipe human-ratio" (33), "--corpus 'my  two --spaces.txt'" (32), "--corpus 'it'\''s.txt'" (22), "--generations 2" (15)
    expect(wrapCommand(quoted, 40)).toEqual(['ngram-collapse recipe human-ratio', "--corpus 'my  two --spaces.txt'", "--corpus 'it'\\''s.txt' --generations 2"]);
    expect(wrapCommand(quoted, 40).join(' ')).toBe(quoted);
    // "--human-ratio 0,0.25,0.5,0.75,1" is 31 characters: at width 16, cut after the last comma or space that fits
    expect(wrapCommand('run --human-ratio 0,0.25,0.5,0.75,1 --k 1', 16)).toEqual(['run', '--human-ratio 0,', '0.25,0.5,0.75,1', '--k 1']);
    // no comma or space: cut at the width
    expect(wrapCommand('--abcdefghij', 5)).toEqual(['--abc', 'defgh', 'ij']);
  });

  it('keeps a double-quoted word whole, an escaped quote inside it too, and a single quote inside it as a character (audit r44)', () => {
    const command = 'run --corpus "my  --two.txt" --title "say \\"a  b\\" it\'s" --k 1';
    // groups: 'run', '--corpus "my  --two.txt"' (24: with 'run' 28, over 27), '--title "say \"a  b\" it's"' (27), '--k 1'
    expect(wrapCommand(command, 27)).toEqual(['run', '--corpus "my  --two.txt"', '--title "say \\"a  b\\" it\'s"', '--k 1']);
    expect(wrapCommand(command, 27).join(' ')).toBe(command);
  });

  it('never cuts a character in two (an emoji in a name was cut into two halves: round 4)', () => {
    // 12 emoji of 2 UTF-16 units each: at width 5 (code points), pieces of 5, 5, 4 characters
    const lines = wrapCommand(`--corpus '${'\u{1F600}'.repeat(12)}'`, 5);
    expect(lines.join('')).toBe(`--corpus'${'\u{1F600}'.repeat(12)}'`);
    for (const line of lines) {
      expect(line, line).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u);
      expect(Array.from(line).length).toBeLessThanOrEqual(5);
    }
  });

  it('gives lines within the width that join back to the command when no option is wider (a property over random commands)', () => {
    let seed = 11;
    const next = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const word = (): string => ['x'.repeat(1 + next(6)), `'a  ${'b'.repeat(next(4))} --c'`, `--${'o'.repeat(1 + next(5))}`][next(3)]!;
    let joined = 0;
    for (let round = 0; round < 300; round++) {
      const words = ['prog', ...Array.from({ length: next(10) }, word)];
      const command = words.join(' ');
      const width = 30 + next(30);
      const lines = wrapCommand(command, width);
      for (const line of lines) expect(line.length, command).toBeLessThanOrEqual(width);
      // the option groups as the generator made them: a new one at each word that starts with --
      const groups = words.reduce<string[]>((all, next) => (next.startsWith('--') ? [...all, next] : [...all.slice(0, -1), `${all.at(-1)!} ${next}`]), ['']);
      if (Math.max(...groups.map((group) => group.trim().length)) <= width) {
        expect(lines.join(' '), command).toBe(command);
        joined++;
      }
    }
    expect(joined).toBeGreaterThan(100);
  });
});
