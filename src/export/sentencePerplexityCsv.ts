/**
 * The sentence-perplexities CSV (`recipe perplexity-shift`, `run --sentence-perplexities FILE`): one row
 * per cell, replicate, generation and sentence of the text measured, with that sentence's floored
 * perplexity under M0 (see metrics/sentencePerplexities.ts).
 *
 * Contract: `SENTENCE_PERPLEXITY_COLUMNS` is the header; `openSentencePerplexityCsv(target)` opens the file
 * (or a stream) through csvFile.ts and returns a writer whose `write(cell, replicate, generation,
 * perplexities)` queues one row per sentence (sentence counts from 1, in text order; numbers as the
 * curves CSV writes them, 6 significant digits) and whose `close()` resolves when the file is complete.
 * `sentencePerplexityHook(writer, seedTypes, series)` is the `onTexts` hook a run installs: it scores
 * each generation's synthetic text under `texts.model0`. Generation 0 (the human pool H under M0, the
 * in-sample reference) is written by `writeHumanReference`.
 */

import type { Writable } from 'node:stream';
import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import type { LanguageModel } from '../model/languageModel.js';
import { sentencePerplexities } from '../metrics/sentencePerplexities.js';
import type { GenerationTexts } from '../simulation/series.js';
import { openCsv } from './csvFile.js';
import { formatNumber } from './formatNumber.js';

export const SENTENCE_PERPLEXITY_COLUMNS: readonly string[] = ['cell', 'replicate', 'generation', 'sentence', 'perplexity'];

export interface SentencePerplexityWriter {
  write(cell: string, replicate: number, generation: number, perplexities: ArrayLike<number>): void;
  close(): Promise<void>;
}

export function openSentencePerplexityCsv(target: string | Writable): SentencePerplexityWriter {
  const csv = openCsv(target, SENTENCE_PERPLEXITY_COLUMNS);
  return {
    write: (cell, replicate, generation, perplexities) => {
      for (let s = 0; s < perplexities.length; s++) {
        csv.write([cell, String(replicate), String(generation), String(s + 1), formatNumber(perplexities[s]!)]);
      }
    },
    close: () => csv.close(),
  };
}

/** Which series the texts belong to: the caller knows (e.g. from the rows it receives). */
export interface SeriesIdentity {
  readonly cell: string;
  readonly replicate: number;
}

/**
 * An `onTexts` hook that writes the synthetic text of every generation, scored under M0. `series()`
 * names the series the texts belong to (in-process, the one whose generation-0 row came last).
 */
export function sentencePerplexityHook(
  writer: SentencePerplexityWriter,
  seedTypes: number,
  series: () => SeriesIdentity,
): (texts: GenerationTexts) => void {
  return (texts) => {
    if (texts.model0 === undefined) return;
    const { cell, replicate } = series();
    writer.write(cell, replicate, texts.generation, sentencePerplexities(texts.model0, texts.synthetic, seedTypes));
  };
}

/** Generation 0: the human pool H under M0 (in-sample), the reference histogram. */
export function writeHumanReference(
  writer: SentencePerplexityWriter,
  series: SeriesIdentity,
  model0: LanguageModel,
  human: TokenCorpus,
  seedTypes: number,
): void {
  writer.write(series.cell, series.replicate, 0, sentencePerplexities(model0, human, seedTypes));
}
