import { describe, expect, it } from 'vitest';
import type { CurveRow } from '../../src/export/report/curveRow.js';
import { foreignRow, missingRows, missingRowsWarning, runGridOf, tablePlan } from '../../src/export/runGrid.js';
import { DEFAULT_RUN } from '../../src/simulation/settings.js';

/** Rows of cells a and b, replicates 1-2, generations 0-2, but those listed as missing. */
function rows(missing: readonly string[] = []): CurveRow[] {
  const all: CurveRow[] = [];
  for (const cell of ['a', 'b']) for (let replicate = 1; replicate <= 2; replicate++) for (let generation = 0; generation <= 2; generation++) all.push({ cell, replicate, generation });
  return all.filter((row) => !missing.includes(`${row.cell} ${row.replicate} ${row.generation}`));
}

describe('missingRows', () => {
  it('finds none in a whole grid: 2 cells x 2 replicates x 3 generations = 12 rows', () => {
    expect(missingRows(rows())).toEqual({ plan: { cells: ['a', 'b'], replicates: 2, generations: 2 }, expected: 12, missing: 0 });
    expect(missingRowsWarning('c.csv', missingRows(rows()), false)).toBeUndefined();
  });

  it('counts the rows an interrupted series lacks, the first in (cell, replicate, generation) order', () => {
    // b's replicate 2 stopped after generation 0: 2 rows of 12 missing
    const found = missingRows(rows(['b 2 1', 'b 2 2']));
    expect([found.expected, found.missing, found.first]).toEqual([12, 2, { cell: 'b', replicate: 2, generation: 1 }]);
    expect(missingRowsWarning('c.csv', found, false)).toBe(
      'c.csv lacks 2 of the 12 rows its own cells, replicates and generations span (2 cells x 2 replicates x generations 0-2; the first: cell b, replicate 2, generation 1): ' +
        'where rows are missing, its curves average fewer replicates or stop early (finish an interrupted run with --resume, or merge the shards of a sharded one)',
    );
  });

  it("takes the run's grid when given: a cell, replicates or generations the table never reached count too", () => {
    // the run has cells a, b, c, 3 replicates, generations 0-3: 3 x 3 x 4 = 36; the table holds 12 of them
    const found = missingRows(rows(), { cells: ['a', 'b', 'c'], replicates: 3, generations: 3 });
    expect([found.expected, found.missing, found.first]).toEqual([36, 24, { cell: 'a', replicate: 1, generation: 3 }]);
    expect(missingRowsWarning('c.csv', found, true)).toMatch(/^c\.csv lacks 24 of the 36 rows of its run \(3 cells x 3 replicates x generations 0-3; the first: cell a, replicate 1, generation 3\)/u);
    // one cell, one replicate: singular
    expect(missingRowsWarning('c.csv', missingRows([{ cell: 'a', replicate: 1, generation: 1 }]), false)).toMatch(/\(1 cell x 1 replicate x generations 0-1; the first: cell a, replicate 1, generation 0\)/u);
  });

  it("reads a run's grid off its settings: the sweep's cells by id, in sweep order", () => {
    // the default sweep: human ratios 0 and 0.1 (2 cells), 10 generations, 1 replicate
    expect(runGridOf(DEFAULT_RUN)).toEqual({ cells: ['human_ratio=0', 'human_ratio=0.1'], replicates: 1, generations: 10 });
  });

  it("reads the table's own grid: cells in order of appearance, the largest replicate and generation", () => {
    expect(tablePlan([{ cell: 'z', replicate: 3, generation: 0 }, { cell: 'a', replicate: 1, generation: 7 }])).toEqual({ cells: ['z', 'a'], replicates: 3, generations: 7 });
  });
});

describe('foreignRow', () => {
  // DEFAULT_RUN: cells human_ratio=0 and human_ratio=0.1, 1 replicate, generations 0-10, seed 42
  const row = (fields: Partial<CurveRow>): CurveRow => ({ cell: 'human_ratio=0', replicate: 1, generation: 0, seed: 42, ...fields });

  it("finds none in the run's own rows, and names the first row of another seed, cell, replicate or generation", () => {
    expect(foreignRow([row({}), row({ cell: 'human_ratio=0.1', generation: 10 })], DEFAULT_RUN)).toBeUndefined();
    expect(foreignRow([row({}), row({ seed: 7 })], DEFAULT_RUN)).toBe('row 2 (cell human_ratio=0, replicate 1, generation 0) has seed 7, the run seed 42');
    expect(foreignRow([row({ cell: 'human_ratio=0.5' })], DEFAULT_RUN)).toBe("row 1 (cell human_ratio=0.5, replicate 1, generation 0) is of cell human_ratio=0.5, which is not among the run's 2");
    expect(foreignRow([row({ replicate: 2 })], DEFAULT_RUN)).toBe('row 1 (cell human_ratio=0, replicate 2, generation 0) is of replicate 2, the run has 1');
    expect(foreignRow([row({ generation: 11 })], DEFAULT_RUN)).toBe('row 1 (cell human_ratio=0, replicate 1, generation 11) is of generation 11, the run ends at 10');
  });

  it('reads a seed column that is empty, text or absent as saying nothing, and compares the rest (it said "has seed undefined": review)', () => {
    expect(foreignRow([row({ seed: undefined }), row({ seed: Number.NaN }), row({ seed: 'x' })], DEFAULT_RUN)).toBeUndefined();
    expect(foreignRow([row({ seed: undefined, replicate: 3 })], DEFAULT_RUN)).toBe('row 1 (cell human_ratio=0, replicate 3, generation 0) is of replicate 3, the run has 1');
  });
});
