/**
 * Line breaks between two non-blank lines, for `--sentences auto`: which end a sentence and which are
 * spaces (the prose was hard-wrapped).
 *
 * The rule, per source (a file, standard input, a JSONL record). Each break between consecutive
 * non-blank lines L and N is judged in its window: the lines from 17 before N to 16 after it (fewer at
 * the ends of the source), and the breaks between consecutive non-blank lines inside that window.
 * - A line's width is measured in four ways (MEASURES), for the wrappers that made the text: its
 *   UTF-16 code units (JavaScript's length) and its code points (Python's textwrap: an emoji is one,
 *   where it is two code units), each of the line as written and as read (after NFC and without the
 *   `<s>` markers: text wrapped decomposed, or wrapped composed and saved decomposed, as macOS does),
 *   trailing white space not counted. A line of ASCII alone, read as written, has one width in all
 *   four. UTF-8 bytes (GNU `fold`, for which é is two columns) are not a measure: a line of Cyrillic
 *   or Japanese reaches 40 bytes at 14-20 letters, and lyrics, word lists and headlines were read as
 *   wrapped prose (audit).
 * - In a measure, W is the longest line of the window.
 * - A break "fits a wrap" when W >= MIN_WRAP_WIDTH and L, a space and N's first word reach W:
 *   |L| + 1 + |first word of N| >= W. A greedy wrapper to width W leaves such breaks (Python's textwrap
 *   where they pass W; `fold -s`, whose lines keep the space they break at, within the width, also
 *   where they reach it: read as sentence ends until an audit); a headline, a list item or a short
 *   sentence on its own line mostly does not.
 * - It is "mid-sentence" when it fits a wrap and N starts with a lowercase letter.
 * - The window is hard-wrapped prose in a measure when at least FITTING_SHARE of its breaks fit a wrap
 *   in it and at least MID_SENTENCE_SHARE are mid-sentence (Project Gutenberg text: nearly all and
 *   about half; a list of headlines or a one-sentence-per-line file: few lines reach the width). Of
 *   the measures it is wrapped prose in, the one where most breaks fit (the first of a tie) judges
 *   the break: text with emoji wrapped by code points, read in code units, or decomposed text read
 *   after NFC, left a false sentence end at one line in four (audit).
 * - Text in scripts without case (Chinese, Japanese, Arabic, Hebrew, ...) has no mid-sentence break
 *   but where a line starts with a lowercase Latin letter, so it is seldom taken for wrapped prose.
 * - In hard-wrapped prose a break that fits a wrap is a space: the sentence goes on (a sentence-final
 *   mark before it still ends the sentence, by the sentence rules). Every other line break (a short
 *   line in wrapped prose: a heading, a verse, a list item; any line of other text) ends the sentence,
 *   and so does a blank line.
 * Streaming: a break is decided once the 16 lines after it are read, or the source ends. O(33) per line.
 */

import { isHighSurrogate, isLowSurrogate } from '../validation/surrogates.js';

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

/** The measures of a width: code units and code points, of the line as written and as read. */
export const MEASURES = 4;

interface Pending {
  readonly text: string;
  readonly afterBlank: boolean;
  readonly lowerStart: boolean;
  /**
   * The line's width and its first word's in each measure, [line, word] for each of: code units as
   * read (the rule's measure before the audit, first in a tie), code points as read, code units as
   * written, code points as written. Undefined for a line of
   * ASCII read as written, whose widths are the same in every measure: `units` and `wordUnits`.
   */
  readonly others: Float64Array | undefined;
  readonly units: number;
  readonly wordUnits: number;
}

const NOT_ASCII = /[^\u0000-\u007F]/u;

/** `text`'s code points. */
function codePoints(text: string): number {
  let points = 0;
  for (let i = 0; i < text.length; i++) {
    points++;
    if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) i++;
  }
  return points;
}

/** A line's widths (Pending.others): undefined for ASCII read as written. */
function otherWidths(written: string, writtenWord: string, read: string, readWord: string): Float64Array | undefined {
  if (written === read && !NOT_ASCII.test(written)) return undefined;
  const widths = new Float64Array(2 * MEASURES);
  const forms = [read, readWord, written, writtenWord];
  for (let form = 0; form < 2; form++) {
    const [line, word] = [forms[2 * form]!, forms[2 * form + 1]!];
    widths[4 * form] = line.length;
    widths[4 * form + 1] = word.length;
    widths[4 * form + 2] = codePoints(line);
    widths[4 * form + 3] = codePoints(word);
  }
  return widths;
}

/** Pending line `line`'s width (word: its first word's) in `measure`. */
function widthOf(line: Pending, measure: number, word: 0 | 1): number {
  if (line.others === undefined) return word === 1 ? line.wordUnits : line.units;
  return line.others[2 * measure + word]!;
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

  /**
   * Reads one non-blank line, and the line as it was written (before normalization: its widths are
   * the wrapper's); returns the lines now decided, in order.
   */
  push(line: string, written = line): DecidedLine[] {
    const text = line.trimEnd();
    const start = text.trimStart();
    const word = FIRST_WORD.exec(start)![0];
    const writtenText = written === line ? text : written.trimEnd();
    const writtenWord = written === line ? word : FIRST_WORD.exec(writtenText.trimStart())![0];
    const others = otherWidths(writtenText, writtenWord, text, word);
    this.queue.push({ text, afterBlank: this.blankSeen, lowerStart: LOWER_START.test(start), others, units: text.length, wordUnits: word.length });
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
    let measures = 1;
    for (let k = from; k <= to && measures === 1; k++) if (this.at(k).others !== undefined) measures = MEASURES;
    // the measure the window is wrapped prose in, where most breaks fit (the first of a tie)
    let chosen = -1;
    let chosenWidth = 0;
    let mostFitting = -1;
    for (let measure = 0; measure < measures; measure++) {
      const width = this.widest(from, to, measure);
      const fitting = this.fittingIfWrapped(from, to, width, measure);
      if (fitting > mostFitting) [chosen, chosenWidth, mostFitting] = [measure, width, fitting];
    }
    const hard = !(chosen >= 0 && this.fits(index, chosenWidth, chosen));
    return { text: line.text, endsBefore: hard, hardBreak: hard };
  }

  /** The longest line of [from, to] in `measure`. */
  private widest(from: number, to: number, measure: number): number {
    let width = 0;
    for (let k = from; k <= to; k++) width = Math.max(width, widthOf(this.at(k), measure, 0));
    return width;
  }

  /** True when the break before line `k` fits a wrap to `width` in `measure`: |L| + 1 + |first word of N| >= W. */
  private fits(k: number, width: number, measure: number): boolean {
    return widthOf(this.at(k - 1), measure, 0) + 1 + widthOf(this.at(k), measure, 1) >= width;
  }

  /** How many breaks of [from, to], whose longest line is `width`, fit a wrap in `measure` when the window is hard-wrapped prose there, else -1. */
  private fittingIfWrapped(from: number, to: number, width: number, measure: number): number {
    if (width < MIN_WRAP_WIDTH) return -1;
    let breaks = 0;
    let fitting = 0;
    let midSentence = 0;
    for (let k = from + 1; k <= to; k++) {
      if (this.at(k).afterBlank) continue;
      breaks++;
      if (!this.fits(k, width, measure)) continue;
      fitting++;
      if (this.at(k).lowerStart) midSentence++;
    }
    return fitting >= FITTING_SHARE * breaks && midSentence >= MID_SENTENCE_SHARE * breaks ? fitting : -1;
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
