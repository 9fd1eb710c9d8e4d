/**
 * CSV table reading shared by the curves, summary and survival readers (fast-csv underneath; the
 * resume and merge steps read their files with csvLines.ts instead, which gives each row's byte offset).
 *
 * Contract: `readCsvTable(path, expected)` resolves to the header and the data records (arrays
 * of field text) of a comma-separated file with a header line, and the file line each record starts on (`lines`,
 * counted from 1 with the header as line 1); blank lines (and lines of empty fields only) are skipped
 * and a leading byte-order mark is dropped. It rejects with an InputError (naming the file and what it should be) when
 * the file cannot be read, is empty, is not valid CSV, lacks one of the `required` columns, names a
 * column twice (a spreadsheet's copied column: the second was drawn, the first ignored), or has a
 * record whose field count differs from the header's; a path that is not text with a UsageError.
 */

import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { InputError } from '../../errors.js';
import { checkValue, TEXT_RULE } from '../../validation/valueRule.js';

// fast-csv is loaded when a table is read, not when the module is (start-up of `run` stays light).
const require = createRequire(import.meta.url);

export interface CsvTable {
  readonly header: readonly string[];
  readonly records: readonly (readonly string[])[];
  /** The file line each record starts on (records[i] on lines[i]): messages name the line an editor shows. */
  readonly lines: readonly number[];
}

export interface CsvExpectation {
  /** What the file should be, for messages: "a curves CSV". */
  readonly kind: string;
  /** What writes such a file, for the hint: "the file `ngram-collapse run --out` writes". */
  readonly producer: string;
  readonly required: readonly string[];
}

export async function readCsvTable(path: string, expected: CsvExpectation): Promise<CsvTable> {
  // (readCurves(5) rejected with Node's own TypeError about a "path" argument: audit)
  checkValue('path', path, TEXT_RULE);
  const { records: lines, starts } = await parseRecords(path, expected);
  if (lines.length === 0) {
    throw new InputError(`${path} is empty, not ${expected.kind}`, `give ${expected.producer}`);
  }
  const [first = []] = lines;
  const header = first.map((name, index) => (index === 0 ? name.replace(/^\uFEFF/, '') : name).trim());
  const twice = header.find((column, index) => column !== '' && header.indexOf(column) !== index);
  if (twice !== undefined) {
    throw new InputError(`${path} names the column ${twice} twice (columns ${header.indexOf(twice) + 1} and ${header.lastIndexOf(twice) + 1})`, `keep one of them: ${expected.producer} names each once`);
  }
  const missing = expected.required.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new InputError(
      `${path} is not ${expected.kind}: it has no column ${missing.join(', ')}`,
      `give ${expected.producer}`,
    );
  }
  const records = lines.slice(1);
  const recordLines = starts.slice(1);
  records.forEach((record, index) => {
    if (record.length !== header.length) {
      throw new InputError(
        `${path} line ${recordLines[index]} has ${record.length} fields but the header has ${header.length}`,
        `repair or regenerate the file: ${expected.producer}`,
      );
    }
  });
  return { header, records, lines: recordLines };
}

interface ParsedRecords {
  readonly records: string[][];
  /** The line each record starts on. */
  readonly starts: number[];
}

/**
 * The file's records without the blank ones, each with the line it starts on: a record takes one line
 * and one more for each line break inside its quoted fields, a skipped blank record its line.
 */
function parseRecords(path: string, expected: CsvExpectation): Promise<ParsedRecords> {
  const { parseStream } = require('fast-csv') as typeof import('fast-csv');
  return new Promise((resolve, reject) => {
    const records: string[][] = [];
    const starts: number[] = [];
    let line = 1;
    const input = createReadStream(path);
    input.on('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'it is a folder' : error.message;
      reject(new InputError(`cannot read ${path}: ${reason}`, `give ${expected.producer}`));
    });
    parseStream<string[], string[]>(input, { headers: false, ignoreEmpty: false })
      .on('error', (error: Error) =>
        reject(new InputError(`${path} is not ${expected.kind}: ${error.message}`, `give ${expected.producer}`)),
      )
      .on('data', (record: string[]) => {
        if (!isBlank(record)) {
          records.push(record);
          starts.push(line);
        }
        line += 1 + lineBreaksIn(record);
      })
      .on('end', () => resolve({ records, starts }));
  });
}

/** A blank line, or one of empty fields only (`,,`): fast-csv's ignoreEmpty skips the same. */
function isBlank(record: readonly string[]): boolean {
  return record.every((field) => field.trim() === '');
}

function lineBreaksIn(record: readonly string[]): number {
  let breaks = 0;
  for (const field of record) for (let at = field.indexOf('\n'); at >= 0; at = field.indexOf('\n', at + 1)) breaks++;
  return breaks;
}
