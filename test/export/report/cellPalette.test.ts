import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellColourScale } from '../../../src/export/report/cellPalette.js';
import { curveTableFromRecords } from '../../../src/export/report/readCurves.js';
import { metricChartSpec } from '../../../src/export/report/metricChart.js';
import { renderSvg, renderSvgCharts } from '../../../src/export/report/svgCharts.js';
import type { SeriesPoint } from '../../../src/export/report/aggregateCurves.js';
import { fixture } from './fixtures.js';

/** The stroke colours of an SVG chart's line marks (one path per cell). */
function lineColours(svg: string): string[] {
  const marks = [...svg.matchAll(/<g class="mark-line role-mark[^"]*"[^>]*>(.*?)<\/g>/gs)].map((m) => m[1] ?? '');
  return marks.flatMap((mark) => [...mark.matchAll(/stroke="([^"]+)"/g)].map((m) => m[1]!));
}

/** A curves CSV of `count` cells: the fixture's first cell copied, each copy a different human_ratio. */
function manyCells(count: number) {
  const [headerLine, ...lines] = readFileSync(fixture('curves.csv'), 'utf8').trim().split('\n');
  const header = headerLine!.split(',');
  const first = lines.map((line) => line.split(',')).filter((fields) => fields[0] === 'c1');
  const ratio = header.indexOf('human_ratio');
  const records = Array.from({ length: count }, (_, c) =>
    first.map((fields) => fields.map((value, i) => (i === 0 ? `c${c + 1}` : i === ratio ? String(c / 100) : value))),
  ).flat();
  return curveTableFromRecords(header, records, 'many cells');
}

describe('cellColourScale', () => {
  it("keeps Tableau's schemes up to 20 cells", () => {
    expect(cellColourScale(1)).toEqual({ scheme: 'tableau10' });
    expect(cellColourScale(10)).toEqual({ scheme: 'tableau10' });
    expect(cellColourScale(11)).toEqual({ scheme: 'tableau20' });
    expect(cellColourScale(20)).toEqual({ scheme: 'tableau20' });
  });

  it('gives 21 or more cells as many colours, no two alike, neighbours at different lightness', () => {
    for (const count of [21, 25, 60, 200]) {
      const scale = cellColourScale(count);
      if (!('range' in scale)) throw new Error(`no range for ${count} cells`);
      expect(scale.range).toHaveLength(count);
      expect(new Set(scale.range).size).toBe(count);
      const lightness = scale.range.map((colour) => /(\d+)%\)$/.exec(colour)![1]);
      for (let i = 1; i < count; i++) expect(lightness[i]).not.toBe(lightness[i - 1]);
    }
  });

  it('spreads the hues of 24 cells evenly: 8 per lightness, 45 degrees apart, each level offset by 15', () => {
    const scale = cellColourScale(24) as { range: string[] };
    const hues = scale.range.map((colour) => Number(/^hsl\(([\d.]+),/.exec(colour)![1]));
    // cell i: level i mod 3, hue (i div 3) * 45 + level * 15
    expect(hues.slice(0, 6)).toEqual([0, 15, 30, 45, 60, 75]);
    expect(hues[23]).toBe(7 * 45 + 2 * 15);
  });
});

/** The legend's entry texts of an SVG chart. */
function legendLabels(svg: string): string[] {
  return [...svg.matchAll(/role-legend-label[^"]*"><text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

/** One point per cell at generation 0 (mean = the cell's number), for metric `m`. */
function pointsOf(cells: readonly string[]): SeriesPoint[] {
  return cells.map((cell, i) => ({ metric: 'm', cell, generation: 0, mean: i, n: 1 }) as SeriesPoint);
}

describe('a chart of more than 20 cells', () => {
  it('lists every cell in its legend, 35 of 35 (Vega stopped at 29 and "...6 entries")', async () => {
    const cells = Array.from({ length: 35 }, (_, i) => `c${i + 1}`);
    const svg = await renderSvg(metricChartSpec(pointsOf(cells), 'm', new Map(cells.map((cell) => [cell, cell]))));
    expect(legendLabels(svg)).toEqual(cells);
  });

  it('gives a cell the same colour in a chart that draws only some cells as in the others', async () => {
    // 22 cells; a chart such as selected_share draws only the cells that curate (here every other one)
    const cells = Array.from({ length: 22 }, (_, i) => `c${i + 1}`);
    const labels = new Map(cells.map((cell) => [cell, cell]));
    const some = cells.filter((_, i) => i % 2 === 1);
    const whole = lineColours(await renderSvg(metricChartSpec(pointsOf(cells), 'm', labels)));
    const part = await renderSvg(metricChartSpec(pointsOf(cells).filter((point) => some.includes(point.cell)), 'm', labels));
    expect(lineColours(part)).toEqual(some.map((cell) => whole[cells.indexOf(cell)]));
    // and its legend names only the cells it draws
    expect(legendLabels(part)).toEqual(some);
  });

  it('draws each cell in a colour of its own (a Tableau scheme drew cell 21 as cell 1)', async () => {
    const table = manyCells(25);
    const [chart] = await renderSvgCharts(table.rows, { columns: table.columns, metrics: ['types'] });
    const colours = lineColours(chart!.svg);
    expect(colours).toHaveLength(25);
    expect(new Set(colours).size).toBe(25);
  });
});
