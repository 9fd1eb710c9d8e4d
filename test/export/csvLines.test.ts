import { describe, expect, it } from 'vitest';
import { readCsvLines, splitCsvLine } from '../../src/export/csvLines.js';

describe('csv lines', () => {
  it('split quoted fields', () => {
    expect(splitCsvLine('a,"b,c","d ""e""",')).toEqual(['a', 'b,c', 'd "e"', '']);
  });

  it('report a torn last line', () => {
    const { lines, tornBytes } = readCsvLines(Buffer.from('h1,h2\n1,2\n3,'));
    expect(lines.map((line) => line.fields)).toEqual([['h1', 'h2'], ['1', '2']]);
    expect(lines[1]!.end).toBe(10);
    expect(tornBytes).toBe(2);
  });
});
