/**
 * SentenceScorer: the one pipeline of per-sentence perplexities under M0 along a series (used by
 * `run --sentence-perplexities` through seriesTask.ts and by the recipes through collectRecipe.ts).
 *
 * Contract: `start(model0)` (the series' onModel0 hook) scores H, the text of row 0; `score(text)`
 * (from onTexts) scores each generation's synthetic text; `take()` (from emit) hands the values of the
 * row being emitted, once. Values: metrics/sentencePerplexities.ts, floored with the run's seed types.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { sentencePerplexities } from '../metrics/sentencePerplexities.js';
import type { LanguageModel } from '../model/languageModel.js';
import type { PreparedRun } from './preparedRun.js';

export class SentenceScorer {
  private model0: LanguageModel | undefined;
  private pending: Float64Array | undefined;

  constructor(private readonly run: PreparedRun) {}

  start(model0: LanguageModel): void {
    this.model0 = model0;
    this.score(this.run.human);
  }

  score(text: TokenCorpus): void {
    this.pending = sentencePerplexities(this.model0!, text, this.run.reference.unigrams.types.length);
  }

  /** The values for the row being emitted (each text is scored before its row). */
  take(): Float64Array | undefined {
    const values = this.pending;
    this.pending = undefined;
    return values;
  }
}
