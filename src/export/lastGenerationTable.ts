/**
 * lastGenerationTable: the short table `run` prints at the end: per cell, the mean over replicates of
 * the last generation's vocab_retention, rare_survival, entropy_bits and heldout_perplexity.
 * Pure; returns the text (fixed-width columns, one line per cell).
 */

import type { MetricName } from '../metrics/columns.js';
import type { SeriesRow } from '../simulation/series.js';
import { formatNumber } from './formatNumber.js';

const SHOWN: readonly MetricName[] = ['vocab_retention', 'rare_survival', 'entropy_bits', 'heldout_perplexity'];

export function lastGenerationTable(rows: readonly SeriesRow[]): string {
  if (rows.length === 0) return '';
  const last = Math.max(...rows.map((row) => row.generation));
  const cells = new Map<string, SeriesRow[]>();
  for (const row of rows) {
    if (row.generation !== last) continue;
    const list = cells.get(row.cell.id) ?? [];
    list.push(row);
    cells.set(row.cell.id, list);
  }
  const header = ['cell', ...SHOWN];
  const lines = [...cells].map(([id, list]) => [id, ...SHOWN.map((metric) => formatNumber(mean(list.map((row) => row.values[metric]))))]);
  const widths = header.map((title, c) => Math.max(title.length, ...lines.map((line) => line[c]!.length)));
  const render = (line: string[]): string => line.map((value, c) => (c === 0 ? value.padEnd(widths[c]!) : value.padStart(widths[c]!))).join('  ');
  return [`generation ${last}:`, render(header), ...lines.map(render)].join('\n') + '\n';
}

function mean(values: Array<number | undefined>): number | undefined {
  const defined = values.filter((value): value is number => value !== undefined);
  return defined.length === 0 ? undefined : defined.reduce((sum, value) => sum + value, 0) / defined.length;
}
