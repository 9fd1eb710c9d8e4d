import { describe, expect, it } from 'vitest';
import { readCsvLines, splitCsvLine } from '../../src/export/csvLines.js';

describe('csv lines', () => {
  it('split quoted fields', () => {
    expect(splitCsvLine('a,"b,c","d ""e""",')).toEqual(['a', 'b,c', 'd "e"', '']);
    // an empty first field; a quoted field last; a quoted field whose closing quote is missing (a torn
    // or hand-edited line) keeps the rest of the line
    expect(splitCsvLine(',a')).toEqual(['', 'a']);
    expect(splitCsvLine('"a"')).toEqual(['a']);
    expect(splitCsvLine('x,"a,b')).toEqual(['x', 'a,b']);
    expect(splitCsvLine('')).toEqual(['']);
  });

  it('read CRLF and LF lines alike, an empty line included', () => {
    const { lines, tornBytes } = readCsvLines(Buffer.from('\nh1,h2\r\n1,"2\r"\n'));
    expect(lines.map((line) => line.text)).toEqual(['', 'h1,h2', '1,"2\r"']);
    expect(lines.map((line) => line.end)).toEqual([1, 8, 15]);
    expect(tornBytes).toBe(0);
  });

  it('report a torn last line', () => {
    const { lines, tornBytes } = readCsvLines(Buffer.from('h1,h2\n1,2\n3,'));
    expect(lines.map((line) => line.fields)).toEqual([['h1', 'h2'], ['1', '2']]);
    expect(lines[1]!.end).toBe(10);
    expect(tornBytes).toBe(2);
  });
});
