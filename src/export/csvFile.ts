/**
 * CsvFile: writes a CSV file row by row with fast-csv, flushing as it goes, so an interrupted run
 * leaves only whole rows behind.
 *
 * Contract: `openCsv(path, header)` writes to `path` (or stdout for `-`) and returns a writer;
 * `write(record)` queues one row (fast-csv quotes fields as needed and ends it with a newline, and the
 * row reaches the file in one write, so a reader never sees a torn row); `close()` resolves once
 * everything is on disk. The header is written first unless appending (`--resume`).
 */

import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import { CSV_FORMAT_OPTIONS } from './csvText.js';

// fast-csv takes about 0.1 s to import: loaded when the first CSV is opened, not at start-up.
const require = createRequire(import.meta.url);

export interface CsvWriter {
  write(record: readonly string[]): void;
  close(): Promise<void>;
}

export function openCsv(target: string | Writable, header: readonly string[], options: { append?: boolean } = {}): CsvWriter {
  const sink: Writable =
    typeof target === 'string' ? createWriteStream(target, { flags: options.append === true ? 'a' : 'w' }) : target;
  const { format } = require('fast-csv') as typeof import('fast-csv');
  const formatter = format(CSV_FORMAT_OPTIONS);
  formatter.pipe(sink, { end: typeof target === 'string' });
  if (options.append !== true) formatter.write([...header]);
  const finished =
    typeof target === 'string'
      ? new Promise<void>((resolve, reject) => {
          sink.on('finish', resolve);
          sink.on('error', reject);
        })
      : new Promise<void>((resolve) => formatter.on('end', resolve));
  // fast-csv writes the row delimiter before each row after the first and once at the end; appending
  // nothing must add nothing, so an append without rows closes the file directly.
  let rows = 0;
  return {
    write: (record) => {
      rows++;
      formatter.write([...record]);
    },
    close: async () => {
      if (options.append === true && rows === 0 && typeof target === 'string') {
        formatter.unpipe(sink);
        sink.end();
      } else formatter.end();
      await finished;
    },
  };
}
