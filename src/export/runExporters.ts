/**
 * runExporters: the files a `run` writes as its series finish, attached to the library's task
 * handlers (simulation/workerPool's TaskHandlers): the curves CSV row by row (in canonical order),
 * the extinctions CSV after each series, the per-sentence perplexities, the measured texts of
 * `--save-corpora` (with their synthetic-share counts for the manifest), and the accumulation of the
 * summary and the Kaplan–Meier survival curves. Failed series are collected (and told to
 * `onFailure`), not thrown.
 *
 * Contract: `openRunExporters(targets, context)` opens the writers (appending after `keepBytes` when
 * resuming); `handlers` go to runTasks; `close()` flushes every writer; `records` are every curves
 * record of the run, kept and new, for the summary, the final table and the report.
 */

import type { Writable } from 'node:stream';
import type { TaskHandlers } from '../simulation/workerPool.js';
import { corpusFilePath, detokenize, shareKey, writeCorpusFile, type ShareCounts } from './corpusFiles.js';
import { openCsv } from './csvFile.js';
import { CURVE_COLUMNS, curveRecord } from './curveRecord.js';
import { EXTINCTION_COLUMNS, extinctionRecords } from './extinctionRecords.js';
import type { ResumePoint } from './resumeRun.js';
import { openSentencePerplexityCsv } from './sentencePerplexityCsv.js';
import { SummaryTable } from './summaryTable.js';
import { SurvivalCurves } from './survivalCurves.js';
import type { BatchSizes } from '../metrics/survivalTheory.js';

/** Where each output goes: a path, a stream (standard output), or undefined when not asked for. */
export interface RunTargets {
  readonly curves: string | Writable;
  readonly extinctions?: string | Writable;
  readonly sentencePerplexities?: string | Writable;
  /** Folder for the measured texts, and the synthetic-share counts the manifest lists (filled in here). */
  readonly corpora?: { readonly dir: string; readonly shareCounts: ShareCounts };
  /** Accumulate the summary table (its survival-law rows need the seed counts and the run's N and M). */
  readonly summary?: { readonly seedCounts: Int32Array; readonly sizes: BatchSizes };
  /** Accumulate the Kaplan–Meier survival curves over this many generations (batches of N tokens, rows measuring M). */
  readonly survival?: { readonly generations: number; readonly sizes: BatchSizes };
}

export interface RunExporters {
  readonly handlers: TaskHandlers;
  /** Every curves record: the kept ones first, then each new row. */
  readonly records: string[][];
  readonly summary: SummaryTable | undefined;
  readonly survival: SurvivalCurves | undefined;
  /** "cell C replicate R failed: ..." of every failed series. */
  readonly failures: string[];
  /** Whether the series must report their extinctions (the extinctions CSV or the survival curves). */
  readonly needsExtinctions: boolean;
  close(): Promise<void>;
}

export interface ExportContext {
  readonly seed: number;
  readonly tokenOf: (id: number) => string;
  readonly resumed: ResumePoint;
  readonly onProgress?: TaskHandlers['onProgress'];
  readonly onFailure: (message: string) => void;
}

export function openRunExporters(targets: RunTargets, context: ExportContext): RunExporters {
  const { seed, tokenOf, resumed } = context;
  const summary = targets.summary === undefined ? undefined : new SummaryTable(targets.summary.seedCounts, targets.summary.sizes);
  const survival = targets.survival === undefined ? undefined : new SurvivalCurves(targets.survival.generations, targets.survival.sizes);
  const records: string[][] = [];
  for (const fields of resumed.keptCurves) {
    summary?.add(fields);
    records.push([...fields]);
  }
  const curves = openCsv(targets.curves, CURVE_COLUMNS, { append: resumed.keepBytes[0] > 0, label: '--out' });
  const perplexities = targets.sentencePerplexities === undefined ? undefined : openSentencePerplexityCsv(targets.sentencePerplexities, { label: '--sentence-perplexities' });
  const extinctions = targets.extinctions === undefined ? undefined : openCsv(targets.extinctions, EXTINCTION_COLUMNS, { append: resumed.keepBytes[1] > 0, label: '--extinctions' });
  const failures: string[] = [];
  const corpora = targets.corpora;
  const handlers: TaskHandlers = {
    onRow: (row, _task, sentenceValues) => {
      if (perplexities !== undefined && sentenceValues !== undefined) perplexities.write(row.cell.id, row.replicate, row.generation, sentenceValues);
      const fields = curveRecord(row, seed);
      curves.write(fields);
      summary?.add(fields);
      records.push(fields);
    },
    ...(context.onProgress === undefined ? {} : { onProgress: context.onProgress }),
    onEnd: (task, outcome) => {
      if (outcome.extinctions !== undefined && outcome.error === undefined) survival?.add(task.cell.id, outcome.extinctions);
      if (outcome.extinctions !== undefined && extinctions !== undefined) {
        for (const fields of extinctionRecords(task.cell, task.replicate, seed, outcome.extinctions, tokenOf)) extinctions.write(fields);
      }
      if (outcome.error !== undefined) {
        const message = `cell ${task.cell.id} replicate ${task.replicate} failed: ${outcome.error.message}`;
        failures.push(message);
        context.onFailure(message);
      }
    },
    ...(corpora === undefined
      ? {}
      : {
          onTexts: (task, generation, measured, shareSentences) => {
            writeCorpusFile(corpusFilePath(corpora.dir, task.cell, task.replicate, generation), detokenize(measured, tokenOf));
            corpora.shareCounts.set(shareKey(task.cell, task.replicate, generation), shareSentences);
          },
        }),
  };
  return {
    handlers,
    records,
    summary,
    survival,
    failures,
    needsExtinctions: extinctions !== undefined || survival !== undefined,
    close: async () => {
      await Promise.all([curves.close(), extinctions?.close(), perplexities?.close()]);
    },
  };
}
