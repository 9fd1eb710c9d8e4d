/**
 * Which points of a curve chart carry a dot (the dots carry the tooltips; each line goes through every
 * point whatever is dotted).
 *
 * Contract: `dottedPoints(points, plotWidth)` is undefined when every point is dotted: the chart's last
 * generation is at most `plotWidth / DOT_SPACING` (a 620 px plot: 103; a 200 px survival panel: 33).
 * Otherwise, with k = ceil(last generation / (plotWidth / DOT_SPACING)), it tells for each point whether
 * it is dotted: each line's (metric and cell's) first and last point, and the generations that are
 * multiples of k at least k from both ends of its line (no two dots closer than k). So a line has at most about
 * plotWidth / DOT_SPACING + 2 dots, the grid is the same in every chart of a run that are as wide (it
 * counts from generation 0, k from the chart's last generation, not from each chart's first), and a line
 * that ends early (a run stopped or still under way) has its final value dotted. O(points).
 *
 * Why: a run of 3,000 generations drew 24,000 dots a chart, each an SVG element, and the playground
 * froze for seconds a chart (audit); dots closer than their width only thicken the line into a beaded
 * tube (a 200 px panel with 101 dots: audit), and a grid dot beside a line's last one covered it
 * (generation 198's dot took 199's tooltip: audit).
 */

import type { SeriesPoint } from './aggregateCurves.js';

/** The least room between two dots' centres, in pixels: about a dot's width (size 34: 6.6 px). */
export const DOT_SPACING = 6;

export function dottedPoints(points: readonly SeriesPoint[], plotWidth: number): ((point: SeriesPoint) => boolean) | undefined {
  if (!dotsThinned(points, plotWidth)) return undefined;
  const stride = Math.ceil(lastGeneration(points) / mostDots(plotWidth));
  const ends = lineEnds(points);
  return (point) => {
    const [first, end] = ends.get(lineKey(point))!;
    if (point.generation === first || point.generation === end) return true;
    return point.generation % stride === 0 && point.generation - first >= stride && end - point.generation >= stride;
  };
}

/** Whether a chart of `points`, `plotWidth` px wide, dots only some of them (dottedPoints is then defined). O(points), no allocation. */
export function dotsThinned(points: readonly SeriesPoint[], plotWidth: number): boolean {
  return lastGeneration(points) > mostDots(plotWidth);
}

/** The most generations a line of a plot `plotWidth` px wide is dotted at every one of. */
function mostDots(plotWidth: number): number {
  return Math.max(1, Math.floor(plotWidth / DOT_SPACING));
}

function lastGeneration(points: readonly SeriesPoint[]): number {
  let last = 0;
  for (const { generation } of points) last = Math.max(last, generation);
  return last;
}

/** Each line's first and last generation, by lineKey. */
function lineEnds(points: readonly SeriesPoint[]): Map<string, [number, number]> {
  const ends = new Map<string, [number, number]>();
  for (const point of points) {
    const key = lineKey(point);
    const known = ends.get(key);
    if (known === undefined) ends.set(key, [point.generation, point.generation]);
    else ends.set(key, [Math.min(known[0], point.generation), Math.max(known[1], point.generation)]);
  }
  return ends;
}

/** A line of a chart: one metric of one cell (the survival chart draws four metrics, one a panel). */
function lineKey(point: SeriesPoint): string {
  return `${point.metric}\u0000${point.cell}`;
}
