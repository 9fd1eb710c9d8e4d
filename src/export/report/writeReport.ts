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
import { checkReportArguments, type ReportOptions } from './reportCharts.js';
import { UsageError } from '../../errors.js';
import { checkOptional, TEXT_RULE } from '../../validation/valueRule.js';
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
  checkReportArguments(rows, options, ['out', 'svgDir']);
  for (const key of ['out', 'svgDir'] as const) {
    const path = checkOptional(key, options[key], TEXT_RULE);
    if (path === '-') throw new UsageError(`${key} must be a path: a report is not written to standard output`, `pass a ${key === 'out' ? 'file name' : 'folder path'}`, key);
  }
  if (options.out === undefined && options.svgDir === undefined) throw new UsageError('writeReport has nothing to write', 'pass out (the HTML file) and/or svgDir (a folder for the SVG charts)');
  const { out, svgDir, ...report } = options;
  if (out !== undefined) checkWritable(out, process.cwd(), 'out');
  if (svgDir !== undefined) checkWritableFolder(svgDir, process.cwd(), 'svgDir');
  const written: string[] = [];
  if (out !== undefined) {
    await writeWholeFile(out, await renderReportHtml(rows, report));
    written.push(out);
  }
  if (svgDir !== undefined) written.push(...(await writeSvgCharts(rows, svgDir, report)));
  return written;
}
