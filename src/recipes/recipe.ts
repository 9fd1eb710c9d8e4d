/**
 * Recipe: one published model-collapse finding, reproduced on n-gram models by one command.
 *
 * Contract: a recipe names the claim and its source, the corpus it runs on by default, and the runs it
 * makes (`runs(scale)`: RunSettings built from the library's DEFAULT_RUN; each run's sweep lists make
 * cells, and several runs let a recipe compare cells that are not a cross product, such as "plain vs
 * temperature 0.7 vs top-k 10"). `findings(data)` turns what the runs produced into named qualitative
 * checks, each with the numbers it rests on (means over replicates) and whether it holds (or why the
 * rows cannot decide it: `undecided`). A recipe
 * never touches files: the CLI's runRecipe.ts (src/cli) runs it and writes its outputs. Cells of all runs are named
 * together (`nameCells`), by the settings that differ between them, as the library names a sweep's cells.
 */

import type { TopLevelSpec } from 'vega-lite';
import type { LoadOptions } from '../corpus/loadCorpus.js';
import type { TokenizerName } from '../corpus/tokenizers.js';
import { UsageError } from '../errors.js';
import { DEFAULT_SAMPLING } from '../sampler/sampling.js';
import { cellNames, type Cell } from '../simulation/cells.js';
import type { PreparedRun } from '../simulation/preparedRun.js';
import type { SeriesRow } from '../simulation/series.js';
import {
  ALL_CELL_COLUMNS,
  DEFAULT_RUN,
  type CellSettings,
  type RunSettings,
  type SharedSettings,
  type SweepSettings,
} from '../simulation/settings.js';
import type { SeriesSurvival } from './tokenSurvival.js';

/** How big a recipe's run is: what the command line may change. */
export interface RecipeScale {
  readonly generations: number;
  readonly replicates: number;
  readonly seed: number;
}

/**
 * Every recipe's findings compare generations after M0 (the first with the last, a half with the
 * other): with one generation they would compare it with itself.
 */
export const MIN_RECIPE_GENERATIONS = 2;

/**
 * Refuses a scale no recipe can read a trend from, or `recipe` its own from (its `fewestGenerations`):
 * a UsageError naming --generations.
 */
export function checkRecipeScale(scale: RecipeScale, recipe?: Pick<Recipe, 'name' | 'fewestGenerations'>): RecipeScale {
  if (scale.generations < MIN_RECIPE_GENERATIONS) {
    throw new UsageError(`a recipe compares generations, and --generations ${scale.generations} gives one`, `pass --generations ${MIN_RECIPE_GENERATIONS} or more`);
  }
  const fewest = recipe?.fewestGenerations;
  if (fewest !== undefined && scale.generations < fewest.generations) {
    throw new UsageError(`recipe ${recipe!.name} needs --generations ${fewest.generations} or more, got ${scale.generations}: ${fewest.why}`, `pass --generations ${fewest.generations} or more`);
  }
  return scale;
}

/** One qualitative check of a recipe, computed from the rows (means over replicates, unless its text says it pools them or counts over all of them). */
export interface Finding {
  /** Short name, e.g. "rare types die first". */
  readonly name: string;
  /** What the source predicts, in words. */
  readonly expected: string;
  /** What the numbers showed, in words with the numbers. */
  readonly observed: string;
  /** The numbers the verdict rests on, by name. */
  readonly numbers: Readonly<Record<string, number | null>>;
  readonly holds: boolean;
  /**
   * Why the rows cannot decide the check, when they cannot (too few data: a line through fewer than 3
   * points, a law with too few seed hapaxes to test, one replicate where an interval needs two, a band
   * no seed type falls in; or too few generations: bands level at 1 or at 0, nothing lost yet to level
   * off); `holds` is then false. Absent where the rows decide it: a check that does not hold is then a result.
   */
  readonly undecided?: string;
}

/** A finding's verdict in words: `holds`, `does not hold`, or `undecided` (the rows cannot tell: Finding.undecided). */
export type Verdict = 'holds' | 'does not hold' | 'undecided';

export function verdictOf(finding: Finding): Verdict {
  return finding.holds ? 'holds' : finding.undecided === undefined ? 'does not hold' : 'undecided';
}

/**
 * What a finding observed, as every reader shows it (standard output, findings.md, the report, the
 * playground): with why the rows cannot decide it, where its observed text does not say so already (a
 * Welch test's p, or too few means for a trend test, was said in findings.json alone: the README
 * promised "undecided, with why").
 */
export function observedText(finding: Finding): string {
  const why = finding.holds ? undefined : finding.undecided;
  return why === undefined || finding.observed.includes(why) ? finding.observed : `${finding.observed}; undecided: ${why}`;
}

/**
 * How many findings hold, of how many, and how many the rows could not decide: `3 of 4 hold`, or with
 * `noun` `findings`, `2 of 4 findings hold, 1 undecided (the rows cannot tell)` (each such finding says why;
 * "too few data" was said here, where a Welch test over spread replicates is undecided too).
 */
export function verdictCount(findings: readonly Finding[], noun?: string): string {
  const holding = findings.filter((finding) => finding.holds).length;
  const undecided = findings.filter((finding) => verdictOf(finding) === 'undecided').length;
  return `${holding} of ${findings.length}${noun === undefined ? '' : ` ${noun}`} hold${undecided === 0 ? '' : `, ${undecided} undecided (the rows cannot tell)`}`;
}

/**
 * What a reader of a recipe run with one replicate should know, or undefined from 2 replicates on: the
 * checks that compare means have no interval, and with one replicate they rest on one series (a
 * verification verdict turned on a gap of 0.0006 with nothing on screen saying so: audit).
 */
export function oneReplicateCaveat(replicates: number): string | undefined {
  return replicates === 1
    ? 'One replicate: the checks that compare means over replicates have no interval or test, and here they rest on this one series; run more replicates (the recipes run 3 to 10 by default) and other --seed values before citing them.'
    : undefined;
}

/** The per-sentence perplexities under M0 of one generation's text of one series. */
export interface SentencePerplexitySeries {
  readonly cell: string;
  readonly replicate: number;
  readonly generation: number;
  readonly values: Float64Array;
}

/** Everything a recipe's runs produced, handed to findings() and charts(). */
export interface RecipeData {
  readonly scale: RecipeScale;
  /** Rows of every run, cells renamed across runs (see nameCells), in run order. */
  readonly rows: readonly SeriesRow[];
  readonly cells: readonly Cell[];
  /** The split and seed reference (the same for every run of a recipe, but see `referenceOf`). */
  readonly run: PreparedRun;
  /**
   * A recipe over tokenizers reads H once per tokenizer: the seed reference of a cell's own tokens
   * (its survival law's seed counts). Absent when every cell's is `run.reference`.
   */
  readonly referenceOf?: (cell: string) => PreparedRun['reference'];
  /** Per-token presence of the seed types, per series (when the recipe needs it). */
  readonly survival: readonly SeriesSurvival[];
  /** Per-sentence perplexities under M0, per series and generation (when the recipe needs them). */
  readonly sentencePerplexities: readonly SentencePerplexitySeries[];
}

/** A chart a recipe adds to its report (rendered as SVG, inlined in report.html). */
export interface RecipeChart {
  readonly name: string;
  readonly title: string;
  readonly spec: TopLevelSpec;
}

/** A CSV a recipe adds to its outputs. */
export interface RecipeTable {
  readonly file: string;
  readonly header: readonly string[];
  readonly records: ReadonlyArray<readonly string[]>;
}

export interface Recipe {
  readonly name: string;
  readonly title: string;
  /** The claim, in one or two sentences. */
  readonly claim: string;
  /** Citations. */
  readonly sources: readonly string[];
  readonly defaultCorpus: readonly string[];
  readonly defaults: Omit<RecipeScale, 'seed'>;
  /** What the runs must record besides rows. */
  readonly needs?: { readonly tokenSurvival?: boolean; readonly sentencePerplexities?: boolean };
  /** The runs, from the library's DEFAULT_RUN. */
  runs(scale: RecipeScale): RunSettings[];
  findings(data: RecipeData): Finding[];
  charts?(data: RecipeData): RecipeChart[];
  tables?(data: RecipeData): RecipeTable[];
  /**
   * Recipes that compare tokenizers: every run is made once per tokenizer, on the corpus read with it
   * (with `load` on top of the command's loader options); cells are named `tokenizer=NAME/...`.
   */
  readonly tokenizers?: readonly TokenizerName[];
  readonly load?: Partial<Pick<LoadOptions, 'lowercase'>>;
  /** Remarks printed with the findings (what the recipe does not show, caveats). */
  readonly notes?: readonly string[];
  /** More generations than MIN_RECIPE_GENERATIONS that its checks need, and why (checkRecipeScale). */
  readonly fewestGenerations?: { readonly generations: number; readonly why: string };
}

/** The cell most recipes start from: order 2, MLE, no human data, plain sampling. */
export const BASE_CELL: CellSettings = {
  strategy: 'replace',
  humanRatio: 0,
  humanPool: 'fresh',
  anchor: 0,
  order: 2,
  smoothing: 'mle',
  vocab: 'observed',
  temperature: DEFAULT_SAMPLING.temperature,
  topK: DEFAULT_SAMPLING.topK,
  topP: DEFAULT_SAMPLING.topP,
  select: 'none',
  tokensGrowth: 1,
};

/** One run: DEFAULT_RUN at this scale, BASE_CELL with `cell` on top, `sweep` lists on top of that. */
export function sweepRun(
  scale: RecipeScale,
  sweep: Partial<SweepSettings>,
  cell: Partial<CellSettings> = {},
  shared: Partial<SharedSettings> = {},
): RunSettings {
  const base = { ...BASE_CELL, ...cell };
  const lists = Object.fromEntries(ALL_CELL_COLUMNS.map(([name]) => [name, [base[name]]])) as unknown as SweepSettings;
  return { ...DEFAULT_RUN, ...shared, ...scale, sweep: { ...lists, ...sweep } };
}

/** One run per listed cell: for comparisons that are not a cross product. */
export function cellRuns(
  scale: RecipeScale,
  cells: ReadonlyArray<Partial<CellSettings>>,
  shared: Partial<SharedSettings> = {},
): RunSettings[] {
  return cells.map((cell) => sweepRun(scale, {}, cell, shared));
}

/**
 * Names the cells of several runs together: `id` lists the settings that differ between any of them
 * (`smoothing=add-k/vocab=seed`), or `default` for a single cell; `index` counts across runs. The
 * `key` (and so every random draw) is untouched.
 */
export function nameCells(cellsPerRun: ReadonlyArray<readonly Cell[]>): Map<string, Cell> {
  const all = cellsPerRun.flat();
  const ids = cellNames(all.map((cell) => cell.settings));
  return new Map(all.map((cell, index) => [cell.key, { ...cell, index, id: ids[index]! }]));
}
