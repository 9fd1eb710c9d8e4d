/**
 * `ngram-collapse run`: one experiment or a sweep; writes the curves CSV row by row and prints a
 * short table of the last generation. A thin layer: resolve the configuration (RUN_SPEC: flags,
 * --config, defaults), check every output before any work (checkRunOutputs), load the corpus, call
 * the library (prepareRunFor, runTasks) with the exporters attached (openRunExporters; resumeRun for
 * `--resume`), print the table.
 *
 * Outputs: the curves CSV (`--out`) with its run record `<out>.run.json` (for --resume and merge),
 * `--summary` (with the survival law's rows), `--extinctions`, `--survival`, `--save-corpora`,
 * `--sentence-perplexities`, `--report`. Rows are written as generations finish, in canonical order
 * whatever `--workers`. SIGINT/SIGTERM/SIGHUP stop the run cleanly (exit 130/143/129), a failing series is
 * reported and the others finish (exit 1).
 */

import { existsSync, rmSync, statSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { loadCorpus, type LoadedCorpus, type LoadOptions } from '../../corpus/loadCorpus.js';
import { checkHasTokens } from '../../corpus/checkTokenCorpus.js';
import { sentenceCount, tokenCount, type TokenCorpus } from '../../corpus/tokenCorpus.js';
import { InputError, RunIncompleteError, type UsageError } from '../../errors.js';
import { clearCorpusFolder, clearOtherManifests, shardShare, corpusFilePath, corpusManifest, detokenize, humanFilePath, readManifest, shardTag, shareKey, writeCorpusFile, writeManifest, type ManifestCounts, type ShareCounts } from '../../export/corpusFiles.js';
import { openCsv } from '../../export/csvFile.js';
import { CURVE_COLUMNS, curveRecord } from '../../export/curveRecord.js';
import { formatFinalTable } from '../../export/report/finalTable.js';
import { curveTableFromRecords } from '../../export/report/readCurves.js';
import { emptyForFreshRun, FRESH_START, resumeRun, type ResumePoint } from '../../export/resumeRun.js';
import type { ExpectedTask } from '../../export/resumePlan.js';
import { openRunExporters, type RunExporters } from '../../export/runExporters.js';
import { commandLine, corpusDigest, makeRunRecord, prepareRunRecord, type RunIdentity, type RunProvenance, type RunRecord } from '../../export/runRecord.js';
import { isSpecialFile, type PreparedFile } from '../../export/wholeFile.js';
import { SUMMARY_COLUMNS } from '../../export/summaryTable.js';
import { SURVIVAL_CURVE_COLUMNS } from '../../export/survivalCurves.js';
import { drawsByCell, seedCountHistogram, theoryPoints } from '../../export/survivalLaw.js';
import { batchSizesOf } from '../../metrics/survivalTheory.js';
import { expandCells } from '../../simulation/cells.js';
import { learningOnHuman } from '../../simulation/holdoutSplit.js';
import { heldoutOverlap, heldoutOverlapWarning, wordViewSpec, type PreparedRun } from '../../simulation/preparedRun.js';
import { seriesTasks, type SeriesTask } from '../../simulation/seriesTask.js';
import { formatShard, shardTasks } from '../../simulation/shard.js';
import { poolSize, prepareRunFor, runTasks, seriesTokens, type RunTasksResult } from '../../simulation/workerPool.js';
import { completeSeries, notWrittenAfterRun } from '../interruptedRun.js';
import { leaveIfOrphaned } from '../allocatorRelaunch.js';
import type { Vocabulary } from '../../vocabulary/vocabulary.js';
import { loadOptionsFor, warnTo } from '../corpusOptions.js';
import { checkOneStandardOutput, namesStandardOutput, standardOutputFile } from '../outputPaths.js';
import { resolveContext, type CliIO } from '../io.js';
import { startLoadProgress } from '../loadProgress.js';
import { commandFor } from '../optionTable.js';
import { REFRESH_MS, takeRunLocks, thisProcess } from '../runLock.js';
import { landingPath } from '../../corpus/namedFile.js';
import { packageVersion, PROGRAM_NAME } from '../packageVersion.js';
import { startProgress } from '../progress.js';
import { checkCorpusGuards, checkTokenGuards } from '../../simulation/tokenGuards.js';
import { printableConfig, RUN_SPEC, type RunConfig } from '../runConfig.js';
import { checkOutputNames, checkPrintsNotOnInputs, checkResumable, checkRunOutputs, csvOutputs, deviceOutput, type RunOutputs } from '../runOutputs.js';
import { endStartupWatch, SIGNAL_EXIT_CODES, signalsHandled, watchSignals, type SignalWatch } from '../signals.js';
import { writeInTurn, type OutputStep } from '../outputSteps.js';
import { compileOnWorkerThreads, workerCompilationFlags } from '../workerCompilation.js';
import type { RunSettings } from '../../simulation/settings.js';

export function runCommand(io: CliIO): Command {
  return commandFor(RUN_SPEC, () => resolveContext(io), (config, command) => runAction(config, io, (command.parent as unknown as { rawArgs?: string[] } | null)?.rawArgs ?? []));
}

async function runAction(config: RunConfig, io: CliIO, rawArgs: readonly string[]): Promise<void> {
  if (config.printConfig) return printConfig(config, io);
  const warn = warnTo(io, config.quiet);
  const checked = checkBeforeWork(config, io, warn);
  // (two runs writing one --out, a job started twice or two shards given one file, interleaved their rows, both exit 0: probe)
  const locks = takeRunLocks(lockedFiles(config, checked.outputs, io.cwd), thisProcess());
  const refreshing = locks.length === 0 ? undefined : setInterval(() => locks.forEach((lock) => lock.refresh()), REFRESH_MS).unref();
  try {
    await runLocked(config, io, rawArgs, warn, checked);
  } finally {
    clearInterval(refreshing);
    for (const lock of locks) lock.release();
  }
}

/**
 * The files a run writes, each locked while it runs (runLock.ts): the curves CSV (where its record goes
 * beside it) and, when they are files, --extinctions and --sentence-perplexities (two shards given one of
 * them by a config file interleaved its rows too: review), and --summary, --survival and --report (written
 * whole at the end: the last of two runs sharing one put its own in place, the other's lost without a
 * word); each where a write to it lands, links followed (--out link.csv and --out real.csv are one file),
 * named as the user named it.
 */
function lockedFiles(config: RunConfig, outputs: RunOutputs, cwd: string): Array<{ readonly path: string; readonly shown: string; readonly flag: string }> {
  const files: Array<{ readonly path: string; readonly shown: string; readonly flag: string }> = [];
  const { recordBeside } = outputs;
  if (recordBeside !== undefined) files.push({ path: landingPath(recordBeside), shown: recordBeside === resolve(cwd, config.out) ? config.out : relative(cwd, recordBeside), flag: '--out' });
  const others = [
    ['--extinctions', config.extinctions, outputs.extinctions],
    ['--sentence-perplexities', config.sentencePerplexities, outputs.sentencePerplexities],
    ['--summary', config.summary, outputs.summary],
    ['--survival', config.survival, outputs.survival],
    ['--report', config.report, outputs.report],
  ] as const;
  for (const [flag, given, path] of others) {
    if (given === undefined || path === undefined || given === '-' || namesStandardOutput(path, cwd) || isSpecialFile(path)) continue;
    files.push({ path: landingPath(resolve(cwd, path)), shown: given, flag });
  }
  return files;
}

/** The run, its outputs checked and the files it appends to locked. */
async function runLocked(config: RunConfig, io: CliIO, rawArgs: readonly string[], warn: (message: string) => void, checked: CheckedRun): Promise<void> {
  const loaded = await loadAndPrepare(config, io, checked);
  const { outputs, run } = loaded;
  const { record, seedCounts } = describeRun(config, loaded, rawArgs, warn);
  const rowsPerTask = config.settings.generations + 1;
  // --resume with --save-corpora: the share counts the earlier run's manifest holds (a series without them is redone)
  const earlier: ManifestCounts = config.resume && outputs.corpora !== undefined ? readManifest(outputs.corpora, config.shard) : { counts: new Map(), fingerprint: undefined };
  const shareCounts = earlier.counts;
  const expected = expectedSeries(config, loaded, shareCounts);
  // Watched from the first change to a file until every output is written: a signal as the earlier
  // run's files are emptied and the record put in place is taken once both are done (it ended the
  // process there by its default action, an earlier run's curves emptied under its old record, with no
  // line), one after the last series stops the writing between two files (each appears whole or not at all).
  const signals = watchSignals();
  try {
    const resumed = await takingSignals(signals, () => {
      // (the files are changed from here on: a relaunched child whose parent went while it prepared stops now)
      leaveIfOrphaned();
      const seedTokens = config.resume && outputs.extinctions !== undefined ? Array.from(run.reference.unigrams.types, (id) => loaded.vocabulary.token(id)) : undefined;
      const point = config.resume ? resumeRun({ ...outputs, corporaFingerprint: earlier.fingerprint, ...(seedTokens === undefined ? {} : { seedTokens }) }, record, expected, rowsPerTask, run.reference.unigrams.types.length) : FRESH_START;
      warnResumePoint(point, config, io.cwd, warn);
      placeFreshFiles(config, outputs, record);
      return point;
    });
    const corpora = await takingSignals(signals, () => corpusFolder(config, loaded, record.fingerprint, shareCounts));
    await runAndWrite(config, io, loaded, { rowsPerTask, resumed, corpora, seedCounts, warn, signal: signals.signal }, record, signals);
  } finally {
    // (watched to the process's end: a signal as the line below is printed was the default's, exit 143 with no line: audit)
    signals.settle();
  }
}

/**
 * The run record put in place, an earlier run's curves and extinctions emptied first unless --resume
 * (killed between the record and the exporters' first write, an earlier run's rows would be kept by
 * --resume as this run's: probe, exit 0). The record is written first beside its place, so one that
 * cannot be written leaves the old curves as they were; one whose emptying fails is let go (its
 * `.partial` was left beside the CSV: round-2 audit).
 */
function placeFreshFiles(config: RunConfig, outputs: RunOutputs, record: RunRecord): void {
  const placeRecord = recordPlacer(outputs, record);
  if (!config.resume) {
    try {
      emptyForFreshRun(outputs);
    } catch (error) {
      placeRecord.discard();
      throw error;
    }
  }
  placeRecord();
}

/**
 * `step()`'s value; an error it throws after a signal came (the signal waits, watched, for the step to
 * end) is the signal's: the run ends as interrupted, with the signal's exit code and the error's words
 * (a --resume refusal met as Ctrl-C was pressed exited 2, the signal lost to a calling script: round-2 audit).
 */
async function takingSignals<T>(signals: SignalWatch, step: () => T): Promise<T> {
  try {
    return step();
  } catch (error) {
    await signalsHandled();
    const name = signals.received();
    if (name === undefined || error instanceof RunIncompleteError) throw error;
    const said = error instanceof Error ? error.message : String(error);
    throw new RunIncompleteError(`interrupted by ${name} as the run began, which met: ${said}`, error instanceof InputError ? error.hint : 'run the command again', SIGNAL_EXIT_CODES[name] ?? 130);
  }
}

/** `--print-config`: refuses what a run would refuse before reading anything, then prints the configuration as JSON. */
function printConfig(config: RunConfig, io: CliIO): void {
  // what a run would refuse before reading anything, refused here too: the printed file must run
  // (paths are not checked on the file system, only compared by name: a config may be meant for another machine)
  loadOptionsFor(config.load, io, () => undefined);
  checkTokenGuards(config.settings, config.load.maxTokens);
  checkOneStandardOutput(csvOutputs(config));
  checkOutputNames(config, io.cwd);
  checkResumable(config);
  // (printed into the corpus or the config file it reads, `>> c.txt`: audit; local files only, as found)
  checkPrintsNotOnInputs(config, io.cwd);
  io.stdout.write(`${JSON.stringify(printableConfig(config), null, 2)}\n`);
}

/** Each task's series as resumeRun expects it: its first row's fields and, with --save-corpora, its texts' files and whether their share counts are known. */
function expectedSeries(config: RunConfig, loaded: LoadedRun, shareCounts: ShareCounts): ExpectedTask[] {
  const { outputs, tasks } = loaded;
  const generations = Array.from({ length: config.settings.generations }, (_, g) => g + 1);
  return tasks.map((task) => ({
    cellId: task.cell.id,
    replicate: task.replicate,
    // (a kept row must be one this run writes: its settings, replicate and seed as this record has them)
    row: curveRecord({ cell: task.cell, replicate: task.replicate, generation: 0, values: {} }, config.settings.seed),
    ...(outputs.corpora === undefined
      ? {}
      : {
          texts: generations.map((g) => corpusFilePath(outputs.corpora!, task.cell, task.replicate, g)),
          shareKnown: generations.every((g) => shareCounts.has(shareKey(task.cell, task.replicate, g))),
        }),
  }));
}

/** Warns about what --resume found: curves never written, a row that does not fit, an output behind the others. */
function warnResumePoint(resumed: ResumePoint, config: RunConfig, cwd: string, warn: (message: string) => void): void {
  if (resumed.notStarted === true) warn(`--resume: ${config.out} was never written (the run stopped before its first row): every series is run`);
  if (resumed.misfit !== undefined) {
    const { file, line, problem } = resumed.misfit;
    const name = relative(cwd, file) || file;
    // (line 1 is the header: no series of its own, every one is run again; lines after every series are cut)
    if (resumed.misfit.trailing === true) warn(`--resume: ${name} line ${line} and the ones after it follow the run's last series: they are cut`);
    else warn(line === 1 ? `--resume: ${name} line 1: ${problem}: every series is run again` : `--resume: ${name} line ${line} is no row this run writes (${problem}): its series and the ones after it are run again`);
  }
  // (not one series behind: a signal between a series' last row and its extinctions leaves that, which
  // the interrupted run's line counted as not complete; said, it read as a damaged file: round 2)
  const missing = resumed.behind !== undefined && !existsSync(resumed.behind.file);
  if (resumed.behind !== undefined && (missing || resumed.behind.aheadComplete - resumed.behind.complete > 1)) {
    const { file, complete, ahead, aheadComplete } = resumed.behind;
    const shown = (path: string): string => relative(cwd, path) || path;
    const state = missing ? 'is missing' : complete === 0 ? 'holds no whole series' : `holds ${complete} whole series`;
    warn(`--resume: ${shown(file)} ${state}, where ${shown(ahead)} holds ${aheadComplete}: ${complete === 0 ? 'every series is' : `the series after the first ${complete} are`} run again`);
  }
}

/**
 * What places the run record: written beside --out first (prepareRunRecord), or, with no record for
 * curves appended to a file that held something, an earlier one there removed instead.
 */
function recordPlacer(outputs: RunOutputs, record: RunRecord): PreparedFile {
  if (outputs.recordBeside !== undefined) return prepareRunRecord(outputs.recordBeside, record);
  return Object.assign(
    () => {
      if (outputs.staleRecord !== undefined) rmSync(outputs.staleRecord, { force: true });
    },
    { discard: () => undefined },
  );
}

/**
 * Runs the series and writes the outputs that follow them; throws RunIncompleteError when a signal
 * stopped the run or the writing, when series failed, or when a signal came as the last output was written.
 */
async function runAndWrite(config: RunConfig, io: CliIO, loaded: LoadedRun, inputs: RunInputs, record: RunRecord, signals: SignalWatch): Promise<void> {
  const { outputs, tasks } = loaded;
  const { rowsPerTask, resumed, seedCounts } = inputs;
  io.inputChecked?.(); // (the warnings of the input, held till every check of it passed: before the series, which may run for hours)
  const { exporters, result } = await runWithExporters(config, io, loaded, inputs);
  const done = resumed.completeTasks + completeSeries(result, { rows: exporters.records.length - resumed.keptCurves.length, failures: exporters.failures.length }, rowsPerTask, outputs.extinctions !== undefined);
  const where = `${outputs.out === '-' ? 'standard output' : config.out}${config.shard.count > 1 ? ` (shard ${formatShard(config.shard)})` : ''}`;
  const interrupted = (after: string): RunIncompleteError => {
    const name = signals.received() ?? 'SIGINT';
    return new RunIncompleteError(`interrupted by ${name}: ${done} of ${tasks.length} series complete in ${where}, every row written is whole${after}`, resumeHint(config, outputs, io.cwd), SIGNAL_EXIT_CODES[name] ?? 130);
  };
  // (the outputs written after the run were left out of the line: audit)
  if (result.interrupted) throw interrupted(notWrittenAfterRun(config, tasks.length));
  const unwritten = await writeAfterRun(config, io, loaded, { exporters, record, seedCounts, skip: resumed.completeTasks }, signals.signal);
  if (unwritten.length > 0) throw interrupted(`; not written: ${unwritten.join(', ')}`);
  // (a signal while the last output was written: all is there, yet a scheduler must not take the run for one that ended by itself;
  // the event loop polls once more first, so that a signal that arrived as the last file was renamed is handled, not dropped by dispose)
  await signalsHandled();
  // (failed series first: their line says what is left to do)
  checkFailures(exporters, tasks.length, where);
  const late = signals.received();
  if (late !== undefined) throw new RunIncompleteError(`interrupted by ${late} as the last output was written: ${done} of ${tasks.length} series complete in ${where}, and every output was written`, 'nothing is left to do', SIGNAL_EXIT_CODES[late] ?? 130);
}

/** Series that failed (their messages printed as they failed) make the run incomplete, exit code 1. */
function checkFailures(exporters: RunExporters, total: number, where: string): void {
  const failures = exporters.failures;
  if (failures.length > 0) {
    throw new RunIncompleteError(
      `${failures.length} of ${total} series failed (see above); the other series are complete in ${where}`,
      'fix the cause, then rerun (--resume redoes the series after the first failure)',
      1,
    );
  }
}

/**
 * What an interrupted run can do next: --resume, unless checkResumable would refuse it (an output on
 * standard output, also one named as its file, `--out x.csv > x.csv`; a file --resume cannot continue)
 * or no run record goes beside --out (a device, a pipe), which --resume needs.
 */
function resumeHint(config: RunConfig, outputs: RunOutputs, cwd: string): string {
  try {
    checkResumable({ ...config, resume: true }, outputs);
  } catch (error) {
    // (a file standard output was redirected to, named as --out: --resume continues it by name: audit)
    const at = [config.out, config.extinctions].findIndex((given, i) => given !== undefined && given !== '-' && [outputs.out, outputs.extinctions][i] === '-');
    const named = at < 0 ? undefined : [config.out, config.extinctions][at]!;
    // (a name of standard output itself, /dev/stdout, names no file to continue: the file it went to does; it said
    // "without redirecting standard output to /dev/stdout", which --resume refuses: audit)
    const file = named === undefined ? undefined : standardOutputFile();
    if (named !== undefined && file !== undefined && resolve(cwd, named) !== file) {
      return `continue with --resume and ${at === 0 ? '--out' : '--extinctions'} ${relative(cwd, file)} in place of ${named}, without redirecting standard output to that file (it is where the rows went)`;
    }
    if (named !== undefined && outputs.recordBeside !== undefined && resumableByName(config)) return `continue with the same command plus --resume, without redirecting standard output to ${named}`;
    return `rerun the command to redo it: ${(error as UsageError).message}`;
  }
  // (--resume reads the run record beside --out: a device keeps none, and it was advised for /dev/null;
  // and it continues --extinctions, which a device cannot be: audits)
  if (outputs.recordBeside === undefined) return `rerun the command to redo it: --out ${config.out} keeps no run record, which --resume reads (a device, a pipe, or standard output)`;
  const device = deviceOutput(config, outputs);
  if (device !== undefined) return `rerun the command to redo it: --resume cannot continue ${device}, a device or a FIFO`;
  return 'continue with the same command plus --resume';
}

/** Whether --resume could continue the run's files as named (its outputs not on standard output). */
function resumableByName(config: RunConfig): boolean {
  try {
    checkResumable({ ...config, resume: true });
    return true;
  } catch {
    return false;
  }
}

/** A run's corpus loaded and prepared, with its outputs checked and its tasks (this shard's). */
interface LoadedRun {
  readonly load: LoadOptions;
  readonly outputs: RunOutputs;
  readonly vocabulary: Vocabulary;
  readonly corpus: TokenCorpus;
  readonly tasks: readonly SeriesTask[];
  readonly run: PreparedRun;
}

/** What is known before any work: the corpus options, the outputs (each path checked) and this shard's tasks. */
type CheckedRun = Pick<LoadedRun, 'load' | 'outputs' | 'tasks'>;

/** Checks the settings' token guards and every output path before any work (an empty shard warns). */
function checkBeforeWork(config: RunConfig, io: CliIO, warn: (message: string) => void): CheckedRun {
  const load = loadOptionsFor(config.load, io, warn);
  checkTokenGuards(config.settings, load.maxTokens);
  const outputs = checkRunOutputs(config, io.cwd);
  const tasks = shardTasks(seriesTasks(config.settings), config.shard);
  if (tasks.length === 0) warn(emptyShardWarning(config, outputs));
  return { load, outputs, tasks };
}

/**
 * Loads the corpus (with a progress line unless --quiet) and prepares the run (in shared memory when
 * worker threads will run it), then checks the guards that need the corpus's size.
 */
async function loadAndPrepare(config: RunConfig, io: CliIO, { load, outputs, tasks }: CheckedRun): Promise<LoadedRun> {
  const { settings } = config;
  const loading = startLoadProgress(io, !config.quiet);
  const { vocabulary, corpus } = await readWatched(config.corpus, { ...load, ...learningOnHuman(load.tokenizer, settings) }, loading.onProgress).finally(() => loading.done());
  checkHasTokens(`the corpus ${config.corpus.join(', ')}`, corpus);
  checkCorpusGuards(settings, corpus, load.maxTokens);
  const threads = poolSize(config.workers, tasks.length, seriesTokens(settings, corpus));
  // Before the workers start: when the threads take every core, the workers compile on themselves.
  compileOnWorkerThreads(workerCompilationFlags(threads, availableParallelism()));
  // With worker threads the run's arrays are put in shared memory once, and this thread keeps only that copy.
  const run = prepareRunFor(threads, corpus, vocabulary.size, settings, wordViewSpec(load.tokenizer, vocabulary));
  return { load, outputs, vocabulary, corpus, tasks, run };
}

/**
 * The corpus, read with SIGINT, SIGTERM and SIGHUP watched (one ended the process with no line: sweep
 * audit): a signal ends the reading at once, also one that waits for standard input to say something
 * (it waited there until the input ended: round 3), and the run ends with its line and the signal's
 * exit code, before any file is touched; the reading itself stops at its next piece (the progress
 * callback is where the loader comes back here), and the process's end does the rest. A signal wins
 * over the loader's own refusal that follows it (a pipeline stopped as a whole, its producer gone
 * before writing: "standard input holds no tokens", exit 2: round 3). The watch ends with the reading:
 * the models' preparation after it runs in one piece, where a signal keeps its default action (the
 * process ends at once, nothing written yet) rather than wait for it.
 */
async function readWatched(specs: readonly string[], options: LoadOptions, progress: LoadOptions['onProgress']): Promise<LoadedCorpus> {
  // (a named FIFO waits in its opening for a writer, in a thread the process's end waits for: while it
  // is read, a signal keeps its default action, which ends the process at once)
  if (specs.some(namesFifo)) {
    await signalsHandled(); // (a signal caught as the command started is the startup watch's: its line, nothing written)
    endStartupWatch();
    return loadCorpus(specs, { ...options, ...(progress === undefined ? {} : { onProgress: progress }) });
  }
  const reading = watchSignals();
  const stopped = (): RunIncompleteError => {
    const name = reading.received() ?? 'SIGINT';
    return new RunIncompleteError(`interrupted by ${name} while the corpus was read: nothing was written`, 'run the command again', SIGNAL_EXIT_CODES[name] ?? 130);
  };
  const signalled = new Promise<never>((_, reject) => reading.signal.addEventListener('abort', () => reject(stopped()), { once: true }));
  signalled.catch(() => undefined); // (one that comes once the reading is over is not this function's to report)
  try {
    const onProgress = (read: number, total: number | undefined): void => {
      if (reading.signal.aborted) throw stopped();
      progress?.(read, total);
    };
    const load = loadCorpus(specs, { ...options, onProgress });
    load.catch(() => undefined); // (a reading a signal overtook may still fail: nothing waits for it)
    const loaded = await Promise.race([load, signalled]);
    await signalsHandled(); // (a signal that came as the last piece was read)
    if (reading.signal.aborted) throw stopped();
    return loaded;
  } catch (error) {
    if (error instanceof RunIncompleteError) throw error;
    await signalsHandled();
    throw reading.signal.aborted ? stopped() : error;
  } finally {
    reading.dispose();
  }
}

/** A descriptor the process holds open already (`/dev/stdin`, a process substitution's `/dev/fd/63`): its opening never waits. */
const OPEN_DESCRIPTOR = /^\/(?:dev\/(?:stdin|fd\/\d+)|proc\/(?:self|\d+)\/fd\/\d+)$/u;

/**
 * True when `spec` names a FIFO whose opening may wait for a writer: a named pipe, not one of the
 * process's open descriptors (a pipe there is open already: those kept the watch dropped, and a signal
 * ended `--corpus /dev/stdin` with no line: round 4).
 */
function namesFifo(spec: string): boolean {
  if (OPEN_DESCRIPTOR.test(spec)) return false;
  try {
    return statSync(spec).isFIFO();
  } catch {
    return false; // (a category of Brown, a pattern, a missing file: the loader says what it is)
  }
}

/**
 * The run record (`<out>.run.json`: what --resume and merge check) and H's count of every seed type;
 * warns when the held-out set largely repeats the human pool.
 */
function describeRun(config: RunConfig, loaded: LoadedRun, rawArgs: readonly string[], warn: (message: string) => void): { record: RunRecord; seedCounts: Int32Array } {
  const { load, outputs, vocabulary, corpus, run } = loaded;
  const identity: RunIdentity = {
    version: packageVersion(),
    load: { tokenizer: load.tokenizer, lowercase: load.lowercase, sentences: load.sentences, jsonlField: load.jsonlField ?? null, ...(load.emptySentences === true ? { emptySentences: true } : {}) },
    corpusDigest: corpusDigest(corpus, vocabulary.toArray()),
    settings: identitySettings(config.settings, run),
    extinctions: outputs.extinctions !== undefined,
  };
  const overlap = heldoutOverlap(run);
  const overlapWarning = heldoutOverlapWarning(overlap);
  if (overlapWarning !== undefined) warn(overlapWarning);
  const provenance: RunProvenance = {
    command: commandLine(PROGRAM_NAME, [...rawArgs]),
    human: { sentences: sentenceCount(run.human), tokens: tokenCount(run.human), types: run.reference.unigrams.types.length },
    heldout: { sentences: sentenceCount(run.heldout), tokens: tokenCount(run.heldout) },
    batchTokens: run.batchTokens,
    measureTokens: run.measureTokens,
    heldout_overlap: overlap ?? null,
  };
  const seedCounts = Int32Array.from(run.reference.unigrams.types, (id) => run.reference.unigrams.counts[id]!);
  return { record: makeRunRecord(identity, formatShard(config.shard), config.corpus, provenance, seedCountHistogram(seedCounts)), seedCounts };
}

/**
 * The settings as the rows depend on them: N as the run resolved it (no --tokens is H's size), and
 * --measure-tokens only where it is not N, its default. (`--tokens 1034` on a corpus whose H holds
 * 1034 tokens writes the default's rows, and was another run to --resume and merge; so was
 * `--measure-tokens` equal to --tokens: audit.)
 */
function identitySettings(settings: RunSettings, run: { readonly batchTokens: number; readonly measureTokens: number }): RunSettings {
  const { tokens: _tokens, measureTokens: _measureTokens, ...rest } = settings;
  return { ...rest, tokens: run.batchTokens, ...(run.measureTokens === run.batchTokens ? {} : { measureTokens: run.measureTokens }) };
}

/** `--save-corpora`: the share counts kept so far and the manifest's writer (no folder: nothing to do). */
interface CorpusFolder {
  readonly shareCounts: ShareCounts;
  readonly saveManifest: () => void;
}

/**
 * With --save-corpora, clears an earlier run's texts (not on --resume), writes the manifest and the
 * human pool's file before the run (the manifest again after it, or when a signal stops it; a run
 * killed outright leaves the first one, without counts, and --resume redoes the series it lacks).
 * `shareCounts`: those an earlier run's manifest holds (--resume), filled in as series finish.
 */
function corpusFolder(config: RunConfig, loaded: LoadedRun, fingerprint: string, shareCounts: ShareCounts): CorpusFolder {
  const { outputs, vocabulary, run } = loaded;
  const { settings } = config;
  // an earlier run's texts go (a shard's: its own series' only, the other shards' stay); on --resume, only the manifests of another split
  if (outputs.corpora !== undefined) {
    if (config.resume) clearOtherManifests(outputs.corpora, config.shard.count);
    else clearCorpusFolder(outputs.corpora, shardShare(seriesTasks(settings), config.shard));
  }
  const saveManifest = (): void => {
    if (outputs.corpora === undefined) return;
    const details = { generations: settings.generations, replicates: settings.replicates, seed: settings.seed, corpus: config.corpus, fingerprint, shard: formatShard(config.shard), config: printableConfig(config) };
    writeManifest(outputs.corpora, config.shard, corpusManifest(expandCells(settings.sweep), details, shareCounts));
  };
  saveManifest();
  if (outputs.corpora !== undefined) writeCorpusFile(humanFilePath(outputs.corpora), detokenize(run.human, (id) => vocabulary.token(id)), shardTag(config.shard));
  return { shareCounts, saveManifest };
}

/** What runWithExporters needs besides the loaded run. */
interface RunInputs {
  readonly rowsPerTask: number;
  readonly resumed: ResumePoint;
  readonly corpora: CorpusFolder;
  readonly seedCounts: Int32Array;
  readonly warn: (message: string) => void;
  /** Aborted by SIGINT, SIGTERM or SIGHUP (watchSignals). */
  readonly signal: AbortSignal;
}

/**
 * Opens every exporter, runs the series not yet complete (a progress bar unless --quiet; `signal`
 * stops it cleanly) and closes the exporters whatever happens. Resolves to the exporters and the
 * pool's result.
 */
async function runWithExporters(config: RunConfig, io: CliIO, loaded: LoadedRun, inputs: RunInputs): Promise<{ exporters: RunExporters; result: RunTasksResult }> {
  const { outputs, vocabulary, corpus, tasks, run } = loaded;
  const { settings } = config;
  const { rowsPerTask } = inputs;
  const skip = inputs.resumed.completeTasks;
  const progress = startProgress(io, !config.quiet, tasks.length * rowsPerTask, skip * rowsPerTask, { signal: inputs.signal });
  const exporters = openRunExporters(
    {
      curves: outputStream(io, outputs.out),
      ...(outputs.extinctions === undefined ? {} : { extinctions: outputStream(io, outputs.extinctions) }),
      ...(outputs.sentencePerplexities === undefined ? {} : { sentencePerplexities: outputStream(io, outputs.sentencePerplexities) }),
      ...(outputs.corpora === undefined ? {} : { corpora: { dir: outputs.corpora, shareCounts: inputs.corpora.shareCounts } }),
      ...(outputs.summary === undefined ? {} : { summary: { seedCounts: inputs.seedCounts, sizes: batchSizesOf(run) } }),
      ...(outputs.survival === undefined ? {} : { survival: { generations: settings.generations, sizes: run } }),
    },
    {
      seed: settings.seed,
      tokenOf: (id) => vocabulary.token(id),
      resumed: inputs.resumed,
      onProgress: (task, generation, fraction) => progress.update(task.position, generation, fraction),
      onFailure: (message) => void io.stderr.write(`ngram-collapse: ${message}\n`),
    },
  );
  try {
    const result = await runTasks(
      run,
      corpus,
      tasks.slice(skip),
      {
        ...(config.workers === undefined ? {} : { workers: config.workers }),
        extras: { extinctions: exporters.needsExtinctions, texts: outputs.corpora !== undefined, sentencePerplexities: outputs.sentencePerplexities !== undefined },
        signal: inputs.signal,
        warn: inputs.warn,
      },
      exporters.handlers,
    );
    return { exporters, result };
  } finally {
    progress.stop();
    inputs.corpora.saveManifest();
    await exporters.close();
  }
}

/** `-` is standard output; any other path is a file the exporter opens. */
function outputStream(io: CliIO, path: string): string | Writable {
  return path === '-' ? io.stdout : path;
}

/** What writeAfterRun writes from. */
interface FinishedRun {
  readonly exporters: RunExporters;
  readonly record: RunRecord;
  readonly seedCounts: Int32Array;
  /** Series already complete before this run (--resume). */
  readonly skip: number;
}

/**
 * After a run that was not interrupted: --summary, --survival, --report (each a whole file: it appears
 * complete or not at all), and the last generation's table unless --quiet. Once `signal` is aborted
 * nothing more is written; resolves to the outputs left unwritten (as `--flag path`), none if all were.
 */
async function writeAfterRun(config: RunConfig, io: CliIO, loaded: LoadedRun, finished: FinishedRun, signal: AbortSignal): Promise<string[]> {
  const { outputs, tasks } = loaded;
  const { exporters, record, seedCounts, skip } = finished;
  const records = exporters.records;
  const cellIds = expandCells(config.settings.sweep).map((cell) => cell.id);
  const survivalRecords = exporters.survival === undefined ? [] : [...exporters.survival.records(cellIds, drawsByCell(records))];
  const curveTable = tasks.length === 0 ? undefined : curveTableFromRecords(CURVE_COLUMNS, records, config.out); // a shard without series (emptyShardWarning): its files hold headers only
  const steps: OutputStep[] = [];
  const summaryRecords = exporters.summary === undefined ? undefined : [...exporters.summary.records()];
  if (summaryRecords !== undefined) {
    steps.push({ output: `--summary ${config.summary}`, write: () => writeCsv(outputStream(io, outputs.summary!), SUMMARY_COLUMNS, summaryRecords, '--summary') });
  }
  if (exporters.survival !== undefined) {
    steps.push({ output: `--survival ${config.survival}`, write: () => writeCsv(outputStream(io, outputs.survival!), SURVIVAL_CURVE_COLUMNS, survivalRecords, '--survival') });
  }
  if (outputs.report !== undefined && curveTable !== undefined) {
    const write = async (): Promise<void> => {
      const { writeReport } = await import('../../export/report/writeReport.js'); // the report code only when asked (Vega at its first chart)
      const { survivalPoints } = await import('../../export/report/readSurvival.js');
      const { summaryRows } = await import('../../export/report/readSummary.js');
      // With --summary, its rows as `plot --summary` reads them back (means and the law to 6 digits): the same page.
      const summary = summaryRecords === undefined ? undefined : summaryRows(SUMMARY_COLUMNS, summaryRecords, config.summary!);
      const theory = theoryPoints(records, seedCounts, batchSizesOf(loaded.run));
      // (the curves' file name, as plot gives it: the absolute path, a folder of the user's, went into a page sent to others: audit)
      // (standard output by another name, /dev/stdout, named "stdout": its file's name where it is redirected to one, as plot of that file says)
      const redirect = outputs.out === '-' ? standardOutputFile() : undefined;
      const source = outputs.out !== '-' ? basename(config.out) : redirect === undefined ? 'standard output' : basename(redirect);
      await writeReport(curveTable.rows, { columns: curveTable.columns, out: outputs.report, source, record, summary, theory, kaplanMeier: survivalPoints(SURVIVAL_CURVE_COLUMNS, survivalRecords) });
    };
    steps.push({ output: `--report ${config.report}`, write });
  }
  // (known before the report is written: a redirect's file is replaced by it, and no longer what standard output holds)
  const reportOnStandardOutput = outputs.report !== undefined && namesStandardOutput(outputs.report, io.cwd);
  const unwritten = await writeInTurn(steps, signal);
  if (unwritten.length > 0 || signal.aborted) return unwritten;
  if (!config.quiet) {
    // (on stderr where a CSV or the report goes to standard output: the table followed the page down a pipe: audit)
    const table = csvOutputs(outputs).includes('-') || reportOnStandardOutput ? io.stderr : io.stdout;
    // (a shard without series has no table, and its files, headers only, are named too: audit)
    if (curveTable !== undefined) table.write(formatFinalTable(curveTable.rows));
    const resumed = skip > 0 ? ` (resumed after ${skip} of ${tasks.length} series)` : '';
    for (const [what, path] of writtenOutputs(config, outputs, curveTable !== undefined)) table.write(`${what} written to ${path}${what === 'curves' ? resumed : ''}\n`);
  }
  return [];
}

/**
 * What the run wrote, as (what, path as given) in the order of the flags' table: every output with a
 * name (a log of the run names each file; it named the curves and the report only: audit), not a CSV
 * that went to standard output (`-`), nor the report of a shard without series (`withReport` false:
 * none is written).
 */
function writtenOutputs(config: RunConfig, outputs: RunOutputs, withReport: boolean): Array<readonly [string, string]> {
  const named: Array<readonly [string, string | undefined, string | undefined]> = [
    ['curves', outputs.out, config.out],
    ['summary', outputs.summary, config.summary],
    ['extinctions', outputs.extinctions, config.extinctions],
    ['survival curves', outputs.survival, config.survival],
    ['corpora', outputs.corpora, config.saveCorpora],
    ['sentence perplexities', outputs.sentencePerplexities, config.sentencePerplexities],
    ['report', withReport ? outputs.report : undefined, config.report],
  ];
  return named.flatMap(([what, output, given]) => (output === undefined || output === '-' || given === undefined ? [] : [[what, given] as const]));
}

/**
 * A shard may hold no series (`--shard 10/40` of a sweep of 2: shard p takes the series at positions
 * p, p + n, ...), as a job array sized for a larger sweep asks: it runs, writing headers only, and says so.
 */
function emptyShardWarning(config: RunConfig, outputs: RunOutputs): string {
  const all = seriesTasks(config.settings).length;
  const report = outputs.report === undefined ? '' : ', and no report is written';
  return `shard ${formatShard(config.shard)} holds none of this sweep's ${all} series (shard p runs series p, p + ${config.shard.count}, ...): its files hold headers only${report}`;
}

/** A CSV written in one go after the run (a file appears at its path only once complete). */
async function writeCsv(target: string | Writable, columns: readonly string[], records: Iterable<readonly string[]>, label: string): Promise<void> {
  const writer = openCsv(target, columns, { whole: true, label });
  for (const fields of records) writer.write(fields);
  await writer.close();
}
