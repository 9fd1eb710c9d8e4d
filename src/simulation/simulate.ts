/**
 * simulate: the library's entry point for a whole run (every cell x replicate), in process.
 *
 * Contract: validates the settings, id space and corpus first (prepareRun: UsageError naming the
 * field, the value and the allowed range; InputError for a corpus too small), then runs the series in the
 * canonical order (cell by cell, replicate 1..R) and hands each row to `hooks.emit` as soon as it is
 * measured. `words` (subword runs: the tokens' strings) fills the word_* columns. Returns the prepared run (split, reference) for callers that want it. Deterministic:
 * the same corpus, settings and seed give the same rows, to the last bit. The run reads its own
 * frozen copy of `settings` (ownSettings), so the caller's object may change once the call is made.
 * For worker threads, shards, extinctions and interruption see runTasks (workerPool.ts) and
 * simulateAsync below.
 *
 * @example
 *   const { vocabulary, corpus } = await loadCorpus(['brown:news']);
 *   const rows: SeriesRow[] = [];
 *   simulate(corpus, vocabulary.size, { ...DEFAULT_RUN, generations: 3 }, { emit: (row) => rows.push(row) });
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { checkCorpusShape } from '../corpus/tokenCorpus.js';
import { prepareRun, type PreparedRun, type WordViewSpec } from './preparedRun.js';
import { runSeries, type SeriesHooks } from './series.js';
import { seriesTasks } from './seriesTask.js';
import type { RunSettings } from './settings.js';
import { checkHooks, ownValidSettings, validateTaskOptions } from './validateSettings.js';
import { checkObject, checkOptional, checkValue, integerRule, refuseUnknownKeys } from '../validation/valueRule.js';
import { shardTasks, WHOLE_RUN, type Shard } from './shard.js';
import { poolSize, prepareRunFor, runTasks, seriesTokens, TASK_OPTIONS, type RunTasksOptions, type RunTasksResult, type TaskHandlers } from './workerPool.js';

export { seriesTasks, type SeriesTask } from './seriesTask.js';

export function simulate(corpus: TokenCorpus, idSpace: number, settings: RunSettings, hooks: SeriesHooks, words?: WordViewSpec): PreparedRun {
  checkHooks(hooks);
  const run = prepareRun(corpus, idSpace, settings, words);
  // (the run's own copy: a hook that changes the caller's settings object changes nothing here)
  for (const task of seriesTasks(run.settings)) runSeries(run, task.cell, task.replicate, hooks);
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

/** The options and handlers of simulateAsync: UsageError naming the field (settings: see prepareRun). */
/** simulateAsync's options beyond runTasks's (the type keeps the list whole). */
const ASYNC_OPTIONS: readonly string[] = Object.keys({ shard: true, skip: true, words: true } satisfies Record<Exclude<keyof SimulateAsyncOptions, keyof RunTasksOptions>, true>);

function validateAsyncOptions(options: unknown, handlers: unknown): void {
  const object = validateTaskOptions(options, handlers, [...TASK_OPTIONS, ...ASYNC_OPTIONS]);
  checkOptional('options.skip', object['skip'], integerRule(0));
  if (object['shard'] !== undefined) {
    const shard = checkObject('options.shard', object['shard']);
    refuseUnknownKeys(shard, ['index', 'count'], 'options.shard key');
    const count = checkValue('options.shard.count', shard['count'], integerRule(1));
    checkValue('options.shard.index', shard['index'], integerRule(1, count));
  }
}

/**
 * simulate on worker threads (`workers`, default one per core, one for a small run: poolSize), with
 * the same rows in the same order as simulate; optionally a shard, extinction tables, texts and an
 * abort signal. Options are checked first: `workers` 1..1024, `skip` >= 0, `shard.index`
 * 1..`shard.count`, handlers functions.
 *
 * @example
 *   const rows: SeriesRow[] = [];
 *   await simulateAsync(corpus, vocabulary.size, settings, { workers: 2 }, { onRow: (row) => rows.push(row) });
 */
export async function simulateAsync(
  corpus: TokenCorpus,
  idSpace: number,
  given: RunSettings,
  options: SimulateAsyncOptions,
  handlers: TaskHandlers,
): Promise<RunTasksResult & { readonly run: PreparedRun }> {
  validateAsyncOptions(options, handlers);
  // (before the pool is sized from it: a raw TypeError for null, as runTasks had: audit; its shape
  // only, prepareRun reads it whole)
  checkCorpusShape('corpus', corpus);
  // checked before the tasks are read off them (prepareRun checks them too), and a copy: the caller may
  // change or reuse its object while this run goes on
  const settings = ownValidSettings(given);
  const tasks = shardTasks(seriesTasks(settings), options.shard ?? WHOLE_RUN).slice(options.skip ?? 0);
  const run = prepareRunFor(poolSize(options.workers, tasks.length, seriesTokens(settings, corpus)), corpus, idSpace, settings, options.words);
  // runTasks takes the pool's options only (it refuses any other key)
  const { shard: _shard, skip: _skip, words: _words, ...taskOptions } = options;
  return { ...(await runTasks(run, corpus, tasks, taskOptions, handlers)), run };
}
