/**
 * planResume: how much of an interrupted run's output can be kept.
 *
 * Contract: given the bytes of the curves CSV (and of the extinctions CSV, when the run writes one),
 * the expected tasks in canonical order and the rows per task, it finds the longest prefix of whole,
 * complete series present in every file: the rows must follow the canonical order exactly (a row
 * out of order, a torn last line, a partial series, or a row a file's `rowProblem` finds is not one
 * this run writes, ends the prefix). It returns the byte length to truncate each file to, the records
 * kept (for the summary) and, when the prefix ends at a row `rowProblem` refused, where and why (for
 * the caller to say). Throws InputError when a file's header is not the expected one. Pure.
 */

import { InputError } from '../errors.js';
import { readCsvLines, type CsvLine } from './csvLines.js';
import { csvLine } from './csvText.js';
import { quotedText } from '../validation/valueRule.js';

export interface ExpectedTask {
  readonly cellId: string;
  readonly replicate: number;
  /** With --save-corpora: the files the series' texts were saved to (a complete series kept must have them). */
  readonly texts?: readonly string[];
  /** With --save-corpora: false when the earlier run's manifest lacks the series' share counts (a run killed outright): the series is redone. */
  readonly shareKnown?: boolean;
  /** The curves record this run writes for the task's rows, metrics and generation aside (its cell's settings, replicate and seed). */
  readonly row?: readonly string[];
}

export interface ResumeFile {
  readonly name: string;
  readonly content: Buffer;
  readonly header: readonly string[];
  /** Rows each task writes, and the row key of the i-th row of a task: the values to compare. */
  readonly rowsPerTask: number;
  readonly keyColumns: readonly string[];
  readonly keyOf: (task: ExpectedTask, row: number) => readonly string[];
  /** Why a row with the task's key is still not one this run writes (a value edited since), or undefined. */
  readonly rowProblem?: (task: ExpectedTask, fields: readonly string[]) => string | undefined;
}

/** A line that ends what is kept: the file, its line (1-based) and why; `trailing` where it follows every series (nothing is redone, it is cut). */
export interface RowMisfit {
  readonly file: string;
  readonly line: number;
  readonly problem: string;
  readonly trailing?: boolean;
}

export interface ResumePlan {
  /** Tasks whose rows are complete in every file. */
  readonly completeTasks: number;
  /** Bytes to keep, per file (same order as given). */
  readonly keepBytes: readonly number[];
  /** The records of the kept rows, per file. */
  readonly keptRecords: ReadonlyArray<readonly string[][]>;
  /** The row that ended the prefix, where a file's rowProblem refused it (the series from it on are redone). */
  readonly misfit?: RowMisfit;
  /**
   * Without a misfit, the file that ended the prefix where another holds more series whole (a missing
   * or cut --extinctions file beside whole curves: every series after its last was redone without a word: audit).
   */
  readonly behind?: ResumeShortfall;
}

/** A file that holds `complete` whole series where `ahead` holds `aheadComplete`. */
export interface ResumeShortfall {
  readonly file: string;
  readonly complete: number;
  readonly ahead: string;
  readonly aheadComplete: number;
}

interface FileScan {
  readonly lines: CsvLine[];
  /** byte offset after k complete tasks (index 0: after the header, or 0 without header). */
  readonly boundaries: number[];
  readonly hasHeader: boolean;
  /** The row that ended this file's prefix, where rowProblem refused it. */
  readonly misfit?: RowMisfit;
}

function scan(file: ResumeFile, tasks: readonly ExpectedTask[]): FileScan {
  const { lines } = readCsvLines(file.content);
  if (lines.length === 0) return { lines, boundaries: [0], hasHeader: false };
  if (lines[0]!.text !== file.header.join(',')) {
    throw new InputError(`${file.name} does not start with the expected header`, 'it was not written by this version and run of ngram-collapse: start afresh (without --resume on the command line)');
  }
  // (a byte-order mark or a CRLF an editor put on the header stayed, and the file did not end as an
  // uninterrupted run's: audit) nothing is kept, the file is written afresh
  if (file.content.toString('utf8', 0, lines[0]!.end) !== csvLine(file.header)) {
    return { lines, boundaries: [0], hasHeader: true, misfit: { file: file.name, line: 1, problem: 'its header is not written as this run writes it (a byte-order mark or a line end)' } };
  }
  const keyIndexes = file.keyColumns.map((column) => file.header.indexOf(column));
  const boundaries = [lines[0]!.end];
  let at = 1;
  let misfit: RowMisfit | undefined;
  for (const task of tasks) {
    let row = 0;
    for (; row < file.rowsPerTask && at + row < lines.length; row++) {
      // (every row that ends what is kept, where the file goes on, is said: an edited key or a blank line
      // redid the run's rest without a word, and a value edited since was kept, the run failing on it at
      // its end, its work done: audits)
      const problem = lineProblem(file, keyIndexes, task, row, lines[at + row - 1]!.end, lines[at + row]!);
      if (problem !== undefined) {
        misfit = { file: file.name, line: at + row + 1, problem };
        break;
      }
    }
    if (row < file.rowsPerTask) break;
    at += row;
    boundaries.push(lines[at - 1]!.end);
  }
  // (lines after every series were cut without a word: round-3 audit)
  if (misfit === undefined && boundaries.length - 1 === tasks.length && at < lines.length) {
    misfit = { file: file.name, line: at + 1, problem: 'it follows the last series', trailing: true };
  }
  return { lines, boundaries, hasHeader: true, ...(misfit === undefined ? {} : { misfit }) };
}

/**
 * Why the line after byte `start` is not the row this run writes as the task's `row`-th, or undefined
 * (`keyIndexes`: where the file's key columns stand in its header):
 * another field count, another key, not the bytes the writer gives its fields (a line end, quotes or
 * spaces of an editor: the files would not end byte for byte as an uninterrupted run's), or the file's
 * rowProblem.
 */
function lineProblem(file: ResumeFile, keyIndexes: readonly number[], task: ExpectedTask, row: number, start: number, line: CsvLine): string | undefined {
  const { fields } = line;
  if (fields.length !== file.header.length) return `it has ${fields.length} field(s), the header ${file.header.length}`;
  const key = file.keyOf(task, row);
  const other = keyIndexes.findIndex((index, k) => fields[index] !== key[k]);
  if (other >= 0) return `${file.keyColumns[other]} is ${quotedField(fields[keyIndexes[other]!]!)}, where this run writes ${quotedField(key[other]!)}`;
  if (file.content.toString('utf8', start, line.end) !== csvLine(fields)) return 'its fields are not written as this run writes them (a line end, quotes or spaces)';
  return file.rowProblem?.(task, fields);
}

/**
 * A field's text as a resume message quotes it: in double quotes, a quote or line end inside escaped
 * as JSON writes them, so the message stays one line and a token that is a quote reads as one (three
 * quotes in a row said nothing: audit); a long one cut (quotedText).
 */
export function quotedField(text: string): string {
  return quotedText(text, true);
}

/** What --resume keeps of `files` (curves, and extinctions when written): the series whole in every file, in `tasks`' order. */
export function planResume(files: readonly ResumeFile[], tasks: readonly ExpectedTask[]): ResumePlan {
  const scans = files.map((file) => scan(file, tasks));
  const completeTasks = Math.min(...scans.map((s) => s.boundaries.length - 1));
  // (a file whose prefix ended at a refused row, where that row is what ends the plan's prefix)
  const misfit = scans.find((s) => s.misfit !== undefined && s.boundaries.length - 1 === completeTasks)?.misfit;
  const most = scans.reduce((best, s, f) => (s.boundaries.length > scans[best]!.boundaries.length ? f : best), 0);
  const least = scans.findIndex((s) => s.boundaries.length - 1 === completeTasks);
  const behind = misfit === undefined && scans[most]!.boundaries.length - 1 > completeTasks
    ? { file: files[least]!.name, complete: completeTasks, ahead: files[most]!.name, aheadComplete: scans[most]!.boundaries.length - 1 }
    : undefined;
  return {
    completeTasks,
    keepBytes: scans.map((s) => s.boundaries[completeTasks]!),
    keptRecords: scans.map((s, f) => (s.hasHeader ? s.lines.slice(1, 1 + completeTasks * files[f]!.rowsPerTask).map((line) => line.fields) : [])),
    ...(misfit === undefined ? {} : { misfit }),
    ...(behind === undefined ? {} : { behind }),
  };
}
