/**
 * Wrapping a chart's subtitle: Vega draws a title line as one line, cut at the chart's edge (the
 * model_types description ended at "whatever": audit), and takes a list of strings as lines.
 *
 * Contract: `wrapText(text, width)` splits `text` at spaces into lines of at most `width` characters
 * (a word longer than that is a line of its own, whole), in order; joined with single spaces they are
 * `text` with its runs of white space made single. One line for a text that fits; none for an empty one.
 * `wrapCommand(command, width)` does the same with a command line's options as its words: an option
 * (`--k`) and the shell words after it up to the next option (`0.01`, or a quoted path, spaces and
 * `--` inside its quotes included) stay on one line, and so do the program's words before the first
 * option (a caption broke `--k` from `0.01`, and a quoted name at its ` --`: rounds 2 and 3); joined
 * with single spaces the lines are the command as written. An option wider than `width` (a long sweep
 * list) is cut into lines of at most `width` characters, after a comma or a space where there is one
 * (it ran past the edge of the image: round 3); only then do the lines not join back to the command.
 */
export function wrapText(text: string, width: number): string[] {
  return wrapWords(text.split(/\s+/u), width);
}

export function wrapCommand(command: string, width: number): string[] {
  const groups: string[] = [];
  for (const word of shellWords(command)) {
    if (groups.length > 0 && !word.startsWith('--')) groups[groups.length - 1] += ` ${word}`;
    else groups.push(word);
  }
  return wrapWords(groups.flatMap((group) => cutToWidth(group, width)), width);
}

/**
 * The words of a command line as a shell splits it at spaces, each as written: a space inside single or
 * double quotes, or after a backslash outside single quotes, is part of its word (`'my  file.txt'`,
 * `'it'\''s'`, `"my  file.txt"`, `"say \"hi\""`: a hand-written caption's double quotes were split
 * at their spaces: audit r44).
 */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (c === ' ' && quote === undefined) {
      words.push(word);
      word = '';
      continue;
    }
    if (c === '\\' && quote !== "'" && i + 1 < command.length) {
      word += command.slice(i, i + 2);
      i++;
      continue;
    }
    if (c === quote) quote = undefined;
    else if (quote === undefined && (c === "'" || c === '"')) quote = c;
    word += c;
  }
  words.push(word);
  return words;
}

/**
 * `text` in pieces of at most `width` characters, each cut after its last comma or space if it has
 * one; characters are code points, so a character outside the Basic Multilingual Plane (an emoji in a
 * file's name) is never cut in two (it was, into two halves drawn as replacement marks: round 4).
 */
function cutToWidth(text: string, width: number): string[] {
  const pieces: string[] = [];
  let rest = Array.from(text);
  while (rest.length > width) {
    const head = rest.slice(0, width);
    const at = Math.max(head.lastIndexOf(','), head.lastIndexOf(' '));
    const cut = at > 0 ? at + 1 : width;
    pieces.push(rest.slice(0, cut).join('').trimEnd());
    rest = Array.from(rest.slice(cut).join('').trimStart());
  }
  pieces.push(rest.join(''));
  return pieces;
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
