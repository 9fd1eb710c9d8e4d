/**
 * Sentence modes: the lines of a source -> its sentences.
 *
 * Contract: `line`: every non-blank line is a sentence. `auto`: blank lines end sentences; a line
 * break between two lines ends one or is a space by the line rule (lineBreaks.ts); each run of text
 * between sentence ends so found is split by the sentence rules (sentenceSegmenter.ts). A splitter
 * keeps the line statistics of one source: make one per file. Sentences are trimmed and non-empty.
 * Linear in the text: a long run is split as it grows, keeping only its unfinished last sentence.
 */

import { checkValue, nameRule } from '../validation/valueRule.js';
import { LineBreaks, type DecidedLine } from './lineBreaks.js';
import { FINAL_MARK, splitSentences } from './sentenceSegmenter.js';

export type SentenceMode = 'auto' | 'line';
export const SENTENCE_MODES: readonly SentenceMode[] = Object.freeze(['auto', 'line']);

/** A sentence mode: one of SENTENCE_MODES (the rule the text options use too: textOptionRules.ts). */
export const SENTENCE_MODE_RULE = nameRule(SENTENCE_MODES);

export interface SentenceSplitter {
  /**
   * Reads one line (without its line end), and optionally the line as written before normalization
   * (`auto` measures a wrapped line's width on it); returns the sentences it completed.
   */
  line(line: string, written?: string): string[];
  /** Ends the source; returns the sentences still open. */
  end(): string[];
  /** Line breaks taken as sentence ends although the line had no sentence-final mark (`auto` only). */
  readonly lineBreakEnds: number;
}

/** A run longer than this is split before it ends (the threshold doubles with an unfinished sentence). */
const RUN_SPLIT = 1 << 16;

/** A splitter for one source. */
export function sentenceSplitterFor(mode: SentenceMode): SentenceSplitter {
  return mode === 'line' ? lineSplitter() : autoSplitter();
}

function lineSplitter(): SentenceSplitter {
  return {
    line: (line) => {
      const sentence = line.trim();
      return sentence.length > 0 ? [sentence] : [];
    },
    end: () => [],
    lineBreakEnds: 0,
  };
}

function autoSplitter(): SentenceSplitter {
  const breaks = new LineBreaks();
  let run = '';
  let threshold = RUN_SPLIT;
  let unmarked = 0;
  const flush = (into: string[]): void => {
    if (run.length > 0) appendAll(into, splitSentences(run));
    // Stryker disable next-line StringLiteral: equivalent, every flush is followed by a new run or by the end of the source
    run = '';
    threshold = RUN_SPLIT;
  };
  const take = (decided: readonly DecidedLine[]): string[] => {
    const done: string[] = [];
    for (const { text, endsBefore, hardBreak } of decided) {
      if (endsBefore) {
        if (hardBreak && !FINAL_MARK.test(run)) unmarked++;
        flush(done);
        run = text;
      } else {
        run += ` ${text}`;
      }
      if (run.length > threshold) {
        const sentences = splitSentences(run);
        // Stryker disable next-line StringLiteral: equivalent, a run of text holds at least one sentence
        run = sentences.pop() ?? '';
        threshold = Math.max(RUN_SPLIT, 2 * run.length);
        appendAll(done, sentences);
      }
    }
    return done;
  };
  return {
    line(line, written) {
      if (line.trim().length === 0) {
        breaks.blank();
        return [];
      }
      return take(breaks.push(line, written));
    },
    end() {
      const done = take(breaks.finish());
      flush(done);
      return done;
    },
    get lineBreakEnds() {
      return unmarked;
    },
  };
}

/** The sentences of one text, taken as a source of its own; a mode not in SENTENCE_MODES is a UsageError (it was taken as `auto`: audit of the library). */
export function sentenceSplitter(mode: SentenceMode): (text: string) => string[] {
  checkValue('mode', mode, SENTENCE_MODE_RULE);
  return (text) => {
    const splitter = sentenceSplitterFor(mode);
    const sentences = text.split(/\r\n?|\n/u).flatMap((line) => splitter.line(line));
    return sentences.concat(splitter.end());
  };
}

/**
 * `into.push(...items)` without the spread: a long paragraph or a book on one line splits into some
 * 100k sentences, more arguments than a call takes (a RangeError, "Maximum call stack size exceeded",
 * at about 120k in a browser worker and some more in Node).
 */
function appendAll(into: string[], items: readonly string[]): void {
  for (const item of items) into.push(item);
}
