/**
 * chartLayers.ts at the level of the Vega-Lite spec: the records the layers read, a chart's colour
 * domain and legend entries, and what the layers encode (the highlight, the tooltips, the legend).
 */

import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../../src/export/report/aggregateCurves.js';
import { chartData, colorEncoding, curveLayers, hasBands, legendCells, thinsDots } from '../../../src/export/report/chartLayers.js';

const point = (cell: string, sd?: number, ciLow?: number, ciHigh?: number): SeriesPoint => ({ metric: 'types', cell, generation: 2, n: 3, mean: 10, sd, ciLow, ciHigh });

describe('chartData', () => {
  it('labels a point by its cell, and writes sd and the interval as text, or says there is one replicate', () => {
    const labels = new Map([['c1', 'human_ratio=0']]);
    const [full, single, half] = chartData([point('c1', 0.5, 1, 2), point('c2'), point('c1', 0.25, 3, undefined)], labels, 620);
    expect(full).toMatchObject({ metric: 'types', label: 'human_ratio=0', cell: 'c1', generation: 2, mean: 10, n: 3, ci_low: 1, ci_high: 2, sd_text: '0.5', ci_text: '1 to 2' });
    // a cell missing from the labels keeps its name; no sd, no interval: one replicate
    expect(single).toMatchObject({ label: 'c2', ci_low: null, ci_high: null, sd_text: '— (one replicate)', ci_text: '— (one replicate)' });
    // an interval needs both ends
    expect(half).toMatchObject({ sd_text: '0.25', ci_text: '— (one replicate)', ci_high: null });
  });
});

describe('chartData: the dots of a long chart', () => {
  const line = (last: number): SeriesPoint[] => Array.from({ length: last + 1 }, (_, generation) => ({ metric: 'types', cell: 'c', generation, n: 2, mean: 5, sd: 1, ciLow: 4, ciHigh: 6 }));

  it('dots every point of a chart whose last generation is at most its width / 6 (no dot field: the spec as before)', () => {
    // 620 px: 103 generations
    const data = chartData(line(103), new Map(), 620);
    expect(data.every((datum) => !('dot' in datum) && datum.sd_text === '1' && datum.ci_text === '4 to 6')).toBe(true);
    expect(thinsDots(line(103), 620)).toBe(false);
  });

  it('marks the dotted points of a longer one and writes the tooltip texts on them alone (./chartDots.ts chooses them)', () => {
    // 0..104 at 620 px: k = ceil(104 / 103) = 2; dots at 0, 2, 4, ..., 102, 104 (53)
    const data = chartData(line(104), new Map(), 620);
    expect(data.filter((datum) => datum.dot === true).map((datum) => datum.generation)).toEqual(Array.from({ length: 53 }, (_, index) => 2 * index));
    expect(data).toHaveLength(105);
    expect(data.filter((datum) => datum.dot !== true).every((datum) => !('dot' in datum) && !('sd_text' in datum) && !('ci_text' in datum))).toBe(true);
    expect(data.filter((datum) => datum.dot === true).every((datum) => datum.sd_text === '1' && datum.ci_text === '4 to 6')).toBe(true);
    expect(thinsDots(line(104), 620)).toBe(true);
  });

  it('draws the dots layer only where dot is true when told the dots are thinned', () => {
    const cells = { domain: ['a'], shown: ['a'] };
    expect((curveLayers('types', cells, false, { thinnedDots: true })[1] as unknown as Record<string, unknown>)['transform']).toEqual([{ filter: 'datum.dot' }]);
    expect((curveLayers('types', cells, false)[1] as unknown as Record<string, unknown>)['transform']).toBeUndefined();
  });
});

describe('legendCells', () => {
  it("colours over every cell of the report, in the labels' order, and lists the cells drawn (unlabelled ones last)", () => {
    const labels = new Map([['c1', 'a'], ['c2', 'b'], ['c3', 'c']]);
    expect(legendCells(labels, new Set(['c3', 'x9', 'c1']))).toEqual({ domain: ['a', 'b', 'c', 'x9'], shown: ['a', 'c', 'x9'] });
    expect(legendCells(labels, new Set())).toEqual({ domain: ['a', 'b', 'c'], shown: [] });
  });
});

describe('curveLayers', () => {
  const cells = { domain: ['a', 'b', 'c'], shown: ['a', 'c'] };
  const [band, line, points] = curveLayers('types', cells, true, { countTitle: 'series' }) as Array<Record<string, any>>;

  it('bands where both ends of the interval are numbers, clipped to the plot', () => {
    expect(band!['transform']).toEqual([{ filter: 'isValid(datum.ci_low) && isValid(datum.ci_high)' }]);
    expect(band!['mark']).toEqual({ type: 'area', interpolate: 'linear', clip: true });
    expect(band!['encoding'].y.field).toBe('ci_low');
    expect(band!['encoding'].y2).toEqual({ field: 'ci_high' });
  });

  it('draws no band layer where no point has an interval (one replicate, Kaplan–Meier): Vega warned of its empty extents', () => {
    const layers = curveLayers('types', cells, false) as Array<Record<string, any>>;
    expect(layers.map((layer) => layer['mark'].type)).toEqual(['line', 'point']);
    expect(hasBands([point('c1'), point('c2', 0.5, 1, undefined)])).toBe(false);
    expect(hasBands([point('c1'), point('c2', 0.5, 1, 2)])).toBe(true);
  });

  it('highlights the cells picked in the legend (all, when none is), dimming the others', () => {
    expect(line!['params']).toEqual([{ name: 'pick', select: { type: 'point', fields: ['label'] }, bind: 'legend' }]);
    expect(line!['encoding'].opacity).toEqual({ condition: { param: 'pick', value: 1, empty: true }, value: 0.15 });
    expect(band!['encoding'].opacity).toEqual({ condition: { param: 'pick', value: 0.18, empty: true }, value: 0.04 });
    expect(line!['encoding'].x).toMatchObject({ field: 'generation', axis: { tickMinStep: 1, format: 'd' }, scale: { nice: false } });
  });

  it('gives every point a tooltip of its exact values, the count titled as asked', () => {
    const tooltip = points!['encoding'].tooltip as Array<{ field: string; title: string; format?: string }>;
    expect(tooltip.map(({ field, title }) => [field, title])).toEqual([
      ['label', 'cell'],
      ['metric', 'metric'],
      ['generation', 'generation'],
      ['mean', 'mean'],
      ['n', 'series'],
      ['sd_text', 'sd'],
      ['ci_text', '95% CI'],
    ]);
    expect(tooltip[3]!.format).toBe('.8~g');
  });

  it('puts a bottom legend in three columns, a right one in one; titled "cell"', () => {
    const bottom = colorEncoding(cells, 'bottom');
    expect(bottom.title).toBe('cell');
    expect(bottom.legend).toMatchObject({ orient: 'bottom', direction: 'horizontal', columns: 3, values: ['a', 'c'], symbolLimit: 0 });
    const right = colorEncoding(cells);
    expect(right.legend.orient).toBe('right');
    expect(right.legend).not.toHaveProperty('columns');
    expect(right.scale).toEqual({ domain: ['a', 'b', 'c'], range: ['#3e669f', '#a72b13', '#9b9219'] });
  });
});
