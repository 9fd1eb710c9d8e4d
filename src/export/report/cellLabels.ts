/**
 * Cell labels: the name a legend and a table give each cell, built from the cell's settings.
 *
 * Contract: `cellLabels(rows)` returns, in order of first appearance of each cell, a map cell -> label.
 * The label lists only the settings that differ between cells ("strategy=replace, human_ratio=0.1"), so
 * a two-ratio sweep reads "human_ratio=0" / "human_ratio=0.1". When no setting differs, or two cells
 * would get the same label (they differ in something the CSV does not show, such as the corpus), the
 * cell's own name is used, followed by the differing settings if there are any. Labels are unique.
 */

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
  const differing = SETTING_COLUMNS.filter((column) => {
    const values = new Set([...settingsByCell.values()].map((settings) => settings.get(column) ?? ''));
    return values.size > 1;
  });
  const describe = (settings: Map<string, string>): string =>
    differing.map((column) => `${column}=${settings.get(column) ?? ''}`).join(', ');
  const described = [...settingsByCell].map(([cell, settings]) => [cell, describe(settings)] as const);
  const unique = new Set(described.map(([, text]) => text)).size === described.length;
  const labels = new Map<string, string>();
  for (const [cell, text] of described) {
    if (unique && text !== '') labels.set(cell, text);
    else labels.set(cell, text === '' || text === cell ? cell : `${cell}: ${text}`);
  }
  return labels;
}
