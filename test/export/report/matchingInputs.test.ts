/**
 * plot's summary and survival inputs must describe the curves it draws: a summary line's count and mean
 * are the curves' (fixture curves.csv: c1 generation 1 vocab_retention 0.8, 0.9, 1.0, mean 0.9), and a
 * Kaplan–Meier cell is a cell of the curves ending at its last generation (3 in the fixture), its band 1
 * starting with the curves' seed hapaxes at risk.
 */

import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import type { SeriesPoint } from '../../../src/export/report/aggregateCurves.js';
import { checkSummaryMatches, checkSurvivalMatches } from '../../../src/export/report/matchingInputs.js';
import { readCurves } from '../../../src/export/report/readCurves.js';
import { readSummary } from '../../../src/export/report/readSummary.js';
import { fixture } from './fixtures.js';

const point = (cell: string, generation: number, metric: string, n: number, mean: number): SeriesPoint => ({ metric, cell, generation, n, mean, sd: undefined, ciLow: undefined, ciHigh: undefined });

/** `summary` with `line` in place of its line of the same metric, cell and generation (or added). */
function withLine(summary: readonly SeriesPoint[], line: SeriesPoint): SeriesPoint[] {
  const same = (other: SeriesPoint): boolean => other.metric === line.metric && other.cell === line.cell && other.generation === line.generation;
  return [...summary.filter((other) => !same(other)), line];
}

describe('checkSummaryMatches', () => {
  it("accepts the fixture summary of the fixture curves (its intervals differ, its means and counts do not), and lines of metrics the curves lack", async () => {
    const curves = await readCurves(fixture('curves.csv'));
    const summary = await readSummary(fixture('summary.csv'));
    expect(() => checkSummaryMatches(summary, curves, 's.csv')).not.toThrow();
    // the survival law's rows name no metric of the curves: not compared
    expect(() => checkSummaryMatches([point('c1', 1, 'theory_survival_1', 3, 0.123)], curves, 's.csv')).not.toThrow();
    // a mean written with 6 significant digits matches: 0.65 is 0.6499999999999999 in the curves
    expect(() => checkSummaryMatches(withLine(summary, point('c1', 2, 'vocab_retention', 3, 0.65)), curves, 's.csv')).not.toThrow();
  });

  it('refuses a summary of part of the curves: a metric it has lines of, missing where the curves hold values (a shard\'s summary beside merged curves drew one cell of two: audit)', async () => {
    const curves = await readCurves(fixture('curves.csv'));
    const summary = await readSummary(fixture('summary.csv'));
    const without = (cell: string, generation: number, metric: string): SeriesPoint[] => summary.filter((line) => !(line.cell === cell && line.generation === generation && line.metric === metric));
    expect(() => checkSummaryMatches(without('c3', 2, 'vocab_retention'), curves, 's.csv')).toThrow('--summary s.csv has no vocab_retention line for cell c3 generation 2, which the curves hold: it summarises part of them');
    // a whole cell left out (a shard's summary): refused at its first generation
    expect(() => checkSummaryMatches(summary.filter((line) => line.cell !== 'c3'), curves, 's.csv')).toThrow(/has no \w+ line for cell c3 generation 0,/u);
    // where the curves hold no value (drift_expected_types at generation 0) no line is wanted; a metric without any line is drawn from the curves
    expect(() => checkSummaryMatches(without('c1', 0, 'drift_expected_types'), curves, 's.csv')).not.toThrow();
    expect(() => checkSummaryMatches(summary.filter((line) => line.metric !== 'ttr'), curves, 's.csv')).not.toThrow();
  });

  it('refuses a summary of other curves: another mean, another count, a cell or generation the curves lack', async () => {
    const curves = await readCurves(fixture('curves.csv'));
    const summary = await readSummary(fixture('summary.csv'));
    const refusal = (line: SeriesPoint): unknown => {
      try {
        checkSummaryMatches(withLine(summary, line), curves, 's.csv');
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const other = refusal(point('c1', 1, 'vocab_retention', 3, 0.91));
    expect(other).toBeInstanceOf(InputError);
    expect((other as InputError).message).toBe('--summary s.csv: cell c1 generation 1 vocab_retention is a mean of 3 (0.91), the curves hold 3 values (mean 0.9)');
    expect((other as InputError).hint).toMatch(/the same run wrote/);
    expect((refusal(point('c1', 1, 'vocab_retention', 2, 0.9)) as Error).message).toMatch(/is a mean of 2 \(0\.9\), the curves hold 3 values/);
    expect((refusal(point('c9', 1, 'vocab_retention', 3, 0.9)) as Error).message).toBe('--summary s.csv: cell c9 generation 1 is not in the curves');
    expect((refusal(point('c1', 4, 'vocab_retention', 3, 0.9)) as Error).message).toBe('--summary s.csv: cell c1 generation 4 is not in the curves');
    // drift_expected_types is empty at generation 0: a summary line there summarises values the curves do not hold
    expect((refusal(point('c1', 0, 'drift_expected_types', 3, 100)) as Error).message).toMatch(/the curves hold 0 values/);
  });
});

describe('checkSurvivalMatches', () => {
  it('accepts cells of the curves that end where they end, and refuses others', async () => {
    const curves = await readCurves(fixture('curves.csv'));
    // band 1 starts with H's hapaxes in each replicate at risk: 800 x 3 replicates in the fixture
    const km = (cell: string, last: number, atRisk = 2400): SeriesPoint[] => Array.from({ length: last + 1 }, (_, g) => point(cell, g, 'survival_1', g === 0 ? atRisk : 10, 1 - g / 10));
    expect(() => checkSurvivalMatches([...km('c1', 3), ...km('c2', 3), ...km('c3', 3)], curves, 'k.csv')).not.toThrow();
    // a file of part of the cells (a shard's own, beside the merged curves: the chart drew one cell of two, exit 0: audit)
    expect(() => checkSurvivalMatches([...km('c1', 3), ...km('c3', 3)], curves, 'k.csv')).toThrow("--survival k.csv has no rows for cell c2, which the curves hold: it is of part of them (a shard's own file?)");
    expect(() => checkSurvivalMatches([...km('c1', 2), ...km('c2', 3), ...km('c3', 3)], curves, 'k.csv')).toThrow('--survival k.csv: cell c1 ends at generation 2, the curves at 3');
    expect(() => checkSurvivalMatches([...km('c4', 3), ...km('c2', 3)], curves, 'k.csv')).toThrow('--survival k.csv: cell c4 is not in the curves');
    // another run's file (another --seed: another H) with these cells and generations (it was drawn)
    expect(() => checkSurvivalMatches([...km('c1', 3, 2379), ...km('c2', 3), ...km('c3', 3)], curves, 'k.csv')).toThrow("--survival k.csv: cell c1 has 2379 seed hapaxes at risk at generation 0, the curves' H 2400 over 3 replicate(s)");
  });
});
