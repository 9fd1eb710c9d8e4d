/**
 * The settings of a run: what a cell is, and the options shared by every cell.
 *
 * A cell is one combination of the sweepable settings (the README's "Sweeps"): each
 * may be given as a list, and a run is the cross product of all lists. Everything else is shared.
 */

import { InputError } from '../errors.js';
import { formatCount } from '../validation/formatNumber.js';
import type { SmoothingName, VocabMode } from '../model/languageModel.js';
import { DEFAULT_SAMPLING } from '../sampler/sampling.js';
import { roundedCount } from './decimalCounts.js';

export type Strategy = 'replace' | 'accumulate' | 'accumulate-subsample';
export const STRATEGIES: readonly Strategy[] = Object.freeze(['replace', 'accumulate', 'accumulate-subsample']);

export type HumanPool = 'fixed' | 'fresh';
export const HUMAN_POOLS: readonly HumanPool[] = Object.freeze(['fixed', 'fresh']);

/** One cell: the settings that may be swept. */
export interface CellSettings {
  readonly strategy: Strategy;
  readonly humanRatio: number;
  readonly humanPool: HumanPool;
  readonly anchor: number;
  readonly order: number;
  readonly smoothing: SmoothingName;
  readonly vocab: VocabMode;
  readonly temperature: number;
  readonly topK: number;
  readonly topP: number;
  /** Curation of the synthetic share before training (`none`, `dedup`, `m0:low:0.8`, ...; simulation/curation.ts). */
  readonly select: string;
  /** Growth of the batch: generation g holds round(N * R^(g-1)) tokens (1 = constant). */
  readonly tokensGrowth: number;
}

/** The sweepable settings as lists: the cells are their cross product. */
export type SweepSettings = { readonly [K in keyof CellSettings]: ReadonlyArray<CellSettings[K]> };

/** Settings shared by every cell of a run. */
export interface SharedSettings {
  readonly generations: number;
  /** Tokens per generation's batch; undefined = tokens in H. */
  readonly tokens?: number;
  /** Tokens of the text each row of generation >= 1 measures; undefined = the batch size N. */
  readonly measureTokens?: number;
  readonly k: number;
  readonly holdout: number;
  readonly rareThreshold: number;
  readonly maxSentenceLength: number;
  readonly replicates: number;
  readonly seed: number;
}

export interface RunSettings extends SharedSettings {
  readonly sweep: SweepSettings;
}

// (frozen, lists too: a program that pushed onto a default's list changed it for every later run)
export const DEFAULT_SWEEP: SweepSettings = frozen({
  strategy: ['replace'],
  humanRatio: [0, 0.1],
  humanPool: ['fresh'],
  anchor: [0],
  order: [3],
  smoothing: ['mle'],
  vocab: ['observed'],
  temperature: [DEFAULT_SAMPLING.temperature],
  topK: [DEFAULT_SAMPLING.topK],
  topP: [DEFAULT_SAMPLING.topP],
  select: ['none'],
  tokensGrowth: [1],
});

export const DEFAULT_SHARED: SharedSettings = Object.freeze({
  generations: 10,
  k: 0.01,
  holdout: 0.1,
  rareThreshold: 1,
  maxSentenceLength: 200,
  replicates: 1,
  seed: 42,
});

export const DEFAULT_RUN: RunSettings = Object.freeze({ ...DEFAULT_SHARED, sweep: DEFAULT_SWEEP });

/**
 * A run's own copy of `settings`, frozen with its sweep and every list: the entry points (prepareRun,
 * simulate, simulateAsync) read this, never the caller's object, which a program may change or reuse
 * for its next run while this one is under way (it changed the seed and generations of a run
 * already started: audit). Every field is a number, a string or a list of them, so the copy is whole.
 */
export function ownSettings(settings: RunSettings): RunSettings {
  const sweep = Object.fromEntries(Object.entries(settings.sweep).map(([name, list]) => [name, [...(list as readonly unknown[])]])) as unknown as SweepSettings;
  return Object.freeze({ ...settings, sweep: frozen(sweep) });
}

/** `object` frozen, and each list it holds. */
function frozen<T extends object>(object: T): T {
  for (const value of Object.values(object)) if (Array.isArray(value)) Object.freeze(value);
  return Object.freeze(object);
}

/**
 * CSV column name of every cell setting that was there from the start, in CSV order (right after
 * `cell`). Settings added later are in APPENDED_CELL_COLUMNS: written after the metric columns, so old
 * readers keep working (the README's "The curves CSV").
 */
export const CELL_COLUMNS: ReadonlyArray<readonly [keyof CellSettings, string]> = [
  ['strategy', 'strategy'],
  ['humanRatio', 'human_ratio'],
  ['humanPool', 'human_pool'],
  ['anchor', 'anchor'],
  ['order', 'order'],
  ['smoothing', 'smoothing'],
  ['vocab', 'vocab'],
  ['temperature', 'temperature'],
  ['topK', 'top_k'],
  ['topP', 'top_p'],
];

/**
 * Cell settings added later: appended to the CSV after the metric columns, in this order. Each has a
 * default; a cell whose appended settings are all at their defaults has the same key, hence the same
 * random draws, as before the setting existed (cells.ts).
 */
export const APPENDED_CELL_COLUMNS: ReadonlyArray<readonly [keyof CellSettings, string]> = [
  ['select', 'select'],
  ['tokensGrowth', 'tokens_growth'],
];

/** Every cell setting: the first ones, then the appended ones. */
export const ALL_CELL_COLUMNS: ReadonlyArray<readonly [keyof CellSettings, string]> = [...CELL_COLUMNS, ...APPENDED_CELL_COLUMNS];

/** Tokens of generation g's batch (g >= 1): round(N * R^(g-1)), on R as written (./decimalCounts.ts) (Xu, He & Cheng 2025's growing sample). */
export function batchTokensAt(batchTokens: number, tokensGrowth: number, generation: number): number {
  return roundedCount(batchTokens, tokensGrowth, generation - 1);
}

/**
 * The largest batch of a run whose first batch holds `batchTokens`, at the sweep's largest growth:
 * the first batch or the last, as batches grow or shrink geometrically.
 */
export function largestBatchTokens(settings: RunSettings, batchTokens: number): number {
  const growth = Math.max(...settings.sweep.tokensGrowth);
  return batchTokensAt(batchTokens, growth, growth >= 1 ? settings.generations : 1);
}

/**
 * Refuses (InputError) a sweep whose smallest --tokens-growth shrinks a batch of `batchTokens` to 0
 * tokens within the run: a model trained on nothing. Known before the corpus is read when --tokens is given.
 */
export function refuseEmptyBatches(settings: RunSettings, batchTokens: number): void {
  const shrink = Math.min(...settings.sweep.tokensGrowth);
  if (batchTokensAt(batchTokens, shrink, settings.generations) >= 1) return;
  let generation = 1;
  while (batchTokensAt(batchTokens, shrink, generation) >= 1) generation++;
  throw new InputError(
    `tokens growth ${shrink} shrinks the batch of ${batchTokens} tokens to 0 by generation ${generation}: a model trained on nothing`,
    'use a tokens growth closer to 1, more tokens or fewer generations',
  );
}

/**
 * Refuses (InputError) a sweep whose largest human share, round(alpha N_g) at its largest human ratio
 * and batch, needs more tokens than the human pool H holds (`humanTokens`): the share is drawn from H's
 * sentences without replacement, so the rest of that batch would be synthetic text, the batch holding
 * less human text than its ratio says (a fixed pool is drawn for the largest share: the same).
 */
export function refuseHumanShareBeyondPool(settings: RunSettings, humanTokens: number, batchTokens: number): void {
  const ratio = Math.max(...settings.sweep.humanRatio);
  const growth = Math.max(...settings.sweep.tokensGrowth);
  for (let generation = 1; generation <= settings.generations; generation++) {
    const batch = batchTokensAt(batchTokens, growth, generation);
    const share = roundedCount(batch, ratio);
    if (share <= humanTokens) continue;
    // (the first batch is N whatever the growth: then neither growth nor generations would help: audit)
    const grown = generation > 1;
    const which = grown ? `generation ${generation}'s batch of ${formatCount(batch)} tokens (tokens growth ${growth})` : `a batch of ${formatCount(batch)} tokens`;
    // (without --tokens the batch is H itself, whose size neither the holdout nor the corpus changes: audit)
    const hint = settings.tokens === undefined
      ? 'use a smaller human ratio, fewer generations or less growth'
      : `use ${['a smaller human ratio', grown ? 'fewer tokens, generations or growth' : 'fewer tokens', ...(settings.holdout > 0 ? ['a smaller holdout'] : [])].join(', ')}, or a larger corpus`;
    throw new InputError(`human ratio ${ratio} asks for ${formatCount(share)} human tokens in ${which}, and the human pool H holds ${formatCount(humanTokens)}: the rest would be synthetic text`, hint);
  }
}

/**
 * The tokens the last generation's pool holds under a strategy that keeps every batch (`accumulate`
 * trains on it, `accumulate-subsample` draws its training set from it: both hold H and B_1..B_G),
 * at the sweep's largest growth; 0 when every strategy is `replace`. What the --max-tokens guard and
 * the library's MAX_LOOP_TOKENS weigh.
 */
export function accumulatedPoolTokens(settings: RunSettings, humanTokens: number, batchTokens: number): number {
  return settings.sweep.strategy.every((strategy) => strategy === 'replace') ? 0 : humanTokens + batchesTotal(settings, batchTokens);
}

/** The batches of generations 1..G summed, starting from `batchTokens` at the sweep's largest growth (the largest series). */
export function batchesTotal(settings: RunSettings, batchTokens: number): number {
  const growth = Math.max(...settings.sweep.tokensGrowth);
  let total = 0;
  for (let generation = 1; generation <= settings.generations; generation++) total += batchTokensAt(batchTokens, growth, generation);
  return total;
}
