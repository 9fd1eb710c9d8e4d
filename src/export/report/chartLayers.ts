/**
 * The layers every curve chart shares: a 95% confidence band (area), the mean line, and points that
 * carry the tooltips; plus the chart data they read.
 *
 * Contract: `chartData(points, labels, plotWidth)` turns SeriesPoints into plain JSON records with the
 * fields the layers encode (metric, label, generation, mean, n, ci_low and ci_high clamped to the
 * metric's range, ./metricRanges.ts, and sd/CI as display text, exact); a cell missing from `labels` is
 * labelled by its name; where a chart of that plot width dots only some points (./chartDots.ts) it
 * marks them (`dot` true) and writes the display texts on them alone (the dots carry the tooltips).
 * `legendCells(labels, drawn)` gives a chart's colour domain (every
 * cell of the report, so a cell has one colour in every chart, also in one that draws only some cells)
 * and its legend entries (the cells drawn), in the labels' order. `curveLayers(yTitle, cells, bands,
 * look)` returns the three layers (the band layer only when `bands`: see hasBands; the dots only where
 * `dot` when `look.thinnedDots`, see thinsDots), colour keyed by
 * label over that domain, every entry in the legend however many (Vega's default stops at 30), with a
 * legend-bound highlight (click a legend entry); bands
 * are clipped to the plot, so one reaching past a fixed y domain does not spill over. Bands
 * are drawn only where ci_low and ci_high are numbers (more than one replicate). Each line is one Vega
 * `line` mark (SVG class "mark-line role-mark"), so a chart has exactly one such mark per cell.
 */

import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { UnitSpec } from 'vega-lite/types_unstable/spec/unit.js';
import type { SeriesPoint } from './aggregateCurves.js';
import { cellColourScale } from './cellPalette.js';
import { withinRange } from './metricRanges.js';
import { dotsThinned, dottedPoints } from './chartDots.js';

/** One layer of a curve chart, checked against Vega-Lite's types. */
export type CurveLayer = UnitSpec<Field>;

/** One record of a chart's inline data. */
export interface ChartDatum {
  metric: string;
  label: string;
  cell: string;
  generation: number;
  mean: number;
  n: number;
  ci_low: number | null;
  ci_high: number | null;
  /** The tooltip's texts: on dotted points only. */
  sd_text?: string;
  ci_text?: string;
  /** True on a dotted point, where a chart dots only some (thinsDots). */
  dot?: boolean;
  [extra: string]: string | number | boolean | null | undefined;
}

export function chartData(points: readonly SeriesPoint[], labels: ReadonlyMap<string, string>, plotWidth: number): ChartDatum[] {
  const dotted = dottedPoints(points, plotWidth);
  return points.map((point) => {
    const datum: ChartDatum = {
      metric: point.metric,
      label: labels.get(point.cell) ?? point.cell,
      cell: point.cell,
      generation: point.generation,
      mean: point.mean,
      n: point.n,
      // the band inside the metric's range (a share's interval reached -0.1: audit); the tooltip keeps it exact
      ci_low: point.ciLow === undefined ? null : withinRange(point.metric, point.ciLow),
      ci_high: point.ciHigh === undefined ? null : withinRange(point.metric, point.ciHigh),
    };
    // (written only where a dot carries the tooltip: a report of 3,000 generations was 96 MB: audit)
    if (dotted !== undefined && !dotted(point)) return datum;
    datum.sd_text = point.sd === undefined ? '— (one replicate)' : exactText(point.sd);
    datum.ci_text = point.ciLow === undefined || point.ciHigh === undefined ? '— (one replicate)' : `${exactText(point.ciLow)} to ${exactText(point.ciHigh)}`;
    if (dotted !== undefined) datum.dot = true;
    return datum;
  });
}

/** Whether a chart of `points`, `plotWidth` px wide, dots its lines at some points only (./chartDots.ts). */
export function thinsDots(points: readonly SeriesPoint[], plotWidth: number): boolean {
  return dotsThinned(points, plotWidth);
}

/** A number with up to 8 significant digits, plain decimal where reasonable. */
export function exactText(value: number): string {
  return String(Number(value.toPrecision(8)));
}

/** A chart's cells: the colour domain (every cell of the report) and the legend's entries (those drawn). */
export interface LegendCells {
  readonly domain: readonly string[];
  readonly shown: readonly string[];
}

/** The LegendCells of a chart drawing `drawn` (cell names), labelled and ordered by `labels`. */
export function legendCells(labels: ReadonlyMap<string, string>, drawn: ReadonlySet<string>): LegendCells {
  const unlabelled = [...drawn].filter((cell) => !labels.has(cell));
  const shown = [...labels].filter(([cell]) => drawn.has(cell)).map(([, label]) => label);
  return { domain: [...labels.values(), ...unlabelled], shown: [...shown, ...unlabelled] };
}

/** The colour encoding shared by all layers: one distinct colour per cell of the domain (./cellPalette.ts), the drawn ones in the legend. */
export function colorEncoding(cells: LegendCells, legendAt: 'right' | 'bottom' = 'right') {
  return {
    field: 'label',
    type: 'nominal' as const,
    title: 'cell',
    scale: { domain: [...cells.domain], ...cellColourScale(cells.domain.length) },
    legend: {
      orient: legendAt,
      // (three columns of whole labels made a sweep's figure three of its longest labels wide: one column then)
      ...(legendAt === 'bottom' ? { direction: 'horizontal' as const, columns: bottomColumns(cells.shown), columnPadding: 18 } : {}),
      values: [...cells.shown],
      // every cell (0: no limit; Vega's default, 30, ended the legend at 29 cells and "...N entries")
      symbolLimit: 0,
      // every label whole (0: no limit; 420 px cut a sweep's long cell names until 16 entries read as 6: audit)
      labelLimit: 0,
      symbolType: 'stroke' as const,
      symbolStrokeWidth: 3,
      symbolOpacity: 1,
    },
  };
}

/** Labels longer than this many characters stand one per row in a bottom legend (three per row fit a page up to it). */
export const BOTTOM_LEGEND_WIDE_LABEL = 40;

/** Columns of a legend under the chart: 3, or 1 where a label is wider than a third of a page. */
function bottomColumns(labels: readonly string[]): number {
  return labels.some((label) => label.length > BOTTOM_LEGEND_WIDE_LABEL) ? 1 : 3;
}

/** Opacity that dims every cell but the ones picked in the legend (all full when none is picked). */
export function opacity(picked: number, dimmed: number) {
  return { condition: { param: 'pick', value: picked, empty: true }, value: dimmed };
}

/** How a curve chart draws: its y scale, where its legend goes, what a point's `n` counts (in its tooltip). */
export interface CurveLook {
  readonly yScale?: { zero?: boolean; domain?: [number, number]; type?: 'log'; nice?: boolean };
  readonly legendAt?: 'right' | 'bottom';
  readonly countTitle?: string;
  /** The dots only where the data's `dot` is true (chartData's, when thinsDots): the tooltips are theirs. */
  readonly thinnedDots?: boolean;
}

/**
 * True when some point has a confidence interval (ci_low and ci_high), so the chart gets its band
 * layer: a layer whose data are all filtered out gives each of its fields an empty extent, which Vega
 * reports ("Infinite extent for field ...") in every chart of one replicate and in Kaplan–Meier's.
 */
export function hasBands(points: readonly SeriesPoint[]): boolean {
  return points.some((point) => point.ciLow !== undefined && point.ciHigh !== undefined);
}

export function curveLayers(yTitle: string, cells: LegendCells, bands: boolean, look: CurveLook = {}): CurveLayer[] {
  const { yScale = { zero: false }, legendAt = 'right', countTitle = 'replicates' } = look;
  const x = {
    field: 'generation',
    type: 'quantitative' as const,
    title: 'generation',
    axis: { tickMinStep: 1, format: 'd' },
    scale: { nice: false },
  };
  const y = (field: string) => ({ field, type: 'quantitative' as const, title: yTitle, scale: yScale });
  const color = colorEncoding(cells, legendAt);
  const band: CurveLayer = {
    transform: [{ filter: 'isValid(datum.ci_low) && isValid(datum.ci_high)' }],
    mark: { type: 'area', interpolate: 'linear', clip: true },
    encoding: { x, y: y('ci_low'), y2: { field: 'ci_high' }, color, opacity: opacity(0.18, 0.04) },
  };
  return [
    ...(bands ? [band] : []),
    {
      params: [{ name: 'pick', select: { type: 'point', fields: ['label'] }, bind: 'legend' }],
      mark: { type: 'line', strokeWidth: 2.2, interpolate: 'linear' },
      encoding: { x, y: y('mean'), color, opacity: opacity(1, 0.15) },
    },
    {
      ...(look.thinnedDots === true ? { transform: [{ filter: 'datum.dot' }] } : {}),
      mark: { type: 'point', filled: true, size: 34 },
      encoding: {
        x,
        y: y('mean'),
        color,
        opacity: opacity(1, 0.15),
        tooltip: [
          { field: 'label', type: 'nominal' as const, title: 'cell' },
          { field: 'metric', type: 'nominal' as const, title: 'metric' },
          { field: 'generation', type: 'quantitative' as const, title: 'generation' },
          { field: 'mean', type: 'quantitative' as const, title: 'mean', format: '.8~g' },
          { field: 'n', type: 'quantitative' as const, title: countTitle },
          { field: 'sd_text', type: 'nominal' as const, title: 'sd' },
          { field: 'ci_text', type: 'nominal' as const, title: '95% CI' },
        ],
      },
    },
  ];
}
