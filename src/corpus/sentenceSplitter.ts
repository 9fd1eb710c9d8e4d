/**
 * Sentence modes: the lines of a source -> its sentences.
 *
 * Contract: `line`: every non-blank line is a sentence. `auto`: blank lines end sentences; a line
 * break between two lines ends one or is a space by the line rule (lineBreaks.ts); each run of text
 * between sentence ends so found is split by the sentence rules (sentenceSegmenter.ts). A splitter
 * keeps the line statistics of one source: make one per file. Sentences are trimmed and non-empty.
 * Linear in the text: a long run is split as it grows, keeping only its unfinished last sentence.
 */

import { LineBreaks } from './lineBreaks.js';
import { splitSentences } from './sentenceSegmenter.js';

export type SentenceMode = 'auto' | 'line';
export const SENTENCE_MODES: readonly SentenceMode[] = ['auto', 'line'];

export interface SentenceSplitter {
  /** Reads one line (without its line end); returns the sentences it completed. */
  line(line: string): string[];
  /** Ends the source; returns the sentences still open. */
  end(): string[];
  /** Line breaks taken as sentence ends although the line had no sentence-final mark (`auto` only). */
  readonly lineBreakEnds: number;
}

/** A run longer than this is split before it ends (the threshold doubles with an unfinished sentence). */
const RUN_SPLIT = 1 << 16;
const FINAL_MARK = /[.?!\u2026\u203C\u2047-\u2049\u0964\u0965\u061F\u06D4\u3002\uFF01\uFF1F\uFF61]["'\u201D\u2019)\]}\u00BB\u300D\u300F\uFF09]*$/u;

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
  let previous: string | undefined;
  let threshold = RUN_SPLIT;
  let unmarked = 0;
  const flush = (): string[] => {
    const sentences = run.length > 0 ? splitSentences(run) : [];
    run = '';
    threshold = RUN_SPLIT;
    return sentences;
  };
  return {
    line(raw) {
      const line = raw.trimEnd();
      if (line.trim().length === 0) {
        previous = undefined;
        return flush();
      }
      let done: string[] = [];
      if (previous === undefined) {
        breaks.start(line);
        run = line;
      } else if (breaks.endsSentence(previous, line)) {
        if (!FINAL_MARK.test(previous)) unmarked++;
        done = flush();
        run = line;
      } else {
        run += ` ${line}`;
      }
      previous = line;
      if (run.length > threshold) {
        const sentences = splitSentences(run);
        run = sentences.pop() ?? '';
        threshold = Math.max(RUN_SPLIT, 2 * run.length);
        done = done.concat(sentences);
      }
      return done;
    },
    end() {
      previous = undefined;
      return flush();
    },
    get lineBreakEnds() {
      return unmarked;
    },
  };
}

/** The sentences of one text, taken as a source of its own. */
export function sentenceSplitter(mode: SentenceMode): (text: string) => string[] {
  return (text) => {
    const splitter = sentenceSplitterFor(mode);
    const sentences = text.split(/\r\n?|\n/u).flatMap((line) => splitter.line(line));
    return sentences.concat(splitter.end());
  };
}
