/**
 * runExporters: the files a `run` writes as its series finish, attached to the library's task
 * handlers (simulation/workerPool's TaskHandlers). The curves CSV row by row (in canonical order),
 * the extinctions CSV after each series, the per-sentence perplexities, the synthetic texts, and the
 * summary's accumulation. Failed series are collected (and told to `onFailure`), not thrown.
 *
 * Contract: `openRunExporters(targets, context)` opens the writers (appending after `keepBytes` when
 * resuming); `handlers` go to runTasks; `close()` flushes every writer; `records` are every curves
 * record of the run, kept and new, for the final table and the report.
 */

import type { Writable } from 'node:stream';
import type { Cell } from '../simulation/cells.js';
import type { TaskHandlers } from '../simulation/workerPool.js';
import { corpusFilePath, detokenize, writeCorpusFile } from './corpusFiles.js';
import { openCsv } from './csvFile.js';
import { CURVE_COLUMNS, curveRecord } from './curveRecord.js';
import { EXTINCTION_COLUMNS, extinctionRecords } from './extinctionRecords.js';
import type { ResumePoint } from './resumeRun.js';
import { openSentencePerplexityCsv } from './sentencePerplexityCsv.js';
import { SummaryTable } from './summaryTable.js';

/** Where each output goes: a path, a stream (standard output), or undefined when not asked for. */
export interface RunTargets {
  readonly curves: string | Writable;
  readonly extinctions?: string | Writable;
  readonly sentencePerplexities?: string | Writable;
  /** Folder for the synthetic texts. */
  readonly corpora?: string;
  /** Accumulate the summary table. */
  readonly summary: boolean;
}

export interface RunExporters {
  readonly handlers: TaskHandlers;
  /** Every curves record: the kept ones first, then each new row. */
  readonly records: string[][];
  readonly summary: SummaryTable | undefined;
  /** "cell C replicate R failed: ..." of every failed series. */
  readonly failures: string[];
  close(): Promise<void>;
}

export interface ExportContext {
  readonly seed: number;
  readonly tokenOf: (id: number) => string;
  readonly resumed: ResumePoint;
  /** After every row written. */
  readonly onRow: () => void;
  readonly onFailure: (message: string) => void;
}

export function openRunExporters(targets: RunTargets, context: ExportContext): RunExporters {
  const { seed, tokenOf, resumed } = context;
  const summary = targets.summary ? new SummaryTable() : undefined;
  const records: string[][] = [];
  for (const fields of resumed.keptCurves) {
    summary?.add(fields);
    records.push([...fields]);
  }
  const curves = openCsv(targets.curves, CURVE_COLUMNS, { append: resumed.keepBytes[0] > 0 });
  const perplexities = targets.sentencePerplexities === undefined ? undefined : openSentencePerplexityCsv(targets.sentencePerplexities);
  const extinctions = targets.extinctions === undefined ? undefined : openCsv(targets.extinctions, EXTINCTION_COLUMNS, { append: resumed.keepBytes[1] > 0 });
  const failures: string[] = [];
  const corpora = targets.corpora;
  const handlers: TaskHandlers = {
    onRow: (row, _task, sentenceValues) => {
      if (perplexities !== undefined && sentenceValues !== undefined) perplexities.write(row.cell.id, row.replicate, row.generation, sentenceValues);
      const fields = curveRecord(row, seed);
      curves.write(fields);
      summary?.add(fields);
      records.push(fields);
      context.onRow();
    },
    onEnd: (task, outcome) => {
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
      : { onTexts: (task: { cell: Cell; replicate: number }, generation: number, synthetic: Parameters<typeof detokenize>[0]) => writeCorpusFile(corpusFilePath(corpora, task.cell, task.replicate, generation), detokenize(synthetic, tokenOf)) }),
  };
  return {
    handlers,
    records,
    summary,
    failures,
    close: async () => {
      await Promise.all([curves.close(), extinctions?.close(), perplexities?.close()]);
    },
  };
}
