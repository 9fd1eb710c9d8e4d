/**
 * Survival by seed-count band as small multiples: one panel per band (survival_1, survival_2_5,
 * survival_6_20, survival_21_plus), each with the share of that band's seed types still present against
 * generation, one line per cell, 95% bands where there are replicates.
 *
 * Contract: `survivalChartSpec(points, labels)` returns a Vega-Lite facet spec (plain JSON, data inline)
 * with one column per band that has points, in band order, a shared y scale fixed to [0, 1], or
 * undefined when no survival band has points. Each panel has one line per cell with points there.
 */

import type { TopLevelSpec } from 'vega-lite';
import type { SeriesPoint } from './aggregateCurves.js';
import { chartData, curveLayers } from './chartLayers.js';
import { SURVIVAL_BANDS } from './curveRow.js';
import { chartConfig } from './metricChart.js';

export const SURVIVAL_Y_TITLE = 'survival (share present)';

export function survivalChartSpec(
  points: readonly SeriesPoint[],
  labels: ReadonlyMap<string, string>,
): TopLevelSpec | undefined {
  const bandOf = new Map(SURVIVAL_BANDS.map(({ metric, band }) => [metric, `seen ${band} ×`]));
  const own = points.filter((point) => bandOf.has(point.metric));
  if (own.length === 0) return undefined;
  const data = chartData(own, labels).map((datum, index) => ({ ...datum, band: bandOf.get(own[index].metric)! }));
  const bandsDrawn = SURVIVAL_BANDS.filter(({ metric }) => own.some((point) => point.metric === metric));
  const cellsDrawn = new Set(own.map((point) => point.cell));
  const legend = [...labels].filter(([cell]) => cellsDrawn.has(cell)).map(([, label]) => label);
  for (const cell of cellsDrawn) if (!labels.has(cell)) legend.push(cell);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Survival by seed-count band',
      subtitle: 'share of the seed types seen 1, 2–5, 6–20 and 21+ times in the human data that still occur',
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
      width: 200,
      height: 180,
      layer: curveLayers(SURVIVAL_Y_TITLE, legend, { domain: [0, 1], zero: true }, 'bottom'),
    },
    config: chartConfig(),
  };
}
