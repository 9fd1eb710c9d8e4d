/**
 * Wrapping a chart's subtitle: Vega draws a title line as one line, cut at the chart's edge (the
 * model_types description ended at "whatever": audit), and takes a list of strings as lines.
 *
 * Contract: `wrapText(text, width)` splits `text` at spaces into lines of at most `width` characters
 * (a word longer than that is a line of its own, whole), in order; joined with single spaces they are
 * `text` with its runs of white space made single. One line for a text that fits; none for an empty one.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u)) {
    if (word === '') continue;
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** About how many characters of a chart subtitle (12 px, the report's font) fit in `pixels`. */
export function subtitleCharacters(pixels: number): number {
  return Math.max(20, Math.floor(pixels / 6.4));
}
