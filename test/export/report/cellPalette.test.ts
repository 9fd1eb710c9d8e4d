import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellColourScale } from '../../../src/export/report/cellPalette.js';
import { curveTableFromRecords } from '../../../src/export/report/readCurves.js';
import { renderSvgCharts } from '../../../src/export/report/svgCharts.js';
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

describe('a chart of more than 20 cells', () => {
  it('draws each cell in a colour of its own (a Tableau scheme drew cell 21 as cell 1)', async () => {
    const table = manyCells(25);
    const [chart] = await renderSvgCharts(table.rows, { columns: table.columns, metrics: ['types'] });
    const colours = lineColours(chart!.svg);
    expect(colours).toHaveLength(25);
    expect(new Set(colours).size).toBe(25);
  });
});
