/**
 * Cells: the cross product of a sweep, each with a readable id and a seed key.
 *
 * Contract: cells come in a fixed order (the lists' orders, the first setting of CELL_COLUMNS varying
 * slowest). A cell's `id` (cellNames) names only the settings that vary in this sweep (`human_ratio=0.1/...`), or
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
  const all = partials as unknown as CellSettings[];
  const ids = cellNames(all);
  return all.map((settings, index) => ({ index, id: ids[index]!, key: settingsKey(settings), settings }));
}

/** `column=value` of every cell setting, joined by '/': the seed key. */
function settingsKey(settings: CellSettings): string {
  return CELL_COLUMNS.map(([name, column]) => `${column}=${settings[name]}`).join('/');
}

/**
 * The one cell namer of the project: the name of each of several cells lists, in CSV column order,
 * `column=value` for every setting whose value differs among them, joined by '/'
 * (`strategy=replace/human_ratio=0`), or `default` when none differs. The curves CSV, the recipes
 * (cells of several runs named together) and the report's legends and terminal table all use it.
 * `valueOf` reads a setting by CSV column (default: from CellSettings); undefined counts as ''.
 */
export function cellNames<T>(
  cells: readonly T[],
  valueOf: (cell: T, column: string) => unknown = (cell, column) => (cell as unknown as CellSettings)[SETTING_OF_COLUMN.get(column)!],
): string[] {
  const text = (cell: T, column: string): string => String(valueOf(cell, column) ?? '');
  const varying = CELL_COLUMNS.map(([, column]) => column).filter((column) => new Set(cells.map((cell) => text(cell, column))).size > 1);
  return cells.map((cell) => varying.map((column) => `${column}=${text(cell, column)}`).join('/') || 'default');
}

const SETTING_OF_COLUMN = new Map(CELL_COLUMNS.map(([name, column]) => [column, name]));
