/**
 * The chart of one metric: the metric's mean against generation, one line per cell, with a 95%
 * confidence band where there are replicates.
 *
 * Contract: `metricChartSpec(points, metric, labels)` returns a Vega-Lite spec (plain JSON, data inline)
 * drawing the SeriesPoints of `metric` (other metrics' points are ignored): titled with the metric name
 * and its description (wrapped to the chart's width: ./wrapText.ts), x axis "generation", y axis titled
 * with the metric name (a perplexity on a log axis, titled "<metric> (log scale)": ./metricRanges.ts;
 * its range is the means' (logAxis), a band beyond it cut at the plot's edge), legend "cell" listing the `labels` values of the cells drawn, in order, each
 * cell in its colour of the whole report (./chartLayers.ts legendCells). It draws one line per cell
 * that has at least one point.
 */

import type { Config, TopLevelSpec } from 'vega-lite';
import type { SeriesPoint } from './aggregateCurves.js';
import { chartData, curveLayers, hasBands, legendCells, thinsDots, type CurveLook } from './chartLayers.js';
import { describeMetric } from './metricDescriptions.js';
import { isPerplexity } from './metricRanges.js';
import { subtitleCharacters, wrapText } from './wrapText.js';

export const METRIC_CHART_SIZE = { width: 620, height: 330 } as const;

export function metricChartSpec(
  points: readonly SeriesPoint[],
  metric: string,
  labels: ReadonlyMap<string, string>,
): TopLevelSpec {
  const own = points.filter((point) => point.metric === metric);
  const cells = legendCells(labels, new Set(own.map((point) => point.cell)));
  const description = describeMetric(metric);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: metric, ...(description === '' ? {} : { subtitle: wrapText(description, subtitleCharacters(METRIC_CHART_SIZE.width)) }), anchor: 'start' as const },
    width: METRIC_CHART_SIZE.width,
    height: METRIC_CHART_SIZE.height,
    data: { values: chartData(own, labels, METRIC_CHART_SIZE.width) },
    layer: isPerplexity(metric) ? curveLayers(`${metric} (log scale)`, cells, hasBands(own), { ...logAxis(own), thinnedDots: thinsDots(own, METRIC_CHART_SIZE.width) }) : curveLayers(metric, cells, hasBands(own), { thinnedDots: thinsDots(own, METRIC_CHART_SIZE.width) }),
    config: chartConfig(),
  };
}

/**
 * A perplexity's y axis: logarithmic, over the means' range widened by a twentieth of it (in log
 * terms) at each end, not rounded to powers of ten. The bands do not set it: a Student t interval of
 * two replicates reaches below 0, is clamped to 1, and stretched the axis down to 1, leaving the curves
 * in its top sixth (round 2); they are cut at the plot's edge (their layer clips). Values near 1 keep
 * their detail (an axis rounded to 1..10 drew 1.0000-1.0021 flat).
 */
function logAxis(points: readonly SeriesPoint[]): CurveLook {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const { mean } of points) {
    if (!Number.isFinite(mean) || mean <= 0) continue;
    low = Math.min(low, mean);
    high = Math.max(high, mean);
  }
  if (low > high) return { yScale: { type: 'log' } };
  const margin = high > low ? (high / low) ** 0.05 : 1.1;
  return { yScale: { type: 'log', domain: [low / margin, high * margin], nice: false } };
}

/** Look shared by all charts: readable type, light grid, no frame. */
export function chartConfig(): Config {
  return {
    font: 'Helvetica, Arial, sans-serif',
    view: { stroke: null },
    axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 600, gridColor: '#e8e8e8', domainColor: '#888' },
    legend: { labelFontSize: 11, titleFontSize: 12 },
    title: { fontSize: 15, subtitleFontSize: 12, subtitleColor: '#555', offset: 10 },
    header: { labelFontSize: 12, titleFontSize: 12 },
  };
}
