/**
 * The report's charts as static SVG, rendered in Node by Vega's headless View (renderer 'none'): no
 * browser, no canvas, no network; text is measured by ./textWidth.ts (Vega's estimate without a canvas
 * made every image wider than what it drew).
 *
 * Contract: `renderSvg(spec)` compiles a Vega-Lite spec and resolves to its SVG text.
 * `renderSvgCharts(rows, options)` resolves to one SvgChart per metric chart (file `<metric>.svg`) plus
 * `survival_bands.svg` when the survival chart exists and `kaplan_meier.svg` when Kaplan–Meier points
 * were given, in report order; the charts are those of
 * buildReportCharts (and it throws like it); two charts whose names make one file name (`a/b` and
 * `a_b`: anything but letters, digits, `_`, `-` and `.` becomes `_`) are an InputError. `writeSvgCharts(rows, folder, options)` writes them into
 * `folder` (created if missing) and resolves to the paths written.
 */

import { InputError } from '../../errors.js';
import { makeFolder } from '../makeFolder.js';
import { writeWholeFile } from '../wholeFile.js';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { CurveRow } from './curveRow.js';
import { buildReportCharts, type ReportOptions } from './reportCharts.js';
import { useTextWidth, type TextMetrics } from './textWidth.js';

export interface SvgChart {
  /** The metric charted, or 'survival_bands'. */
  readonly name: string;
  readonly file: string;
  readonly svg: string;
}

export const SURVIVAL_SVG_NAME = 'survival_bands';
export const KAPLAN_MEIER_SVG_NAME = 'kaplan_meier';

/**
 * Vega and Vega-Lite, imported on the first chart rendered: about 0.3 s and 340 files, which a program
 * importing the library for anything else (or `run` without --report) should not pay.
 */
let vegaModules: Promise<readonly [typeof import('vega'), typeof import('vega-lite')]> | undefined;

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  // one at a time: the ids' counter is the process's, and two renders at once shared it (review)
  const rendered = lastRender.then(() => renderAlone(spec));
  lastRender = rendered.catch(() => undefined);
  return rendered;
}

/** The render before the next one starts (settled, whatever its outcome). */
let lastRender: Promise<unknown> = Promise.resolve();

async function renderAlone(spec: TopLevelSpec): Promise<string> {
  const [vega, vegaLite] = await (vegaModules ??= Promise.all([import('vega'), import('vega-lite')]).then((modules) => {
    // (vega exports textMetrics, vega-scenegraph's, though its type declarations leave it out)
    useTextWidth((modules[0] as unknown as { textMetrics?: TextMetrics }).textMetrics);
    return modules;
  }));
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  // (Vega numbers clip paths and gradients across every SVG of the process: a chart's text depended on
  // what was rendered before it, clip1 or clip3: review; from the first in each chart, the same chart is the same text)
  vega.resetSVGDefIds();
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * `svg` with its clip paths' and gradients' ids (Vega's `clip1`, `gradient_0`, `p_gradient_0`) prefixed by `scope-`, for a page
 * that puts several charts in one document, where each chart's ids start from 1 (renderSvg).
 */
export function scopedSvgIds(svg: string, scope: string): string {
  return svg.replace(/(id="|url\(#)(clip\d+|(?:p_)?gradient_\d+)(?=[")])/gu, `$1${scope}-$2`);
}

/** The charts an SVG folder gets, each with its name and file name (nothing rendered). */
function namedCharts(rows: readonly CurveRow[], options: ReportOptions): Array<{ name: string; file: string; spec: TopLevelSpec }> {
  const charts = buildReportCharts(rows, options);
  const named = charts.metrics.map(({ metric, spec }) => ({ name: metric, spec }));
  if (charts.survival !== undefined) named.push({ name: SURVIVAL_SVG_NAME, spec: charts.survival });
  if (charts.kaplanMeier !== undefined) named.push({ name: KAPLAN_MEIER_SVG_NAME, spec: charts.kaplanMeier });
  const files = named.map(({ name, spec }) => ({ name, file: `${safeFileName(name)}.svg`, spec }));
  refuseSharedFiles(files);
  return files;
}

/** Two charts of one file name (columns `a/b` and `a_b`, or a column named `survival_bands`): one would replace the other. */
function refuseSharedFiles(files: ReadonlyArray<{ name: string; file: string }>): void {
  const byFile = new Map<string, string>();
  for (const { name, file } of files) {
    const other = byFile.get(file);
    // (the folder's check named the path twice, not the columns: audit)
    if (other !== undefined) throw new InputError(`the charts of ${other} and ${name} would both be written as ${file}`, 'rename one of the columns, or leave one out of metrics, --metrics on the command line');
    byFile.set(file, name);
  }
}

/** The file names writeSvgCharts would write for these rows and options, in order (for checking them before any work). */
export function svgChartFiles(rows: readonly CurveRow[], options: ReportOptions = {}): string[] {
  return namedCharts(rows, options).map(({ file }) => file);
}

export async function renderSvgCharts(rows: readonly CurveRow[], options: ReportOptions = {}): Promise<SvgChart[]> {
  const rendered: SvgChart[] = [];
  for (const { name, file, spec } of namedCharts(rows, options)) rendered.push({ name, file, svg: await renderSvg(spec) });
  return rendered;
}

export async function writeSvgCharts(
  rows: readonly CurveRow[],
  folder: string,
  options: ReportOptions = {},
): Promise<string[]> {
  const charts = await renderSvgCharts(rows, options);
  makeFolder(folder);
  const paths: string[] = [];
  for (const chart of charts) {
    const path = join(folder, chart.file);
    await writeWholeFile(path, chart.svg);
    paths.push(path);
  }
  return paths;
}

/** A metric name as a file name: anything but letters, digits, `_`, `-` and `.` becomes `_`. */
function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]/g, '_');
}
