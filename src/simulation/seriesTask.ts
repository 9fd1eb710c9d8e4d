/**
 * SeriesTask: one unit of work of a run, a (cell, replicate) series, and how to execute it with the
 * extras the exporters need (per-token extinctions, each generation's measured text).
 *
 * Contract: `seriesTasks(settings)` (settings validated: UsageError) lists every task in canonical order (cell by cell, replicate 1..R);
 * a task's `position` is its index in that list, the same in every process, so shards, workers and
 * resumed runs agree on it. `taskSteps` runs one task one generation per step (see seriesSteps) and
 * returns the task's extinction table (when asked for) once the series is done.
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import type { MetricValues } from '../metrics/columns.js';
import type { LanguageModel } from '../model/languageModel.js';
import { expandCells, type Cell } from './cells.js';
import { ExtinctionTracker, type ExtinctionTable } from './extinctionTracker.js';
import type { ProgressReport } from './generationProgress.js';
import type { Generation0Sharing } from './generationZero.js';
import type { PreparedRun } from './preparedRun.js';
import { seriesSteps, type GenerationTexts, type SeriesWarning } from './series.js';
import type { RunSettings } from './settings.js';
import { SentenceScorer } from './sentenceScorer.js';
import { validateRunSettings } from './validateSettings.js';

/** One unit of work: a cell and a replicate number (1-based), at `position` in canonical order. */
export interface SeriesTask {
  readonly position: number;
  readonly cell: Cell;
  readonly replicate: number;
}

/** Every (cell, replicate) of a run, in canonical order. */
export function seriesTasks(settings: RunSettings): SeriesTask[] {
  return expandCells(validateRunSettings(settings).sweep).flatMap((cell) =>
    Array.from({ length: settings.replicates }, (_, r) => ({ cell, replicate: r + 1 })),
  ).map((task, position) => ({ ...task, position }));
}

/** What a task should produce besides its metrics rows; each is off when left out (the README: "each optional"; the type required two: audit). */
export interface TaskExtras {
  /** Track every seed type's survival (an ExtinctionTable at the end). */
  readonly extinctions?: boolean;
  /** Hand every generation's measured text to `onTexts`. */
  readonly texts?: boolean;
  /**
   * Score every sentence of each row's text under M0 (floored perplexity; H at generation 0, the
   * measured text after) and hand the values to `onRow` with the row.
   */
  readonly sentencePerplexities?: boolean;
}

export interface TaskListener {
  readonly onRow: (generation: number, values: MetricValues, sentencePerplexities?: Float64Array) => void;
  /** The text row `generation` measured; its first `shareSentences` sentences are the batch's synthetic share. */
  readonly onTexts?: (generation: number, measured: TokenCorpus, shareSentences: number) => void;
  readonly warn?: SeriesWarning;
  /** How far the task is through a generation (see GenerationProgress), as soon as known. */
  readonly onProgress?: ProgressReport;
  /** Generation 0 shared with this thread's other tasks (./generationZero.ts). */
  readonly generation0?: Generation0Sharing;
}

export function* taskSteps(
  run: PreparedRun,
  task: SeriesTask,
  extras: TaskExtras,
  listener: TaskListener,
): Generator<number, ExtinctionTable | undefined, void> {
  const tracker = extras.extinctions === true ? new ExtinctionTracker(run.reference) : undefined;
  const scorer = extras.sentencePerplexities === true ? new SentenceScorer(run) : undefined;
  const onTexts = tracker === undefined && extras.texts !== true && scorer === undefined ? undefined : (texts: GenerationTexts): void => {
    tracker?.observe(texts.generation, texts.measured);
    scorer?.score(texts.measured);
    if (extras.texts === true) listener.onTexts?.(texts.generation, texts.measured, texts.shareSentences);
  };
  // (a hook left undefined is the same as one left out: the series calls each with ?.)
  yield* seriesSteps(run, task.cell, task.replicate, {
    emit: (row) => listener.onRow(row.generation, row.values, scorer?.take()),
    onModel0: scorer === undefined ? undefined : (model0: LanguageModel) => scorer.start(model0),
    warn: listener.warn,
    onProgress: listener.onProgress,
    onTexts,
    generation0: listener.generation0,
  });
  return tracker?.result();
}
