import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { curveTableFromRecords, readCurves, type CurveTable } from '../../../src/export/report/readCurves.js';
import { renderSvgCharts, scopedSvgIds, svgChartFiles, writeSvgCharts, type SvgChart } from '../../../src/export/report/svgCharts.js';
import { buildReportCharts } from '../../../src/export/report/reportCharts.js';
import type { SeriesPoint } from '../../../src/export/report/aggregateCurves.js';
import type { TopLevelSpec } from 'vega-lite';
import { fixture, occurrences } from './fixtures.js';

/** Each cell's mean line is one Vega line mark; Vega's SVG renderer gives it this class. */
const LINE_MARK = 'class="mark-line role-mark';
const BAND_MARK = 'class="mark-area role-mark';

/** The texts of the axis titles of an SVG chart. */
function axisTitles(svg: string): string[] {
  return [...svg.matchAll(/<g class="mark-text role-axis-title"[^>]*><text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
}

describe('renderSvgCharts (Vega in Node, no browser)', () => {
  let table: CurveTable;
  let charts: SvgChart[];
  beforeAll(async () => {
    table = await readCurves(fixture('curves.csv'));
    charts = await renderSvgCharts(table.rows, { columns: table.columns });
  });

  it('renders a chart as the same text whatever was rendered before it in the process (clip paths were numbered across calls: review)', async () => {
    const again = await renderSvgCharts(table.rows, { columns: table.columns });
    expect(again.map((chart) => chart.svg)).toEqual(charts.map((chart) => chart.svg));
    // each chart numbers its clip paths from 1; scoped, two charts on one page share no id
    const ids = (svg: string): string[] => [...svg.matchAll(/id="((?:[a-z0-9]+-)?clip\d+)"/gu)].map((match) => match[1]!);
    expect(ids(charts[0]!.svg)[0]).toBe('clip1');
    const scoped = [scopedSvgIds(charts[0]!.svg, 'chart1'), scopedSvgIds(charts[1]!.svg, 'chart2')];
    const [first, second] = scoped.map(ids);
    expect(first![0]).toBe('chart1-clip1');
    expect(first!.filter((id) => second!.includes(id))).toEqual([]);
    expect(scoped[0]!.match(/url\(#clip/u)).toBeNull();
    // Vega's gradients are gradient_0 and p_gradient_0 (a radial one): scoped too, and nothing else
    expect(scopedSvgIds('<linearGradient id="gradient_0"/><radialGradient id="p_gradient_1"/><path fill="url(#gradient_0)" clip-path="url(#clip2)"/><g id="clipping"/>', 'c2')).toBe(
      '<linearGradient id="c2-gradient_0"/><radialGradient id="c2-p_gradient_1"/><path fill="url(#c2-gradient_0)" clip-path="url(#c2-clip2)"/><g id="clipping"/>',
    );
  });

  it('renders charts asked for at once as it renders them one after another (two renders shared the ids\' counter: review)', async () => {
    const both = await Promise.all([renderSvgCharts(table.rows, { columns: table.columns }), renderSvgCharts(table.rows, { columns: table.columns })]);
    expect(both[0].map((chart) => chart.svg)).toEqual(charts.map((chart) => chart.svg));
    expect(both[1].map((chart) => chart.svg)).toEqual(charts.map((chart) => chart.svg));
  });

  it('renders one chart per metric, in CSV order, plus the survival bands', () => {
    expect(charts.map((chart) => chart.name)).toEqual([...table.metrics, 'survival_bands']);
    expect(charts.every((chart) => chart.svg.startsWith('<svg'))).toBe(true);
  });

  it('draws one line per cell in every metric chart', () => {
    for (const chart of charts.filter((c) => c.name !== 'survival_bands')) {
      expect(occurrences(chart.svg, LINE_MARK), chart.name).toBe(3);
    }
  });

  it('titles the y axis with the metric (a perplexity "(log scale)") and the x axis with generation', () => {
    const perplexities = ['heldout_perplexity', 'gen0_perplexity'];
    for (const chart of charts.filter((c) => c.name !== 'survival_bands')) {
      const yTitle = perplexities.includes(chart.name) ? `${chart.name} (log scale)` : chart.name;
      expect(axisTitles(chart.svg).sort(), chart.name).toEqual(['generation', yTitle].sort());
    }
  });

  it('dots a line of more generations than its width / 6 px at every k-th only, through every point still (24,000 dots a chart froze the playground: audit)', async () => {
    // 2 cells x generations 0..250: in a 620 px chart k = ceil(250 / 103) = 3, dots at 0, 3, ..., 246 and
    // 250 (249 is 1 from the end): 84 a cell, 168 a chart; in a 200 px survival panel k = ceil(250 / 33) = 8,
    // 0, 8, ..., 240, 250: 32 a cell, 64; each line still 251 points (250 segments), in both kinds of chart
    const rows = [0, 1].flatMap((c) => Array.from({ length: 251 }, (_, generation) => ({ cell: `c${c}`, replicate: 1, generation, human_ratio: c / 10, types: 1000 - generation - 50 * c, survival_1: 1 - generation / 300 })));
    const thinned = await renderSvgCharts(rows, { columns: ['cell', 'human_ratio', 'replicate', 'generation', 'types', 'survival_1'], metrics: ['types', 'survival_1'] });
    for (const chart of thinned) {
      const dots = /<g class="mark-symbol role-mark[^"]*"[^>]*>(.*?)<\/g>/su.exec(chart.svg)?.[1] ?? '';
      expect(occurrences(dots, "<path"), chart.name).toBe(chart.name === "survival_bands" ? 64 : 168);
      const lines = [...chart.svg.matchAll(/<g class="mark-line role-mark[^"]*"[^>]*>(.*?)<\/g>/gsu)].map((line) => occurrences(line[1]!, 'L'));
      expect(lines, chart.name).toEqual([250, 250]);
    }
    // generations 0..100 are dotted at every one in a 620 px chart
    const [whole] = await renderSvgCharts(rows.filter((row) => row.generation <= 100), { columns: ['cell', 'human_ratio', 'replicate', 'generation', 'types'], metrics: ['types'] });
    expect(occurrences(/<g class="mark-symbol role-mark[^"]*"[^>]*>(.*?)<\/g>/su.exec(whole!.svg)?.[1] ?? '', '<path')).toBe(202);
  });

  it('names the cells by their differing settings in the legend', () => {
    const svg = charts.find((chart) => chart.name === 'vocab_retention')!.svg;
    for (const label of ['strategy=replace/human_ratio=0', 'strategy=replace/human_ratio=0.1', 'strategy=accumulate/human_ratio=0']) {
      expect(svg).toContain(`>${label}</text>`);
    }
  });

  it('writes every legend label whole, however long (cut at 420 px, 16 cells of a sweep read as 6: audit)', async () => {
    // four settings differ: labels of 60-70 characters that differ only at their end
    const settings = (strategy: string, ratio: number, smoothing: string, select: string) => ({ strategy, human_ratio: ratio, smoothing, select });
    const cells = [settings('accumulate-subsample', 0.1, 'kneser-ney', 'none'), settings('accumulate-subsample', 0.1, 'kneser-ney', 'm0:low:0.8'), settings('accumulate-subsample', 0.1, 'mle', 'none'), settings('replace', 0, 'mle', 'none')];
    const rows = cells.flatMap((cell, c) => [0, 1].map((generation) => ({ cell: `c${c}`, replicate: 1, generation, ...cell, types: 10 - generation - c })));
    const [chart] = await renderSvgCharts(rows, { columns: ['cell', 'strategy', 'human_ratio', 'smoothing', 'select', 'replicate', 'generation', 'types'], metrics: ['types'] });
    for (const cell of cells) {
      expect(chart!.svg).toContain(`>strategy=${cell.strategy}/human_ratio=${cell.human_ratio}/smoothing=${cell.smoothing}/select=${cell.select}</text>`);
    }
    // under the survival bands such labels stand one per row: three per row made the figure three labels wide (audit)
    const bands = (await renderSvgCharts(rows.map((row) => ({ ...row, survival_1: 1 - row.generation / 2 })), { columns: ['cell', 'strategy', 'human_ratio', 'smoothing', 'select', 'replicate', 'generation', 'survival_1'], metrics: ['survival_1'] })).find((one) => one.name === 'survival_bands')!;
    const width = (svg: string): number => Number(/<svg[^>]* width="(\d+)"/u.exec(svg)![1]);
    expect(width(bands.svg)).toBeLessThan(900);
  });

  it('shades a confidence band per cell when there are replicates', () => {
    const svg = charts.find((chart) => chart.name === 'vocab_retention')!.svg;
    expect(occurrences(svg, BAND_MARK)).toBe(3);
  });

  it('draws the survival bands as four panels of one line per cell', () => {
    const svg = charts.find((chart) => chart.name === 'survival_bands')!.svg;
    expect(occurrences(svg, LINE_MARK)).toBe(4 * 3);
    for (const band of ['seen 1 ×', 'seen 2–5 ×', 'seen 6–20 ×', 'seen 21+ ×']) expect(svg).toContain(`>${band}</text>`);
    expect(axisTitles(svg)).toContain('survival (share present)');
  });

  it('draws lines without bands from a single replicate', async () => {
    const single = await readCurves(fixture('curves-one-replicate.csv'));
    const [chart] = await renderSvgCharts(single.rows, { columns: single.columns, metrics: ['vocab_retention'] });
    expect(occurrences(chart!.svg, LINE_MARK)).toBe(2);
    expect(occurrences(chart!.svg, BAND_MARK)).toBe(0);
  });

  it('writes one .svg file per chart into a new folder', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'plots-')), 'figures', 'nested');
    const paths = await writeSvgCharts(table.rows, folder, { columns: table.columns, metrics: ['vocab_retention', 'entropy_bits'] });
    expect(readdirSync(folder).sort()).toEqual(['entropy_bits.svg', 'vocab_retention.svg']);
    expect(paths).toEqual([join(folder, 'vocab_retention.svg'), join(folder, 'entropy_bits.svg')]);
    expect(occurrences(readFileSync(paths[0]!, 'utf8'), LINE_MARK)).toBe(3);
  });

  it('refuses two charts of one file name, naming both columns (a/b and a_b are both a_b.svg; the folder check named the path twice: audit)', () => {
    const shared = curveTableFromRecords(['cell', 'replicate', 'generation', 'a/b', 'a_b'], [['c', '1', '0', '1', '2'], ['c', '1', '1', '2', '3']], 'x.csv');
    expect(() => svgChartFiles(shared.rows, { columns: shared.columns })).toThrow('the charts of a/b and a_b would both be written as a_b.svg');
    expect(svgChartFiles(shared.rows, { columns: shared.columns, metrics: ['a/b'] })).toEqual(['a_b.svg']);
  });
});

/** What Vega warns of while running `spec` (at the level vega-embed runs a report page's charts: Warn). */
async function vegaWarnings(spec: TopLevelSpec): Promise<string[]> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const warnings: string[] = [];
  const logger = vega.logger(vega.Warn, undefined, (_method: string, _level: string, input: readonly unknown[]) => warnings.push(input.map(String).join(' ')));
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none', logger });
  try {
    await view.runAsync();
  } finally {
    view.finalize();
  }
  return warnings;
}

// A band layer whose data are all filtered out (no point has an interval) gave "Infinite extent for
// field generation / ci_low / ci_high" in every chart of a one-replicate report and in the Kaplan–Meier
// chart, on the console of every report page (audit).
describe('the charts Vega runs without a warning', () => {
  it('of one replicate, of several, and Kaplan–Meier', async () => {
    const single = await readCurves(fixture('curves-one-replicate.csv'));
    const replicated = await readCurves(fixture('curves.csv'));
    // Kaplan–Meier: band 1 of cell a, 10 subjects, 4 lost in generation 1 (n = at risk; no interval)
    const km = (generation: number, mean: number, n: number): SeriesPoint => ({ metric: 'survival_1', cell: single.rows[0]!.cell, generation, n, mean, sd: undefined, ciLow: undefined, ciHigh: undefined });
    const specs: TopLevelSpec[] = [];
    for (const [table, kaplanMeier] of [[single, [km(0, 1, 10), km(1, 0.6, 10), km(2, 0.5, 6)]], [replicated, undefined]] as const) {
      const charts = buildReportCharts(table.rows, { columns: table.columns, ...(kaplanMeier === undefined ? {} : { kaplanMeier }) });
      specs.push(...charts.metrics.map(({ spec }) => spec), ...[charts.survival, charts.kaplanMeier].filter((spec) => spec !== undefined));
    }
    expect(specs.length).toBeGreaterThan(20);
    for (const spec of specs) expect(await vegaWarnings(spec), JSON.stringify((spec as { title?: unknown }).title)).toEqual([]);
  });
});

// One cell's held-out perplexity in the millions (a model that lost words the held-out text needs) drew
// every other cell as a flat line at the bottom of a linear axis (audit): a perplexity's axis is
// logarithmic, equal ratios at equal heights; a share's stays linear.
describe('the y axis of a chart', () => {
  /** Pixel height of `values` on the y scale Vega builds for the chart of `metric`, cells of 100 and 1,000,000. */
  async function heights(metric: string, low: number, high: number, values: readonly number[]): Promise<number[]> {
    const rows = ['a', 'b'].flatMap((cell, c) => [0, 1].map((generation) => ({ cell, strategy: cell, replicate: 1, generation, [metric]: c === 0 ? low : high })));
    const charts = buildReportCharts(rows, { columns: ['cell', 'strategy', 'replicate', 'generation', metric], metrics: [metric] });
    const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
    const view = new vega.View(vega.parse(vegaLite.compile(charts.metrics[0]!.spec).spec), { renderer: 'none' });
    await view.runAsync();
    const y = view.scale('y') as (value: number) => number;
    view.finalize();
    return values.map((value) => y(value));
  }

  it('is logarithmic for a perplexity: 100 to 1,000 as high as 1,000 to 10,000', async () => {
    for (const metric of ['heldout_perplexity', 'gen0_perplexity']) {
      const [y100, y1k, y10k] = await heights(metric, 100, 1_000_000, [100, 1_000, 10_000]);
      expect(y100! - y1k!, metric).toBeGreaterThan(10);
      expect(y100! - y1k!, metric).toBeCloseTo(y1k! - y10k!, 6);
    }
  });

  it('is linear for a share: 0.1 to 0.2 as high as 0.2 to 0.3, and 0.2 to 0.4 twice that', async () => {
    const [y1, y2, y3, y4] = await heights('vocab_retention', 0.1, 0.9, [0.1, 0.2, 0.3, 0.4]);
    expect(y1! - y2!).toBeGreaterThan(10);
    expect(y1! - y2!).toBeCloseTo(y2! - y3!, 6);
    expect(y2! - y4!).toBeCloseTo(2 * (y1! - y2!), 6);
  });
});

// Two replicates 16% apart: the Student t interval (t = 12.7) reaches below 0 and is clamped to 1; the
// band stretched the log axis down to 1 and left the curves in its top sixth (round 2). The axis is the
// means' range, a twentieth wider at each end (in log terms); the band is cut at the plot's edge.
describe('the log axis of a perplexity', () => {
  async function domain(values: ReadonlyArray<readonly [number, number]>): Promise<number[]> {
    // cell a, replicates 1 and 2, generations 0.. with the given pairs of values
    const rows = values.flatMap(([first, second], generation) => [first, second].map((value, r) => ({ cell: 'a', strategy: 'replace', replicate: r + 1, generation, heldout_perplexity: value })));
    const charts = buildReportCharts(rows, { columns: ['cell', 'strategy', 'replicate', 'generation', 'heldout_perplexity'], metrics: ['heldout_perplexity'] });
    const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
    const view = new vega.View(vega.parse(vegaLite.compile(charts.metrics[0]!.spec).spec), { renderer: 'none' });
    await view.runAsync();
    const scale = view.scale('y') as unknown as { domain(): number[] };
    const result = scale.domain();
    view.finalize();
    return result;
  }

  it('spans the means, not a band clamped to 1', async () => {
    // means 10,000 (9,200 and 10,800: ci_low < 0, clamped to 1) and 40,000; margin (40,000 / 10,000)^0.05 = 1.0718
    const [low, high] = await domain([[9_200, 10_800], [36_800, 43_200]]);
    expect(low).toBeCloseTo(10_000 / 4 ** 0.05, 6);
    expect(high).toBeCloseTo(40_000 * 4 ** 0.05, 6);
  });

  it('keeps values near 1 apart (not an axis of 1 to 10), and one value gets a tenth each side', async () => {
    const [low, high] = await domain([[1, 1], [1.002, 1.002]]);
    expect(high! / low!).toBeCloseTo(1.002 ** 1.1, 9);
    const single = await domain([[5, 5]]);
    expect(single[0]).toBeCloseTo(5 / 1.1, 9);
    expect(single[1]).toBeCloseTo(5.5, 9);
  });
});
