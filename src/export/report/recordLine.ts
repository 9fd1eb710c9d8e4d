/**
 * Which line of its file a CSV record stands on, for messages.
 *
 * Contract: `recordLine(lines, index)` is `lines[index]` when the reader counted the file's lines
 * (readCsvTable does: blank lines and fields holding line breaks move later records down), else
 * `index + 2` (records in memory, one a line after the header). No file access: the playground's
 * charts read records with it too.
 */

export function recordLine(lines: readonly number[] | undefined, index: number): number {
  return lines?.[index] ?? index + 2;
}
