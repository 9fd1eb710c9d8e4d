/**
 * Line breaks between two non-blank lines, for `--sentences auto`: which end a sentence and which are
 * spaces (the prose was hard-wrapped).
 *
 * The rule, per source (a file, standard input, a JSONL record), decided as the text streams by:
 * - W is the longest line read so far, through the line after the break (UTF-16 code units, trailing
 *   white space not counted).
 * - A break after line L, before line N, "fits a wrap" when W >= MIN_WRAP_WIDTH and L, a space and N's
 *   first word would not fit in W: |L| + 1 + |first word of N| > W. A greedy wrapper to width W
 *   leaves exactly such breaks; a headline, a list item or a short sentence on its own line does not.
 * - A break is "mid-sentence" when it fits a wrap and N starts with a lowercase letter.
 * - The source is hard-wrapped prose while at least WRAPPED_SHARE of its line breaks so far (this one
 *   included) are mid-sentence: Project Gutenberg text has about half, a list of headlines or a
 *   one-sentence-per-line file almost none.
 * - In hard-wrapped prose a break that fits a wrap is a space: the sentence goes on (a sentence-final
 *   mark before it still ends the sentence, by the sentence rules). Every other line break (a short
 *   line in wrapped prose: a heading, a verse, a list item; any line of other text) ends the sentence.
 * A blank line always ends the sentence. O(1) per break, after reading the lines.
 */

/** Narrower text is not taken for wrapped prose. */
export const MIN_WRAP_WIDTH = 40;
/** Share of mid-sentence line breaks from which a source counts as hard-wrapped prose. */
export const WRAPPED_SHARE = 0.1;

const LOWER_START = /^\p{Ll}/u;
const FIRST_WORD = /^\S*/u;

/** The statistics of one source. */
export class LineBreaks {
  private width = 0;
  private breaks = 0;
  private midSentence = 0;

  /** Reads the first line of the source or of a paragraph (no break before it). */
  start(line: string): void {
    if (line.length > this.width) this.width = line.length;
  }

  /** Decides the break between `previous` and `line` (both trimmed at the end): true if it ends a sentence. */
  endsSentence(previous: string, line: string): boolean {
    if (line.length > this.width) this.width = line.length;
    const fits = this.width >= MIN_WRAP_WIDTH && previous.length + 1 + FIRST_WORD.exec(line.trimStart())![0].length > this.width;
    this.breaks++;
    if (fits && LOWER_START.test(line.trimStart())) this.midSentence++;
    const wrapped = this.midSentence >= WRAPPED_SHARE * this.breaks;
    return !(wrapped && fits);
  }
}
