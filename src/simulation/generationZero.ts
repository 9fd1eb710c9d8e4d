/**
 * Generation 0, shared by the series of a run that train alike: the options every model of a series
 * is trained with, and a keeper that hands M0 and the generation-0 row from one task to the next in
 * the same thread.
 *
 * Generation 0 depends on the run (H, the held-out set, the seed reference) and on the model options
 * alone (order, smoothing, k, vocab): the cells of a sweep over human ratio, strategy, pool, anchors,
 * selection or growth, and every replicate, train the same M0 and measure the same row (training and
 * measuring H draw no random number). So a task whose successor shares its model options leaves both
 * in a Generation0Keeper, and the successor takes them instead of training M0 again.
 *
 * Contract: a keeper holds at most one generation 0, the last one a series was asked to keep; a series
 * not asked to keep clears it, so no M0 outlives the series that use it by more than the keeper's
 * next task. Taken values are the ones the first series computed, so rows are byte-identical with
 * or without a keeper (tested). The model is shared as it is: models are read-only after training
 * (their lazily derived lower tables and cached records depend on the model alone).
 *
 * Across threads: `generation0Parts` gives an MLE generation 0 as plain data (M0's order-n table as
 * typed arrays, the row's values) for the worker pool to compute once and put in shared memory, and
 * `generation0FromParts` rebuilds it in a worker over those very arrays, for its keeper.
 */

import { transitionTableFromParts, transitionTableParts, type TransitionTableParts } from '../counts/transitionTable.js';
import type { MetricValues } from '../metrics/columns.js';
import type { LanguageModel } from '../model/languageModel.js';
import { MleModel } from '../model/mle.js';
import { resolveTrainOptions, type TrainOptions } from '../model/trainOptions.js';
import type { Cell } from './cells.js';
import type { PreparedRun } from './preparedRun.js';

/** The options every model of a (cell) series is trained with. */
export function modelOptions(run: PreparedRun, cell: Cell): TrainOptions {
  return {
    order: cell.settings.order,
    smoothing: cell.settings.smoothing,
    k: run.settings.k,
    vocab: cell.settings.vocab,
    idSpace: run.idSpace,
    seedTypes: run.reference.unigrams.types,
  };
}

/** Cells of one run with equal keys train the same M0 and measure the same generation-0 row. */
export function generation0Key(run: PreparedRun, cell: Cell): string {
  const { order, smoothing, k, vocab } = modelOptions(run, cell);
  return JSON.stringify([order, smoothing, k, vocab]);
}

/**
 * Whether the task `distance` places after tasks[index] shares its generation 0, and so whether it is
 * worth keeping. In one thread the next task is the next one (distance 1: replicates of one cell, and
 * cells that differ only in what generation 0 ignores, follow each other in canonical order); a pool
 * of W threads hands the W - 1 tasks after a task to the other threads first, so the task a thread
 * most likely gets next is W places on. Only that one task is looked at: a keeper holds one
 * generation 0, never several M0s waiting for tasks further away.
 */
export function sharedNext(run: PreparedRun, tasks: readonly { readonly cell: Cell }[], index: number, distance = 1): boolean {
  const next = tasks[index + distance];
  return next !== undefined && generation0Key(run, next.cell) === generation0Key(run, tasks[index]!.cell);
}

/** M0 and the values of its series' generation-0 row. */
export interface Generation0 {
  readonly model0: LanguageModel;
  readonly values: MetricValues;
}

export class Generation0Keeper {
  private kept: { readonly run: PreparedRun; readonly key: string; readonly generation0: Generation0 } | undefined;

  /** The kept generation 0 of `run` with `key`, or undefined. */
  take(run: PreparedRun, key: string): Generation0 | undefined {
    return this.kept !== undefined && this.kept.run === run && this.kept.key === key ? this.kept.generation0 : undefined;
  }

  keep(run: PreparedRun, key: string, generation0: Generation0): void {
    this.kept = { run, key, generation0 };
  }

  clear(): void {
    this.kept = undefined;
  }
}

/** What a series is told about its keeper: where generation 0 may be taken from, and whether to leave its own there. */
export interface Generation0Sharing {
  readonly keeper: Generation0Keeper;
  /** The next task of this thread (likely) shares this series' generation 0 (sharedNext). */
  readonly keep: boolean;
}

/** An MLE generation 0 as plain data: its key, M0's order-n table (typed arrays) and the row's values. */
export interface Generation0Parts {
  readonly key: string;
  readonly table: TransitionTableParts;
  readonly values: MetricValues;
}

/** `generation0` of a series of `cell` as plain data (views of M0's arrays); undefined unless M0 is an MLE model over a table of its own. */
export function generation0Parts(run: PreparedRun, cell: Cell, generation0: Generation0): Generation0Parts | undefined {
  if (!(generation0.model0 instanceof MleModel)) return undefined;
  const table = transitionTableParts(generation0.model0.transitions);
  return table === undefined ? undefined : { key: generation0Key(run, cell), table, values: generation0.values };
}

/** The generation 0 `parts` describes, M0 over the given arrays, for a series of `cell` (whose key it must be). */
export function generation0FromParts(run: PreparedRun, cell: Cell, parts: Generation0Parts): Generation0 {
  const options = resolveTrainOptions(run.human, modelOptions(run, cell));
  return { model0: new MleModel(run.human, options, transitionTableFromParts(parts.table)), values: parts.values };
}
