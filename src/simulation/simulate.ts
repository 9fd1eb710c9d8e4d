/**
 * simulate: the library's entry point for a whole run (every cell x replicate), in process.
 *
 * Contract: validates nothing about the corpus beyond what prepareRun checks; runs the series in the
 * canonical order (cell by cell, replicate 1..R) and hands each row to `hooks.emit` as soon as it is
 * measured. `words` (subword runs: the tokens' strings) fills the word_* columns. Returns the prepared run (split, reference) for callers that want it. Deterministic:
 * the same corpus, settings and seed give the same rows, to the last bit.
 * For worker threads, shards, extinctions and interruption see runTasks (workerPool.ts) and
 * simulateAsync below.
 *
 * @example
 *   const { vocabulary, corpus } = await loadCorpus(['brown:news']);
 *   const rows: SeriesRow[] = [];
 *   simulate(corpus, vocabulary.size, { ...DEFAULT_RUN, generations: 3 }, { emit: (row) => rows.push(row) });
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { prepareRun, type PreparedRun, type WordViewSpec } from './preparedRun.js';
import { runSeries, type SeriesHooks } from './series.js';
import { seriesTasks } from './seriesTask.js';
import type { RunSettings } from './settings.js';
import { shardTasks, WHOLE_RUN, type Shard } from './shard.js';
import { runTasks, type RunTasksOptions, type RunTasksResult, type TaskHandlers } from './workerPool.js';

export { seriesTasks, type SeriesTask } from './seriesTask.js';

export function simulate(corpus: TokenCorpus, idSpace: number, settings: RunSettings, hooks: SeriesHooks, words?: WordViewSpec): PreparedRun {
  const run = prepareRun(corpus, idSpace, settings, words);
  for (const task of seriesTasks(settings)) runSeries(run, task.cell, task.replicate, hooks);
  return run;
}

export interface SimulateAsyncOptions extends RunTasksOptions {
  /** Run only this share of the tasks (default: all). */
  readonly shard?: Shard;
  /** Skip the first `skip` tasks of the shard (they are already done: --resume). */
  readonly skip?: number;
  /** Subword runs: the tokens' strings, for the word_* columns (see WordViewSpec). */
  readonly words?: WordViewSpec;
}

/**
 * simulate on worker threads (`workers`, default the number of cores), with the same rows in the same
 * order as simulate; optionally a shard, extinction tables, texts and an abort signal.
 *
 * @example
 *   const rows: SeriesRow[] = [];
 *   await simulateAsync(corpus, vocabulary.size, settings, { workers: 2 }, { onRow: (row) => rows.push(row) });
 */
export async function simulateAsync(
  corpus: TokenCorpus,
  idSpace: number,
  settings: RunSettings,
  options: SimulateAsyncOptions,
  handlers: TaskHandlers,
): Promise<RunTasksResult & { readonly run: PreparedRun }> {
  const run = prepareRun(corpus, idSpace, settings, options.words);
  const tasks = shardTasks(seriesTasks(settings), options.shard ?? WHOLE_RUN).slice(options.skip ?? 0);
  return { ...(await runTasks(run, corpus, tasks, options, handlers)), run };
}
