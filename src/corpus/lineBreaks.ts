/**
 * Line breaks between two non-blank lines, for `--sentences auto`: which end a sentence and which are
 * spaces (the prose was hard-wrapped).
 *
 * The rule, per source (a file, standard input, a JSONL record). Each break between consecutive
 * non-blank lines L and N is judged in its window: the lines from 17 before N to 16 after it (fewer at
 * the ends of the source), and the breaks between consecutive non-blank lines inside that window.
 * - W is the longest line of the window (UTF-16 code units, trailing white space not counted).
 * - A break "fits a wrap" when W >= MIN_WRAP_WIDTH and L, a space and N's first word reach W:
 *   |L| + 1 + |first word of N| >= W. A greedy wrapper to width W leaves such breaks (Python's textwrap
 *   where they pass W; `fold -s`, whose lines keep the space they break at, within the width, also
 *   where they reach it: read as sentence ends until an audit); a headline, a list item or a short
 *   sentence on its own line mostly does not.
 * - It is "mid-sentence" when it fits a wrap and N starts with a lowercase letter.
 * - The window is hard-wrapped prose when at least FITTING_SHARE of its breaks fit a wrap and at least
 *   MID_SENTENCE_SHARE are mid-sentence (Project Gutenberg text: nearly all and about half; a list of
 *   headlines or a one-sentence-per-line file: few lines reach the width).
 * - In hard-wrapped prose a break that fits a wrap is a space: the sentence goes on (a sentence-final
 *   mark before it still ends the sentence, by the sentence rules). Every other line break (a short
 *   line in wrapped prose: a heading, a verse, a list item; any line of other text) ends the sentence,
 *   and so does a blank line.
 * Streaming: a break is decided once the 16 lines after it are read, or the source ends. O(33) per line.
 */

/** Narrower text is not taken for wrapped prose. */
export const MIN_WRAP_WIDTH = 40;
/** Share of breaks in the window that must fit a wrap for the window to be wrapped prose. */
export const FITTING_SHARE = 0.75;
/** Share of breaks in the window that must be mid-sentence for it to be wrapped prose. */
export const MID_SENTENCE_SHARE = 0.1;
/** Lines looked at after the break (and one more before it). */
export const WINDOW = 16;

const LOWER_START = /^\p{Ll}/u;
const FIRST_WORD = /^\S*/u;

export interface DecidedLine {
  /** The line, trimmed at the end. */
  readonly text: string;
  /** True if a sentence ends before this line (the first line, after a blank line, or a hard break). */
  readonly endsBefore: boolean;
  /** True if the line follows a line break that ends a sentence (not the first line, not after a blank). */
  readonly hardBreak: boolean;
}

interface Pending {
  readonly text: string;
  readonly afterBlank: boolean;
  readonly firstWord: number;
  readonly lowerStart: boolean;
}

/** The line breaks of one source: push its non-blank lines, get them back with the decision before each. */
export class LineBreaks {
  private readonly queue: Pending[] = [];
  /** Stream index of queue[0]. */
  private base = 0;
  /** Stream index of the next line to decide. */
  private next = 0;
  // Stryker disable next-line BooleanLiteral: equivalent, the first line ends its sentence whatever it follows, and no window counts a break before it
  private blankSeen = false;

  /** A blank line: the next line starts a new paragraph. */
  blank(): void {
    this.blankSeen = true;
  }

  /** Reads one non-blank line; returns the lines now decided, in order. */
  push(line: string): DecidedLine[] {
    const text = line.trimEnd();
    const start = text.trimStart();
    this.queue.push({ text, afterBlank: this.blankSeen, firstWord: FIRST_WORD.exec(start)![0].length, lowerStart: LOWER_START.test(start) });
    this.blankSeen = false;
    const decided: DecidedLine[] = [];
    while (this.next + WINDOW < this.base + this.queue.length) decided.push(this.decide(this.next++));
    this.trim();
    return decided;
  }

  /** The end of the source: decides the lines still waiting. */
  finish(): DecidedLine[] {
    const decided: DecidedLine[] = [];
    while (this.next < this.base + this.queue.length) decided.push(this.decide(this.next++));
    this.queue.length = 0;
    this.base = this.next;
    return decided;
  }

  private at(index: number): Pending {
    return this.queue[index - this.base]!;
  }

  private decide(index: number): DecidedLine {
    const line = this.at(index);
    if (index === 0 || line.afterBlank) return { text: line.text, endsBefore: true, hardBreak: false };
    const from = Math.max(this.base, index - WINDOW - 1);
    const to = Math.min(this.base + this.queue.length - 1, index + WINDOW);
    let width = 0;
    for (let k = from; k <= to; k++) width = Math.max(width, this.at(k).text.length);
    if (width < MIN_WRAP_WIDTH) return { text: line.text, endsBefore: true, hardBreak: true };
    const fits = (k: number): boolean => this.at(k - 1).text.length + 1 + this.at(k).firstWord >= width;
    let breaks = 0;
    let fitting = 0;
    let midSentence = 0;
    for (let k = from + 1; k <= to; k++) {
      if (this.at(k).afterBlank) continue;
      breaks++;
      if (!fits(k)) continue;
      fitting++;
      if (this.at(k).lowerStart) midSentence++;
    }
    const wrapped = fitting >= FITTING_SHARE * breaks && midSentence >= MID_SENTENCE_SHARE * breaks;
    const hard = !(wrapped && fits(index));
    return { text: line.text, endsBefore: hard, hardBreak: hard };
  }

  /** Drops lines no window needs any more. */
  private trim(): void {
    const keepFrom = this.next - WINDOW - 1;
    if (keepFrom - this.base > 1024) {
      this.queue.splice(0, keepFrom - this.base);
      this.base = keepFrom;
    }
  }
}
