/**
 * Survival by seed-count band as small multiples: one panel per band (survival_1, survival_2_5,
 * survival_6_20, survival_21_plus), each with the share of that band's seed types still present against
 * generation, one line per cell, 95% bands where there are replicates.
 *
 * Contract: `survivalChartSpec(points, labels)` returns a Vega-Lite facet spec (plain JSON, data inline)
 * with one column per band that has points, in band order, a shared y scale fixed to [0, 1], or
 * undefined when no survival band has points. Each panel has one line per cell with points there.
 * `theory` points (metric `theory_survival_1` .. `theory_survival_21_plus`: the survival law of
 * metrics/survivalTheory.ts, from the summary) are drawn in their band as dashed lines, wide and black
 * under the cells' lines with a thin one in the cell's colour over them, one per cell (told from a cell
 * by their dashes and width; black, not a grey a cell could be: cell 10's is); without them the spec is exactly the chart without overlay. `title` and `subtitle` let the
 * Kaplan–Meier chart (the `--survival` curves, same metric names) reuse the layout.
 */

import type { TopLevelSpec } from 'vega-lite';
import type { SeriesPoint } from './aggregateCurves.js';
import { chartData, colorEncoding, curveLayers, opacity, hasBands, legendCells, thinsDots, type CurveLook, type LegendCells } from './chartLayers.js';
import { SURVIVAL_BANDS } from './curveRow.js';
import { chartConfig } from './metricChart.js';
import { subtitleCharacters, wrapText } from './wrapText.js';

/**
 * The survival law's line: black, dashed and wider than a cell's, drawn under it. (It was grey, #8c8c8c,
 * and so is the palette's 10th cell: with 10 cells the law was read as cell 10. Black stays at least as
 * far from every cell's colour as the cells from each other, CIE76 17 or more, also as readers with a
 * colour-vision deficiency see them; the grey came down to 14.8 from olive under tritanopia: audit.)
 */
const LAW_COLOR = '#000000';
const LAW_WIDTH = 5;

/** The width of one band's panel. */
const BAND_WIDTH = 200;

export const SURVIVAL_Y_TITLE = 'survival (share present)';
/** The Kaplan–Meier chart's: a subject survives until its first absence, whether it comes back or not. */
export const KAPLAN_MEIER_Y_TITLE = 'survival (share never yet absent)';

export function survivalChartSpec(
  points: readonly SeriesPoint[],
  labels: ReadonlyMap<string, string>,
  theory: readonly SeriesPoint[] = [],
  title = 'Survival by seed-count band',
  subtitle = 'share of the seed types seen 1, 2–5, 6–20 and 21+ times in the human data that still occur',
  /** Kaplan–Meier points: `n` counts subjects (seed types x replicates still at risk at that generation), and there is no sd or interval. */
  kaplanMeier = false,
): TopLevelSpec | undefined {
  const bandOf = new Map(SURVIVAL_BANDS.map(({ metric, band }) => [metric, `seen ${band} ×`]));
  const own = points.filter((point) => bandOf.has(point.metric));
  if (own.length === 0) return undefined;
  const cellsShown = new Set(own.map((point) => point.cell));
  const law = theory.filter((point) => bandOf.has(point.metric.replace(/^theory_/u, '')) && cellsShown.has(point.cell));
  const noSpread = kaplanMeier ? { sd_text: '— (a Kaplan–Meier estimate)', ci_text: '— (a Kaplan–Meier estimate)' } : {};
  // (a Kaplan–Meier point's tooltip says it has no spread, where it has a tooltip: a dotted point)
  const data: Array<Record<string, unknown>> = chartData(own, labels, BAND_WIDTH).map((datum, index) => ({ ...datum, ...(datum.sd_text === undefined ? {} : noSpread), band: bandOf.get(own[index]?.metric ?? '') }));
  const countTitle = kaplanMeier ? 'seed types × replicates at risk' : 'replicates';
  const look: CurveLook = { yScale: { domain: [0, 1], zero: true }, legendAt: 'bottom', countTitle, thinnedDots: thinsDots(own, BAND_WIDTH) };
  const yTitle = kaplanMeier ? KAPLAN_MEIER_Y_TITLE : SURVIVAL_Y_TITLE;
  for (const point of law) {
    data.push({ kind: 'theory', band: bandOf.get(point.metric.replace(/^theory_/u, ''))!, label: labels.get(point.cell) ?? point.cell, cell: point.cell, generation: point.generation, theory: point.mean });
  }
  const bandsDrawn = SURVIVAL_BANDS.filter(({ metric }) => own.some((point) => point.metric === metric));
  const legend = legendCells(labels, new Set(own.map((point) => point.cell)));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: title,
      // wrapped to the panels' width (one of BAND_WIDTH a band, Vega-Lite's 20 px between): the Kaplan–Meier
      // subtitle with the law's ran past the report's card in one line (audit)
      subtitle: wrapText(`${subtitle}${law.length > 0 ? '; wide black dashes with the cell\'s colour inside: the survival law (Suresh et al. 2025) for the sizes drawn' : ''}`, subtitleCharacters(bandsDrawn.length * (BAND_WIDTH + 20) - 20)),
      anchor: 'start' as const,
    },
    data: { values: data },
    facet: {
      column: {
        field: 'band',
        type: 'ordinal' as const,
        sort: bandsDrawn.map(({ metric }) => bandOf.get(metric)!),
        header: { title: 'count in the human data', labelFontWeight: 600 },
      },
    },
    spec: {
      width: BAND_WIDTH,
      height: 180,
      layer: law.length === 0 ? curveLayers(yTitle, legend, hasBands(own), look) : withLaw(legend, look, hasBands(own), yTitle),
    },
    config: chartConfig(),
  };
}

/**
 * The law as two dashed lines per cell: wide and black under the curve layers (on the measured points
 * only), seen on both sides of a cell's line where law and data agree, and thin in the cell's colour
 * over them, which names the cell where the law parts from its data (all one colour, several cells' laws could
 * not be told apart: round 2); both fade with their cell when another is picked in the legend.
 */
function withLaw(legend: LegendCells, look: CurveLook, bands: boolean, yTitle: string) {
  const lawLine = (extra: Record<string, unknown>, encoding: Record<string, unknown>) => ({
    transform: [{ filter: "datum.kind === 'theory'" }],
    // (clipped to the plot: unclipped, its width widened each panel's bounds, and four panels overflowed the page's column: CI)
    mark: { type: 'line' as const, strokeDash: [6, 4], interpolate: 'linear' as const, clip: true, ...extra },
    encoding: {
      x: { field: 'generation', type: 'quantitative' as const, title: 'generation', axis: { tickMinStep: 1, format: 'd' }, scale: { nice: false } },
      y: { field: 'theory', type: 'quantitative' as const, title: yTitle, scale: { domain: [0, 1], zero: true } },
      detail: { field: 'cell', type: 'nominal' as const },
      tooltip: [
        { field: 'label', type: 'nominal' as const, title: 'cell' },
        { field: 'band', type: 'nominal' as const, title: 'band' },
        { field: 'generation', type: 'quantitative' as const, title: 'generation' },
        { field: 'theory', type: 'quantitative' as const, title: 'the survival law', format: '.4f' },
      ],
      ...encoding,
    },
  });
  return [
    // (wide and black under the cell's line: in the cell's own colour over it, it lay hidden under the measured curve where they agree: audit;
    // opaque, as black at 0.9 on white, #1a1a1a, came to 11 from wine under protanopia)
    lawLine({ strokeWidth: LAW_WIDTH, color: LAW_COLOR }, { opacity: opacity(1, 0.12) }),
    { transform: [{ filter: "datum.kind !== 'theory'" }], layer: curveLayers(yTitle, legend, bands, look) },
    lawLine({ strokeWidth: 1.4 }, { color: colorEncoding(legend, 'bottom'), opacity: opacity(1, 0.15) }),
  ];
}
