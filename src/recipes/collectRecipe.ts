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
import { prepareRun, type PreparedRun, type WordViewSpec } from '../simulation/preparedRun.js';
import { seriesSteps, type GenerationTexts, type SeriesHooks, type SeriesRow } from '../simulation/series.js';
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
  const named = renamedCells(runs, options.renameCell ?? ((id: string) => id));
  const run = prepareRun(corpus, idSpace, runs[0]!, options.words);
  const collector = new RecipeCollector(recipe, run, named, recipeSeries(runs), options);
  // In process, series by series (as simulate does), without the worker pool: the playground runs
  // recipes in the browser with this very code.
  for (const settings of runs) {
    const prepared = prepareRun(corpus, idSpace, settings, options.words);
    const hooks = collector.hooks();
    // The series runs under its recipe name (the same key, so the same draws), which its warnings give.
    for (const task of seriesTasks(settings)) {
      for (const _generation of seriesSteps(prepared, { ...task.cell, id: named.get(task.cell.key)!.id }, task.replicate, hooks)) yield;
    }
  }
  collector.finishSeries();
  const { rows, survival, perplexities } = collector;
  return { scale, rows, cells: [...named.values()], run, survival, sentencePerplexities: perplexities };
}

/** Every run's cells by key, named across runs (nameCells) and then renamed by `rename`. */
function renamedCells(runs: readonly RunSettings[], rename: (id: string) => string): Map<string, Cell> {
  return new Map([...nameCells(runs.map((settings) => expandCells(settings.sweep)))].map(([key, cell]) => [key, { ...cell, id: rename(cell.id) }]));
}

/** The series under way when a row or texts arrive. */
interface CurrentSeries {
  readonly cell: Cell;
  readonly replicate: number;
  readonly generation: number;
}

/** A series' extinction tracker, with what its SeriesSurvival says besides the tracker's result. */
interface SurvivalRecorder {
  readonly tracker: ExtinctionTracker;
  readonly cell: string;
  readonly replicate: number;
  generations: number;
  readonly anchorTokens: Int32Array | undefined;
}

/**
 * What collectSteps gathers from the series' hooks, in the order they run: the named rows, each
 * series' token survival and sentence perplexities (as the recipe needs them), and the progress.
 */
class RecipeCollector {
  readonly rows: SeriesRow[] = [];
  readonly survival: SeriesSurvival[] = [];
  readonly perplexities: SentencePerplexitySeries[] = [];
  private current: CurrentSeries | undefined;
  private recorder: SurvivalRecorder | undefined;
  private anchorText: string | undefined;
  private done = 0;
  private readonly scorer: SentenceScorer | undefined;

  constructor(
    private readonly recipe: Recipe,
    private readonly run: PreparedRun,
    private readonly named: ReadonlyMap<string, Cell>,
    private readonly total: number,
    private readonly options: CollectOptions,
  ) {
    this.scorer = recipe.needs?.sentencePerplexities === true ? new SentenceScorer(run) : undefined;
  }

  /** The hooks of one run's series: rows, texts, generation 0's model and warnings come here. */
  hooks(): SeriesHooks {
    const { scorer, options } = this;
    return {
      emit: (row: SeriesRow) => this.emit(row),
      onTexts: (texts: GenerationTexts) => {
        this.onTexts(texts);
        options.onTexts?.(texts, this.current!.cell, this.current!.replicate);
      },
      ...(scorer === undefined ? {} : { onModel0: (model0: LanguageModel) => scorer.start(model0) }),
      ...(options.warn === undefined ? {} : { warn: options.warn }),
    };
  }

  /** Ends the series under way: keeps its survival, counts it done. */
  finishSeries(): void {
    if (this.recorder !== undefined) {
      const { tracker, ...series } = this.recorder;
      this.survival.push({ ...tracker.result(), ...series });
    }
    this.recorder = undefined;
    if (this.current !== undefined) this.options.onProgress?.(++this.done, this.total, this.current.cell.id);
  }

  /** Keeps a row under its cell's recipe name (a new series at generation 0), with its sentence perplexities. */
  private emit(row: SeriesRow): void {
    const cell = this.named.get(row.cell.key)!;
    if (row.generation === 0) this.finishSeries();
    this.current = { cell, replicate: row.replicate, generation: row.generation };
    const namedRow = { ...row, cell };
    this.rows.push(namedRow);
    this.options.onRow?.(namedRow);
    const values = this.scorer?.take();
    if (values !== undefined) this.perplexities.push({ cell: cell.id, replicate: row.replicate, generation: row.generation, values });
  }

  /** Records a generation's texts (survival, sentence scores); throws when they are not the current series' next. */
  private onTexts(texts: GenerationTexts): void {
    const current = this.current;
    if (current === undefined || texts.generation !== current.generation + 1) {
      throw new Error('recipe: texts arrived out of series order (collectRecipe needs the in-process simulate)');
    }
    if (this.recipe.needs?.tokenSurvival === true) this.recordSurvival(texts, current);
    this.scorer?.score(texts.measured);
  }

  /** Observes a generation's extinctions, starting the series' recorder at generation 1; throws when the anchors changed. */
  private recordSurvival(texts: GenerationTexts, { cell, replicate }: CurrentSeries): void {
    const anchors = cell.settings.anchor;
    if (texts.generation === 1) {
      const anchorTokens = anchors > 0 ? lastSentencesTokens(texts.training, anchors) : undefined;
      this.anchorText = anchors > 0 ? lastSentencesKey(texts.training, anchors) : undefined;
      this.recorder = { tracker: new ExtinctionTracker(this.run.reference), cell: cell.id, replicate, generations: 0, anchorTokens };
    } else if (anchors > 0 && lastSentencesKey(texts.training, anchors) !== this.anchorText) {
      throw new Error('recipe: the anchor sentences changed between generations (expected them last in every training set)');
    }
    this.recorder!.tracker.observe(texts.generation, texts.measured);
    this.recorder!.generations = texts.generation;
  }
}

/** The last `count` sentences as a string, to check that the anchors stay the same. */
function lastSentencesKey(corpus: TokenCorpus, count: number): string {
  const from = corpus.offsets[Math.max(0, sentenceCount(corpus) - count)]!;
  return `${sentenceCount(corpus) >= count}:${corpus.ids.subarray(from).join(',')}`;
}
