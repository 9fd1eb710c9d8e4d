import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CELL_COLOURS, cellColourScale } from '../../../src/export/report/cellPalette.js';
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

/** A colour string of the palette (#rrggbb or hsl(h, s%, l%)) as sRGB channels 0..1 (HSL by the classic hue-to-RGB steps, not the code's CSS Color 4 formula). */
function rgbOf(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/u.exec(colour);
  if (hex !== null) return [1, 2, 3].map((i) => parseInt(hex[i]!, 16) / 255) as [number, number, number];
  const [h, s, l] = /^hsl\(([\d.]+), (\d+)%, ([\d.]+)%\)$/u.exec(colour)!.slice(1).map(Number) as [number, number, number];
  const q = l < 50 ? (l / 100) * (1 + s / 100) : l / 100 + s / 100 - (l / 100) * (s / 100);
  const p = (2 * l) / 100 - q;
  const hue = (t: number): number => {
    const u = ((t % 1) + 1) % 1;
    return u < 1 / 6 ? p + (q - p) * 6 * u : u < 1 / 2 ? q : u < 2 / 3 ? p + (q - p) * (2 / 3 - u) * 6 : p;
  };
  return [hue(h / 360 + 1 / 3), hue(h / 360), hue(h / 360 - 1 / 3)];
}

const toLinear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toGamma = (c: number): number => { const v = Math.min(1, Math.max(0, c)); return v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055; };

/** WCAG 2.1: (1 + 0.05) / (L + 0.05) against white, L the relative luminance. */
function contrast(rgb: [number, number, number]): number {
  const [r, g, b] = rgb.map(toLinear) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

/** Machado, Oliveira & Fernandes (2009), severity 1, on linear RGB. */
const DEFICIENCIES: Record<string, number[][]> = {
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

/** CIELAB (D65) of an sRGB colour, after `matrix` (a simulated deficiency) if given. */
function lab(rgb: [number, number, number], matrix?: number[][]): [number, number, number] {
  let linear = rgb.map(toLinear);
  if (matrix !== undefined) linear = matrix.map((row) => toLinear(toGamma(row[0]! * linear[0]! + row[1]! * linear[1]! + row[2]! * linear[2]!)));
  const [r, g, b] = linear as [number, number, number];
  const xyz = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  const [fx, fy, fz] = xyz.map((t) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116)) as [number, number, number];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
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
