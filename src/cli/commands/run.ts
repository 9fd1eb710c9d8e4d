/**
 * `ngram-collapse run`: one experiment or a sweep; writes the curves CSV row by row and prints a
 * short table of the last generation. A thin layer: resolve the configuration (RUN_SPEC: flags,
 * --config, defaults), check every output before any work (checkRunOutputs), load the corpus, call
 * the library (prepareRun, runTasks) with the exporters attached (openRunExporters; resumeRun for
 * `--resume`), print the table.
 *
 * Outputs: the curves CSV (`--out`) with its run record `<out>.run.json` (for --resume and merge),
 * `--summary`, `--extinctions`, `--save-corpora`, `--sentence-perplexities`, `--report`. Rows are
 * written as generations finish, in canonical order whatever `--workers`. SIGINT/SIGTERM stop the
 * run cleanly (exit 130/143), a failing series is reported and the others finish (exit 1).
 */

import type { Command } from 'commander';
import { loadCorpus } from '../../corpus/loadCorpus.js';
import { tokenCount } from '../../corpus/tokenCorpus.js';
import { RunIncompleteError, UsageError } from '../../errors.js';
import { corpusManifest, writeManifest } from '../../export/corpusFiles.js';
import { openCsv } from '../../export/csvFile.js';
import { CURVE_COLUMNS } from '../../export/curveRecord.js';
import { formatFinalTable } from '../../export/report/finalTable.js';
import { curveTableFromRecords } from '../../export/report/readCurves.js';
import { FRESH_START, resumeRun } from '../../export/resumeRun.js';
import { openRunExporters } from '../../export/runExporters.js';
import { corpusDigest, makeRunRecord, writeRunRecord } from '../../export/runRecord.js';
import { SUMMARY_COLUMNS, type SummaryTable } from '../../export/summaryTable.js';
import { expandCells } from '../../simulation/cells.js';
import { prepareRun } from '../../simulation/preparedRun.js';
import { seriesTasks } from '../../simulation/seriesTask.js';
import type { RunSettings } from '../../simulation/settings.js';
import { formatShard, shardTasks } from '../../simulation/shard.js';
import { runTasks } from '../../simulation/workerPool.js';
import { packageVersion } from '../version.js';
import { loadOptionsFor, warnTo } from '../corpusOptions.js';
import { resolveContext, type CliIO } from '../io.js';
import { commandFor } from '../optionTable.js';
import { startProgress } from '../progress.js';
import { printableConfig, RUN_SPEC, type RunConfig } from '../runConfig.js';
import { checkRunOutputs } from '../runOutputs.js';
import { SIGNAL_EXIT_CODES, watchSignals } from '../signals.js';

export function runCommand(io: CliIO): Command {
  return commandFor(RUN_SPEC, () => resolveContext(io), (config) => runAction(config, io));
}

async function runAction(config: RunConfig, io: CliIO): Promise<void> {
  if (config.printConfig) {
    io.stdout.write(`${JSON.stringify(printableConfig(config), null, 2)}\n`);
    return;
  }
  const { settings, quiet } = config;
  const warn = warnTo(io, quiet);
  const load = loadOptionsFor(config.load, io, warn);
  if (settings.tokens !== undefined && load.maxTokens !== undefined && settings.tokens > load.maxTokens) {
    throw new UsageError(`--tokens ${settings.tokens} is above the --max-tokens guard (${load.maxTokens})`, 'pass a smaller --tokens, or raise --max-tokens if the machine has the memory');
  }
  const outputs = checkRunOutputs(config, io.cwd);
  const { vocabulary, corpus } = await loadCorpus(config.corpus, load);
  const run = prepareRun(corpus, vocabulary.size, settings);
  checkAccumulatedSize(settings, tokenCount(run.human), run.batchTokens, load.maxTokens);
  const tasks = shardTasks(seriesTasks(settings), config.shard);
  const rowsPerTask = settings.generations + 1;
  const record = makeRunRecord(
    {
      version: packageVersion(),
      load: { tokenizer: load.tokenizer, lowercase: load.lowercase, sentences: load.sentences, jsonlField: load.jsonlField ?? null },
      corpusDigest: corpusDigest(corpus, vocabulary.toArray()),
      settings,
      extinctions: outputs.extinctions !== undefined,
    },
    formatShard(config.shard),
    config.corpus,
  );
  const expected = tasks.map((task) => ({ cellId: task.cell.id, replicate: task.replicate }));
  const resumed = config.resume ? resumeRun(outputs, record, expected, rowsPerTask, run.reference.unigrams.types.length) : FRESH_START;
  if (outputs.out !== '-') writeRunRecord(outputs.out, record);
  if (outputs.corpora !== undefined) {
    const cells = expandCells(settings.sweep);
    writeManifest(outputs.corpora, corpusManifest(cells, { generations: settings.generations, replicates: settings.replicates, seed: settings.seed, corpus: config.corpus, config: printableConfig(config) }));
  }

  const stream = (path: string | undefined) => (path === '-' ? io.stdout : path);
  const skip = resumed.completeTasks;
  const progress = startProgress(io, !quiet, tasks.length * rowsPerTask, skip * rowsPerTask);
  const exporters = openRunExporters(
    {
      curves: stream(outputs.out)!,
      ...(outputs.extinctions === undefined ? {} : { extinctions: stream(outputs.extinctions)! }),
      ...(outputs.sentencePerplexities === undefined ? {} : { sentencePerplexities: stream(outputs.sentencePerplexities)! }),
      ...(outputs.corpora === undefined ? {} : { corpora: outputs.corpora }),
      summary: outputs.summary !== undefined,
    },
    {
      seed: settings.seed,
      tokenOf: (id) => vocabulary.token(id),
      resumed,
      onRow: () => progress.tick(),
      onFailure: (message) => void io.stderr.write(`ngram-collapse: ${message}\n`),
    },
  );
  const signals = watchSignals();
  let result;
  try {
    result = await runTasks(
      run,
      corpus,
      tasks.slice(skip),
      {
        ...(config.workers === undefined ? {} : { workers: config.workers }),
        extras: { extinctions: outputs.extinctions !== undefined, texts: outputs.corpora !== undefined, sentencePerplexities: outputs.sentencePerplexities !== undefined },
        signal: signals.signal,
        warn,
      },
      exporters.handlers,
    );
  } finally {
    signals.dispose();
    progress.stop();
    await exporters.close();
  }

  const done = skip + result.ended;
  const where = `${outputs.out === '-' ? 'standard output' : config.out}${config.shard.count > 1 ? ` (shard ${formatShard(config.shard)})` : ''}`;
  if (result.interrupted) {
    const name = signals.received() ?? 'SIGINT';
    throw new RunIncompleteError(
      `interrupted by ${name}: ${done} of ${tasks.length} series complete in ${where}, every row written is whole`,
      outputs.out === '-' ? 'rerun the command to redo it' : 'continue with the same command plus --resume',
      SIGNAL_EXIT_CODES[name] ?? 130,
    );
  }
  if (exporters.summary !== undefined) await writeSummary(exporters.summary, stream(outputs.summary)!);
  const curveTable = curveTableFromRecords(CURVE_COLUMNS, exporters.records, config.out);
  if (outputs.report !== undefined) {
    const { writeReport } = await import('../../export/report/writeReport.js'); // loads Vega only when asked
    await writeReport(curveTable.rows, { columns: curveTable.columns, out: outputs.report, source: config.out });
  }
  if (!quiet) {
    const table = outputs.out === '-' || outputs.summary === '-' || outputs.extinctions === '-' ? io.stderr : io.stdout;
    table.write(formatFinalTable(curveTable.rows));
    if (outputs.out !== '-') table.write(`curves written to ${config.out}${skip > 0 ? ` (resumed after ${skip} of ${tasks.length} series)` : ''}\n`);
    if (outputs.report !== undefined) table.write(`report written to ${config.report}\n`);
  }
  const failures = exporters.failures;
  if (failures.length > 0) {
    throw new RunIncompleteError(
      `${failures.length} of ${tasks.length} series failed (see above); the other series are complete in ${where}`,
      'fix the cause, then rerun (--resume redoes the series after the first failure)',
      1,
    );
  }
}

/** accumulate keeps every batch: refuse a run whose last training set would pass the --max-tokens guard. */
function checkAccumulatedSize(settings: RunSettings, humanTokens: number, batchTokens: number, maxTokens: number | undefined): void {
  if (maxTokens === undefined || !settings.sweep.strategy.includes('accumulate')) return;
  const last = humanTokens + settings.generations * batchTokens;
  if (last > maxTokens) {
    throw new UsageError(
      `--strategy accumulate would train on ${last} tokens by generation ${settings.generations}, above the --max-tokens guard (${maxTokens})`,
      'use fewer --generations, a smaller --tokens, accumulate-subsample, or raise --max-tokens',
    );
  }
}

async function writeSummary(summary: SummaryTable, target: string | NodeJS.WritableStream): Promise<void> {
  const writer = openCsv(target as Parameters<typeof openCsv>[0], SUMMARY_COLUMNS);
  for (const fields of summary.records()) writer.write(fields);
  await writer.close();
}
