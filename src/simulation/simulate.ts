/**
 * simulate: the library's entry point for a whole run (every cell x replicate), in process.
 *
 * Contract: validates nothing about the corpus beyond what prepareRun checks; runs the series in the
 * canonical order (cell by cell, replicate 1..R) and hands each row to `hooks.emit` as soon as it is
 * measured. Returns the prepared run (split, reference) for callers that want it. Deterministic:
 * the same corpus, settings and seed give the same rows, to the last bit.
 *
 * @example
 *   const { vocabulary, corpus } = await loadCorpus(['brown:news']);
 *   const rows: SeriesRow[] = [];
 *   simulate(corpus, vocabulary.size, { ...DEFAULT_RUN, generations: 3 }, { emit: (row) => rows.push(row) });
 */

import type { TokenCorpus } from '../corpus/tokenCorpus.js';
import { expandCells, type Cell } from './cells.js';
import { prepareRun, type PreparedRun } from './preparedRun.js';
import { runSeries, type SeriesHooks } from './series.js';
import type { RunSettings } from './settings.js';

/** One unit of work: a cell and a replicate number (1-based). */
export interface SeriesTask {
  readonly cell: Cell;
  readonly replicate: number;
}

/** Every (cell, replicate) of a run, in canonical order. */
export function seriesTasks(settings: RunSettings): SeriesTask[] {
  return expandCells(settings.sweep).flatMap((cell) =>
    Array.from({ length: settings.replicates }, (_, r) => ({ cell, replicate: r + 1 })),
  );
}

export function simulate(corpus: TokenCorpus, idSpace: number, settings: RunSettings, hooks: SeriesHooks): PreparedRun {
  const run = prepareRun(corpus, idSpace, settings);
  for (const task of seriesTasks(settings)) runSeries(run, task.cell, task.replicate, hooks);
  return run;
}
