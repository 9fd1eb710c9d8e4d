/**
 * CSV table reading shared by the curves, summary and survival readers (fast-csv underneath; the
 * resume and merge steps read their files with csvLines.ts instead, which gives each row's byte offset).
 *
 * Contract: `readCsvTable(path, expected)` resolves to the header and the data records (arrays
 * of field text) of a comma-separated file with a header line; blank lines are skipped and a leading
 * byte-order mark is dropped. It rejects with an InputError (naming the file and what it should be) when
 * the file cannot be read, is empty, is not valid CSV, lacks one of the `required` columns, or has a
 * record whose field count differs from the header's.
 */

import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { InputError } from '../../errors.js';

// fast-csv is loaded when a table is read, not when the module is (start-up of `run` stays light).
const require = createRequire(import.meta.url);

export interface CsvTable {
  readonly header: readonly string[];
  readonly records: readonly (readonly string[])[];
}

export interface CsvExpectation {
  /** What the file should be, for messages: "a curves CSV". */
  readonly kind: string;
  /** What writes such a file, for the hint: "the file `ngram-collapse run --out` writes". */
  readonly producer: string;
  readonly required: readonly string[];
}

export async function readCsvTable(path: string, expected: CsvExpectation): Promise<CsvTable> {
  const lines = await parseRecords(path, expected);
  if (lines.length === 0) {
    throw new InputError(`${path} is empty, not ${expected.kind}`, `give ${expected.producer}`);
  }
  const [first = []] = lines;
  const header = first.map((name, index) => (index === 0 ? name.replace(/^\uFEFF/, '') : name).trim());
  const missing = expected.required.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new InputError(
      `${path} is not ${expected.kind}: it has no column ${missing.join(', ')}`,
      `give ${expected.producer}`,
    );
  }
  const records = lines.slice(1);
  records.forEach((record, index) => {
    if (record.length !== header.length) {
      throw new InputError(
        `${path} line ${index + 2} has ${record.length} fields but the header has ${header.length}`,
        `repair or regenerate the file: ${expected.producer}`,
      );
    }
  });
  return { header, records };
}

function parseRecords(path: string, expected: CsvExpectation): Promise<string[][]> {
  const { parseStream } = require('fast-csv') as typeof import('fast-csv');
  return new Promise((resolve, reject) => {
    const lines: string[][] = [];
    const input = createReadStream(path);
    input.on('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'it is a folder' : error.message;
      reject(new InputError(`cannot read ${path}: ${reason}`, `give ${expected.producer}`));
    });
    parseStream<string[], string[]>(input, { headers: false, ignoreEmpty: true })
      .on('error', (error: Error) =>
        reject(new InputError(`${path} is not ${expected.kind}: ${error.message}`, `give ${expected.producer}`)),
      )
      .on('data', (record: string[]) => lines.push(record))
      .on('end', () => resolve(lines));
  });
}
