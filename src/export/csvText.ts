/**
 * CsvText: the bytes of a CSV file as text, formatted by fast-csv's own row formatter, so text built
 * here (in the browser playground, which has no streams) is byte-identical to what openCsv writes.
 *
 * Contract: `CSV_FORMAT_OPTIONS` are the fast-csv options every CSV of this program is written with;
 * `csvText(header, records)` returns the whole file as openCsv would write it (header, one line per
 * record, fast-csv's quoting, a final row delimiter); `CsvText` builds the same text row by row.
 * No node: imports (only fast-csv's stream-free formatter classes are loaded).
 */

import { FormatterOptions } from '@fast-csv/format/build/src/FormatterOptions.js';
import { RowFormatter } from '@fast-csv/format/build/src/formatter/RowFormatter.js';

export const CSV_FORMAT_OPTIONS = { headers: false, includeEndRowDelimiter: true } as const;

/**
 * One CSV file's bytes, produced in order: `row(record)` gives a record's bytes (fast-csv puts the row
 * delimiter before every row after the first), `end()` the bytes that end the file. What openCsv
 * writes and what CsvText collects.
 */
export class CsvRows {
  private readonly formatter = new RowFormatter(new FormatterOptions(CSV_FORMAT_OPTIONS));

  /** The bytes of one record (fields as strings); the formatter is synchronous without a transform. */
  row(record: readonly string[]): string {
    let text = '';
    this.formatter.format([...record], (error, rows) => {
      if (error) throw error;
      text = (rows ?? []).join('');
    });
    return text;
  }

  /** The bytes fast-csv ends a file with (the final row delimiter); reads only the options. */
  end(): string {
    let text = '';
    this.formatter.finish((error, rows) => {
      if (error) throw error;
      text = (rows ?? []).join('');
    });
    return text;
  }
}

export class CsvText {
  private readonly rows = new CsvRows();
  private readonly parts: string[] = [];

  constructor(header: readonly string[]) {
    this.add(header);
  }

  /** Appends one record (fields as strings). */
  add(record: readonly string[]): void {
    this.parts.push(this.rows.row(record));
  }

  /** The file's text so far, ended as fast-csv ends a file (safe to call on every snapshot). */
  text(): string {
    return this.parts.join('') + this.rows.end();
  }
}

export function csvText(header: readonly string[], records: ReadonlyArray<readonly string[]>): string {
  const csv = new CsvText(header);
  for (const record of records) csv.add(record);
  return csv.text();
}
