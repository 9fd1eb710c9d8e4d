/**
 * The sentence-perplexities CSV (`recipe perplexity-shift`, `run --sentence-perplexities FILE`): one row
 * per cell, replicate, generation and sentence of the text measured, with that sentence's floored
 * perplexity under M0 (see metrics/sentencePerplexities.ts).
 *
 * Contract: `SENTENCE_PERPLEXITY_COLUMNS` is the header; `openSentencePerplexityCsv(target, options?)` opens the file
 * (or a stream) through csvFile.ts (its CsvOptions: `whole`) and returns a writer whose `write(cell, replicate, generation,
 * perplexities)` queues one row per sentence (sentence counts from 1, in text order; numbers as the
 * curves CSV writes them, 6 significant digits) and whose `close()` resolves when the file is complete.
 * The values come from the one scoring pipeline, simulation/sentenceScorer.ts.
 */

import type { Writable } from 'node:stream';
import { openCsv, type CsvOptions } from './csvFile.js';
import { formatNumber } from '../validation/formatNumber.js';

export const SENTENCE_PERPLEXITY_COLUMNS: readonly string[] = ['cell', 'replicate', 'generation', 'sentence', 'perplexity'];

export interface SentencePerplexityWriter {
  write(cell: string, replicate: number, generation: number, perplexities: ArrayLike<number>): void;
  close(): Promise<void>;
}

export function openSentencePerplexityCsv(target: string | Writable, options: CsvOptions = {}): SentencePerplexityWriter {
  const csv = openCsv(target, SENTENCE_PERPLEXITY_COLUMNS, options);
  return {
    write: (cell, replicate, generation, perplexities) => {
      for (let s = 0; s < perplexities.length; s++) {
        csv.write([cell, String(replicate), String(generation), String(s + 1), formatNumber(perplexities[s]!)]);
      }
    },
    close: () => csv.close(),
  };
}
