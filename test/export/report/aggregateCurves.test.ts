import { describe, expect, it } from 'vitest';
import { aggregateCurves } from '../../../src/export/report/aggregateCurves.js';
import type { CurveRow } from '../../../src/export/report/curveRow.js';

const row = (cell: string, replicate: number, generation: number, value: number | undefined): CurveRow => ({
  cell, replicate, generation, vocab_retention: value,
});

describe('aggregateCurves', () => {
  it('averages replicates per cell and generation, ordered by cell appearance then generation', () => {
    const rows = [row('b', 1, 1, 0.5), row('b', 1, 0, 1), row('a', 1, 0, 1), row('b', 2, 1, 0.7), row('b', 2, 0, 1)];
    const points = aggregateCurves(rows, ['vocab_retention']);
    expect(points.map((p) => [p.cell, p.generation, p.n])).toEqual([['b', 0, 2], ['b', 1, 2], ['a', 0, 1]]);
    expect(points[1]?.mean).toBeCloseTo(0.6, 12); // (0.5 + 0.7) / 2
  });

  it('skips empty values instead of counting them as zero', () => {
    const rows = [row('a', 1, 0, undefined), row('a', 1, 1, 0.4), row('a', 2, 1, undefined)];
    const points = aggregateCurves(rows, ['vocab_retention']);
    expect(points).toHaveLength(1); // generation 0 has no value at all: no point
    expect(points[0]).toMatchObject({ generation: 1, n: 1, mean: 0.4 });
  });
});
