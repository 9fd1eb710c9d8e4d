/**
 * The rows of a summary CSV as chart points: `SummaryRow` (one line of `run --summary FILE`) and
 * `summaryPoints(rows)`, SeriesPoints ordered as in the file (setting columns dropped). No file access
 * (readSummary.ts reads the file), so the browser playground's charts use it too.
 */

import type { SeriesPoint } from './aggregateCurves.js';

export interface SummaryRow extends SeriesPoint {
  /** The setting columns of the line, as text (for cell labels). */
  readonly [column: string]: string | number | undefined;
}

/** SeriesPoints of summary rows (drops the setting columns). */
export function summaryPoints(rows: readonly SummaryRow[]): SeriesPoint[] {
  return rows.map(({ metric, cell, generation, n, mean, sd, ciLow, ciHigh }) => ({
    metric, cell, generation, n, mean, sd, ciLow, ciHigh,
  }));
}
