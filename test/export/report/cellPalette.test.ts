import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CELL_COLOURS, cellColourScale } from '../../../src/export/report/cellPalette.js';
import { curveTableFromRecords } from '../../../src/export/report/readCurves.js';
import { metricChartSpec } from '../../../src/export/report/metricChart.js';
import { renderSvg, renderSvgCharts } from '../../../src/export/report/svgCharts.js';
import type { SeriesPoint } from '../../../src/export/report/aggregateCurves.js';
import { contrast, DEFICIENCIES, lab, rgbOf } from './colourVision.js';
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
  it('gives up to 10 cells the first colours of CELL_COLOURS, in order', () => {
    expect(cellColourScale(1)).toEqual({ range: ['#3e669f'] });
    expect(cellColourScale(4)).toEqual({ range: CELL_COLOURS.slice(0, 4) });
    expect(cellColourScale(10)).toEqual({ range: CELL_COLOURS });
  });

  it('keeps every colour at 3:1 or more against the white page, for any number of cells (Tableau\'s yellow was 1.6:1: audit)', () => {
    for (let count = 1; count <= 90; count++) {
      for (const colour of cellColourScale(count).range) expect(contrast(rgbOf(colour)), `${colour} of ${count}`).toBeGreaterThanOrEqual(3);
    }
    // above 10, each at its level's contrast, whatever its hue: 7, 4.6, 3.1 in turn (rounded darker)
    const levels = cellColourScale(24).range.map((colour) => contrast(rgbOf(colour)));
    levels.forEach((level, i) => expect(level - [7, 4.6, 3.1][i % 3]!, `cell ${i + 1}`).toBeGreaterThanOrEqual(0));
    levels.forEach((level, i) => expect(level - [7, 4.6, 3.1][i % 3]!, `cell ${i + 1}`).toBeLessThan(0.1));
  });

  it('keeps the ten colours apart as readers with a colour-vision deficiency see them: CIE76 distance >= 17 for every pair (Tableau\'s came down to 1.7: audit)', () => {
    for (const [name, matrix] of [['normal vision', undefined], ...Object.entries(DEFICIENCIES)] as const) {
      const seen = CELL_COLOURS.map((colour) => lab(rgbOf(colour), matrix));
      let closest = Infinity;
      for (let i = 0; i < seen.length; i++) for (let j = i + 1; j < seen.length; j++) closest = Math.min(closest, Math.hypot(...seen[i]!.map((v, k) => v - seen[j]![k]!)));
      expect(closest, name).toBeGreaterThanOrEqual(17);
    }
  });

  it('gives 11 or more cells as many colours, no two alike, neighbours at different lightness as seen (contrast)', () => {
    for (const count of [11, 21, 25, 60, 200]) {
      const scale = cellColourScale(count);
      expect(scale.range).toHaveLength(count);
      expect(new Set(scale.range).size).toBe(count);
      // as seen, whatever the hues (greens darkened to hold 3:1 bunched into one mid-green: round 2)
      const seen = scale.range.map((colour) => contrast(rgbOf(colour)));
      for (let i = 1; i < count; i++) expect(Math.abs(seen[i]! - seen[i - 1]!), `cells ${i} and ${i + 1} of ${count}`).toBeGreaterThan(1.4);
    }
  });

  it('spreads the hues of 24 cells evenly: 8 per lightness, 45 degrees apart, each level offset by 15', () => {
    const scale = cellColourScale(24);
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
