/**
 * The --survival file (survivalCurves.ts): Kaplan–Meier curves of the seed types by seed-count band,
 * over every replicate of a cell, in the order of the cells asked for; and the law column, beside a
 * curve only through the last generation whose rows measure their whole batches, so that a first
 * absence is an extinction under pure MLE.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SURVIVAL_CURVE_COLUMNS, SurvivalCurves } from '../../src/export/survivalCurves.js';
import { UsageError } from '../../src/errors.js';
import { sizesBatchScale, theoryBands } from '../../src/metrics/survivalTheory.js';

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

describe('SurvivalCurves: the curves', () => {
  /** An extinction table of seed types 10, 11, ... with these seed counts and first absences (-1: never absent). */
  const tableOf = (seedCounts: number[], firstAbsent: number[]) => ({
    types: Int32Array.from(seedCounts, (_, t) => 10 + t),
    seedCounts: Int32Array.from(seedCounts),
    lastSeen: Int32Array.from(firstAbsent, (g) => (g < 0 ? 2 : g - 1)),
    firstAbsent: Int32Array.from(firstAbsent),
    comebacks: new Int32Array(seedCounts.length),
  });

  it('writes the columns the README names, in order', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const named = /and generation 0\.\.G: `(cell, band, [^`]+)`/u.exec(readme)?.[1];
    expect(named).toBeDefined();
    expect(SURVIVAL_CURVE_COLUMNS).toEqual(named!.split(', '));
  });

  it('pools the replicates of a cell by band (each bound in its band), in the order of the cells asked for, skipping bands and cells with no types', () => {
    const curves = new SurvivalCurves(2);
    // cell a, 2 replicates, seed counts on every band's bounds: 1 | 2, 5 | 6, 20 | 21
    curves.add('a', tableOf([1, 2, 5, 6, 20, 21], [1, -1, 2, -1, -1, 1]));
    curves.add('b', tableOf([1, 30], [-1, 2]));
    curves.add('a', tableOf([1, 2, 5, 6, 20, 21], [1, 1, -1, 2, -1, -1]));
    // Band 1: first absences 1, 1: at risk 2 at generations 0 and 1, both lost at 1: S = 1, 0, 0.
    // Band 2_5: -1, 2 | 1, -1: S(1) = 1 - 1/4 = 0.75, S(2) = 0.75 (1 - 1/3) = 0.5.
    // Band 6_20: -1, -1 | 2, -1: S(2) = 1 - 1/4 = 0.75. Band 21_plus: 1 | -1: S(1) = S(2) = 0.5.
    // Cell b: a hapax never lost; 30 (21_plus) lost at 2; no type in 2_5 or 6_20, so no rows there.
    // Cell x has no table, and no cell has draws: no law.
    const rows = [...curves.records(['b', 'x', 'a'], new Map())];
    expect(rows.map((row) => row.join(','))).toEqual([
      'b,1,0,1,0,1,', 'b,1,1,1,0,1,', 'b,1,2,1,0,1,',
      'b,21_plus,0,1,0,1,', 'b,21_plus,1,1,0,1,', 'b,21_plus,2,1,1,0,',
      'a,1,0,2,0,1,', 'a,1,1,2,2,0,', 'a,1,2,0,0,0,',
      'a,2_5,0,4,0,1,', 'a,2_5,1,4,1,0.75,', 'a,2_5,2,3,1,0.5,',
      'a,6_20,0,4,0,1,', 'a,6_20,1,4,0,1,', 'a,6_20,2,4,1,0.75,',
      'a,21_plus,0,2,0,1,', 'a,21_plus,1,2,1,0.5,', 'a,21_plus,2,1,0,0.5,',
    ]);
  });

  it('gives the law only with a draw count for every generation 0..G', () => {
    const curves = new SurvivalCurves(2);
    curves.add('a', tableOf([1, 1], [1, -1]));
    const lawOf = (cellDraws: number[]): string[] => [...curves.records(['a'], new Map([['a', { draws: cellDraws, growth: 1 }]]))].filter((row) => row[1] === '1').map((row) => row[6]!);
    expect(lawOf([20, 20, 20]).every((value) => value !== '')).toBe(true);
    expect(lawOf([20, 20])).toEqual(['', '', '']);
    expect(lawOf([20, 20, 20, 20])).toEqual(['', '', '']);
  });

  it('scales the law by N / M where the rows measure more than their batch', () => {
    // N = 20, M = 40: the law's batch scale is 0.5, and its values are not those at scale 1
    const law = theoryBands(table.seedCounts, draws, 1, sizesBatchScale({ batchTokens: 20, measureTokens: 40 }));
    const unscaled = theoryBands(table.seedCounts, draws, 1, 1);
    const rows = hapaxRows(20, 40, 1);
    expect(law[2]![0]!.toPrecision(6)).not.toBe(unscaled[2]![0]!.toPrecision(6));
    rows.forEach((row, g) => expect(Number(row[6])).toBeCloseTo(law[g]![0]!, 6));
  });

  it('refuses sizes that are not whole numbers of 1 or more, with what to pass; takes 1', () => {
    expect(() => new SurvivalCurves(2, { batchTokens: 1, measureTokens: 1 })).not.toThrow();
    for (const sizes of [{ batchTokens: 20, measureTokens: 0 }, { batchTokens: 1.5, measureTokens: 20 }, { batchTokens: 20, measureTokens: 2.5 }]) {
      expect(() => new SurvivalCurves(2, sizes)).toThrow(
        expect.objectContaining({ hint: "pass the run's batchTokens and measureTokens (a PreparedRun has both), or leave it out" }),
      );
    }
  });
});
