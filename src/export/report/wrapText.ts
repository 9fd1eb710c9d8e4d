/**
 * Wrapping a chart's subtitle: Vega draws a title line as one line, cut at the chart's edge (the
 * model_types description ended at "whatever": audit), and takes a list of strings as lines.
 *
 * Contract: `wrapText(text, width)` splits `text` at spaces into lines of at most `width` characters
 * (a word longer than that is a line of its own, whole), in order; joined with single spaces they are
 * `text` with its runs of white space made single. One line for a text that fits; none for an empty one.
 * `wrapCommand(command, width)` does the same with a command line's options as its words: an option
 * (`--k`) and the words after it up to the next option (`0.01`, or a quoted path's parts) stay on one
 * line, and so do the program's words before the first option (a caption broke `--k` from `0.01`,
 * which then no longer ran when copied: round 2).
 */
export function wrapText(text: string, width: number): string[] {
  return wrapWords(text.split(/\s+/u), width);
}

export function wrapCommand(command: string, width: number): string[] {
  const groups: string[] = [];
  for (const word of command.split(/\s+/u)) {
    if (word === '') continue;
    if (groups.length > 0 && !word.startsWith('--')) groups[groups.length - 1] += ` ${word}`;
    else groups.push(word);
  }
  return wrapWords(groups, width);
}

/** `words` in lines of at most `width` characters, a word longer than that a line of its own. */
function wrapWords(words: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
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
