/**
 * chartDots.ts: which points of a curve chart are dotted, counted by hand. A chart `w` px wide dots
 * every point up to generation floor(w / 6) (620 px: 103; 200 px: 33); past it k = ceil(last / that),
 * each line's ends and the multiples of k at least k from both ends.
 */

import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../../src/export/report/aggregateCurves.js';
import { dottedPoints } from '../../../src/export/report/chartDots.js';

const line = (cell: string, first: number, last: number, metric = 'types'): SeriesPoint[] =>
  Array.from({ length: last - first + 1 }, (_, index) => ({ metric, cell, generation: first + index, n: 1, mean: 1, sd: undefined, ciLow: undefined, ciHigh: undefined }));

/** The dotted generations of one cell's line. */
function dots(points: readonly SeriesPoint[], width: number, cell: string, metric = 'types'): number[] | undefined {
  const dotted = dottedPoints(points, width);
  return dotted === undefined ? undefined : points.filter((point) => point.cell === cell && point.metric === metric && dotted(point)).map((point) => point.generation);
}

const multiples = (k: number, from: number, to: number): number[] => Array.from({ length: Math.floor(to / k) - Math.ceil(from / k) + 1 }, (_, index) => (Math.ceil(from / k) + index) * k);

describe('dottedPoints', () => {
  it('dots every point while the last generation is at most width / 6', () => {
    expect(dottedPoints(line('a', 0, 103), 620)).toBeUndefined();
    expect(dottedPoints(line('a', 0, 33), 200)).toBeUndefined();
    expect(dottedPoints(line('a', 0, 34), 200)).toBeDefined();
  });

  it('dots a line from 0 at 0, its last and the multiples of k at least k from both ends', () => {
    // 0..104 at 620 px: k = 2: 0, 2, ..., 102 (k from the end: 104 - 102 = 2), 104: 53 dots
    expect(dots(line('a', 0, 104), 620, 'a')).toEqual(multiples(2, 0, 104));
    // 0..199 in a 200 px panel: k = ceil(199 / 33) = 7: 0, 7, ..., 189 (196 is 3 from 199: its dot would cover the last one's), 199
    expect(dots(line('a', 0, 199), 200, 'a')).toEqual([0, ...multiples(7, 7, 189), 199]);
  });

  it("keeps one grid for a line that starts later (drift's expected types start at 1), and dots its first", () => {
    // 1..104 beside 0..104 at 620 px: k = 2; the later line: 1, then 4 (3 is odd; 2 is 1 from its start), ..., 102, 104
    const points = [...line('a', 0, 104), ...line('a', 1, 104, 'drift_expected_types')];
    expect(dots(points, 620, 'a', 'drift_expected_types')).toEqual([1, ...multiples(2, 4, 102), 104]);
    expect(dots(points, 620, 'a')).toEqual(multiples(2, 0, 104));
  });

  it("dots a line that ends early (a run stopped or under way) at its own last point", () => {
    // a: 0..300, b: 0..57 at 620 px: k = ceil(300 / 103) = 3; b: 0, 3, ..., 54, 57 (20 dots)
    const points = [...line('a', 0, 300), ...line('b', 0, 57)];
    expect(dots(points, 620, 'b')).toEqual(multiples(3, 0, 57));
    expect(dots(points, 620, 'a')).toEqual(multiples(3, 0, 300));
    // 0..250, k = 3: ..., 246, 250 (249 is 1 from the end)
    expect(dots(line('a', 0, 250), 620, 'a')).toEqual([...multiples(3, 0, 246), 250]);
  });

  it('dots each line of a panel chart on its own (a metric a panel)', () => {
    const points = [...line('a', 0, 40, 'survival_1'), ...line('a', 0, 20, 'survival_2_5')];
    // 200 px: k = ceil(40 / 33) = 2; survival_2_5 ends at 20: 0, 2, ..., 18, 20
    expect(dots(points, 200, 'a', 'survival_2_5')).toEqual(multiples(2, 0, 20));
    expect(dots(points, 200, 'a', 'survival_1')).toEqual(multiples(2, 0, 40));
  });
});
