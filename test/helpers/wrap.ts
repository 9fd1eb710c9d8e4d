/** A width measure: UTF-16 code units (the default), code points (Python's textwrap). */
export type Measure = (text: string) => number;
export const codeUnits: Measure = (text) => text.length;
export const codePoints: Measure = (text) => [...text].length;

/** Greedy wrap of `text` to `width` columns, as Project Gutenberg files are (for the line-rule tests). */
export function wrap(text: string, width: number, measure: Measure = codeUnits): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line.length > 0 && measure(line) + 1 + measure(word) > width) {
      lines.push(line);
      line = word;
    } else {
      line = line.length === 0 ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines.join('\n');
}

/**
 * `text` as GNU `fold -s -w width` wraps it (checked against fold on the lighthouse corpus at widths 41,
 * 50, 60 and 72): each line keeps the space it breaks at, within the width, so a word moves down when it
 * and the space after it would pass the width (the last word needs no space after it).
 */
export function foldS(text: string, width: number, measure: Measure = codeUnits): string {
  const lines: string[] = [];
  let line = '';
  const words = text.split(' ');
  words.forEach((word, index) => {
    const spaceAfter = index === words.length - 1 ? 0 : 1;
    if (line.length > 0 && measure(line) + 1 + measure(word) + spaceAfter > width) {
      lines.push(`${line} `);
      line = word;
    } else {
      line = line.length === 0 ? word : `${line} ${word}`;
    }
  });
  lines.push(line);
  return lines.join('\n');
}
