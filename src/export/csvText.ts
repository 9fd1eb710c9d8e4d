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

export class CsvText {
  private readonly formatter = new RowFormatter(new FormatterOptions(CSV_FORMAT_OPTIONS));
  private readonly parts: string[] = [];

  constructor(header: readonly string[]) {
    this.add(header);
  }

  /** Appends one record (fields as strings). */
  add(record: readonly string[]): void {
    this.formatter.format([...record], (error, rows) => {
      if (error) throw error;
      if (rows !== undefined) this.parts.push(...rows);
    });
  }

  /** The file's text so far, ended as fast-csv ends a file. */
  text(): string {
    let end = '';
    // finish() only reads options (and the header state, unused with headers: false): safe to call on every snapshot.
    this.formatter.finish((error, rows) => {
      if (error) throw error;
      end = (rows ?? []).join('');
    });
    return this.parts.join('') + end;
  }
}

export function csvText(header: readonly string[], records: ReadonlyArray<readonly string[]>): string {
  const csv = new CsvText(header);
  for (const record of records) csv.add(record);
  return csv.text();
}
