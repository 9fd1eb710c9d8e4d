/**
 * SummaryTable (the `--summary` CSV) from curves records, on hand-countable fixtures: n, mean, sd and
 * the Student-t interval; empty values skipped; the order of cells, generations and metrics; every
 * setting of the cell on every row (select and tokens_growth too); the survival law's rows.
 */

import { describe, expect, it } from 'vitest';
import { METRIC_COLUMNS } from '../../src/metrics/columns.js';
import { CURVE_COLUMNS } from '../../src/export/curveRecord.js';
import { SUMMARY_COLUMNS, SummaryTable } from '../../src/export/summaryTable.js';

/** A cell the survival law does not cover (human_ratio 0.1). */
const SETTINGS: Record<string, string> = {
  cell: 'c',
  strategy: 'replace',
  human_ratio: '0.1',
  human_pool: 'fresh',
  anchor: '0',
  order: '3',
  smoothing: 'mle',
  vocab: 'observed',
  temperature: '1',
  top_k: '0',
  top_p: '1',
  select: 'none',
  tokens_growth: '1',
};

/** A curves record: the settings above, then `values` (metrics not given are empty). */
function curve(values: Record<string, string>): string[] {
  return CURVE_COLUMNS.map((column) => values[column] ?? SETTINGS[column] ?? '');
}

/** The summary's rows as objects keyed by SUMMARY_COLUMNS. */
function rows(table: SummaryTable): Array<Record<string, string>> {
  return [...table.records()].map((record) => Object.fromEntries(SUMMARY_COLUMNS.map((column, i) => [column, record[i]!])));
}

describe('SummaryTable', () => {
  it('n, mean, sd (n - 1) and mean -/+ t(0.975, n - 1) sd / sqrt(n) across replicates', () => {
    const table = new SummaryTable();
    table.add(curve({ replicate: '0', generation: '0', types: '10' }));
    table.add(curve({ replicate: '1', generation: '0', types: '14' }));
    const types = rows(table).find((row) => row['metric'] === 'types')!;
    // mean (10 + 14) / 2 = 12; sd sqrt((4 + 4) / 1) = 2.82843; sd / sqrt(2) = 2;
    // t(0.975, 1) = 12.7062: 12 -/+ 25.4124 = -13.4124 .. 37.4124
    expect(types).toMatchObject({ n: '2', mean: '12', sd: '2.82843', ci_low: '-13.4124', ci_high: '37.4124' });
  });

  it('one replicate: n 1, no sd and no interval; an empty value is not counted', () => {
    const table = new SummaryTable();
    table.add(curve({ replicate: '0', generation: '0', types: '7', ttr: '' }));
    table.add(curve({ replicate: '1', generation: '0', types: '', ttr: '0.5' }));
    const byMetric = new Map(rows(table).map((row) => [row['metric'], row]));
    expect(byMetric.get('types')).toMatchObject({ n: '1', mean: '7', sd: '', ci_low: '', ci_high: '' });
    expect(byMetric.get('ttr')).toMatchObject({ n: '1', mean: '0.5' });
    // a metric no replicate has: n 0, the statistics empty
    expect(byMetric.get('mattr')).toMatchObject({ n: '0', mean: '', sd: '' });
  });

  it('refuses a metric field that is not a number (a damaged file given to merge --summary), naming where', () => {
    const table = new SummaryTable();
    expect(() => table.add(curve({ cell: 'c', generation: '3', ttr: 'abc' }))).toThrow('cell c generation 3: ttr is "abc", not a number');
  });

  it('cells in order of first appearance, generations ascending, metrics in curves order', () => {
    const table = new SummaryTable();
    table.add(curve({ cell: 'b', generation: '1', types: '1' }));
    table.add(curve({ cell: 'a', generation: '0', types: '2' }));
    table.add(curve({ cell: 'b', generation: '0', types: '3' }));
    const order = rows(table).map((row) => `${row['cell']}:${row['generation']}:${row['metric']}`);
    const metricsOf = (cell: string, generation: number) => METRIC_COLUMNS.map((metric) => `${cell}:${generation}:${metric}`);
    expect(order).toEqual([...metricsOf('b', 0), ...metricsOf('b', 1), ...metricsOf('a', 0)]);
  });

  it('every row carries all of its cell settings, select and tokens_growth last as in the curves CSV', () => {
    expect(SUMMARY_COLUMNS.slice(-9)).toEqual(['generation', 'metric', 'n', 'mean', 'sd', 'ci_low', 'ci_high', 'select', 'tokens_growth']);
    const table = new SummaryTable();
    // two cells that differ only in --select and --tokens-growth
    table.add(curve({ cell: 'x', generation: '0', types: '5' }));
    table.add(curve({ cell: 'y', generation: '0', types: '6', select: 'dedup', tokens_growth: '2' }));
    const types = rows(table).filter((row) => row['metric'] === 'types');
    expect(types.map((row) => [row['cell'], row['human_ratio'], row['select'], row['tokens_growth']])).toEqual([
      ['x', '0.1', 'none', '1'],
      ['y', '0.1', 'dedup', '2'],
    ]);
  });

  it("the survival law's rows where it applies: a prediction (n, sd, interval empty), after each generation's metrics", () => {
    // Pure resampling (human_ratio 0, MLE, replace, plain sampling); seed counts: one hapax and one type
    // seen 3 times; 10 draws a generation (9 tokens + 1 sentence end), each from a fit on 10, so the law
    // gives 1 - 0.9^10 = 0.651322 for the hapax and 1 - 0.9^30 = 0.957609 for the other at generation 1.
    const table = new SummaryTable([1, 3]);
    for (const generation of ['0', '1']) table.add(curve({ human_ratio: '0', generation, tokens: '9', sentences: '1' }));
    const theory = rows(table).filter((row) => row['metric']!.startsWith('theory_'));
    expect(theory.map((row) => [row['generation'], row['metric'], row['n'], row['mean'], row['sd'], row['ci_low'], row['ci_high']])).toEqual([
      ['0', 'theory_survival_1', '', '1', '', '', ''],
      ['0', 'theory_survival_2_5', '', '1', '', '', ''],
      ['0', 'theory_survival_6_20', '', '', '', '', ''],
      ['0', 'theory_survival_21_plus', '', '', '', '', ''],
      ['1', 'theory_survival_1', '', '0.651322', '', '', ''],
      ['1', 'theory_survival_2_5', '', '0.957609', '', '', ''],
      ['1', 'theory_survival_6_20', '', '', '', '', ''],
      ['1', 'theory_survival_21_plus', '', '', '', '', ''],
    ]);
    const all = rows(table);
    // each generation: its metrics, then its four law rows
    expect(all.findIndex((row) => row['metric'] === 'theory_survival_1')).toBe(METRIC_COLUMNS.length);
    expect(theory.every((row) => row['select'] === 'none' && row['tokens_growth'] === '1')).toBe(true);
  });

  it('the law from the mean draws over replicates (tokens + sentence ends) and the cell\'s --tokens-growth', () => {
    // Generation 0 (one replicate): 9 + 1 = 10 draws; generation 1: replicates of 18 + 1 and 20 + 1, mean
    // 20 draws from a fit on 10: g_1 = -20 ln 0.9, so the hapax survives with 1 - 0.9^20 = 0.878423, the
    // 3-count type 1 - 0.9^60 = 0.998203.
    const table = new SummaryTable([1, 3]);
    table.add(curve({ human_ratio: '0', replicate: '0', generation: '0', tokens: '9', sentences: '1' }));
    table.add(curve({ human_ratio: '0', replicate: '0', generation: '1', tokens: '18', sentences: '1' }));
    table.add(curve({ human_ratio: '0', replicate: '1', generation: '1', tokens: '20', sentences: '1' }));
    const at1 = rows(table).filter((row) => row['generation'] === '1' && row['metric']!.startsWith('theory_'));
    expect(at1.map((row) => row['mean'])).toEqual(['0.878423', '0.998203', '', '']);
    // --tokens-growth 2, 10 draws measured in every generation 0..3: the batches trained on are 10, 10, 20,
    // so row 3 composes 10 draws from a fit on 20 (innermost), 20 from 10, then 10 from 10; with
    // s(M, T, x) = -M ln(1 - (1 - e^-x) / T): g_3 = s(10, 10, s(20, 10, s(10, 20, Infinity))) and the hapax
    // survives with 1 - exp(-g_3) = 0.43752 (growth 1, three times s(10, 10, .): 0.394981).
    const grown = (growth: string) => {
      const cell = new SummaryTable([1]);
      for (const generation of ['0', '1', '2', '3']) cell.add(curve({ human_ratio: '0', tokens_growth: growth, generation, tokens: '9', sentences: '1' }));
      return rows(cell).find((row) => row['generation'] === '3' && row['metric'] === 'theory_survival_1')!['mean'];
    };
    expect(grown('2')).toBe('0.43752');
    expect(grown('1')).toBe('0.394981');
  });

  it('no law rows where it does not apply, without seed counts, or with a generation missing', () => {
    const covered = { human_ratio: '0', tokens: '9', sentences: '1' };
    const withRatio = new SummaryTable([1]);
    withRatio.add(curve({ generation: '0', tokens: '9', sentences: '1' }));
    const withoutCounts = new SummaryTable();
    withoutCounts.add(curve({ ...covered, generation: '0' }));
    const gap = new SummaryTable([1]);
    for (const generation of ['0', '2']) gap.add(curve({ ...covered, generation }));
    for (const table of [withRatio, withoutCounts, gap]) expect(rows(table).some((row) => row['metric']!.startsWith('theory_'))).toBe(false);
  });
});
