/**
 * csvText: the bytes of a CSV file as text, formatted by fast-csv's own row formatter, so text built
 * here (in the browser playground, which has no streams) is byte-identical to what openCsv writes.
 *
 * Contract: `CSV_FORMAT_OPTIONS` are the fast-csv options every CSV of this program is written with;
 * `csvText(header, records)` returns the whole file as openCsv would write it (header, one line per
 * record, fast-csv's quoting, each row ended by the row delimiter); `csvPieces(header, records)` the
 * same text in pieces of whole rows, made as they are asked for; `csvLine(record)` is one record's line.
 * No node: imports (only fast-csv's stream-free formatter classes are loaded).
 */

import { FormatterOptions } from '@fast-csv/format/build/src/FormatterOptions.js';
import { RowFormatter } from '@fast-csv/format/build/src/formatter/RowFormatter.js';

export const CSV_FORMAT_OPTIONS = { headers: false } as const;

/**
 * One CSV file's bytes, produced in order: `row(record)` gives a record's bytes with its row delimiter
 * (nothing ends the file after its last row), so what has been written so far always ends with a whole
 * row: a reader following the file, or a run stopped by SIGKILL, never sees a finished row without its
 * line end (fast-csv puts the delimiter before every row after the first, which left each row's line
 * end for the next row). A whole file's bytes are those fast-csv writes with `includeEndRowDelimiter`.
 */
export class CsvRows {
  private readonly options = new FormatterOptions(CSV_FORMAT_OPTIONS);
  private readonly formatter = new RowFormatter(this.options);
  private formatted = 0;

  /** The bytes of one record (fields as strings) and its line end; the formatter is synchronous without a transform. */
  row(record: readonly string[]): string {
    let text = '';
    this.formatter.format([...record], (error, rows) => {
      if (error) throw error;
      text = (rows ?? []).join('');
    });
    const { rowDelimiter } = this.options;
    // the formatter's own delimiter before every row after the first moves to this row's end
    const fields = this.formatted++ === 0 ? text : text.slice(rowDelimiter.length);
    return fields + rowDelimiter;
  }
}

/** One record's line as this program writes it, line end included (what --resume compares a kept line with). */
export function csvLine(record: readonly string[]): string {
  return new CsvRows().row(record);
}

export function csvText(header: readonly string[], records: Iterable<readonly string[]>): string {
  return Array.from(csvPieces(header, records, Number.POSITIVE_INFINITY)).join('');
}

/**
 * csvText's bytes in pieces of whole rows, each about `size` characters (the last shorter), made as
 * they are asked for: for a file too large to be one string (V8's strings end near 512 MB).
 */
export function* csvPieces(header: readonly string[], records: Iterable<readonly string[]>, size = 1 << 20): Generator<string> {
  const rows = new CsvRows();
  let parts = [rows.row(header)];
  let length = parts[0]!.length;
  for (const record of records) {
    const row = rows.row(record);
    parts.push(row);
    length += row.length;
    if (length >= size) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (parts.length > 0) yield parts.join('');
}
