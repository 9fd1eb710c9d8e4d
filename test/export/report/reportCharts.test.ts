import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../../src/errors.js';
import { buildReportCharts } from '../../../src/export/report/reportCharts.js';
import { readCurves } from '../../../src/export/report/readCurves.js';
import { readSummary } from '../../../src/export/report/readSummary.js';
import { fixture } from './fixtures.js';

interface Datum { cell: string; generation: number; mean: number; ci_low: number | null; ci_high: number | null; ci_text: string }
const dataOf = (spec: unknown): Datum[] => (spec as { data: { values: Datum[] } }).data.values;

describe('buildReportCharts', () => {
  it('recomputes means and Student-t bands from the curves alone', async () => {
    const { rows, columns } = await readCurves(fixture('curves.csv'));
    const charts = buildReportCharts(rows, { columns, metrics: ['vocab_retention'] });
    const point = dataOf(charts.metrics[0]!.spec).find((d) => d.cell === 'c1' && d.generation === 1)!;
    // 0.8, 0.9, 1.0: mean 0.9 ± 4.302653 * 0.1 / sqrt(3) = 0.9 ± 0.248414
    expect(point.mean).toBeCloseTo(0.9, 12);
    expect(point.ci_low).toBeCloseTo(0.651586, 6);
    // drawn up to 1, a share's top; the tooltip gives the interval as computed
    expect(point.ci_high).toBe(1);
    expect(point.ci_text).toMatch(/^0\.6515862\d* to 1\.148413\d*$/u);
  });

  it('draws the summary intervals as written when a summary is given', async () => {
    const { rows, columns } = await readCurves(fixture('curves.csv'));
    const summary = await readSummary(fixture('summary.csv'));
    const charts = buildReportCharts(rows, { columns, summary, metrics: ['vocab_retention', 'entropy_bits'] });
    const point = dataOf(charts.metrics[0]!.spec).find((d) => d.cell === 'c1' && d.generation === 1)!;
    expect([point.mean, point.ci_low, point.ci_high]).toEqual([0.9, 0.5, 0.99]);
    // entropy_bits is not in the summary: still computed from the curves, 3 cells x 4 generations
    expect(dataOf(charts.metrics[1]!.spec)).toHaveLength(12);
  });

  it('keeps the survival chart unless --metrics leaves every survival band out', async () => {
    const { rows, columns } = await readCurves(fixture('curves.csv'));
    expect(buildReportCharts(rows, { columns }).survival).toBeDefined();
    expect(buildReportCharts(rows, { columns, metrics: ['survival_1'] }).survival).toBeDefined();
    // the bands named, and only they (`--metrics survival_1` drew all four: audit)
    const panels = (metrics?: string[]) => (buildReportCharts(rows, { columns, ...(metrics === undefined ? {} : { metrics }) }).survival as unknown as { facet: { column: { sort: string[] } } }).facet.column.sort;
    expect(panels(['survival_1'])).toEqual(['seen 1 ×']);
    expect(panels(['survival_6_20', 'survival_1'])).toEqual(['seen 1 ×', 'seen 6–20 ×']);
    expect(panels()).toHaveLength(4);
    expect(buildReportCharts(rows, { columns, metrics: ['vocab_retention'] }).survival).toBeUndefined();
  });

  it('lists metrics without any value as skipped instead of drawing empty charts', () => {
    const rows = [{ cell: 'a', replicate: 1, generation: 0, types: 3, heldout_perplexity: '' }];
    const charts = buildReportCharts(rows, { columns: ['cell', 'replicate', 'generation', 'types', 'heldout_perplexity'] });
    expect(charts.metrics.map((chart) => chart.metric)).toEqual(['types']);
    expect(charts.skipped).toEqual(['heldout_perplexity']);
  });

  it('refuses unknown metrics, listing the known ones, and empty curves', async () => {
    const { rows, columns } = await readCurves(fixture('curves.csv'));
    expect(() => buildReportCharts(rows, { columns, metrics: ['vocab', 'ttr'] })).toThrow(UsageError);
    expect(() => buildReportCharts(rows, { columns, metrics: ['vocab'] })).toThrow(/unknown metric 'vocab'/);
    expect(() => buildReportCharts([], {})).toThrow(InputError);
  });

  it('says why a column of the curves is no metric: text, or a name of the rows (it called it unknown: audit)', () => {
    const rows = [
      { cell: 'a', replicate: 1, generation: 0, types: 5, note: 'seed' },
      { cell: 'a', replicate: 1, generation: 1, types: 4, note: 'later' },
    ];
    const columns = ['cell', 'replicate', 'generation', 'types', 'note'];
    expect(() => buildReportCharts(rows, { columns, metrics: ['note', 'cell', 'vocab'] })).toThrow(
      new UsageError("unknown metric 'note' (a column whose values are not numbers), 'cell' (a column that names the rows and their settings), 'vocab'", 'choose from: types'),
    );
     // columns that name no metric: said so, not "choose from: " and nothing (review)
    expect(() => buildReportCharts(rows, { columns: ['cell', 'generation'], metrics: ['types'] })).toThrow(
      new UsageError("unknown metric 'types'", 'the columns given (cell, generation) name no metric: pass the header the rows were read with'),
    );
  });
});
