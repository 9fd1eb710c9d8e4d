/**
 * CsvFile: writes a CSV file row by row, flushing as it goes, so an interrupted run leaves only whole
 * rows behind.
 *
 * Contract: `openCsv(path, header)` writes to `path` (or to a stream, such as process.stdout) and
 * returns a writer; `write(record)` formats one row with fast-csv's row formatter (./csvText.ts:
 * quoting as needed, each row ended by the row delimiter) and hands it to the file in one write, so
 * a reader never sees a torn row, nor a finished row without its line end; `close()` resolves once
 * everything is on disk (for a stream: written, the stream left open), and rejects with the first
 * write error (a full disk; for a path an OutputWriteError naming it), which no earlier call throws;
 * a file written row by row is then cut back to its last whole row (a write the disk took only in part left half a row). A header that is not a list of names, or a
 * target that is neither a path nor a stream, is a UsageError, and a path whose folder cannot take
 * the file an InputError (./outputPaths.ts checkWritable), before the file is opened. The header is written first unless appending (`--resume`); with `whole`, the
 * file appears at its path only once closed. Only the formatter classes are loaded (the whole fast-csv
 * package, streams and parser included, took 50-100 ms to import at every start).
 */

import { createWriteStream, statSync, truncateSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { UsageError, writeFailure } from '../errors.js';
import { BOOLEAN_RULE, checkObject, checkOptional, checkValue, refuseUnknownKeys, shownValue, TEXT_RULE, typedValue } from '../validation/valueRule.js';
import { CsvRows } from './csvText.js';
import { checkWritable } from './outputPaths.js';
import { openWholeFile } from './wholeFile.js';

export interface CsvWriter {
  write(record: readonly string[]): void;
  close(): Promise<void>;
}

export interface CsvOptions {
  /** Add rows to the end of the file (`--resume`): no header. */
  readonly append?: boolean;
  /** A file written in one go (a summary): it appears at its path only once closed (./wholeFile.ts). */
  readonly whole?: boolean;
  /** What a refusal of the path calls it (default `openCsv target`; the CLI passes its flag). */
  readonly label?: string;
}

/**
 * True for a header: a non-empty list with a name at every position, each once (a hole, [, 'b'], or an
 * empty name wrote a header of empty columns, and a name twice a file every reader here refuses: audits).
 */
function isHeader(header: unknown): boolean {
  // (holes first, from the keys: a sparse list of 2^32 - 1 places is not walked)
  if (!Array.isArray(header) || header.length === 0 || Object.keys(header).length !== header.length) return false;
  return header.every((column) => typeof column === 'string' && column.trim() !== '') && new Set(header).size === header.length;
}

export function openCsv(target: string | Writable, header: readonly string[], options: CsvOptions = {}): CsvWriter {
  // (a string would be written as a row of its characters: 'abc' as a,b,c)
  if (!isHeader(header)) {
    throw new UsageError(`openCsv needs the header as a list of distinct column names, got ${shownValue(header)}`, "pass e.g. ['cell', 'generation'] or CURVE_COLUMNS");
  }
  // (a misspelt option, `appendd`, emptied the file it was to add to: audit)
  const given = checkObject('options', options);
  refuseUnknownKeys(given, ['append', 'whole', 'label'], 'openCsv option');
  for (const key of ['append', 'whole'] as const) if (given[key] !== undefined) checkValue(`options.${key}`, given[key], BOOLEAN_RULE);
  const label = checkOptional('options.label', given['label'], TEXT_RULE) ?? 'openCsv target';
  // (a whole file is written anew: with append it emptied the file it was to add to: audit)
  if (given['append'] === true && given['whole'] === true) throw new UsageError('openCsv options append and whole cannot go together: a whole file is written anew', 'pass one of them');
  checkTarget(target, options.whole === true, label);
  const whole = typeof target === 'string' && options.whole === true ? openWholeFile(target) : undefined;
  const sink: Writable = typeof target !== 'string' ? target : (whole?.stream ?? createWriteStream(target, { flags: options.append === true ? 'a' : 'w' }));
  const finished = typeof target === 'string' && whole === undefined
    ? new Promise<void>((resolve, reject) => {
        sink.on('finish', resolve);
        sink.on('error', reject);
      })
    : undefined;
  // A write that fails (a full disk) rejects `finished` long before close() awaits it: handled here, so
  // the process does not die of an unhandled rejection; close() still rejects with the error.
  finished?.catch(() => undefined);
  const rows = typeof target === 'string' && whole === undefined ? wholeRowsOf(target, options.append === true) : undefined;
  if (rows !== undefined) sink.on('error', rows.cutBack);
  const put = (text: string): void => void sink.write(text, rows?.written(text));
  const csv = new CsvRows();
  if (options.append !== true) put(csv.row(header));
  let closed = false;
  return {
    write: (record) => {
      // (a record after close() was dropped without a word: a review)
      if (closed) throw new UsageError(`${typeof target === 'string' ? target : label}: a CSV record written after close() would be lost`, 'write every record before closing the writer');
      put(csv.row(checkRecord(record, header.length)));
    },
    close: async () => {
      if (closed) return;
      closed = true;
      if (whole !== undefined) await whole.commit();
      else if (finished !== undefined) {
        sink.end();
        await finished.catch((error: unknown) => Promise.reject(writeFailure(target as string, error)));
      }
      // a stream left open: an empty write's callback runs once everything written before it is flushed
      else await new Promise<void>((resolve, reject) => sink.write('', (error) => (error ? reject(error) : resolve())));
    },
  };
}

/**
 * A record of `fields` strings, the header's count (a short row was written short, and a string one
 * character a cell: audit). O(fields).
 */
function checkRecord(record: unknown, fields: number): readonly string[] {
  // (by index: every() skips a hole, which was written as an empty field: review)
  if (!Array.isArray(record) || record.length !== fields || Array.from(record).some((field) => typeof field !== 'string')) {
    throw new UsageError(`a CSV record must be a list of ${fields} strings, one per column of the header, got ${shownValue(record)}`, 'pass one string per column (empty for a missing value)');
  }
  return record as readonly string[];
}

/**
 * A path whose folder takes the file (as every output is checked, ./outputPaths.ts), or a stream that
 * has `write`: a number or `{}` failed with a raw TypeError, and a path in a missing folder only at
 * close(), a row written to a file that was never there (audit). `-` would be a file named `-`.
 */
function checkTarget(target: unknown, whole: boolean, label: string): void {
  if (typeof target === 'string') {
    if (target === '-') throw new UsageError("openCsv's target '-' would be a file named -", 'pass process.stdout to write to standard output');
    checkWritable(target, process.cwd(), label, { standardOutput: false, inPlace: !whole });
  } else if (typeof target !== 'object' || target === null || typeof (target as Partial<Writable>).write !== 'function') {
    throw new UsageError(`openCsv's target must be a file path or a writable stream, got ${typedValue(target, 'text')}`, 'pass a path, or a stream such as process.stdout');
  }
}

/**
 * The bytes of `path` that hold whole rows: its size at the start when appending, plus each row the
 * file system took whole (its write's callback without an error; writes complete in order). `cutBack`
 * truncates the file to them after a failed write; a device or a file that cannot be truncated is left.
 */
function wholeRowsOf(path: string, append: boolean): { written: (text: string) => (error?: Error | null) => void; cutBack: () => void } {
  let bytes = append ? (statSync(path, { throwIfNoEntry: false })?.size ?? 0) : 0;
  return {
    written: (text) => (error) => {
      if (error === undefined || error === null) bytes += Buffer.byteLength(text);
    },
    cutBack: () => {
      try {
        if (statSync(path).isFile()) truncateSync(path, bytes);
      } catch {
        // (the write's own error is the one reported)
      }
    },
  };
}
