/**
 * Writing a report to disk: the HTML file and, optionally, the SVG charts. This is what `plot` and
 * `run --report FILE` call.
 *
 * Contract: `writeReport(rows, options)` first checks that `options.out` (if given) and
 * `options.svgDir` (if given) can be written (InputError otherwise, before any rendering), then writes
 * the self-contained HTML report to `options.out` and the SVG files into `options.svgDir` (created if
 * missing), and resolves to the paths written, HTML first. Throws like buildReportCharts.
 */

import type { CurveRow } from './curveRow.js';
import { checkWritable, checkWritableFolder } from '../outputPaths.js';
import type { ReportOptions } from './reportCharts.js';
import { renderReportHtml } from './reportHtml.js';
import { writeSvgCharts } from './svgCharts.js';
import { writeWholeFile } from '../wholeFile.js';

export interface WriteReportOptions extends ReportOptions {
  /** Path of the HTML report. */
  readonly out?: string;
  /** Folder for the SVG charts. */
  readonly svgDir?: string;
}

export async function writeReport(rows: readonly CurveRow[], options: WriteReportOptions): Promise<string[]> {
  if (options.out !== undefined) checkWritable(options.out, process.cwd(), '--out');
  if (options.svgDir !== undefined) checkWritableFolder(options.svgDir, process.cwd(), '--svg');
  const written: string[] = [];
  if (options.out !== undefined) {
    await writeWholeFile(options.out, await renderReportHtml(rows, options));
    written.push(options.out);
  }
  if (options.svgDir !== undefined) written.push(...(await writeSvgCharts(rows, options.svgDir, options)));
  return written;
}
