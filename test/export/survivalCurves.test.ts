/**
 * The --survival file's law column (survivalCurves.ts): beside a Kaplan–Meier curve only through the
 * last generation whose rows measure their whole batches, so that a first absence is an extinction
 * under pure MLE.
 */

import { describe, expect, it } from 'vitest';
import { SurvivalCurves } from '../../src/export/survivalCurves.js';
import { UsageError } from '../../src/errors.js';
import { theoryBands } from '../../src/metrics/survivalTheory.js';

// Two seed hapaxes over 2 generations: one absent from generation 1 on, one present throughout.
const table = {
  types: Int32Array.of(2, 3),
  seedCounts: Int32Array.of(1, 1),
  lastSeen: Int32Array.of(0, 2),
  firstAbsent: Int32Array.of(1, -1),
  comebacks: Int32Array.of(0, 0),
};
// draws (tokens + sentences) per generation 0..2
const draws = [20, 20, 20];

function hapaxRows(batchTokens: number, measureTokens: number, growth: number, generations = 2): string[][] {
  const curves = new SurvivalCurves(generations, { batchTokens, measureTokens });
  curves.add('c', { ...table, lastSeen: table.lastSeen.map((g) => Math.min(g, generations)) });
  const cellDraws = Array.from({ length: generations + 1 }, () => 20);
  return [...curves.records(['c'], new Map([['c', { draws: cellDraws, growth }]]))].filter((row) => row[1] === '1');
}

describe('SurvivalCurves: the law beside the curve', () => {
  it('is there when every row measures its whole batch, or more (measured size >= every batch)', () => {
    // Kaplan–Meier: at risk 2, 1 event at generation 1: survival 1, 0.5, 0.5
    const law = theoryBands(table.seedCounts, draws);
    const rows = hapaxRows(20, 20, 1);
    expect(rows.map((row) => row[5])).toEqual(['1', '0.5', '0.5']);
    rows.forEach((row, g) => expect(Number(row[6])).toBeCloseTo(law[g]![0]!, 6)); // written to 6 significant digits
    // a row measuring twice its batch (M = 2N), and batches that shrink: the batch is inside the measured text
    expect(hapaxRows(20, 40, 1)[2]![6]).not.toBe('');
    expect(hapaxRows(20, 20, 0.8)[2]![6]).not.toBe('');
    // M = 2N with batches doubling over 2 generations: batch 2 is 2N = M, still whole
    expect(hapaxRows(20, 40, 2)[2]![6]).not.toBe('');
    // batches rounded as the loop rounds them: N = 657, R = 1.5, 3 generations: 657, round(985.5) = 986,
    // round(1478.25) = 1478, all within M = 1478 (N R^2 = 1478.25 > 1478 left the law out: audit)
    expect(hapaxRows(657, 1478, 1.5, 3)[3]![6]).not.toBe('');
    // batch 3 (1478) larger than M = 1477: the law stops after generation 2, the last whole batch
    expect(hapaxRows(657, 1477, 1.5, 3).map((row) => row[6] !== '')).toEqual([true, true, true, false]);
  });

  it('without sizes takes the rows to measure the first batch (M = N): whole while batches do not grow', () => {
    const rows = (growth: number): string[] => {
      const curves = new SurvivalCurves(2);
      curves.add('c', table);
      return [...curves.records(['c'], new Map([['c', { draws, growth }]]))].filter((row) => row[1] === '1').map((row) => row[6]!);
    };
    expect(rows(1)[2]).not.toBe('');
    expect(rows(0.8)[2]).not.toBe('');
    // growing batches: batch 1 is N, whole; batch 2 larger (it drew the law there too: audit)
    expect(rows(1.5).map((value) => value !== '')).toEqual([true, true, false]);
    // the batch scale this argument once was is refused, not read as sizes (the scale was NaN)
    expect(() => new SurvivalCurves(2, 1 as never)).toThrow(UsageError);
    expect(() => new SurvivalCurves(2, { batchTokens: 0, measureTokens: 5 })).toThrow('sizes must be { batchTokens, measureTokens }, whole numbers >= 1');
  });

  it('is empty from the first row that measures part of its batch on: --measure-tokens below it, or growth above 1', () => {
    // N = 30 > M = 20: generation 1 already measures part of its batch, so no generation has the law;
    // N = M = 20 at R = 1.5: batch 2 is 30 > 20; N = 20, M = 40 at R = 2.1: batch 2 is 42 > 40: the law at 0 and 1 alone
    const law = theoryBands(table.seedCounts, draws, 1.5);
    for (const [batchTokens, measureTokens, growth, through] of [[30, 20, 1, -1], [20, 20, 1.5, 1], [20, 40, 2.1, 1]] as const) {
      const rows = hapaxRows(batchTokens, measureTokens, growth);
      expect(rows.map((row) => row[5])).toEqual(['1', '0.5', '0.5']); // the curve itself is unchanged
      expect(rows.map((row, g) => (g <= through ? row[6] !== '' : row[6]))).toEqual([0, 1, 2].map((g) => (g <= through ? true : '')));
    }
    // generation 1's value is the law's for the growing batches (m_1 = 1: batch 1 is N whatever R)
    expect(Number(hapaxRows(20, 20, 1.5)[1]![6])).toBeCloseTo(law[1]![0]!, 6);
  });
});
