/**
 * A layered histogram: one distribution per group (e.g. per generation), drawn as step outlines on
 * shared bins so that shifts between groups read at a glance (Shumailov et al., Nature 2024, Fig. 1b).
 *
 * Contract: `histogramBins(groups, options)` bins every group's values on one grid (`bins` equal bins of
 * log10(value) when `log` is set, else of the value, spanning the 0.5th..99.5th percentile of all values
 * pooled; values outside fall into the end bins) and returns, per group and bin, the share of the group's
 * values in it (shares of a group sum to 1). `histogramChartSpec(bins, options)` draws them as a Vega-Lite
 * spec in the report's style: x the value (log scale when `log`), y the share, one colour per group in a
 * sequential scheme (group order = order given), with tooltips. O(values log values + groups x bins) (the values are sorted).
 */

import type { TopLevelSpec } from 'vega-lite';
import { chartConfig } from './metricChart.js';

export interface HistogramGroup {
  readonly group: string;
  readonly values: ArrayLike<number>;
}

export interface HistogramBin {
  readonly group: string;
  readonly low: number;
  readonly high: number;
  readonly share: number;
}

export function histogramBins(groups: readonly HistogramGroup[], options: { bins: number; log: boolean }): HistogramBin[] {
  const scale = (value: number) => (options.log ? Math.log10(value) : value);
  const pooled: number[] = [];
  for (const { values } of groups) for (let i = 0; i < values.length; i++) pooled.push(scale(values[i]!));
  pooled.sort((a, b) => a - b);
  const low = pooled[Math.floor(0.005 * (pooled.length - 1))]!;
  const high = pooled[Math.ceil(0.995 * (pooled.length - 1))]!;
  const width = (high - low) / options.bins || 1;
  const unscale = (value: number) => (options.log ? 10 ** value : value);
  const result: HistogramBin[] = [];
  for (const { group, values } of groups) {
    const counts = new Float64Array(options.bins);
    for (let i = 0; i < values.length; i++) {
      const bin = Math.min(options.bins - 1, Math.max(0, Math.floor((scale(values[i]!) - low) / width)));
      counts[bin]!++;
    }
    for (let b = 0; b < options.bins; b++) {
      result.push({ group, low: unscale(low + b * width), high: unscale(low + (b + 1) * width), share: values.length === 0 ? 0 : counts[b]! / values.length });
    }
  }
  return result;
}

export function histogramChartSpec(
  bins: readonly HistogramBin[],
  options: { title: string; subtitle: string; xTitle: string; groupTitle: string; log: boolean },
): TopLevelSpec {
  const groups = [...new Set(bins.map((bin) => bin.group))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: options.title, subtitle: options.subtitle, anchor: 'start' },
    width: 620,
    height: 330,
    data: { values: bins.map((bin) => ({ ...bin, middle: options.log ? Math.sqrt(bin.low * bin.high) : (bin.low + bin.high) / 2 })) },
    mark: { type: 'line', interpolate: 'step', strokeWidth: 2, point: false },
    encoding: {
      x: { field: 'middle', type: 'quantitative', title: options.xTitle, scale: options.log ? { type: 'log' } : { zero: false } },
      y: { field: 'share', type: 'quantitative', title: 'share of sentences' },
      color: { field: 'group', type: 'ordinal', title: options.groupTitle, scale: { domain: groups, scheme: 'viridis' }, sort: groups },
      tooltip: [
        { field: 'group', type: 'nominal', title: options.groupTitle },
        { field: 'low', type: 'quantitative', title: 'from', format: '.4~g' },
        { field: 'high', type: 'quantitative', title: 'to', format: '.4~g' },
        { field: 'share', type: 'quantitative', title: 'share', format: '.3~f' },
      ],
    },
    config: chartConfig(),
  };
}
