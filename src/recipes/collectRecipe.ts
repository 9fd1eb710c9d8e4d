/**
 * collectRecipe: runs a recipe's runs series by series, in process (as `simulate` does), and gathers what
 * its findings need. No files: the CLI's runRecipe.ts (src/cli) loads the corpus and writes the outputs.
 *
 * Contract: every run of `recipe.runs(scale)` is simulated in turn on `corpus`; rows keep their values
 * but their cells are renamed across runs (recipe.ts nameCells). When the recipe needs per-token
 * survival or per-sentence perplexities, the simulation's own tools record them (ExtinctionTracker in
 * an `onTexts` hook; SentenceScorer through onModel0 / onTexts / emit, as `run` does); the texts of generation g
 * belong to the series whose row g - 1 came last, which holds because in-process `simulate` runs one
 * series at a time and emits row g - 1 before it samples generation g (checked: a violation throws).
 * Generation 0 of the sentence perplexities is H itself under M0 (in-sample), as row 0 describes H.
 * Deterministic: the same corpus, recipe, scale give the same data. collectRecipeAsync gives the same
 * data with a turn of the event loop between generations, and stops when its signal aborts.
 */

import { sentenceCount, type TokenCorpus } from '../corpus/tokenCorpus.js';
import type { LanguageModel } from '../model/languageModel.js';
import { SentenceScorer } from '../simulation/sentenceScorer.js';
import type { Cell } from '../simulation/cells.js';
import { expandCells } from '../simulation/cells.js';
import { prepareRun, type WordViewSpec } from '../simulation/preparedRun.js';
import { seriesSteps, type GenerationTexts, type SeriesRow } from '../simulation/series.js';
import { seriesTasks } from '../simulation/seriesTask.js';
import type { RunSettings } from '../simulation/settings.js';
import { nameCells, type Recipe, type RecipeData, type RecipeScale, type SentencePerplexitySeries } from './recipe.js';
import { ExtinctionTracker } from '../simulation/extinctionTracker.js';
import { lastSentencesTokens, type SeriesSurvival } from './tokenSurvival.js';

export interface CollectOptions {
  /** Called after each series (cell x replicate) finishes: done, total. */
  readonly onProgress?: (done: number, total: number, cell: string) => void;
  readonly warn?: (message: string) => void;
  /** Subword corpora: the tokens' strings, for the word_* columns. */
  readonly words?: WordViewSpec;
  /** Called with each row as it is measured (cells named across runs). */
  readonly onRow?: (row: SeriesRow) => void;
  /** Called with each generation's texts, after the row before them (the series is `current`). */
  readonly onTexts?: (texts: GenerationTexts, cell: Cell, replicate: number) => void;
  /** Renames every cell (rows, data and the warnings of its series), e.g. `tokenizer=gpt2/<cell>`. */
  readonly renameCell?: (id: string) => string;
}

/** How many series (cell x replicate) a recipe's runs make: what its progress counts to. */
export function recipeSeries(runs: readonly RunSettings[]): number {
  return runs.reduce((sum, settings) => sum + expandCells(settings.sweep).length * settings.replicates, 0);
}

export function collectRecipe(
  recipe: Recipe,
  corpus: TokenCorpus,
  idSpace: number,
  scale: RecipeScale,
  options: CollectOptions = {},
): RecipeData {
  const steps = collectSteps(recipe, corpus, idSpace, scale, options);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * collectRecipe with a turn of the event loop after every generation, so that a signal is heard while
 * the recipe runs (it ran synchronously: a Ctrl-C ended the process without a line); undefined once
 * `signal` has aborted, checked before the first generation and after each. The same data otherwise.
 */
export async function collectRecipeAsync(
  recipe: Recipe,
  corpus: TokenCorpus,
  idSpace: number,
  scale: RecipeScale,
  options: CollectOptions,
  signal: AbortSignal,
): Promise<RecipeData | undefined> {
  const steps = collectSteps(recipe, corpus, idSpace, scale, options);
  for (;;) {
    if (signal.aborted) return undefined;
    const step = steps.next();
    if (step.done === true) return step.value;
    await new Promise((turn) => setImmediate(turn));
  }
}

/** The recipe's generations one step at a time (each step ends with a row emitted); returns the data. */
function* collectSteps(
  recipe: Recipe,
  corpus: TokenCorpus,
  idSpace: number,
  scale: RecipeScale,
  options: CollectOptions,
): Generator<void, RecipeData, void> {
  const runs = recipe.runs(scale);
  const rename = options.renameCell ?? ((id: string) => id);
  const named = new Map([...nameCells(runs.map((settings) => expandCells(settings.sweep)))].map(([key, cell]) => [key, { ...cell, id: rename(cell.id) }]));
  const run = prepareRun(corpus, idSpace, runs[0]!, options.words);
  const total = recipeSeries(runs);

  const rows: SeriesRow[] = [];
  const survival: SeriesSurvival[] = [];
  const perplexities: SentencePerplexitySeries[] = [];
  let current: { cell: Cell; replicate: number; generation: number } | undefined;
  let recorder: { tracker: ExtinctionTracker; cell: string; replicate: number; generations: number; anchorTokens: Int32Array | undefined } | undefined;
  let anchorText: string | undefined;
  let done = 0;
  const scorer = recipe.needs?.sentencePerplexities === true ? new SentenceScorer(run) : undefined;

  const finishSeries = (): void => {
    if (recorder !== undefined) {
      const { tracker, ...series } = recorder;
      survival.push({ ...tracker.result(), ...series });
    }
    recorder = undefined;
    if (current !== undefined) options.onProgress?.(++done, total, current.cell.id);
  };

  const onTexts = (texts: GenerationTexts): void => {
    if (current === undefined || texts.generation !== current.generation + 1) {
      throw new Error('recipe: texts arrived out of series order (collectRecipe needs the in-process simulate)');
    }
    const { cell, replicate } = current;
    if (recipe.needs?.tokenSurvival === true) {
      const anchors = cell.settings.anchor;
      if (texts.generation === 1) {
        const anchorTokens = anchors > 0 ? lastSentencesTokens(texts.training, anchors) : undefined;
        anchorText = anchors > 0 ? lastSentencesKey(texts.training, anchors) : undefined;
        recorder = { tracker: new ExtinctionTracker(run.reference), cell: cell.id, replicate, generations: 0, anchorTokens };
      } else if (anchors > 0 && lastSentencesKey(texts.training, anchors) !== anchorText) {
        throw new Error('recipe: the anchor sentences changed between generations (expected them last in every training set)');
      }
      recorder!.tracker.observe(texts.generation, texts.measured);
      recorder!.generations = texts.generation;
    }
    scorer?.score(texts.measured);
  };

  // In process, series by series (as simulate does), without the worker pool: the playground runs
  // recipes in the browser with this very code.
  for (const settings of runs) {
    const prepared = prepareRun(corpus, idSpace, settings, options.words);
    const hooks = {
      emit: (row: SeriesRow) => {
        const cell = named.get(row.cell.key)!;
        if (row.generation === 0) finishSeries();
        current = { cell, replicate: row.replicate, generation: row.generation };
        const namedRow = { ...row, cell };
        rows.push(namedRow);
        options.onRow?.(namedRow);
        const values = scorer?.take();
        if (values !== undefined) perplexities.push({ cell: cell.id, replicate: row.replicate, generation: row.generation, values });
      },
      onTexts: (texts: GenerationTexts) => {
        onTexts(texts);
        options.onTexts?.(texts, current!.cell, current!.replicate);
      },
      ...(scorer === undefined ? {} : { onModel0: (model0: LanguageModel) => scorer.start(model0) }),
      ...(options.warn === undefined ? {} : { warn: options.warn }),
    };
    // The series runs under its recipe name (the same key, so the same draws), which its warnings give.
    for (const task of seriesTasks(settings)) {
      for (const _generation of seriesSteps(prepared, { ...task.cell, id: named.get(task.cell.key)!.id }, task.replicate, hooks)) yield;
    }
  }
  finishSeries();
  return { scale, rows, cells: [...named.values()], run, survival, sentencePerplexities: perplexities };
}

/** The last `count` sentences as a string, to check that the anchors stay the same. */
function lastSentencesKey(corpus: TokenCorpus, count: number): string {
  const from = corpus.offsets[Math.max(0, sentenceCount(corpus) - count)]!;
  return `${sentenceCount(corpus) >= count}:${corpus.ids.subarray(from).join(',')}`;
}
