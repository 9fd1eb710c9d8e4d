/**
 * Cells: the cross product of a sweep, each with a readable id and a seed key.
 *
 * Contract: cells come in a fixed order (the lists' orders, the first setting of CELL_COLUMNS varying
 * slowest). A cell's `id` names only the settings that vary in this sweep (`human_ratio=0.1/...`), or
 * `default` when none does. Its `key` names every setting, so the seed of (cell, replicate) depends on
 * the cell's own settings and not on which other cells exist: adding a cell changes no other cell.
 */

import { CELL_COLUMNS, type CellSettings, type SweepSettings } from './settings.js';

export interface Cell {
  readonly index: number;
  readonly id: string;
  readonly key: string;
  readonly settings: CellSettings;
}

export function expandCells(sweep: SweepSettings): Cell[] {
  let partials: Array<Record<string, unknown>> = [{}];
  for (const [name] of CELL_COLUMNS) {
    const values = sweep[name] as readonly unknown[];
    partials = partials.flatMap((partial) => values.map((value) => ({ ...partial, [name]: value })));
  }
  const varying = CELL_COLUMNS.filter(([name]) => new Set(sweep[name] as readonly unknown[]).size > 1);
  return partials.map((partial, index) => {
    const settings = partial as unknown as CellSettings;
    const id = varying.map(([name, column]) => `${column}=${settings[name]}`).join('/') || 'default';
    const key = CELL_COLUMNS.map(([name, column]) => `${column}=${settings[name]}`).join('/');
    return { index, id, key, settings };
  });
}
