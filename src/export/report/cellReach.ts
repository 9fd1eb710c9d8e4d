/**
 * cellReach: how far each cell of a curves table got, for the tables that show its last generation
 * (the end-of-run table, finalTable.ts; the report's overview, runOverview.ts).
 *
 * Contract: `cellReach(rows)` maps each cell (in order of first appearance) to its last generation,
 * the number of distinct replicates with a row there, and the generations it has rows for (ascending).
 * Pure; O(rows) (and the sort of each cell's generations).
 */

import type { CurveRow } from './curveRow.js';

export interface CellReach {
  readonly last: number;
  readonly replicatesAtLast: number;
  readonly generations: readonly number[];
}

export function cellReach(rows: readonly CurveRow[]): Map<string, CellReach> {
  const generations = new Map<string, Set<number>>();
  const last = new Map<string, number>();
  for (const row of rows) {
    const generation = Number(row.generation);
    const present = generations.get(row.cell) ?? new Set<number>();
    present.add(generation);
    generations.set(row.cell, present);
    if (generation > (last.get(row.cell) ?? -1)) last.set(row.cell, generation);
  }
  const replicates = new Map<string, Set<number>>();
  for (const row of rows) {
    if (Number(row.generation) !== last.get(row.cell)) continue;
    const seen = replicates.get(row.cell) ?? new Set<number>();
    seen.add(Number(row.replicate));
    replicates.set(row.cell, seen);
  }
  return new Map(
    [...generations].map(([cell, present]) => [cell, { last: last.get(cell)!, replicatesAtLast: replicates.get(cell)!.size, generations: [...present].sort((a, b) => a - b) }]),
  );
}
