/**
 * `ngram-collapse run`: one experiment or a sweep; writes the curves CSV row by row and prints a
 * short table of the last generation. A thin layer: resolve the configuration (flags, --config,
 * defaults), check every output before any work, load the corpus, run the tasks (worker threads,
 * a shard, the rest of an interrupted run), export.
 *
 * Outputs: the curves CSV (`--out`) with its run record `<out>.run.json` (for --resume and merge),
 * `--summary` (with the survival law's rows), `--extinctions`, `--survival`, `--save-corpora`. Rows are written as generations finish, in
 * canonical order whatever `--workers`. SIGINT/SIGTERM stop the run cleanly (exit 130/143), a
 * failing series is reported and the others finish (exit 1).
 */

import { existsSync, mkdirSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command } from 'commander';
import { loadCorpus } from '../../corpus/loadCorpus.js';
import { sentenceCount, tokenCount } from '../../corpus/tokenCorpus.js';
import { RunIncompleteError, UsageError } from '../../errors.js';
import { corpusFilePath, corpusManifest, detokenize, humanFilePath, readShareCounts, shareKey, writeCorpusFile, writeManifest, type ShareCounts } from '../../export/corpusFiles.js';
import { openCsv, type CsvWriter } from '../../export/csvFile.js';
import { openSentencePerplexityCsv } from '../../export/sentencePerplexityCsv.js';
import { CURVE_COLUMNS, curveRecord } from '../../export/curveRecord.js';
import { EXTINCTION_COLUMNS, extinctionRecords } from '../../export/extinctionRecords.js';
import { formatFinalTable } from '../../export/report/finalTable.js';
import { curveTableFromRecords } from '../../export/report/readCurves.js';
import { planResume, type ResumeFile } from '../../export/resumePlan.js';
import { commandLine, corpusDigest, describeDifferences, makeRunRecord, readRunRecord, runRecordPath, writeRunRecord, type RunIdentity, type RunProvenance } from '../../export/runRecord.js';
import { SUMMARY_COLUMNS, SummaryTable } from '../../export/summaryTable.js';
import { SURVIVAL_CURVE_COLUMNS, SurvivalCurves } from '../../export/survivalCurves.js';
import { drawsByCell, seedCountHistogram, theoryPoints } from '../../export/survivalLaw.js';
import { expandCells } from '../../simulation/cells.js';
import { heldoutOverlap, prepareRun, wordViewSpec } from '../../simulation/preparedRun.js';
import { humanSentenceMask } from '../../simulation/holdoutSplit.js';
import { batchTokensAt } from '../../simulation/settings.js';
import { seriesTasks } from '../../simulation/seriesTask.js';
import { formatShard, shardTasks } from '../../simulation/shard.js';
import { runTasks } from '../../simulation/workerPool.js';
import { addLoadOptions, resolveLoadOptions } from '../corpusOptions.js';
import type { CliIO } from '../io.js';
import { checkNotCorpus, checkWritable } from '../outputPaths.js';
import { packageVersion, PROGRAM_NAME } from '../packageVersion.js';
import { startLoadProgress } from '../loadProgress.js';
import { startProgress } from '../progress.js';
import { printableConfig, resolveRunConfig, type RunConfig } from '../runConfig.js';
import { defaultText, SHARED_OPTIONS, SWEEP_OPTIONS } from '../runOptions.js';
import { SIGNAL_EXIT_CODES, watchSignals } from '../signals.js';
import { slowSamplingNotice } from '../slowSamplingNotice.js';

export function runCommand(io: CliIO): Command {
  const command = new Command('run').description('simulate model collapse: retrain n-gram models on their own output, generation after generation, and write the diversity curves as CSV');
  command.option('--corpus <spec...>', 'a file, a folder, a glob, - for stdin, or brown / brown:<category> (repeatable)', ['brown']);
  for (const row of [...Object.values(SWEEP_OPTIONS), ...Object.values(SHARED_OPTIONS)]) {
    const fallback = defaultText(row.key);
    command.option(row.flags, fallback === undefined ? row.description : `${row.description} (default: ${fallback})`);
  }
  addLoadOptions(command);
  command
    .option('--out <file>', 'curves CSV, - for stdout', 'curves.csv')
    .option('--summary <file>', 'per cell, generation and metric: n, mean, sd and 95% CI (Student t) across replicates')
    .option('--extinctions <file>', 'per cell, replicate and seed type: last seen, first absent, comebacks')
    .option('--survival <file>', 'Kaplan-Meier survival of the seed types by seed-count band, per cell, with the survival law where it applies')
    .option('--save-corpora <dir>', "write the text each row measured (one sentence per line; the batch's synthetic share first) and a manifest.json")
    .option('--sentence-perplexities <file>', 'per cell, replicate, generation and sentence: its perplexity under M0 (H at generation 0)')
    .option('--report <file>', 'write the HTML report of the curves (as `plot --out`) when the run ends')
    .option('--workers <n>', 'worker threads (default: one per core)')
    .option('--shard <i/n>', 'run only the i-th of n deterministic shares of the (cell, replicate) series (join with merge)')
    .option('--resume', 'continue the interrupted run whose --out CSV exists (same settings required)')
    .option('--config <file>', 'read options from a JSON file (flags given here win)')
    .option('--print-config', 'print the resolved configuration as JSON (usable with --config) and exit')
    .option('--quiet', 'print nothing but errors');
  command.action(async () => {
    await runAction(command, io);
  });
  return command;
}

/** The output paths, checked before any work. */
interface Outputs {
  readonly out: string;
  readonly summary?: string;
  readonly extinctions?: string;
  readonly survival?: string;
  readonly corpora?: string;
  readonly report?: string;
  readonly sentencePerplexities?: string;
}

function checkOutputs(config: RunConfig, io: CliIO): Outputs {
  const writable = (path: string, flag: string): string => {
    const absolute = checkWritable(path, io.cwd, flag);
    checkNotCorpus(absolute, config.corpus, io.cwd, flag);
    return absolute;
  };
  const out = writable(config.out, '--out');
  const summary = config.summary === undefined ? undefined : writable(config.summary, '--summary');
  const extinctions = config.extinctions === undefined ? undefined : writable(config.extinctions, '--extinctions');
  const sentencePerplexities = config.sentencePerplexities === undefined ? undefined : writable(config.sentencePerplexities, '--sentence-perplexities');
  const survival = config.survival === undefined ? undefined : writable(config.survival, '--survival');
  const toStdout = [out, summary, extinctions, sentencePerplexities, survival].filter((path) => path === '-').length;
  if (toStdout > 1) throw new UsageError('only one output can go to standard output (-)', 'give the other outputs file names');
  if (config.resume && (out === '-' || extinctions === '-')) throw new UsageError('--resume needs --out (and --extinctions) to be files', 'pass --out FILE');
  if (config.resume && survival !== undefined) throw new UsageError('--resume cannot continue a --survival file', 'rerun the whole run without --resume');
  if (config.resume && sentencePerplexities !== undefined) {
    throw new UsageError('--resume cannot continue a --sentence-perplexities file', 'rerun the whole run without --resume');
  }
  let corpora: string | undefined;
  if (config.saveCorpora !== undefined) {
    corpora = resolve(io.cwd, config.saveCorpora);
    if (existsSync(corpora) && !statSync(corpora).isDirectory()) throw new UsageError(`--save-corpora ${config.saveCorpora} is a file`, 'pass a folder name');
    if (!existsSync(dirname(corpora))) throw new UsageError(`--save-corpora ${config.saveCorpora}: folder ${dirname(corpora)} does not exist`, 'create it first');
  }
  const report = config.report === undefined ? undefined : writable(config.report, '--report');
  if (report === '-') throw new UsageError('--report cannot go to standard output', 'pass --report FILE.html');
  return {
    out,
    ...(summary === undefined ? {} : { summary }),
    ...(extinctions === undefined ? {} : { extinctions }),
    ...(survival === undefined ? {} : { survival }),
    ...(corpora === undefined ? {} : { corpora }),
    ...(report === undefined ? {} : { report }),
    ...(sentencePerplexities === undefined ? {} : { sentencePerplexities }),
  };
}

async function runAction(command: Command, io: CliIO): Promise<void> {
  const config = resolveRunConfig(command, io.cwd);
  if (config.printConfig) {
    io.stdout.write(`${JSON.stringify(printableConfig(config), null, 2)}\n`);
    return;
  }
  const { settings, quiet } = config;
  const warn = (message: string): void => {
    if (!quiet) io.stderr.write(`ngram-collapse: warning: ${message}\n`);
  };
  const load = resolveLoadOptions(config.loadValues, io, warn);
  if (settings.tokens !== undefined && load.maxTokens !== undefined && settings.tokens > load.maxTokens) {
    throw new UsageError(`--tokens ${settings.tokens} is above the --max-tokens guard (${load.maxTokens})`, 'pass a smaller --tokens, or raise --max-tokens if the machine has the memory');
  }
  if (settings.measureTokens !== undefined && load.maxTokens !== undefined && settings.measureTokens > load.maxTokens) {
    throw new UsageError(`--measure-tokens ${settings.measureTokens} is above the --max-tokens guard (${load.maxTokens})`, 'pass a smaller --measure-tokens, or raise --max-tokens if the machine has the memory');
  }
  if (settings.tokens !== undefined) checkGrowth(settings, settings.tokens, load.maxTokens);
  const outputs = checkOutputs(config, io);
  const loading = startLoadProgress(io, !quiet);
  const subwordTraining = (sentences: number): Uint8Array => humanSentenceMask(sentences, settings.holdout, settings.seed);
  const { vocabulary, corpus } = await loadCorpus(config.corpus, { ...load, subwordTraining, ...(loading.onProgress === undefined ? {} : { onProgress: loading.onProgress }) }).finally(
    () => loading.done(),
  );
  const run = prepareRun(corpus, vocabulary.size, settings, wordViewSpec(load.tokenizer, vocabulary));
  checkGrowth(settings, run.batchTokens, load.maxTokens);
  checkAccumulatedSize(settings, tokenCount(run.human), run.batchTokens, load.maxTokens);
  const tasks = shardTasks(seriesTasks(settings), config.shard);
  const rowsPerTask = settings.generations + 1;
  const identity: RunIdentity = {
    version: packageVersion(),
    load: { tokenizer: load.tokenizer, lowercase: load.lowercase, sentences: load.sentences, jsonlField: load.jsonlField ?? null, ...(load.emptySentences === true ? { emptySentences: true } : {}) },
    corpusDigest: corpusDigest(corpus, vocabulary.toArray()),
    settings,
    extinctions: outputs.extinctions !== undefined,
  };
  const slow = slowSamplingNotice({ sweep: settings.sweep, vocabularySize: run.reference.unigrams.types.length, tokensPerGeneration: Math.max(run.batchTokens, run.measureTokens) });
  if (slow !== undefined && !quiet) io.stderr.write(`ngram-collapse: note: ${slow}\n`);
  const overlap = heldoutOverlap(run);
  if (overlap !== undefined && overlap > HELDOUT_OVERLAP_WARNING) {
    warn(`${(overlap * 100).toFixed(1)}% of the held-out sentences also occur verbatim in the human pool (duplicated text in the corpus?), so heldout_perplexity partly measures memory; de-duplicate the corpus to measure generalisation`);
  }
  const provenance: RunProvenance = {
    command: commandLine(PROGRAM_NAME, (command.parent as unknown as { rawArgs?: string[] } | null)?.rawArgs ?? []),
    human: { sentences: sentenceCount(run.human), tokens: tokenCount(run.human), types: run.reference.unigrams.types.length },
    heldout: { sentences: sentenceCount(run.heldout), tokens: tokenCount(run.heldout) },
    batchTokens: run.batchTokens,
    measureTokens: run.measureTokens,
    heldout_overlap: overlap ?? null,
  };
  const seedCounts = Int32Array.from(run.reference.unigrams.types, (id) => run.reference.unigrams.counts[id]!);
  const record = makeRunRecord(identity, formatShard(config.shard), config.corpus, provenance, seedCountHistogram(seedCounts));
  const summary = outputs.summary === undefined ? undefined : new SummaryTable(seedCounts);
  const survivalCurves = outputs.survival === undefined ? undefined : new SurvivalCurves(settings.generations);
  // Every curves record of this run (kept and new), for the final table and the report.
  const records: string[][] = [];
  const cellsById = new Map(expandCells(settings.sweep).map((cell) => [cell.id, cell]));

  const keep = config.resume
    ? resumeFrom(outputs, record, tasks.map((task) => ({ cellId: task.cell.id, replicate: task.replicate })), rowsPerTask, run.reference.unigrams.types.length)
    : { completeTasks: 0, keepBytes: [0, 0], keptRecords: [[], []] as string[][][] };
  for (const fields of keep.keptRecords[0]!) {
    summary?.add(fields);
    records.push([...fields]);
  }
  if (outputs.out !== '-') writeRunRecord(outputs.out, record);
  const shareCounts: ShareCounts = config.resume && outputs.corpora !== undefined ? readShareCounts(outputs.corpora) : new Map();
  const saveManifest = (): void => {
    if (outputs.corpora === undefined) return;
    const details = { generations: settings.generations, replicates: settings.replicates, seed: settings.seed, corpus: config.corpus, config: printableConfig(config) };
    writeManifest(outputs.corpora, corpusManifest([...cellsById.values()], details, shareCounts));
  };
  saveManifest();
  if (outputs.corpora !== undefined) writeCorpusFile(humanFilePath(outputs.corpora), detokenize(run.human, (id) => vocabulary.token(id)));

  const curves = openCsv(outputs.out === '-' ? io.stdout : outputs.out, CURVE_COLUMNS, { append: keep.keepBytes[0]! > 0 });
  const perplexities = outputs.sentencePerplexities === undefined ? undefined : openSentencePerplexityCsv(outputs.sentencePerplexities === '-' ? io.stdout : outputs.sentencePerplexities);
  const extinctions = outputs.extinctions === undefined ? undefined : openCsv(outputs.extinctions === '-' ? io.stdout : outputs.extinctions, EXTINCTION_COLUMNS, { append: keep.keepBytes[1]! > 0 });
  const skip = keep.completeTasks;
  const progress = startProgress(io, !quiet, tasks.length * rowsPerTask, skip * rowsPerTask);
  const signals = watchSignals();
  const failures: string[] = [];
  let result;
  try {
    result = await runTasks(
      run,
      corpus,
      tasks.slice(skip),
      {
        ...(config.workers === undefined ? {} : { workers: config.workers }),
        extras: { extinctions: extinctions !== undefined || survivalCurves !== undefined, texts: outputs.corpora !== undefined, sentencePerplexities: perplexities !== undefined },
        signal: signals.signal,
        warn,
      },
      {
        onRow: (row, _task, sentenceValues) => {
          if (perplexities !== undefined && sentenceValues !== undefined) perplexities.write(row.cell.id, row.replicate, row.generation, sentenceValues);
          const fields = curveRecord(row, settings.seed);
          curves.write(fields);
          summary?.add(fields);
          records.push(fields);
        },
        onProgress: (task, generation, fraction) => progress.update(task.position, generation, fraction),
        onEnd: (task, outcome) => {
          if (outcome.extinctions !== undefined && outcome.error === undefined) survivalCurves?.add(task.cell.id, outcome.extinctions);
          if (outcome.extinctions !== undefined && extinctions !== undefined) {
            for (const fields of extinctionRecords(task.cell, task.replicate, settings.seed, outcome.extinctions, (id) => vocabulary.token(id))) extinctions.write(fields);
          }
          if (outcome.error !== undefined) {
            const message = `cell ${task.cell.id} replicate ${task.replicate} failed: ${outcome.error.message}`;
            failures.push(message);
            io.stderr.write(`ngram-collapse: ${message}\n`);
          }
        },
        onTexts: (task, generation, measured, shareSentences) => {
          writeCorpusFile(corpusFilePath(outputs.corpora!, task.cell, task.replicate, generation), detokenize(measured, (id) => vocabulary.token(id)));
          shareCounts.set(shareKey(task.cell, task.replicate, generation), shareSentences);
        },
      },
    );
  } finally {
    signals.dispose();
    progress.stop();
    saveManifest();
    await closeAll([curves, extinctions, perplexities]);
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
  if (summary !== undefined) await writeSummary(summary, outputs.summary === '-' ? io.stdout : outputs.summary!);
  const survivalRecords = survivalCurves === undefined ? [] : [...survivalCurves.records([...cellsById.keys()], drawsByCell(records))];
  if (survivalCurves !== undefined) {
    const writer = openCsv(outputs.survival === '-' ? io.stdout : outputs.survival!, SURVIVAL_CURVE_COLUMNS);
    for (const fields of survivalRecords) writer.write(fields);
    await writer.close();
  }
  const curveTable = curveTableFromRecords(CURVE_COLUMNS, records, config.out);
  if (outputs.report !== undefined) {
    const { writeReport } = await import('../../export/report/writeReport.js'); // loads Vega only when asked
    const { survivalPoints } = await import('../../export/report/readSurvival.js');
    await writeReport(curveTable.rows, { columns: curveTable.columns, out: outputs.report, source: config.out, record, theory: theoryPoints(records, seedCounts), kaplanMeier: survivalPoints(SURVIVAL_CURVE_COLUMNS, survivalRecords) });
  }
  if (!quiet) {
    const table = [outputs.out, outputs.summary, outputs.extinctions, outputs.survival].includes('-') ? io.stderr : io.stdout;
    table.write(formatFinalTable(curveTable.rows));
    if (outputs.out !== '-') table.write(`curves written to ${config.out}${skip > 0 ? ` (resumed after ${skip} of ${tasks.length} series)` : ''}\n`);
    if (outputs.report !== undefined) table.write(`report written to ${config.report}\n`);
  }
  if (failures.length > 0) {
    throw new RunIncompleteError(
      `${failures.length} of ${tasks.length} series failed (see above); the other series are complete in ${where}`,
      'fix the cause, then rerun (--resume redoes the series after the first failure)',
      1,
    );
  }
}

/**
 * Above this share of held-out sentences found verbatim in H, the run warns. Natural text repeats a
 * few short sentences ("Yes .", "No ."): 0.6% on brown:news, 2.1% on all of Brown; a corpus holding
 * the same text twice gives most of E.
 */
const HELDOUT_OVERLAP_WARNING = 0.05;
/** --tokens-growth: refuse a run whose last (largest) batch would pass the --max-tokens guard. */
function checkGrowth(settings: RunConfig['settings'], batchTokens: number, maxTokens: number | undefined): void {
  if (maxTokens === undefined) return;
  const growth = Math.max(...settings.sweep.tokensGrowth);
  const largest = Math.max(batchTokensAt(batchTokens, growth, 1), batchTokensAt(batchTokens, growth, settings.generations));
  if (largest > maxTokens) {
    throw new UsageError(
      `--tokens-growth ${growth} makes generation ${settings.generations}'s batch ${largest} tokens, above the --max-tokens guard (${maxTokens})`,
      'use fewer --generations, a smaller --tokens-growth or --tokens, or raise --max-tokens',
    );
  }
}

/** accumulate keeps every batch: refuse a run whose last training set would pass the --max-tokens guard. */
function checkAccumulatedSize(settings: RunConfig['settings'], humanTokens: number, batchTokens: number, maxTokens: number | undefined): void {
  if (maxTokens === undefined || !settings.sweep.strategy.includes('accumulate')) return;
  const growth = Math.max(...settings.sweep.tokensGrowth);
  let last = humanTokens;
  for (let generation = 1; generation <= settings.generations; generation++) last += batchTokensAt(batchTokens, growth, generation);
  if (last > maxTokens) {
    throw new UsageError(
      `--strategy accumulate would train on ${last} tokens by generation ${settings.generations}, above the --max-tokens guard (${maxTokens})`,
      'use fewer --generations, a smaller --tokens, accumulate-subsample, or raise --max-tokens',
    );
  }
}

async function closeAll(writers: ReadonlyArray<Pick<CsvWriter, 'close'> | undefined>): Promise<void> {
  await Promise.all(writers.map((writer) => writer?.close()));
}

async function writeSummary(summary: SummaryTable, target: string | NodeJS.WritableStream): Promise<void> {
  const writer = openCsv(target as Parameters<typeof openCsv>[0], SUMMARY_COLUMNS);
  for (const fields of summary.records()) writer.write(fields);
  await writer.close();
}

/**
 * --resume: checks the run record, finds the complete series already written, truncates the files
 * after them (a partial series is redone), and returns what was kept.
 */
function resumeFrom(
  outputs: Outputs,
  record: ReturnType<typeof makeRunRecord>,
  tasks: ReadonlyArray<{ cellId: string; replicate: number }>,
  rowsPerTask: number,
  seedTypes: number,
): ReturnType<typeof planResume> {
  const out = outputs.out;
  if (!existsSync(out)) throw new UsageError(`--resume: ${out} does not exist`, 'run without --resume to start the run');
  const previous = readRunRecord(out);
  if (previous === undefined) throw new UsageError(`--resume: ${runRecordPath(out)} is missing, so the settings of ${out} cannot be checked`, 'start afresh without --resume');
  const differences = describeDifferences(previous.identity, record.identity);
  if (previous.shard !== record.shard) differences.push('shard');
  if (differences.length > 0 || previous.fingerprint !== record.fingerprint) {
    throw new UsageError(`--resume: ${out} was written with other settings (${differences.join(', ') || 'fingerprint'} differ)`, 'rerun with the same options and corpus, or start afresh without --resume');
  }
  const files: ResumeFile[] = [
    {
      name: out,
      content: readFileSync(out),
      header: CURVE_COLUMNS,
      rowsPerTask,
      keyColumns: ['cell', 'replicate', 'generation'],
      keyOf: (task, row) => [task.cellId, String(task.replicate), String(row)],
    },
  ];
  if (outputs.extinctions !== undefined) {
    files.push({
      name: outputs.extinctions,
      content: existsSync(outputs.extinctions) ? readFileSync(outputs.extinctions) : Buffer.alloc(0),
      header: EXTINCTION_COLUMNS,
      rowsPerTask: seedTypes,
      keyColumns: ['cell', 'replicate'],
      keyOf: (task) => [task.cellId, String(task.replicate)],
    });
  }
  const plan = planResume(files, tasks);
  files.forEach((file, f) => {
    if (existsSync(file.name)) truncateSync(file.name, plan.keepBytes[f]);
  });
  if (outputs.corpora !== undefined) mkdirSync(outputs.corpora, { recursive: true });
  return { ...plan, keepBytes: [...plan.keepBytes, 0].slice(0, 2), keptRecords: [...plan.keptRecords, []].slice(0, 2) };
}
