/**
 * The grid of rows a run writes, every cell of its sweep with replicates 1..R and generations 0..G, and
 * the rows a curves table lacks of it (`merge` refuses them, `plot` warns of them). A run stopped by a signal, one shard of several, or a file edited by hand draws
 * curves that average fewer replicates, or stop early, where rows are missing, and the chart alone does
 * not say so (`plot` drew such a file, exit 0, without a word: audit). The grid is the run record's
 * (its sweep's cells, its replicates and generations) when one is given, else the table's own: its
 * cells, its largest replicate and its last generation.
 *
 * Contract: `runGridOf(settings)` is a run's grid (its sweep's cells by id, in sweep order); `tablePlan(rows)`
 * a table's own. `missingRows(rows, plan?)` gives the grid's size, the count of its rows absent from `rows`
 * and the first of them in (cell, replicate, generation) order; rows outside the grid are not counted.
 * `missingRowsWarning` words it for a user, or gives undefined when nothing is missing. O(rows + grid).
 * `foreignRow(rows, settings)` words the first row that no run of `settings` writes (another seed, a
 * cell outside its sweep, a replicate or generation past its own), or gives undefined: a run record
 * beside another run's curves (or curves another run's rows were added to) showed its provenance and
 * drew its survival law over them, exit 0 (probe).
 */

import { expandCells } from '../simulation/cells.js';
import type { RunSettings } from '../simulation/settings.js';
import type { CurveRow } from './report/curveRow.js';

/** A row's place in the grid. */
type GridRow = Pick<CurveRow, 'cell' | 'replicate' | 'generation'>;

export function foreignRow(rows: readonly CurveRow[], settings: RunSettings): string | undefined {
  const grid = runGridOf(settings);
  const cells = new Set(grid.cells);
  for (const [index, row] of rows.entries()) {
    const what =
      // (a seed column empty, text or absent says nothing of the run: the rest is still compared; it
      // read "has seed undefined" and dropped every record: review)
      typeof row.seed === 'number' && Number.isFinite(row.seed) && row.seed !== settings.seed ? `has seed ${row.seed}, the run seed ${settings.seed}`
      : !cells.has(row.cell) ? `is of cell ${row.cell}, which is not among the run's ${grid.cells.length}`
      : row.replicate < 1 || row.replicate > grid.replicates ? `is of replicate ${row.replicate}, the run has ${grid.replicates}`
      : row.generation > grid.generations ? `is of generation ${row.generation}, the run ends at ${grid.generations}`
      : undefined;
    if (what !== undefined) return `row ${index + 1} (cell ${row.cell}, replicate ${row.replicate}, generation ${row.generation}) ${what}`;
  }
  return undefined;
}

/** The grid a run writes: its cells (ids, in order), replicates 1..replicates, generations 0..generations. */
export interface RowPlan {
  readonly cells: readonly string[];
  readonly replicates: number;
  readonly generations: number;
}

export interface MissingRows {
  readonly plan: RowPlan;
  /** cells x replicates x (generations + 1). */
  readonly expected: number;
  readonly missing: number;
  /** The first missing row, if any. */
  readonly first?: { readonly cell: string; readonly replicate: number; readonly generation: number };
}

/** The grid of a run of these settings. */
export function runGridOf(settings: RunSettings): RowPlan {
  return { cells: expandCells(settings.sweep).map((cell) => cell.id), replicates: settings.replicates, generations: settings.generations };
}

/** The table's own grid: its cells in order of first appearance, its largest replicate and generation. */
export function tablePlan(rows: readonly GridRow[]): RowPlan {
  const cells = [...new Set(rows.map((row) => row.cell))];
  let replicates = 0;
  let generations = 0;
  for (const row of rows) {
    replicates = Math.max(replicates, row.replicate);
    generations = Math.max(generations, row.generation);
  }
  return { cells, replicates, generations };
}

export function missingRows(rows: readonly GridRow[], plan: RowPlan = tablePlan(rows)): MissingRows {
  const present = new Set(rows.map((row) => `${row.cell}\u0000${row.replicate}\u0000${row.generation}`));
  const expected = plan.cells.length * plan.replicates * (plan.generations + 1);
  let missing = 0;
  let first: MissingRows['first'];
  for (const cell of plan.cells) {
    for (let replicate = 1; replicate <= plan.replicates; replicate++) {
      for (let generation = 0; generation <= plan.generations; generation++) {
        if (present.has(`${cell}\u0000${replicate}\u0000${generation}`)) continue;
        missing++;
        first ??= { cell, replicate, generation };
      }
    }
  }
  return { plan, expected, missing, ...(first === undefined ? {} : { first }) };
}

/** One line for a user about the rows `source` lacks, or undefined when it has them all. */
export function missingRowsWarning(source: string, found: MissingRows, fromRecord: boolean): string | undefined {
  if (found.missing === 0 || found.first === undefined) return undefined;
  const { plan, first } = found;
  const grid = `${plan.cells.length} ${plan.cells.length === 1 ? 'cell' : 'cells'} x ${plan.replicates} ${plan.replicates === 1 ? 'replicate' : 'replicates'} x generations 0-${plan.generations}`;
  return (
    `${source} lacks ${found.missing} of the ${found.expected} rows ${fromRecord ? 'of its run' : 'its own cells, replicates and generations span'} (${grid}; ` +
    `the first: cell ${first.cell}, replicate ${first.replicate}, generation ${first.generation}): where rows are missing, its curves average fewer replicates or stop early ` +
    '(finish an interrupted run with --resume, or merge the shards of a sharded one)'
  );
}
