import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import type { SeriesPoint } from '../../../src/export/report/aggregateCurves.js';
import { survivalChartSpec } from '../../../src/export/report/survivalChart.js';
import { survivalPoints } from '../../../src/export/report/readSurvival.js';
import { buildReportCharts } from '../../../src/export/report/reportCharts.js';
import { CELL_COLOURS } from '../../../src/export/report/cellPalette.js';
import { closestSeen } from './colourVision.js';

const point = (metric: string, cell: string, generation: number, mean: number): SeriesPoint => ({ metric, cell, generation, n: 1, mean, sd: undefined, ciLow: undefined, ciHigh: undefined });
const measured = [point('survival_1', 'a', 0, 1), point('survival_1', 'a', 1, 0.63), point('survival_1', 'b', 0, 1), point('survival_1', 'b', 1, 0.7)];
const labels = new Map([['a', 'a'], ['b', 'b']]);

describe('the survival law over the survival bands', () => {
  it('adds one dashed layer fed by the theory points of the cells drawn', () => {
    const spec = survivalChartSpec(measured, labels, [point('theory_survival_1', 'a', 0, 1), point('theory_survival_1', 'a', 1, 0.632), point('theory_survival_1', 'z', 1, 0.5)]) as unknown as {
      data: { values: Array<Record<string, unknown>> };
      spec: { layer: Array<{ mark?: { strokeDash?: number[] } }> };
    };
    const theory = spec.data.values.filter((datum) => datum['kind'] === 'theory');
    expect(theory.map((datum) => [datum['cell'], datum['generation'], datum['theory'], datum['band']])).toEqual([
      ['a', 0, 1, 'seen 1 ×'],
      ['a', 1, 0.632, 'seen 1 ×'],
    ]); // cell z is not in the chart
    expect(spec.spec.layer).toHaveLength(3);
    // the law first, under the curves: wide, black, dashed, one line per cell (in the cell's own colour over
    // it, it lay hidden under the measured curve where they agree: audit); clipped to its panel (unclipped,
    // its width widened every panel, and the page's four overflowed: CI)
    type Law = { mark: { color?: string; strokeDash: number[]; strokeWidth: number; clip: boolean }; encoding: Record<string, { field?: string; condition?: { param: string } }> };
    const [wide, , thin] = spec.spec.layer as unknown as [Law, unknown, Law];
    expect([wide.mark.color, wide.mark.strokeDash, wide.mark.strokeWidth, wide.mark.clip]).toEqual(['#000000', [6, 4], 5, true]);
    expect(wide.encoding['detail']).toEqual({ field: 'cell', type: 'nominal' });
    // and thin in the cell's colour over the curves, which names its cell where it parts from the data (round 2)
    expect([thin.mark.color, thin.mark.strokeDash, thin.mark.strokeWidth, thin.mark.clip]).toEqual([undefined, [6, 4], 1.4, true]);
    expect(thin.encoding['color']!.field).toBe('label');
    // both fade with their cell when another is picked in the legend (they stayed: round 2)
    expect([wide.encoding['opacity']!.condition!.param, thin.encoding['opacity']!.condition!.param]).toEqual(['pick', 'pick']);
  });

  it("is told from every cell, the 10th's grey included: its wide line as far from each cell's colour as the cells from each other, as every reader sees them, and its subtitle names no grey (the law and cell 10 were both grey: audit)", () => {
    const spec = survivalChartSpec(measured, labels, [point('theory_survival_1', 'a', 1, 0.632)]) as unknown as {
      title: { subtitle: string[] };
      spec: { layer: Array<{ mark: { color: string }; encoding: { opacity: { condition: { value: number } } } }> };
    };
    const wide = spec.spec.layer[0]!;
    // opaque where not faded: black at 0.9 on white is #1a1a1a, 11 from wine under protanopia
    expect(wide.encoding.opacity.condition.value).toBe(1);
    // 17: the least distance the palette keeps between its own colours (cellPalette.test.ts)
    for (const [vision, closest] of Object.entries(closestSeen([wide.mark.color], CELL_COLOURS))) expect(closest, vision).toBeGreaterThanOrEqual(17);
    expect(spec.title.subtitle.join(' ')).not.toMatch(/gr[ae]y/u);
    expect(spec.title.subtitle.join(' ')).toMatch(/dashes/u);
  });

  it('wraps its subtitle to the width of the bands drawn (one line ran past the report\'s card: audit)', () => {
    // one band drawn: 200 px, about 31 characters (200 / 6.4) a line; every word kept, in order
    const spec = survivalChartSpec(measured, labels, [point('theory_survival_1', 'a', 1, 0.632)]) as unknown as { title: { subtitle: string[] } };
    const lines = spec.title.subtitle;
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(31);
    expect(lines.join(' ')).toBe('share of the seed types seen 1, 2–5, 6–20 and 21+ times in the human data that still occur; wide black dashes with the cell\'s colour inside: the survival law (Suresh et al. 2025) for the sizes drawn');
  });

  it('is the plain chart without theory points', () => {
    const plain = survivalChartSpec(measured, labels) as unknown as { spec: { layer: unknown[] }; data: { values: unknown[] } };
    expect(plain.spec.layer).toHaveLength(2); // line, points: one replicate, no band
    expect(plain.data.values).toHaveLength(4);
    const replicated = measured.map((each) => ({ ...each, n: 3, sd: 0.01, ciLow: each.mean - 0.02, ciHigh: each.mean + 0.02 }));
    expect((survivalChartSpec(replicated, labels) as unknown as { spec: { layer: unknown[] } }).spec.layer).toHaveLength(3); // band, line, points
  });
});

/** The points of a --survival file 'km.csv' whose line 2 is band 1 of cell a at generation 0, and line 3 `record`, as a thunk (for toThrow). */
const refused = (record: string[]) => () =>
  survivalPoints(['cell', 'band', 'generation', 'at_risk', 'events', 'survival', 'theory_survival'], [['a', '1', '0', '10', '0', '1', '1'], record], 'km.csv');

describe('the Kaplan–Meier chart', () => {
  it('reads --survival records as survival_<band> points, n = the subjects still at risk at that generation, in any row order', () => {
    // band 1: 10 subjects; 4 die in generation 1, so 6 are at risk in generation 2 (written last-first here)
    const header = ['cell', 'band', 'generation', 'at_risk', 'events', 'survival', 'theory_survival'];
    const points = survivalPoints(header, [
      ['a', '1', '2', '6', '3', '0.3', '0.4'],
      ['a', '1', '1', '10', '4', '0.6', '0.632'],
      ['a', '1', '0', '10', '0', '1', '1'],
      ['a', '2_5', '0', '6', '0', '1', ''],
    ]);
    // each row's theory_survival, where given, is a point of the law (the file's own): none for band 2_5's empty one
    expect(points.map((p) => [p.metric, p.cell, p.generation, p.n, p.mean])).toEqual([
      ['survival_1', 'a', 2, 6, 0.3],
      ['theory_survival_1', 'a', 2, 0, 0.4],
      ['survival_1', 'a', 1, 10, 0.6],
      ['theory_survival_1', 'a', 1, 0, 0.632],
      ['survival_1', 'a', 0, 10, 1],
      ['theory_survival_1', 'a', 0, 0, 1],
      ['survival_2_5', 'a', 0, 6, 1],
    ]);
    // a file of an earlier version, without theory_survival: the measured points alone
    expect(survivalPoints(header.slice(0, 6), [['a', '1', '0', '10', '0', '1']]).map((p) => p.metric)).toEqual(['survival_1']);
  });

  it('refuses a --survival field that is no number as the file writes one, naming the line (0x10 was read as 16)', () => {
    expect(refused(['a', '1', '1', '0x10', '4', '0.6', ''])).toThrow('km.csv line 3: at_risk is "0x10", not a whole number >= 0');
    expect(refused(['a', '1', '0x1', '10', '4', '0.6', ''])).toThrow('km.csv line 3: generation is "0x1", not a whole number >= 0');
    expect(refused(['a', '1', '1', '10', '4', 'abc', ''])).toThrow('km.csv line 3: survival is "abc", not a number in [0, 1]');
    expect(refused(['a', '1', '1.5', '10', '4', '0.6', ''])).toThrow(InputError);
  });

  it('refuses a survival or law outside [0, 1], a band the file never writes, and a row given twice (each was drawn or skipped: audit)', () => {
    expect(refused(['a', '1', '1', '10', '4', '7', ''])).toThrow('km.csv line 3: survival is "7", not a number in [0, 1]');
    expect(refused(['a', '1', '1', '10', '4', '0.6', '1.5'])).toThrow('km.csv line 3: theory_survival is "1.5", not a number in [0, 1]');
    expect(refused(['a', '99', '1', '10', '4', '0.6', ''])).toThrow('km.csv line 3: band is "99", not one of 1, 2_5, 6_20, 21_plus');
    expect(refused(['a', '1', '0', '10', '0', '1', '1'])).toThrow('km.csv line 3: cell a band 1 generation 0 again (line 2)');
    // the same generation in another band or cell is no repeat; survival 0 and 1 are in range
    expect(refused(['a', '2_5', '0', '10', '0', '0', ''])()).toHaveLength(3);
    expect(refused(['b', '1', '0', '10', '0', '1', '0'])()).toHaveLength(4);
    // fields trimmed as the summary's are (a band " 1" was refused)
    expect(refused(['b', ' 1', '0', '10', '0', ' 1 ', ' '])().map((p) => [p.metric, p.cell, p.mean])).toEqual([['survival_1', 'a', 1], ['theory_survival_1', 'a', 1], ['survival_1', 'b', 1]]);
  });

  it("draws the survival file's own law, not the summary's: none where the file leaves theory_survival empty (--tokens-growth: it was drawn: audit)", () => {
    const rows = [0, 1].map((generation) => ({ cell: 'a', replicate: 1, generation, survival_1: generation === 0 ? 1 : 0.6 }));
    const columns = ['cell', 'replicate', 'generation', 'survival_1'];
    const summaryLaw = [point('theory_survival_1', 'a', 0, 1), point('theory_survival_1', 'a', 1, 0.632)];
    const lawOf = (spec: unknown): unknown[] => ((spec as { data: { values: Array<Record<string, unknown>> } }).data.values).filter((datum) => datum['kind'] === 'theory').map((datum) => datum['theory']);
    const withoutLaw = buildReportCharts(rows, { columns, theory: summaryLaw, kaplanMeier: [point('survival_1', 'a', 0, 1), point('survival_1', 'a', 1, 0.055)] });
    expect(lawOf(withoutLaw.kaplanMeier)).toEqual([]);
    expect(JSON.stringify(withoutLaw.kaplanMeier)).not.toContain('the survival law (Suresh');
    // the survival bands chart (replicate means) still draws the summary's law
    expect(lawOf(withoutLaw.survival)).toEqual([1, 0.632]);
    const withLaw = buildReportCharts(rows, { columns, theory: summaryLaw, kaplanMeier: [point('survival_1', 'a', 0, 1), point('theory_survival_1', 'a', 0, 1), point('survival_1', 'a', 1, 0.6), point('theory_survival_1', 'a', 1, 0.61)] });
    expect(lawOf(withLaw.kaplanMeier)).toEqual([1, 0.61]);
  });

  it('is a chart of its own when Kaplan–Meier points are given, and absent otherwise', () => {
    const rows = [0, 1].map((generation) => ({ cell: 'a', replicate: 1, generation, survival_1: generation === 0 ? 1 : 0.6 }));
    const km = [point('survival_1', 'a', 0, 1), point('survival_1', 'a', 1, 0.55)];
    const charts = buildReportCharts(rows, { columns: ['cell', 'replicate', 'generation', 'survival_1'], kaplanMeier: km });
    expect(JSON.stringify(charts.kaplanMeier)).toContain('Kaplan–Meier survival by seed-count band');
    expect(buildReportCharts(rows, { columns: ['cell', 'replicate', 'generation', 'survival_1'] }).kaplanMeier).toBeUndefined();
  });
});

describe('the Kaplan–Meier chart says what its points count', () => {
  /** Every tooltip title and every datum's sd text in a spec (as JSON). */
  const tooltipTitles = (spec: unknown): string[] => [...JSON.stringify(spec).matchAll(/"field":"n","type":"quantitative","title":"([^"]+)"/gu)].map((m) => m[1]!);
  const sdTexts = (spec: unknown): string[] => [...JSON.stringify(spec).matchAll(/"sd_text":"([^"]+)"/gu)].map((m) => m[1]!);

  it('n is the subjects at risk, and there is no sd or interval; the replicate-mean chart keeps "replicates"', () => {
    const km = survivalChartSpec(measured, labels, [], 'KM', 'sub', true);
    expect(new Set(tooltipTitles(km))).toEqual(new Set(['seed types × replicates at risk']));
    expect(new Set(sdTexts(km))).toEqual(new Set(['— (a Kaplan–Meier estimate)']));
    const bands = survivalChartSpec(measured, labels);
    expect(new Set(tooltipTitles(bands))).toEqual(new Set(['replicates']));
    expect(new Set(sdTexts(bands))).toEqual(new Set(['— (one replicate)']));
  });

  it('its y axis says a subject survives until its first absence (it said "share present", which a type that came back is: audit)', () => {
    const yTitles = (spec: unknown): string[] => [...JSON.stringify(spec).matchAll(/"title":"(survival[^"]*)"/gu)].map((m) => m[1]!);
    const law = [point('theory_survival_1', 'a', 0, 1)];
    for (const theory of [[], law]) {
      expect(new Set(yTitles(survivalChartSpec(measured, labels, theory, 'KM', 'sub', true)))).toEqual(new Set(['survival (share never yet absent)']));
      expect(new Set(yTitles(survivalChartSpec(measured, labels, theory)))).toEqual(new Set(['survival (share present)']));
    }
  });
});
