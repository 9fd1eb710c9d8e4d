/**
 * Cell labels: the name a legend and a table give each cell, built from the cell's settings.
 *
 * Contract: `cellLabels(rows)` returns, in order of first appearance of each cell, a map cell -> label.
 * The label is the project's one cell name (simulation/cells.ts cellNames): only the settings that differ
 * between cells ("strategy=replace/human_ratio=0.1", as the curves CSV names the cell), so a two-ratio
 * sweep reads "human_ratio=0" / "human_ratio=0.1". When no setting differs, or two cells
 * would get the same label (they differ in something the CSV does not show, such as the corpus), the
 * cell's own name is used, followed by the differing settings if there are any. Labels are unique.
 */

import { cellNames } from '../../simulation/cells.js';
import { SETTING_COLUMNS, type CurveValue } from './curveRow.js';

/** Anything with a cell name and (some of) the setting columns: curves rows and summary rows. */
export type CellRecord = { readonly cell: string } & { readonly [column: string]: CurveValue };

export function cellLabels(rows: readonly CellRecord[]): Map<string, string> {
  const settingsByCell = new Map<string, Map<string, string>>();
  for (const row of rows) {
    if (settingsByCell.has(row.cell)) continue;
    const settings = new Map<string, string>();
    for (const column of SETTING_COLUMNS) {
      const value = row[column];
      if (value !== undefined && value !== null) settings.set(column, String(value));
    }
    settingsByCell.set(row.cell, settings);
  }
  const names = cellNames([...settingsByCell.values()], (settings, column) => settings.get(column));
  const described = [...settingsByCell.keys()].map((cell, i) => [cell, names[i] === 'default' ? '' : names[i]!] as const);
  const unique = new Set(described.map(([, text]) => text)).size === described.length;
  const labels = new Map<string, string>();
  for (const [cell, text] of described) {
    if (unique && text !== '') labels.set(cell, text);
    else labels.set(cell, text === '' || text === cell ? cell : `${cell}: ${text}`);
  }
  return labels;
}
