/**
 * `ngram-collapse merge A.csv B.csv ... --out all.csv`: joins the curves CSVs of the shards of one
 * sweep (`run --shard i/n`) into one file in canonical order, byte for byte the file an unsharded run
 * writes; checks that no row is missing or duplicated (see mergeCurves). Reads each input's run
 * record `<csv>.run.json` when present, and writes one for the merged file. `--summary FILE` writes
 * the summary of the merged rows (with the survival law's rows when the run records carry H's seed counts).
 * No output may be an input, an input's run record, or another output. A signal while the files are
 * written stops the writing, and the line names those written whole and those not (../watchedWrite.ts);
 * the curves and their run record go in place together.
 */

import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { InputError, UsageError } from '../../errors.js';
import { fileIdentity } from '../../corpus/fileIdentity.js';
import { readFailureReason } from '../../corpus/readFailure.js';
import { readCsvLines } from '../../export/csvLines.js';
import { openCsv } from '../../export/csvFile.js';
import { mergeCurves, type MergeInput, type MergeResult } from '../../export/mergeCurves.js';
import { CURVE_COLUMNS } from '../../export/curveRecord.js';
import { readRunRecord, runRecordPath, writeRunRecord, type RunRecord } from '../../export/runRecord.js';
import { csvPieces } from '../../export/csvText.js';
import { isSpecialFile } from '../../export/wholeFile.js';
import { SUMMARY_COLUMNS, SummaryTable } from '../../export/summaryTable.js';
import { recordBatchSizes, seedCountsFrom } from '../../export/survivalLaw.js';
import { warnTo } from '../corpusOptions.js';
import { resolveContext, type CliIO } from '../io.js';
import { commandFor, tableSpec } from '../optionTable.js';
import { MERGE_OPTIONS } from '../options.js';
import type { ParsedOptions } from '../optionRow.js';
import { checkDistinctOutputs, checkOneStandardOutput, checkStandardOutputNotInput, checkWritable, recordFiles, standardOutputNamed } from '../outputPaths.js';
import { takeRunLock, thisProcess } from '../runLock.js';
import { landingPath } from '../../corpus/namedFile.js';
import { checkOwnDescriptor } from '../../corpus/ownDescriptor.js';
import { writePieces, writeText, writeWatchedFiles, type WatchedFile } from '../watchedWrite.js';

export const MERGE_SPEC = tableSpec(
  'merge',
  'join the curves CSVs of the shards of a sweep (run --shard i/n) into one, checking that nothing is missing or duplicated',
  MERGE_OPTIONS,
  [['<csv...>', 'the shard CSV files']],
);

export function mergeCommand(io: CliIO): Command {
  return commandFor(MERGE_SPEC, () => resolveContext(io), ({ args: files, options: values }) => mergeAction(files, values, io));
}

type MergeValues = ParsedOptions<typeof MERGE_OPTIONS>;

/** Checks every output, reads and merges the inputs, then writes the curves, their record and --summary, and says so. */
async function mergeAction(files: readonly string[], values: MergeValues, io: CliIO): Promise<void> {
  // (a name of standard output's own file or pipe is written to standard output: standardOutputNamed)
  const out = checkWritable(standardOutputNamed(values.out, io.cwd), io.cwd, '--out');
  const summaryPath = values.summary === undefined ? undefined : checkWritable(standardOutputNamed(values.summary, io.cwd), io.cwd, '--summary');
  checkOneStandardOutput([values.out, values.summary]);
  // (the merged file's run record beside it, also when --out names standard output's own file: run's rule, runOutputs.ts)
  const { beside: recordBeside, stale: staleRecord } = recordFiles(out, values.out, io.cwd);
  // (the curves file a run writes rows to, as run locks it: a merge into a running run's --out replaced
  // it as the run went on writing into the file it had, both exit 0: probe)
  const lock = recordBeside === undefined || isSpecialFile(recordBeside) ? undefined : takeRunLock(landingPath(recordBeside), thisProcess(), { shown: values.out, flag: '--out' });
  try {
    await mergeLocked(files, values, io, { out, summaryPath, recordBeside, staleRecord });
  } finally {
    lock?.release();
  }
}

/** The merge, its outputs checked and its curves file locked. */
async function mergeLocked(files: readonly string[], values: MergeValues, io: CliIO, paths: { out: string; summaryPath: string | undefined; recordBeside: string | undefined; staleRecord: string | undefined }): Promise<void> {
  const { out, summaryPath, recordBeside, staleRecord } = paths;
  checkInputNames(files, io.cwd);
  const inputs = readInputs(files, io.cwd);
  checkOutputsNotInputs(files, values, { out, recordBeside, summaryPath }, io.cwd);
  const merged = mergeCurves(inputs);
  // (the record is written, or an earlier one removed, after the curves: one it cannot replace or remove
  // failed then, the curves written: audit)
  if (recordBeside !== undefined && !isSpecialFile(recordBeside)) checkWritable(runRecordPath(recordBeside), io.cwd, `the run record of --out ${values.out}:`);
  if (merged.guessedOrder.length > 0) {
    warnTo(io, values.quiet === true)(
      `the files do not fix the order of cells ${merged.guessedOrder.join(', ')}, so it follows the order the files were given: the merged file may differ from an unsharded run's; keep each shard's .run.json beside it (${runRecordPath(files[0]!)})`,
    );
  }
  // the summary is made before anything is written: a file it cannot summarize leaves no output
  const summary = summaryPath === undefined ? undefined : summaryOf(merged, files[0]!, warnTo(io, values.quiet === true));
  const record = merged.record === undefined || recordBeside === undefined ? undefined : { path: recordBeside, content: merged.record };
  const watched: WatchedFile[] = [];
  if (out === '-') {
    // (standard output, and the record beside the file it goes to: the signals' default action)
    io.stdout.write(merged.text);
    if (record !== undefined) writeRunRecord(record.path, record.content);
    if (staleRecord !== undefined) rmSync(staleRecord, { force: true });
  } else watched.push(curvesFile(out, values.out, merged.text, record ?? (recordBeside === undefined ? undefined : { stale: runRecordPath(recordBeside) })));
  if (summary !== undefined && summaryPath !== '-') {
    // (in pieces: a summary of many generations can pass the longest string V8 makes: audit)
    watched.push({ path: summaryPath!, flag: '--summary', shown: values.summary!, write: (stream) => writePieces(stream, csvPieces(SUMMARY_COLUMNS, summary)) });
  }
  // (the curves on standard output come first: said among the files written whole)
  const earlier = out === '-' ? [`--out ${values.out}${record === undefined ? '' : ` with ${recordAlongside(values.out)}`}`] : [];
  await writeWatchedFiles(watched, { printsAfter: values.quiet !== true || summaryPath === '-', earlier });
  if (summary !== undefined && summaryPath === '-') await writeSummary(io.stdout, summary);
  if (values.quiet !== true) printWritten(io, values, merged, files.length, { out, summaryPath });
}

/**
 * The merged curves as a watched whole file (../watchedWrite.ts), their run record written as they are
 * put in place, with no wait between: a signal never leaves new curves beside an earlier merge's record.
 * Without a record (inputs without theirs), an earlier record beside --out is removed as they are put in
 * place: it describes another run, whose seed and seed counts a later merge, --summary or --resume
 * would read as this file's (it stayed: audit). Written with waits, not at once (writeWholeFileSync): a
 * synchronous write cannot be stopped by a signal's handler, which would only run once the file is in place.
 */
function curvesFile(out: string, shown: string, text: string, record: { path: string; content: RunRecord } | { stale: string } | undefined): WatchedFile {
  const placed = record === undefined ? {} : 'stale' in record ? { placed: () => rmSync(record.stale, { force: true }) } : { alongside: recordAlongside(shown), placed: () => writeRunRecord(record.path, record.content) };
  return { path: out, flag: '--out', shown, ...placed, write: (stream) => writeText(stream, text) };
}

/** The curves' run record as an interrupted writing's line names it, beside --out as given. */
function recordAlongside(shown: string): string {
  return `its run record ${runRecordPath(shown)}`;
}

/** Each input's bytes and its run record, if it has one; InputError for a file that cannot be read. */
function readInputs(files: readonly string[], cwd: string): MergeInput[] {
  return files.map((file) => {
    const path = resolve(cwd, file);
    let content: Buffer;
    try {
      content = readFileSync(path);
    } catch (error) {
      throw new InputError(`${file} cannot be read: ${readFailureReason(error)}`, 'pass existing CSV files');
    }
    const record = readRunRecord(path);
    return { name: file, content, ...(record === undefined ? {} : { record }) };
  });
}

/** Where merge writes: --out (`-`: standard output), its run record's place, --summary. */
interface MergeOutputs {
  readonly out: string;
  readonly recordBeside?: string | undefined;
  readonly summaryPath: string | undefined;
}

/**
 * No output is an input, an input's run record, or another output; and the line merge prints on
 * standard output (unless the CSV or the summary goes there) goes into none of the inputs or their records.
 */
function checkOutputsNotInputs(files: readonly string[], values: MergeValues, { out, recordBeside, summaryPath }: MergeOutputs, cwd: string): void {
  checkDistinctOutputs(
    [
      { label: `--out ${values.out}`, path: out },
      recordBeside === undefined ? undefined : { label: `the run record ${runRecordPath(values.out)} of --out`, path: runRecordPath(recordBeside) },
      summaryPath === undefined ? undefined : { label: `--summary ${values.summary!}`, path: summaryPath },
    ],
    files.flatMap((file) => [
      { label: `the input ${file}`, path: resolve(cwd, file) },
      { label: `the run record ${runRecordPath(file)} of the input ${file}`, path: runRecordPath(resolve(cwd, file)) },
    ]),
  );
  // (its line "merged ..." goes to standard output unless the CSV or the summary does)
  // (nor into the run records it reads beside its inputs: audit)
  if (values.quiet !== true && out !== '-' && summaryPath !== '-') {
    checkStandardOutputNotInput(files.flatMap((file) => [{ label: `the input ${file}`, path: file }, { label: `the run record ${runRecordPath(file)} of the input ${file}`, path: runRecordPath(file) }]), cwd);
  }
}

/** The --summary CSV on standard output (to a file it is a watched whole file, as --out). */
async function writeSummary(target: Writable, summary: readonly string[][]): Promise<void> {
  const writer = openCsv(target, SUMMARY_COLUMNS);
  for (const fields of summary) writer.write(fields);
  await writer.close();
}

/** The lines naming what merge wrote (without --quiet): on stderr where the other output went to standard output. */
function printWritten(io: CliIO, values: MergeValues, merged: MergeResult, fileCount: number, { out, summaryPath }: MergeOutputs): void {
  // (to stderr when the summary went to stdout: the CSV stays clean)
  if (out !== '-') {
    (summaryPath === '-' ? io.stderr : io.stdout).write(`merged ${merged.series} series (${merged.rows} rows) from ${fileCount} file(s) into ${values.out}\n`);
  }
  // (a log named the merged curves only: audit; on stderr where the curves went to standard output)
  if (summaryPath !== undefined && summaryPath !== '-') (out === '-' ? io.stderr : io.stdout).write(`summary written to ${values.summary!}\n`);
}

/**
 * Refuses `-` (merge reads files: it said "- cannot be read (ENOENT)": audit) and one file given twice
 * under two names, a link and its target (said to lack the link's run record: audit); the rows of
 * two copies are refused by mergeCurves as rows that appear twice.
 */
function checkInputNames(files: readonly string[], cwd: string): void {
  if (files.includes('-')) throw new UsageError('merge reads the shards from files, not from standard input (-)', 'pass the shard CSV files by name');
  const seen = new Map<string, string>();
  for (const file of files) {
    // (one of Node's own descriptors, `merge /dev/fd/4`: waited on for ever: audit)
    checkOwnDescriptor(resolve(cwd, file), 'read', `the input ${file}`, 'shard.csv');
    const identity = fileIdentity(resolve(cwd, file), 'none');
    if (identity === undefined) continue; // (a file that cannot be looked at, missing or not: refused as it is read, saying why)
    const other = seen.get(identity);
    if (other !== undefined) throw new UsageError(`the inputs ${other} and ${file} are the same file`, 'pass each shard once');
    seen.set(identity, file);
  }
}

/**
 * The --summary records of the merged file (with the survival law's rows when the run records give
 * H's seed counts); an InputError when the shards' header is not this version's curves CSV.
 */
function summaryOf(merged: MergeResult, first: string, warn: (message: string) => void): string[][] {
  const { lines } = readCsvLines(Buffer.from(merged.text));
  if (lines[0]!.text !== CURVE_COLUMNS.join(',')) {
    throw new InputError(`${first} does not have the columns of the curves CSV this version of ngram-collapse writes, which --summary reads`, 'merge without --summary, or summarize the files of this version');
  }
  const seedCounts = merged.record?.seedCounts;
  const counts = seedCounts === undefined ? undefined : seedCountsFrom(seedCounts);
  const summary = new SummaryTable(counts, counts === undefined ? 1 : recordBatchSizes(merged.record!, counts));
  for (const line of lines.slice(1)) summary.add(line.fields);
  if (counts === undefined && summary.coversLaw) {
    warn(`the inputs have no run record (${runRecordPath(first)}), which holds H's seed counts: the summary has no survival-law rows (theory_survival_*); keep each shard's .run.json beside it`);
  }
  return [...summary.records()];
}
