/**
 * Reading back CSV files this program wrote (for --resume and merge): lines with their byte offsets,
 * and the fields of one line.
 *
 * Contract: our CSV rows never contain a newline, so a row is a line. `readCsvLines(text)` returns the
 * complete lines (ending in '\n') with the byte offset just after each; a final line without its '\n'
 * is a torn row and is reported separately; a byte-order mark before the first line is dropped from its
 * text (not from the offsets). `splitCsvLine` handles RFC 4180 quoting ("a ""b"", c"). (Not fast-csv,
 * which the report's reader uses, ./report/csvTable.ts: resume and merge need each row's bytes and byte
 * offset as written, to compare and to cut a file back, which a parser of records does not give.)
 */

export interface CsvLine {
  readonly text: string;
  readonly fields: string[];
  /** Byte offset just after this line's '\n'. */
  readonly end: number;
}

export interface CsvLines {
  readonly lines: CsvLine[];
  /** Bytes of a trailing partial line (no '\n'), 0 if none. */
  readonly tornBytes: number;
}

export function readCsvLines(content: Buffer): CsvLines {
  const lines: CsvLine[] = [];
  let start = 0;
  for (;;) {
    const newline = content.indexOf(0x0a, start);
    if (newline < 0) break;
    const raw = content.toString('utf8', start, newline);
    // (a byte-order mark an editor put before the header is no part of it)
    const unmarked = start === 0 && raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
    const text = unmarked.endsWith('\r') ? unmarked.slice(0, -1) : unmarked;
    lines.push({ text, fields: splitCsvLine(text), end: newline + 1 });
    start = newline + 1;
  }
  return { lines, tornBytes: content.length - start };
}

export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) {
          value += line.slice(i);
          i = line.length;
          break;
        }
        value += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      fields.push(value);
      if (line[i] === ',') i++;
      else break;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        fields.push(line.slice(i));
        break;
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
  return fields;
}
