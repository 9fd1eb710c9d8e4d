/**
 * The settings of a run: what a cell is, and the options shared by every cell.
 *
 * A cell is one combination of the sweepable settings (SPEC section 5 / the experiments issue): each
 * may be given as a list, and a run is the cross product of all lists. Everything else is shared.
 */

import { DEFAULT_SAMPLING, type SmoothingName, type VocabMode } from '../model/languageModel.js';

export type Strategy = 'replace' | 'accumulate' | 'accumulate-subsample';
export const STRATEGIES: readonly Strategy[] = ['replace', 'accumulate', 'accumulate-subsample'];

export type HumanPool = 'fixed' | 'fresh';
export const HUMAN_POOLS: readonly HumanPool[] = ['fixed', 'fresh'];

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
}

/** The sweepable settings as lists: the cells are their cross product. */
export type SweepSettings = { readonly [K in keyof CellSettings]: ReadonlyArray<CellSettings[K]> };

/** Settings shared by every cell of a run. */
export interface SharedSettings {
  readonly generations: number;
  /** Tokens per generation's batch; undefined = tokens in H. */
  readonly tokens?: number;
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

export const DEFAULT_SWEEP: SweepSettings = {
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
};

export const DEFAULT_SHARED: SharedSettings = {
  generations: 10,
  k: 0.01,
  holdout: 0.1,
  rareThreshold: 1,
  maxSentenceLength: 200,
  replicates: 1,
  seed: 42,
};

export const DEFAULT_RUN: RunSettings = { ...DEFAULT_SHARED, sweep: DEFAULT_SWEEP };

/** CSV column name of every cell setting, in CSV order. */
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
