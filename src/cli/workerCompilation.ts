/**
 * workerCompilation: when a run's threads take every core, its worker threads compile on themselves.
 *
 * V8 compiles a hot function on background threads of its own, so a thread keeps running while its
 * code is optimised. That is free while a core is idle. When every core already runs a series (the
 * default run with 2 workers on 2 cores), those compilations take turns with the series, and jobs
 * compiled for functions already gone by, or twice, cost more than they save: a default run compiled
 * for about 1.2 s of CPU time per thread. With `--no-concurrent-recompilation` a thread compiles
 * what it asks for itself (about 0.7 s per thread, no job wasted).
 *
 * Contract:
 * - `workerCompilationFlags(threads, cores)`: the V8 flags for a run on `threads` threads (this one
 *   and threads - 1 workers) on a machine of `cores` cores: WORKER_COMPILATION when there are workers
 *   and they, with this thread, take every core (threads >= 2 and threads >= cores); else none.
 * - `compileOnWorkerThreads(flags)`: sets them for this process before the workers start. V8 reads the
 *   flag when an instance starts, so it changes the worker threads' compiler, not this thread's, which
 *   keeps its background compilation (setting it when the process starts made a run with one thread
 *   slower: with one busy thread the idle core compiles for free). No output changes (the compiler
 *   only decides when code runs optimised; every value is the same).
 * Measured (docs/performance.md, "Worker threads"): the default run with 2 workers on this project's
 * 2-core machine, in process, alternating: 4.20-4.92 s against 4.78-5.43 s in one hour's five rounds,
 * 3.62-4.16 s against 4.05-4.69 s in another's three.
 */

import { setFlagsFromString } from 'node:v8';

/** V8's flag for compiling on the thread that runs the code. */
export const WORKER_COMPILATION = '--no-concurrent-recompilation';

export function workerCompilationFlags(threads: number, cores: number): readonly string[] {
  return threads >= 2 && threads >= cores ? [WORKER_COMPILATION] : [];
}

export function compileOnWorkerThreads(flags: readonly string[]): void {
  for (const flag of flags) setFlagsFromString(flag);
}
