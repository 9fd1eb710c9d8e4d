/**
 * Cells: the cross product of a sweep, each with a readable id and a seed key.
 *
 * Contract: cells come in a fixed order (the lists' orders, the first setting of CELL_COLUMNS varying
 * slowest). A cell's `id` (cellNames) names only the settings that vary in this sweep (`human_ratio=0.1/...`), or
 * `default` when none does. Its `key` names every setting, so the seed of (cell, replicate) depends on
 * the cell's own settings and not on which other cells exist: adding a cell changes no other cell.
 * The sweep is checked first, as a run's is (validateSweep: a UsageError naming the bad list).
 */

import { formatNumber } from '../validation/formatNumber.js';
import { validateSweep } from './validateSettings.js';
import { ALL_CELL_COLUMNS, APPENDED_CELL_COLUMNS, CELL_COLUMNS, DEFAULT_SWEEP, type CellSettings, type SweepSettings } from './settings.js';

export interface Cell {
  readonly index: number;
  readonly id: string;
  readonly key: string;
  readonly settings: CellSettings;
}

export function expandCells(given: SweepSettings): Cell[] {
  const sweep = validateSweep(given);
  let partials: Array<Record<string, unknown>> = [{}];
  for (const [name] of ALL_CELL_COLUMNS) {
    const values = sweep[name] as readonly unknown[];
    partials = partials.flatMap((partial) => values.map((value) => ({ ...partial, [name]: value })));
  }
  const all = partials as unknown as CellSettings[];
  const ids = cellNames(all);
  // frozen, settings too: a cell reaches the handlers with every row, and in process one cell serves all its replicates
  return all.map((settings, index) => Object.freeze({ index, id: ids[index]!, key: cellKey(settings), settings: Object.freeze(settings) }));
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

/**
 * The one cell namer of the project: the name of each of several cells lists, in CSV column order,
 * `column=value` for every setting whose value differs among them, joined by '/'
 * (`strategy=replace/human_ratio=0`), or `default` when none differs. A number is written as the CSV
 * writes it (formatNumber: `tokens_growth=0.0000001`, not `1e-7`). The curves CSV, the recipes
 * (cells of several runs named together) and the report's legends and terminal table all use it.
 * `valueOf` reads a setting by CSV column (default: from a Cell's settings, as expandCells gives them,
 * or from CellSettings); undefined counts as ''.
 */
export function cellNames<T>(
  cells: readonly T[],
  valueOf: (cell: T, column: string) => unknown = (cell, column) => settingsOf(cell)[settingOf(column)],
): string[] {
  const text = (cell: T, column: string): string => {
    const value = valueOf(cell, column);
    return typeof value === 'number' ? formatNumber(value) : String(value ?? '');
  };
  const varying = ALL_CELL_COLUMNS.map(([, column]) => column).filter((column) => new Set(cells.map((cell) => text(cell, column))).size > 1);
  return cells.map((cell) => varying.map((column) => `${column}=${text(cell, column)}`).join('/') || 'default');
}

/**
 * A Cell's settings, or the CellSettings given (the default reader read CellSettings alone, so the
 * cells of expandCells were all named `default`: audit of the library).
 */
function settingsOf(cell: unknown): CellSettings {
  const settings = (cell as Partial<Cell> | null)?.settings;
  return (typeof settings === 'object' && settings !== null ? settings : cell) as CellSettings;
}

/** The cell setting written in CSV column `column`. */
function settingOf(column: string): keyof CellSettings {
  return ALL_CELL_COLUMNS.find(([, written]) => written === column)![0];
}
