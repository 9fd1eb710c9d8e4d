/**
 * Cells: the cross product of a sweep, each with a readable id and a seed key.
 *
 * Contract: cells come in a fixed order (the lists' orders, the first setting of CELL_COLUMNS varying
 * slowest). A cell's `id` names only the settings that vary in this sweep (`human_ratio=0.1/...`), or
 * `default` when none does. Its `key` names every setting, so the seed of (cell, replicate) depends on
 * the cell's own settings and not on which other cells exist: adding a cell changes no other cell.
 */

import { ALL_CELL_COLUMNS, APPENDED_CELL_COLUMNS, CELL_COLUMNS, DEFAULT_SWEEP, type CellSettings, type SweepSettings } from './settings.js';

export interface Cell {
  readonly index: number;
  readonly id: string;
  readonly key: string;
  readonly settings: CellSettings;
}

export function expandCells(sweep: SweepSettings): Cell[] {
  let partials: Array<Record<string, unknown>> = [{}];
  for (const [name] of ALL_CELL_COLUMNS) {
    const values = sweep[name] as readonly unknown[];
    partials = partials.flatMap((partial) => values.map((value) => ({ ...partial, [name]: value })));
  }
  const varying = ALL_CELL_COLUMNS.filter(([name]) => new Set(sweep[name] as readonly unknown[]).size > 1);
  return partials.map((partial, index) => {
    const settings = partial as unknown as CellSettings;
    const id = varying.map(([name, column]) => `${column}=${settings[name]}`).join('/') || 'default';
    const key = cellKey(settings);
    return { index, id, key, settings };
  });
}

/**
 * The seed key of a cell: every first setting, then each appended setting that is not at its default
 * (so cells that do not use a later setting keep the random draws they had before it existed).
 */
export function cellKey(settings: CellSettings): string {
  const first = CELL_COLUMNS.map(([name, column]) => `${column}=${settings[name]}`);
  const appended = APPENDED_CELL_COLUMNS.filter(([name]) => settings[name] !== DEFAULT_SWEEP[name][0]).map(([name, column]) => `${column}=${settings[name]}`);
  return [...first, ...appended].join('/');
}
