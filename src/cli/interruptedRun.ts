/**
 * What the line of a `run` stopped by a signal says: how many series its files hold whole, and which
 * outputs, written after the run, it did not write.
 */

import type { RunTasksResult } from '../simulation/workerPool.js';
import type { RunConfig } from './runConfig.js';

/**
 * The series of this run complete in its files (`written`: the rows this run wrote, the series that failed): those that ended; without an --extinctions file, also
 * those whose rows are all written though the signal came before their end, a step that writes nothing
 * there (a run stopped after its last row said "0 of 1 series complete" of a whole CSV, which --resume
 * then took as complete: audit). Rows come in the series' order, so whole series are the first ones.
 */
export function completeSeries(result: Pick<RunTasksResult, 'ended'>, written: { readonly rows: number; readonly failures: number }, rowsPerTask: number, extinctionsFile: boolean): number {
  if (extinctionsFile || written.failures > 0) return result.ended;
  return Math.max(result.ended, Math.floor(written.rows / rowsPerTask));
}

/** `; not written: --summary s.csv, ...`: the outputs written after the run, for a run stopped before its end (none: ''). */
export function notWrittenAfterRun(config: Pick<RunConfig, 'summary' | 'survival' | 'report'>, taskCount: number): string {
  const after = [
    config.summary === undefined ? undefined : `--summary ${config.summary}`,
    config.survival === undefined ? undefined : `--survival ${config.survival}`,
    // (a shard without series writes no report)
    config.report === undefined || taskCount === 0 ? undefined : `--report ${config.report}`,
  ].filter((output) => output !== undefined);
  return after.length === 0 ? '' : `; not written: ${after.join(', ')}`;
}
