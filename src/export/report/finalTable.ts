/**
 * The compact terminal table `run` prints at the end: the last generation of each cell.
 *
 * Contract: `formatFinalTable(rows)` returns a plain-text table (lines joined by "\n", ending in "\n"),
 * one line per cell in order of first appearance, named by its cell label (cellLabels). For each cell
 * it shows the last generation it reached, the number of replicates there, and the mean across those
 * replicates of vocab_retention, rare_survival, model_vocab_retention, model_rare_survival (what the
 * model can still emit), entropy_bits and heldout_perplexity ("–" when undefined),
 * then a sparkline of mean vocab_retention over the cell's generations (at most SPARK_WIDTH of them,
 * evenly spaced, the first and last among them), every cell on the same
 * scale (lowest mean of any cell to highest), so lines compare. Returns '' for no rows; rows that are
 * not curve rows are refused (checkCurveRows: a UsageError, not a TypeError from inside). Pure; O(rows)
 * (the means are looked up by key; each cell's reach from cellReach.ts).
 *
 * @example
 * cell            gen  reps  vocab_retention  rare_survival  model_vocab_retention  model_rare_survival  entropy_bits  heldout_perplexity  vocab_retention by generation
 * human_ratio=0     3     3           0.5000         0.2000                 0.6000               0.3000         7.900               412.0  █▆▃▁
 */

import { largest, smallest } from '../../stats/extremes.js';
import { aggregateCurves } from './aggregateCurves.js';
import { cellLabels } from './cellLabels.js';
import { cellReach } from './cellReach.js';
import { checkCurveRows, type CurveRow } from './curveRow.js';
import { evenlySpaced, sparkline } from './sparkline.js';

const COLUMNS = ['vocab_retention', 'rare_survival', 'model_vocab_retention', 'model_rare_survival', 'entropy_bits', 'heldout_perplexity'] as const;
const TREND = 'vocab_retention';
/** The most characters a sparkline takes: a longer run is drawn at that many evenly spaced generations, its first and last among them. */
export const SPARK_WIDTH = 40;

export function formatFinalTable(rows: readonly CurveRow[]): string {
  checkCurveRows(rows);
  if (rows.length === 0) return '';
  const labels = cellLabels(rows);
  const points = aggregateCurves(rows, [...COLUMNS]);
  const reach = cellReach(rows);
  // the mean of (cell, metric, generation), looked up once per column and generation
  const meanOf = new Map(points.map((point) => [pointKey(point.cell, point.metric, point.generation), point.mean]));
  const trendValues = points.filter((point) => point.metric === TREND).map((point) => point.mean);
  const range = trendValues.length > 0 ? { min: smallest(trendValues), max: largest(trendValues) } : undefined;

  const header = ['cell', 'gen', 'reps', ...COLUMNS, `${TREND} by generation`];
  const body = [...labels].map(([cell, label]) => {
    const { last, replicatesAtLast, generations } = reach.get(cell)!;
    return [
      label,
      String(last),
      String(replicatesAtLast),
      ...COLUMNS.map((metric) => tableNumber(meanOf.get(pointKey(cell, metric, last)))),
      range === undefined ? '' : sparkline(evenlySpaced(generations, SPARK_WIDTH).map((generation) => meanOf.get(pointKey(cell, TREND, generation))), range),
    ];
  });
  return layout(header, body);
}

function pointKey(cell: string, metric: string, generation: number): string {
  return `${cell}\u0000${metric}\u0000${generation}`;
}

/** Shares and small numbers with 4 decimals, mid-size with 3, large with 1; "–" when undefined. */
export function tableNumber(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  const size = Math.abs(value);
  return value.toFixed(size >= 100 ? 1 : size >= 10 ? 2 : size >= 1 ? 3 : 4);
}

/** Columns padded to their widest entry: the first left-aligned, numbers right-aligned, the last as is. */
function layout(header: readonly string[], body: readonly (readonly string[])[]): string {
  const all = [header, ...body];
  const widths = header.map((_, column) => largest(all.map((line) => [...(line[column] ?? '')].length)));
  const last = header.length - 1;
  const render = (line: readonly string[]) =>
    line
      .map((text, column) => {
        if (column === last) return text;
        const pad = ' '.repeat((widths[column] ?? 0) - [...text].length);
        return column === 0 ? text + pad : pad + text;
      })
      .join('  ')
      .trimEnd();
  return `${all.map(render).join('\n')}\n`;
}
