/**
 * resumeRun: `--resume` of an interrupted run, on the files themselves. Checks the run record
 * `<out>.run.json` against this run's, finds the complete series already written (planResume),
 * truncates the curves (and extinctions) CSV after them (a partial series is redone, and so is a
 * complete one whose `--save-corpora` share counts the manifest lacks) and creates the
 * `--save-corpora` folder. Throws UsageError when there is nothing to resume, the settings differ, or
 * the `--save-corpora` folder's manifest is another run's.
 *
 * A curves CSV that does not exist beside a run record of this very run (its settings, shard and
 * corpus) is a run stopped between writing its record and creating the CSV (a `kill -9` in its first
 * second): it is started afresh, `notStarted` set, rather than refused (a requeue that always adds
 * --resume failed on it: audit); so is one beside that record never put in place (`<record>.partial`,
 * whole and of this very run and shard: killed between writing the record and renaming it), and an
 * empty CSV beside such a record (a fresh run empties an earlier run's CSV before it renames its record
 * over the earlier one). Without a record, or with another run's, it is refused.
 *
 * Returns how many series are complete, the bytes kept per file ([curves, extinctions]; 0 = start the
 * file afresh), the curves records kept (for the summary, the final table and the report) and, where
 * the series kept end at a line that is not one this run writes (planResume's lineProblem: another key
 * or field count, other bytes than the writer's; a setting, the replicate or the seed other than the
 * task's `row`, a metric that is no number or is written otherwise; in --extinctions, another seed or a
 * count that is no whole number), where and why: that series and the ones after it are redone, as a
 * partial one is.
 *
 * `emptyForFreshRun(files)`: a run started without --resume empties the curves and extinctions files
 * that are there (standard output and devices left alone) before its run record is written, so that a
 * run killed between the two leaves no earlier run's rows under its record for --resume to keep.
 */

import { existsSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { makeFolder } from './makeFolder.js';
import { relative } from 'node:path';
import { UsageError } from '../errors.js';
import { CURVE_COLUMNS } from './curveRecord.js';
import { EXTINCTION_COLUMNS } from './extinctionRecords.js';
import { planResume, quotedField, type ExpectedTask, type ResumeFile, type ResumeShortfall, type RowMisfit } from './resumePlan.js';
import { csvNumber } from './report/csvNumber.js';
import { METRIC_COLUMNS } from '../metrics/columns.js';
import { formatNumber } from '../validation/formatNumber.js';
import { describeDifferences, fieldName, readRunRecord, readUnplacedRunRecord, runRecordPath, type RunRecord } from './runRecord.js';

export interface ResumeFiles {
  /** The curves CSV (a file, not standard output). */
  readonly out: string;
  readonly extinctions?: string;
  readonly corpora?: string;
  /** The fingerprint the manifest in `corpora` names (undefined: no manifest, or one without it). */
  readonly corporaFingerprint?: string | undefined;
  /** The seed types' tokens in ascending id order: the `token` of each series' extinctions rows, in order (an edited token was kept: audit). */
  readonly seedTokens?: readonly string[];
}

export interface ResumePoint {
  readonly completeTasks: number;
  /** Bytes kept in [curves, extinctions]. */
  readonly keepBytes: readonly [number, number];
  /** Records kept from the curves CSV. */
  readonly keptCurves: readonly string[][];
  /** The row the kept series end at, when it is not one this run writes (the series from it on are redone). */
  readonly misfit?: RowMisfit;
  /** True when the curves CSV was never created (the run stopped after its record): every series is run. */
  readonly notStarted?: true;
  /** The file that held fewer whole series than another (planResume's `behind`): the series after them are redone. */
  readonly behind?: ResumeShortfall;
}

/** A fresh start: nothing kept. */
export const FRESH_START: ResumePoint = { completeTasks: 0, keepBytes: [0, 0], keptCurves: [] };

export function resumeRun(files: ResumeFiles, record: RunRecord, tasks: readonly ExpectedTask[], rowsPerTask: number, seedTypes: number): ResumePoint {
  const out = files.out;
  // (no CSV, or one emptied by this run before its record was put in place over an earlier run's: a
  // record never put in place, whole and of this very run and shard, says the run began: probe, review)
  const placed = readRunRecord(out);
  const unplaced = (statSync(out, { throwIfNoEntry: false })?.size ?? 0) === 0 ? readUnplacedRunRecord(out) : undefined;
  const ours = unplaced !== undefined && unplaced.fingerprint === record.fingerprint && unplaced.shard === record.shard;
  const previous = ours ? unplaced : placed;
  const differences = previous === undefined ? [] : describeDifferences(previous.identity, record.identity);
  if (previous !== undefined && previous.shard !== record.shard) differences.push(fieldName('shard'));
  const sameRun = previous !== undefined && differences.length === 0 && previous.fingerprint === record.fingerprint;
  const which = differences.length > 0 ? differences : ['fingerprint'];
  const differ = `${which.join(', ')} ${which.length === 1 ? 'differs' : 'differ'}`;
  if (!existsSync(out)) {
    // (beside another run's record it said only "does not exist": round 2)
    const whose = previous === undefined ? '' : `, and its run record ${runRecordPath(out)} is another run's (${differ})`;
    if (!sameRun) throw new UsageError(`--resume: ${out} does not exist${whose}`, 'run without --resume to start the run');
    checkCorporaRun(files, record);
    if (files.corpora !== undefined) makeFolder(files.corpora);
    return { ...FRESH_START, notStarted: true };
  }
  if (previous === undefined) throw new UsageError(`--resume: ${runRecordPath(out)} is missing, so the settings of ${out} cannot be checked`, 'start afresh without --resume');
  if (!sameRun) {
    throw new UsageError(`--resume: ${out} was written with other settings (${differ})`, 'rerun with the same options and corpus, or start afresh without --resume');
  }
  checkCorporaRun(files, record);
  const resumeFiles = filesOf(files, rowsPerTask, seedTypes);
  const complete = planResume(resumeFiles, tasks);
  checkSavedTexts(files, tasks.slice(0, complete.completeTasks));
  // a complete series whose share counts the manifest lacks (a run killed before the manifest after it) is redone, and every one after it
  const unknown = tasks.slice(0, complete.completeTasks).findIndex((task) => task.shareKnown === false);
  // (a plan over the series before it has the later series' lines after its last: no misfit of its own)
  const plan = unknown < 0 ? complete : planResume(resumeFiles, tasks.slice(0, unknown));
  resumeFiles.forEach((file, f) => {
    if (existsSync(file.name)) truncateSync(file.name, plan.keepBytes[f]);
  });
  if (files.corpora !== undefined) makeFolder(files.corpora);
  return {
    completeTasks: plan.completeTasks,
    keepBytes: [plan.keepBytes[0] ?? 0, plan.keepBytes[1] ?? 0],
    keptCurves: plan.keptRecords[0] ?? [],
    ...(plan !== complete || complete.misfit === undefined ? {} : { misfit: complete.misfit }),
    ...(plan !== complete || complete.behind === undefined ? {} : { behind: complete.behind }),
  };
}

/**
 * The --save-corpora folder must not hold another run's texts: its manifest, where it names a
 * fingerprint, names this run's (equal fingerprints write the same texts; a folder without a
 * manifest's fingerprint has its series redone, as their counts are unknown).
 */
function checkCorporaRun(files: ResumeFiles, record: RunRecord): void {
  if (files.corpora === undefined || files.corporaFingerprint === undefined || files.corporaFingerprint === record.fingerprint) return;
  throw new UsageError(
    `--resume: the --save-corpora folder ${files.corpora} holds the texts of another run (its manifest was written with other settings or another corpus than ${files.out})`,
    'resume with the --save-corpora folder of the interrupted run, or start afresh without --resume',
  );
}

/** The series kept must have their texts in the --save-corpora folder (a folder added or changed on --resume lacks them). */
function checkSavedTexts(files: ResumeFiles, kept: readonly ExpectedTask[]): void {
  const missing = kept.flatMap((task) => task.texts ?? []).find((path) => !existsSync(path));
  if (missing !== undefined) {
    throw new UsageError(
      `--resume: the --save-corpora folder ${files.corpora} lacks the texts of series already complete in ${files.out} (${relative(files.corpora!, missing)} is missing)`,
      'resume with the --save-corpora folder of the interrupted run, or start afresh without --resume to save every text',
    );
  }
}

function filesOf(files: ResumeFiles, rowsPerTask: number, seedTypes: number): ResumeFile[] {
  const curves: ResumeFile = {
    name: files.out,
    content: readFileSync(files.out),
    header: CURVE_COLUMNS,
    rowsPerTask,
    keyColumns: ['cell', 'replicate', 'generation'],
    keyOf: (task, row) => [task.cellId, String(task.replicate), String(row)],
    rowProblem: curveRowProblem,
  };
  if (files.extinctions === undefined) return [curves];
  const extinctions: ResumeFile = {
    name: files.extinctions,
    content: existsSync(files.extinctions) ? readFileSync(files.extinctions) : Buffer.alloc(0),
    header: EXTINCTION_COLUMNS,
    rowsPerTask: seedTypes,
    keyColumns: files.seedTokens === undefined ? ['cell', 'replicate'] : ['cell', 'replicate', 'token'],
    keyOf: (task, row) => [task.cellId, String(task.replicate), ...(files.seedTokens === undefined ? [] : [files.seedTokens[row]!])],
    rowProblem: extinctionRowProblem,
  };
  return [curves, extinctions];
}

/** The curves columns a row shares with every row of its series (its cell's settings, replicate, seed), by index. */
const SERIES_COLUMNS = CURVE_COLUMNS.flatMap((column, index) => (column === 'generation' || (METRIC_COLUMNS as readonly string[]).includes(column) ? [] : [index]));
const METRIC_INDEXES = METRIC_COLUMNS.map((column) => CURVE_COLUMNS.indexOf(column));

/**
 * Why a curves row keyed as the task's is not one this run writes: another setting, replicate or seed,
 * a metric that is no number, or one written otherwise than the writer writes its value (0.50, 1e-1:
 * the file would not end as an uninterrupted run's). A metric emptied since cannot be told (a row has
 * no value where its text has none).
 */
function curveRowProblem(task: ExpectedTask, fields: readonly string[]): string | undefined {
  const other = task.row === undefined ? undefined : SERIES_COLUMNS.find((index) => fields[index] !== task.row![index]);
  if (other !== undefined) return `${CURVE_COLUMNS[other]} is ${quotedField(fields[other]!)}, where this run writes ${quotedField(task.row![other]!)}`;
  // (csvNumber reads a number as the file writes one: no hex, no infinities; an empty field is a value the row has not)
  for (const index of METRIC_INDEXES) {
    const text = fields[index]!;
    if (text === '') continue;
    const value = csvNumber(text);
    if (!Number.isFinite(value)) return `${CURVE_COLUMNS[index]} is ${quotedField(text)}, not a number`;
    if (formatNumber(value) !== text) return `${CURVE_COLUMNS[index]} is ${quotedField(text)}, which this run writes ${quotedField(formatNumber(value))}`;
  }
  return undefined;
}

const EXTINCTION_SEED = EXTINCTION_COLUMNS.indexOf('seed');
const CURVE_SEED = CURVE_COLUMNS.indexOf('seed');
/** The extinctions columns of whole numbers, and first_absent (empty where the type was never lost). */
const COUNT_COLUMNS = ['seed_count', 'last_seen', 'comebacks'].map((column) => EXTINCTION_COLUMNS.indexOf(column));
const FIRST_ABSENT = EXTINCTION_COLUMNS.indexOf('first_absent');
const WHOLE = /^(?:0|[1-9][0-9]*)$/u;

/** Why an extinctions row keyed as the task's is not one this run writes: another seed, a count that is no whole number as written (edits were kept: audit). */
function extinctionRowProblem(task: ExpectedTask, fields: readonly string[]): string | undefined {
  if (task.row !== undefined && fields[EXTINCTION_SEED] !== task.row[CURVE_SEED]) return `seed is ${quotedField(fields[EXTINCTION_SEED]!)}, where this run writes ${quotedField(task.row[CURVE_SEED]!)}`;
  const bad = [...COUNT_COLUMNS, FIRST_ABSENT].find((index) => !WHOLE.test(fields[index]!) && !(index === FIRST_ABSENT && fields[index] === ''));
  return bad === undefined ? undefined : `${EXTINCTION_COLUMNS[bad]} is ${quotedField(fields[bad]!)}, not a whole number as this run writes one`;
}

export function emptyForFreshRun(files: { readonly out: string; readonly extinctions?: string | undefined }): void {
  for (const path of [files.out, files.extinctions]) {
    if (path !== undefined && path !== '-' && statSync(path, { throwIfNoEntry: false })?.isFile() === true) truncateSync(path, 0);
  }
}
