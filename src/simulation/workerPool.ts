/**
 * runTasks: executes a run's (cell, replicate) tasks, in this thread or on a pool of worker threads,
 * and hands the results to the exporters in canonical order.
 *
 * Contract:
 * - `workers <= 1` (or a single task): in process, one task after the other, giving the event loop a
 *   turn after every generation (so signals, progress bars and file writes proceed).
 * - `workers >= 2`: that many threads run series (never more than tasks): this thread and
 *   `workers - 1` worker threads (with `inThisThread: false`, `workers` worker threads and this thread
 *   only waits). This thread would otherwise idle while the workers run; as one of them it runs warm
 *   code (it computed generation 0) in memory it has used before, and the process holds one thread's
 *   heap fewer. It takes the next task in canonical order after the workers' first ones (the pool hands
 *   tasks out in order, each to the thread that is free) and gives the event loop a turn after every
 *   generation, as in process. The PreparedRun (human pool, held-out set, seed reference: all typed
 *   arrays, and a subword run's word-view spec) is put once in shared memory (SharedArrayBuffer, each
 *   array copied once, no copy per worker), so no worker recounts it or holds its own copy; each runs
 *   the tasks it is sent, one at a time. When the threads' first tasks share one MLE generation 0,
 *   this thread computes it once while the workers start and shares M0's table the same way
 *   (sharedGeneration0). Rows and task ends are buffered and delivered in canonical order
 *   (OrderedDelivery), so the output is byte-identical to `workers = 1`. Measured texts (`onTexts`)
 *   arrive as soon as they are made, in any order.
 * - A task that throws is reported through `onEnd(task, { error })`; the others go on.
 * - `signal` aborted: no new generation starts (workers are terminated); everything delivered so far
 *   stays delivered; resolves with `interrupted: true`.
 * Handler errors (a failed write) reject the promise. Options are checked first (validateTaskOptions:
 * UsageError for `workers` outside 1..1024 or a handler that is not a function). node:worker_threads
 * is imported only when a pool starts.
 */

import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { checkCorpusShape } from '../corpus/tokenCorpus.js';
import type { MetricValues } from '../metrics/columns.js';
import type { ExtinctionTable } from './extinctionTracker.js';
import { generation0FromParts, generation0Key, generation0Parts, Generation0Keeper, sharedNext, type Generation0Parts } from './generationZero.js';
import { OrderedDelivery } from './orderedDelivery.js';
import { prepareRun, preparedRunFromParts, preparedRunParts, type PreparedRun, type PreparedRunParts, type WordViewSpec } from './preparedRun.js';
import { generationZero, type SeriesRow, type SeriesWarning } from './series.js';
import { taskSteps, type SeriesTask, type TaskExtras } from './seriesTask.js';
import { batchesTotal, type RunSettings } from './settings.js';
import { checkPreparedRun, checkTaskList, validateTaskOptions } from './validateSettings.js';
import { workerExecArgv } from './workerExecArgv.js';

export interface RunTasksOptions {
  /** Threads that run series; default one per core, or 1 for a small run (poolSize). 1 runs in this thread. */
  readonly workers?: number;
  /**
   * With `workers >= 2`: whether this thread is one of them (default true). False starts `workers`
   * worker threads and keeps this thread free (an application whose event loop must stay responsive).
   */
  readonly inThisThread?: boolean;
  readonly extras?: TaskExtras;
  readonly signal?: AbortSignal;
  readonly warn?: SeriesWarning;
  /**
   * The compiled worker script, a URL or a path (a `file:` URL written as a string is read as one);
   * default: seriesWorker.js next to this module, or in dist/ when running from src/ (defaultWorkerScript).
   */
  readonly workerScript?: URL | string;
}

/** The keys of RunTasksOptions, for validateTaskOptions (the type keeps the list whole); simulateAsync adds its own. */
export const TASK_OPTIONS: readonly string[] = Object.keys({
  workers: true, inThisThread: true, extras: true, signal: true, warn: true, workerScript: true,
} satisfies Record<keyof RunTasksOptions, true>);

export interface TaskOutcome {
  readonly extinctions?: ExtinctionTable;
  readonly error?: Error;
}

export interface TaskHandlers {
  /** Every row, in canonical order (task by task, generation 0..G). */
  readonly onRow?: (row: SeriesRow, task: SeriesTask, sentencePerplexities?: Float64Array) => void;
  /** After a task's last row (or its failure), in canonical order. */
  readonly onEnd?: (task: SeriesTask, outcome: TaskOutcome) => void;
  /**
   * Each generation's measured text (its first `shareSentences` sentences are the batch's synthetic
   * share), as soon as it exists (any order across tasks).
   */
  readonly onTexts?: (task: SeriesTask, generation: number, measured: TokenCorpus, shareSentences: number) => void;
  /**
   * How far a task is through a generation (0..1; 1 when its row is made), as soon as known: in any
   * order across tasks, before the rows are released in canonical order (for progress bars).
   */
  readonly onProgress?: (task: SeriesTask, generation: number, fraction: number) => void;
}

export interface RunTasksResult {
  /** Tasks whose end was delivered (failed ones included), a prefix of `tasks`. */
  readonly ended: number;
  readonly failed: number;
  readonly interrupted: boolean;
}

/** The messages between this thread and a worker (see seriesWorker.ts). */
export interface WorkerSetup {
  readonly prepared: PreparedRunParts;
  readonly settings: RunSettings;
  readonly extras: TaskExtras;
}
export interface TaskRequest {
  readonly type: 'task';
  readonly slot: number;
  readonly position: number;
  readonly cellIndex: number;
  readonly replicate: number;
  /** The task this worker likely gets next (workerCount places on) shares this one's generation 0: the worker keeps it (./generationZero.ts). */
  readonly keepGeneration0: boolean;
}
/** Generation 0, computed once by the pool for the workers' first tasks (sharedGeneration0): a worker keeps it for them. */
export interface Generation0Message {
  readonly type: 'generation0';
  /** A cell whose series have this generation 0. */
  readonly cellIndex: number;
  readonly parts: Generation0Parts;
}
export type WorkerRequest = TaskRequest | Generation0Message;
export type WorkerReply =
  | { readonly type: 'row'; readonly slot: number; readonly generation: number; readonly values: MetricValues; readonly perplexities?: Float64Array }
  | { readonly type: 'texts'; readonly slot: number; readonly generation: number; readonly ids: Int32Array; readonly offsets: Int32Array; readonly shareSentences: number }
  | { readonly type: 'warn'; readonly message: string }
  | { readonly type: 'progress'; readonly slot: number; readonly generation: number; readonly fraction: number }
  | { readonly type: 'end'; readonly slot: number; readonly extinctions?: ExtinctionTable }
  | { readonly type: 'error'; readonly slot: number; readonly message: string; readonly stack?: string };

const NO_EXTRAS: TaskExtras = { extinctions: false, texts: false };

/** True when this module runs from its TypeScript sources (tests): read from its own URL, not the disk. */
const FROM_SOURCES = import.meta.url.endsWith('.ts');

/**
 * One worker per core (os.availableParallelism()). When this module runs from its TypeScript sources
 * (tests), the default is 1 (in process), so that a test never runs stale compiled code by accident;
 * an explicit `workers >= 2` then uses dist/. Decided from the module's URL, without touching files.
 */
export function defaultWorkers(): number {
  return FROM_SOURCES ? 1 : availableParallelism();
}

/**
 * A series that samples fewer tokens than this in all runs in this thread when `workers` is not given:
 * a worker thread starts a V8 instance of its own that loads and warms up the program again, which
 * cost more than it saved in every small run measured (README, "Worker threads": 200 to 2,000
 * sentences of Brown, 10 generations, 2 cells: 0.1-0.2 s slower with 2 threads than with 1).
 */
export const SMALL_SERIES_TOKENS = 500_000;

/**
 * About how many tokens one series of `settings` samples in all: its batches summed over the
 * generations (at the sweep's largest --tokens-growth), with H taken as the whole corpus when `tokens`
 * is not set (the held-out share is not known before the run is prepared: an estimate that callers
 * before and after preparing agree on).
 */
export function seriesTokens(settings: RunSettings, corpus: TokenCorpus): number {
  return batchesTotal(settings, settings.tokens ?? corpus.ids.length);
}

/**
 * The threads runTasks runs `tasks` tasks on (never more than the tasks; 1 or fewer: this thread only):
 * `workers`, or by default `cores` (defaultWorkers: one per core), but one for series of fewer than
 * SMALL_SERIES_TOKENS tokens each (`tokensPerSeries`, seriesTokens).
 */
export function poolSize(workers: number | undefined, tasks: number, tokensPerSeries: number, cores = defaultWorkers()): number {
  return Math.min(workers ?? (tokensPerSeries < SMALL_SERIES_TOKENS ? 1 : cores), tasks);
}

/**
 * prepareRun, with the run's typed arrays in shared memory when `workers` threads will run it (2 or
 * more): runTasks hands them to the workers as they are, so a caller that keeps the run while the
 * workers go (the CLI) holds one copy of them instead of two (22 MB on Brown). Prepared and shared
 * inside this call, so no frame of the caller ever holds the unshared copy. The same values.
 */
export function prepareRunFor(workers: number, corpus: TokenCorpus, idSpace: number, settings: RunSettings, words?: WordViewSpec): PreparedRun {
  const run = prepareRun(corpus, idSpace, settings, words);
  if (workers < 2) return run;
  // the word view is functions and strings, kept as it is (rebuilding it from its spec would recount H)
  const { words: _spec, ...parts } = shared(preparedRunParts(run));
  return { ...preparedRunFromParts(parts, run.settings), ...(run.words === undefined ? {} : { words: run.words }) };
}

export async function runTasks(
  run: PreparedRun,
  corpus: TokenCorpus,
  tasks: readonly SeriesTask[],
  options: RunTasksOptions,
  handlers: TaskHandlers,
): Promise<RunTasksResult> {
  checkPreparedRun(run);
  // (the corpus the run was prepared from, which sizes the pool: a raw TypeError for null: audit; its
  // shape only, prepareRun having read it whole)
  checkCorpusShape('corpus', corpus);
  checkTaskList(tasks);
  validateTaskOptions(options, handlers, TASK_OPTIONS);
  const workers = poolSize(options.workers, tasks.length, seriesTokens(run.settings, corpus));
  if (workers <= 1) return runInProcess(run, tasks, options, handlers);
  // Loaded only when a pool starts: a run in this thread alone never needs it.
  const { Worker: WorkerThread } = await import('node:worker_threads');
  return runOnWorkers(run, tasks, workers, options, handlers, WorkerThread);
}

/** Marks errors thrown by a handler, so they are not mistaken for a failing task. */
class HandlerFailure {
  constructor(readonly error: unknown) {}
}

function guarded<A extends unknown[]>(handler: ((...args: A) => void) | undefined): (...args: A) => void {
  return (...args) => {
    try {
      handler?.(...args);
    } catch (error) {
      throw new HandlerFailure(error);
    }
  };
}

const isAborted = (signal: AbortSignal | undefined): boolean => signal?.aborted === true;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function runInProcess(run: PreparedRun, tasks: readonly SeriesTask[], options: RunTasksOptions, handlers: TaskHandlers): Promise<RunTasksResult> {
  let next = 0;
  let ended = 0;
  let failed = 0;
  let failure: { readonly error: unknown } | undefined;
  const lane: Lane = {
    next: () => (isAborted(options.signal) || next >= tasks.length ? undefined : next++),
    stopped: () => isAborted(options.signal),
    push: (slot, event) => {
      const task = tasks[slot]!;
      if (event.kind === 'row') handlers.onRow?.({ cell: task.cell, replicate: task.replicate, generation: event.generation, values: event.values }, task, event.perplexities);
    },
    end: (slot, outcome) => {
      if (outcome.error !== undefined) failed++;
      handlers.onEnd?.(tasks[slot]!, outcome);
      ended++;
    },
    fail: (error) => {
      failure = { error };
    },
  };
  // one task after the other: the next task is the one whose generation 0 may be kept (distance 1)
  await runLane(run, tasks, 1, new Generation0Keeper(), lane, options, handlers);
  if (failure !== undefined) throw failure.error;
  return { ended, failed, interrupted: ended < tasks.length };
}

/**
 * The compiled worker script: next to this module (dist/), or in dist/ when running from src/ (tests).
 * A URL computed from this module's own, without probing files: a missing build shows as the worker's
 * failure to start (run npm run build).
 */
/** The worker script as a URL: a path made a file URL ("file://..." given to Worker as a string was a raw TypeError: audit). */
function workerScriptUrl(given: URL | string | undefined): URL {
  if (given === undefined) return defaultWorkerScript();
  if (given instanceof URL) return given;
  return given.startsWith('file:') ? new URL(given) : pathToFileURL(given);
}

export function defaultWorkerScript(): URL {
  return FROM_SOURCES ? new URL('../../dist/simulation/seriesWorker.js', import.meta.url) : new URL('./seriesWorker.js', import.meta.url);
}

type View = Int32Array | Uint8Array | Int8Array | Float64Array;

/**
 * `data` with every typed array replaced by a copy in a SharedArrayBuffer (nested plain objects
 * walked; an array reached twice is copied once, so views of one corpus stay one corpus; an array in
 * shared memory already is kept).
 */
function shared<T>(data: T, copies = new Map<View, View>()): T {
  if (ArrayBuffer.isView(data)) {
    const view = data as unknown as View;
    if (view.buffer instanceof SharedArrayBuffer) return data; // shared already (prepareRunFor)
    let copy = copies.get(view);
    if (copy === undefined) {
      const make = view.constructor as new (buffer: SharedArrayBuffer) => View;
      copy = new make(new SharedArrayBuffer(view.byteLength));
      copy.set(view as never);
      copies.set(view, copy);
    }
    return copy as unknown as T;
  }
  if (typeof data !== 'object' || data === null) return data;
  if (Array.isArray(data)) return data.map((item: unknown) => shared(item, copies)) as T;
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, shared(value, copies)])) as T;
}

type Delivered =
  | { readonly kind: 'row'; readonly generation: number; readonly values: MetricValues; readonly perplexities?: Float64Array }
  | { readonly kind: 'end'; readonly outcome: TaskOutcome };

function runOnWorkers(
  run: PreparedRun,
  tasks: readonly SeriesTask[],
  workerCount: number,
  options: RunTasksOptions,
  handlers: TaskHandlers,
  WorkerThread: typeof Worker,
): Promise<RunTasksResult> {
  const script = workerScriptUrl(options.workerScript);
  const setup: WorkerSetup = {
    prepared: shared(preparedRunParts(run)),
    settings: run.settings,
    extras: options.extras ?? NO_EXTRAS,
  };
  const context: PoolContext = { run, tasks, workerCount, options, handlers, WorkerThread, script, setup };
  return new Promise<RunTasksResult>((resolve, reject) => new PoolRun(context, resolve, reject).start());
}

/** What a PoolRun runs: the run, its tasks and options, and how to start a worker. */
interface PoolContext {
  readonly run: PreparedRun;
  readonly tasks: readonly SeriesTask[];
  readonly workerCount: number;
  readonly options: RunTasksOptions;
  readonly handlers: TaskHandlers;
  readonly WorkerThread: typeof Worker;
  readonly script: URL;
  readonly setup: WorkerSetup;
}

/**
 * One run on a pool of worker threads (runOnWorkers): hands tasks out in canonical order, each to the
 * thread that is free, delivers their events in canonical order, and settles once (done, aborted, or
 * a handler's or a worker's error), terminating the workers before the promise resolves or rejects.
 */
class PoolRun {
  /** Each live worker and the slot of the task it runs (undefined: none). */
  private readonly pool = new Map<Worker, number | undefined>();
  private nextSlot = 0;
  private failed = 0;
  /** Tasks whose end was delivered (counted before onEnd is called: an abort from inside it has delivered that end). */
  private ended = 0;
  private settled = false;
  private readonly delivery = new OrderedDelivery<Delivered>((slot, event) => this.deliver(slot, event));

  constructor(
    private readonly context: PoolContext,
    private readonly resolve: (result: RunTasksResult) => void,
    private readonly reject: (error: unknown) => void,
  ) {}

  /** Listens for the abort, then starts the threads (settling at once when aborted already). */
  start(): void {
    const { signal } = this.context.options;
    signal?.addEventListener('abort', this.onAbort, { once: true });
    if (signal?.aborted === true) {
      this.onAbort();
      return;
    }
    this.safely(() => this.startThreads());
  }

  /** Passes one event, in canonical order, to its handler. */
  private deliver(slot: number, event: Delivered): void {
    // Nothing reaches a handler once the run has settled: a handler that aborts stops the flush of
    // the later tasks' buffered events (audit: with 2 workers they were delivered after the abort).
    if (this.settled) return;
    const { tasks, handlers } = this.context;
    const task = tasks[slot]!;
    if (event.kind === 'row') {
      handlers.onRow?.({ cell: task.cell, replicate: task.replicate, generation: event.generation, values: event.values }, task, event.perplexities);
    } else {
      if (event.outcome.error !== undefined) this.failed++;
      this.ended++;
      handlers.onEnd?.(task, event.outcome);
    }
  }

  /** Ends the run once: stops listening, terminates every worker, then resolves or rejects. */
  private settle(outcome: { result?: RunTasksResult; error?: unknown }): void {
    if (this.settled) return;
    this.settled = true;
    this.context.options.signal?.removeEventListener('abort', this.onAbort);
    const workers = [...this.pool.keys()];
    this.pool.clear();
    void Promise.all(workers.map((worker) => worker.terminate())).then(() => {
      if (outcome.error !== undefined) this.reject(outcome.error);
      else this.resolve(outcome.result!);
    });
  }

  /** Runs `action` unless the run has settled; what it throws settles the run with that error. */
  private safely(action: () => void): void {
    if (this.settled) return;
    try {
      action();
    } catch (error) {
      this.settle({ error });
    }
  }

  // (an abort from inside the last task's onEnd leaves nothing to resume: not interrupted, as in process)
  private readonly onAbort = (): void => this.settle({ result: { ended: this.ended, failed: this.failed, interrupted: this.ended < this.context.tasks.length } });

  /** Delivers a task's end; settles the run when every task's end is delivered. */
  private endTask(slot: number, outcome: TaskOutcome): void {
    this.delivery.push(slot, { kind: 'end', outcome });
    this.delivery.finish(slot);
    const total = this.context.tasks.length;
    if (this.delivery.delivered === total) this.settle({ result: { ended: total, failed: this.failed, interrupted: false } });
  }

  /** Sends `worker` the next task in canonical order, or marks it idle when none is left. */
  private assign(worker: Worker): void {
    const { run, tasks, workerCount } = this.context;
    if (this.nextSlot >= tasks.length) {
      this.pool.set(worker, undefined);
      return;
    }
    const slot = this.nextSlot++;
    const task = tasks[slot]!;
    this.pool.set(worker, slot);
    const request: TaskRequest = { type: 'task', slot, position: task.position, cellIndex: task.cell.index, replicate: task.replicate, keepGeneration0: sharedNext(run, tasks, slot, workerCount) };
    worker.postMessage(request);
  }

  /** Acts on one message from `worker`: buffers rows, passes texts, warnings and progress on, ends tasks. */
  private onReply(worker: Worker, reply: WorkerReply): void {
    const { tasks, handlers, options } = this.context;
    switch (reply.type) {
      case 'row':
        this.delivery.push(reply.slot, { kind: 'row', generation: reply.generation, values: reply.values, ...(reply.perplexities === undefined ? {} : { perplexities: reply.perplexities }) });
        return;
      case 'texts':
        handlers.onTexts?.(tasks[reply.slot]!, reply.generation, { ids: reply.ids, offsets: reply.offsets }, reply.shareSentences);
        return;
      case 'warn':
        options.warn?.(reply.message);
        return;
      case 'progress':
        handlers.onProgress?.(tasks[reply.slot]!, reply.generation, reply.fraction);
        return;
      case 'end':
      case 'error': {
        const outcome = replyOutcome(reply);
        this.assign(worker);
        this.endTask(reply.slot, outcome);
        return;
      }
    }
  }

  /** Starts one worker thread, idle, listening to its messages and errors. */
  private spawn(): Worker {
    const { WorkerThread, script, setup } = this.context;
    const execArgv = workerExecArgv();
    const worker = new WorkerThread(script, { workerData: setup, ...(execArgv === undefined ? {} : { execArgv }) });
    this.pool.set(worker, undefined);
    worker.on('message', (reply: WorkerReply) => this.safely(() => this.onReply(worker, reply)));
    worker.on('error', (error) => this.safely(() => this.onWorkerError(worker, error)));
    worker.on('exit', (code) => this.safely(() => this.onWorkerExit(worker, code)));
    return worker;
  }

  /**
   * A worker that ends without an error (its script returns, or calls process.exit) died with its task,
   * which, left waiting, kept the run from ever settling (a review); an idle one (no task was left for
   * it) is let go. After an 'error', or once the run settled (the pool cleared), it is no longer in the pool.
   */
  private onWorkerExit(worker: Worker, code: number): void {
    if (!this.pool.has(worker)) return;
    if (this.pool.get(worker) === undefined) this.pool.delete(worker);
    else this.onWorkerError(worker, new Error(`a worker thread ended (exit code ${code}) before its task did`));
  }

  /** A worker that dies (out of memory, a failure while preparing) takes its task with it; one that ran none fails the run. */
  private onWorkerError(worker: Worker, error: Error): void {
    const slot = this.pool.get(worker);
    this.pool.delete(worker);
    if (slot === undefined) throw error;
    this.assign(this.spawn());
    this.endTask(slot, { error });
  }

  /** Starts the workers with their first tasks (and a shared generation 0), then this thread's lane. */
  private startThreads(): void {
    const { run, tasks, workerCount, options } = this.context;
    const inThisThread = options.inThisThread !== false;
    const workers = Array.from({ length: inThisThread ? workerCount - 1 : workerCount }, () => this.spawn());
    // While the workers start, generation 0 is computed here once for the threads' first tasks, if they share one.
    const generation0 = sharedGeneration0(run, tasks, workerCount);
    for (const worker of workers) {
      if (generation0 !== undefined) worker.postMessage(generation0 satisfies Generation0Message);
      this.assign(worker);
    }
    if (inThisThread) this.runHere(generation0);
  }

  /** This thread's share of the tasks, as one of the pool's threads (keeping the shared generation 0, if any). */
  private runHere(generation0: Generation0Message | undefined): void {
    const { run, tasks, workerCount, options, handlers } = this.context;
    const keeper = new Generation0Keeper();
    if (generation0 !== undefined) keeper.keep(run, generation0.parts.key, generation0FromParts(run, tasks[0]!.cell, generation0.parts));
    const lane: Lane = {
      next: () => (this.settled || this.nextSlot >= tasks.length ? undefined : this.nextSlot++),
      stopped: () => this.settled,
      push: (slot, event) => this.delivery.push(slot, event),
      end: (slot, outcome) => this.safely(() => this.endTask(slot, outcome)),
      fail: (error) => this.settle({ error }),
    };
    void runLane(run, tasks, workerCount, keeper, lane, options, handlers);
  }
}

/** A worker's 'end' or 'error' reply as the task's outcome (its extinctions, or its error with the worker's stack). */
function replyOutcome(reply: Extract<WorkerReply, { type: 'end' | 'error' }>): TaskOutcome {
  if (reply.type === 'end') return reply.extinctions === undefined ? {} : { extinctions: reply.extinctions };
  return { error: Object.assign(new Error(reply.message), reply.stack === undefined ? {} : { stack: reply.stack }) };
}

/** Where the series this thread runs come from and go to (runInProcess, or runOnWorkers with `inThisThread`). */
interface Lane {
  /** The next task's slot, or undefined when none is left or the run has settled. */
  readonly next: () => number | undefined;
  /** The run has settled (done, aborted or failed): start no generation. */
  readonly stopped: () => boolean;
  readonly push: (slot: number, event: Delivered) => void;
  readonly end: (slot: number, outcome: TaskOutcome) => void;
  /** A handler threw: the run rejects with its error. */
  readonly fail: (error: unknown) => void;
}

/**
 * The series this thread runs (all of them in process, or its share of a pool's): one task after
 * another, a turn of the event loop after every generation (so signals, progress, writes and the
 * workers' messages proceed), until `lane` has none left or stops. A series that throws ends with its
 * error; a handler that throws (marked by `guarded`) ends the lane through `lane.fail`.
 */
async function runLane(
  run: PreparedRun,
  tasks: readonly SeriesTask[],
  threads: number,
  keeper: Generation0Keeper,
  lane: Lane,
  options: RunTasksOptions,
  handlers: TaskHandlers,
): Promise<void> {
  // Once the lane stops (an abort, also from inside a handler), no handler is called: the generation
  // under way ends, but what it reports goes nowhere (audit: onRow, onTexts and onProgress followed an abort).
  const live = <A extends unknown[]>(handler: ((...args: A) => void) | undefined) => (...args: A): void => {
    if (!lane.stopped()) handler?.(...args);
  };
  const onTexts = guarded(live(handlers.onTexts));
  const onProgress = guarded(live(handlers.onProgress));
  // (a throwing warn is the caller's failure, as on a worker thread, not a failed series)
  const warn = guarded(live(options.warn));
  const push = guarded(live(lane.push));
  for (let slot = lane.next(); slot !== undefined; slot = lane.next()) {
    const task = tasks[slot]!;
    let outcome: TaskOutcome;
    try {
      const steps = taskSteps(run, task, options.extras ?? NO_EXTRAS, {
        // the task this thread likely gets next is `threads` places on (sharedNext)
        generation0: { keeper, keep: sharedNext(run, tasks, slot, threads) },
        onRow: (generation, values, perplexities) => push(slot, { kind: 'row', generation, values, ...(perplexities === undefined ? {} : { perplexities }) }),
        onTexts: (generation, measured, shareSentences) => onTexts(task, generation, measured, shareSentences),
        ...(handlers.onProgress === undefined ? {} : { onProgress: (generation: number, fraction: number) => onProgress(task, generation, fraction) }),
        ...(options.warn === undefined ? {} : { warn }),
      });
      let step = steps.next();
      while (step.done !== true) {
        await nextTurn();
        if (lane.stopped()) return;
        step = steps.next();
      }
      outcome = step.value === undefined ? {} : { extinctions: step.value };
    } catch (error) {
      if (error instanceof HandlerFailure) {
        lane.fail(error.error);
        return;
      }
      outcome = { error: error instanceof Error ? error : new Error(String(error)) };
    }
    // (a series whose last generation was stopped in: its end is not delivered, it is not done)
    if (lane.stopped()) return;
    lane.end(slot, outcome);
  }
}

/**
 * Generation 0 for the threads' first tasks, computed in this thread once and put in shared memory
 * (M0's table: no thread trains or holds its own), when two or more threads start with tasks that
 * share one generation 0 (./generationZero.ts) of an MLE model; otherwise undefined, and each thread
 * trains its own M0. The workers compute nothing else meanwhile: they are starting. The same rows.
 */
export function sharedGeneration0(run: PreparedRun, tasks: readonly SeriesTask[], workerCount: number): Generation0Message | undefined {
  const first = tasks.slice(0, workerCount);
  const cell = first[0]?.cell;
  if (first.length < 2 || cell === undefined || cell.settings.smoothing !== 'mle') return undefined;
  const key = generation0Key(run, cell);
  if (first.some((task) => generation0Key(run, task.cell) !== key)) return undefined;
  const parts = generation0Parts(run, cell, generationZero(run, cell));
  return parts === undefined ? undefined : { type: 'generation0', cellIndex: cell.index, parts: shared(parts) };
}
