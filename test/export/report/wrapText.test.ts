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
    // a group wider than the width stands whole on a line of its own
    expect(wrapCommand('a --long-option value --b c', 10)).toEqual(['a', '--long-option value', '--b c']);
    expect(wrapCommand('', 10)).toEqual([]);
  });
});
