/**
 * `ngram-collapse plot CURVES.csv [--summary SUMMARY.csv] [--survival KM.csv] [--out report.html] [--svg DIR]
 * [--metrics a,b,...] [--title TEXT]`: the curves CSV as a self-contained offline HTML report and/or
 * static SVG charts.
 *
 * Contract: `plotCommand(io)` returns the commander command; PLOT_SPEC parses the options
 * (PLOT_OPTIONS, then `parsePlotOptions`, pure: UsageError for nothing to write; --metrics is a list, listOf's refusals), then checks, before
 * any rendering, that the curves (and summary) files exist and are CSVs of the right kind and that every
 * output can be written (InputError otherwise), then renders the outputs, writes them (each a whole
 * file; a signal while they are written stops the writing and names those written whole and those not:
 * ../watchedWrite.ts) and prints each path written on its own line to io.stdout. Relative paths are resolved against io.cwd. It never calls process.exit:
 * errors are thrown for the CLI's single error handler. Importing this module does not load the report code or Vega.
 */

import type { Command } from 'commander';
import type { WriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { resolveContext, type CliIO } from '../io.js';
import { parseOptions } from '../optionRow.js';
import { commandFor, type CommandSpec } from '../optionTable.js';
import { PLOT_OPTIONS } from '../options.js';
import { InputError, oneLine, UsageError } from '../../errors.js';
import { theoryPointsOfRecord } from '../../export/survivalLaw.js';
import { checkSummaryMatches, checkSurvivalMatches } from '../../export/report/matchingInputs.js';
import { checkDistinctOutputs, checkFolderEntries, checkStandardOutputNotInput, checkWritable, checkWritableFolder, refuseFolderName, namesStandardOutput } from '../outputPaths.js';
import { readCurves } from '../../export/report/readCurves.js';
import { foreignRow, missingRows, missingRowsWarning, runGridOf, type RowPlan } from '../../export/runGrid.js';
import { textColumnsNote, textColumnsOf } from '../../export/report/curveRow.js';
import { readRunRecord, runRecordPath, type RunRecord } from '../../export/runRecord.js';
import { readSummary } from '../../export/report/readSummary.js';
import { readSurvival } from '../../export/report/readSurvival.js';
import { landingPath } from '../../corpus/namedFile.js';
import type { CurveRow } from '../../export/report/curveRow.js';
import type { ReportOptions } from '../../export/report/reportCharts.js';
import { makeFolderUndoably } from '../../export/makeFolder.js';
import { writeText, writeWatchedFiles, type WatchedFile } from '../watchedWrite.js';
import { WARNING } from '../heldWarnings.js';

/** The options as PLOT_OPTIONS parses them. */
export interface RawPlotOptions {
  readonly summary?: string;
  readonly survival?: string;
  readonly out?: string;
  readonly svg?: string;
  /** Read by listOf: an empty item or a name twice is the flag's refusal. */
  readonly metrics?: readonly string[];
  readonly title?: string;
}

/** What `plot` will do, paths resolved. */
export interface PlotOptions {
  readonly curves: string;
  readonly summary: string | undefined;
  readonly survival: string | undefined;
  readonly out: string | undefined;
  readonly svgDir: string | undefined;
  readonly metrics: readonly string[] | undefined;
  readonly title: string | undefined;
  /** --out and --svg as given, as the line of an interrupted writing names them (default: the paths). */
  readonly shown?: { readonly out?: string; readonly svgDir?: string };
}

export const PLOT_SPEC: CommandSpec<PlotOptions> = {
  name: 'plot',
  description: 'draw a curves CSV as a self-contained HTML report (works offline) and/or SVG charts',
  arguments: [['<curves>', 'curves CSV written by `ngram-collapse run --out`']],
  options: PLOT_OPTIONS,
  resolve: (args, raw, context) => parsePlotOptions(args[0]!, parseOptions(PLOT_OPTIONS, raw), context.cwd),
};

export function plotCommand(io: CliIO): Command {
  return commandFor(PLOT_SPEC, () => resolveContext(io), (options) => runPlot(io, options));
}

export function parsePlotOptions(curves: string, raw: RawPlotOptions, cwd: string): PlotOptions {
  if (raw.out === undefined && raw.svg === undefined) {
    throw new UsageError('plot has nothing to write', 'give --out report.html and/or --svg DIR');
  }
  // Before the paths are resolved (a blank one would be the working directory, `-` a file named -).
  if (raw.out === '-') throw new UsageError('--out cannot go to standard output', 'pass --out FILE.html');
  if (raw.svg === '-') throw new UsageError('--svg names a folder, and cannot be standard output (-)', 'pass --svg DIR');
  // (it said the curves CSV "<cwd>/-" does not exist: audit)
  for (const [what, path] of [['the curves CSV', curves], ['--summary', raw.summary], ['--survival', raw.survival]] as const) {
    if (path === '-') throw new UsageError(`plot reads ${what} from a file, not from standard input (-)`, 'pass the path of the CSV that run wrote');
  }
  for (const [flag, path, what] of [['--out', raw.out, 'a file name'], ['--svg', raw.svg, 'a folder path']] as const) {
    if (path !== undefined && path.trim() === '') throw new UsageError(`${flag} must be a path, got '${path}'`, `pass ${what}`);
  }
  // (resolving drops a trailing / or /.: `--out r/` wrote the file r: audit)
  if (raw.out !== undefined) refuseFolderName(raw.out, '--out');
  const at = (path: string | undefined) => (path === undefined ? undefined : resolve(cwd, path));
  return {
    curves: resolve(cwd, curves),
    summary: at(raw.summary),
    survival: at(raw.survival),
    out: at(raw.out),
    svgDir: at(raw.svg),
    metrics: raw.metrics,
    title: raw.title,
    shown: { ...(raw.out === undefined ? {} : { out: raw.out }), ...(raw.svg === undefined ? {} : { svgDir: raw.svg }) },
  };
}

/**
 * The --svg folder is not the --out file, nor inside it: the page was written, then making the folder
 * failed on it with a raw EEXIST (exit 1: audit). Compared where writes to them land, links followed
 * (`--svg d/x.html` with d a link to `.` got past a comparison of the names: round 2).
 */
function checkFolderNotOnFile(svgDir: string, out: string): void {
  const landed = (path: string): string => landingPath(resolve(process.cwd(), path)).replace(/(?<=.)\/+$/u, '');
  const folder = landed(svgDir);
  const file = landed(out);
  if (folder === file || folder.startsWith(`${file}${sep}`)) {
    throw new UsageError(`--svg ${svgDir} ${folder === file ? 'is' : 'lies inside'} the --out file ${out}: a folder of charts cannot be where the page goes`, 'give --svg a folder of its own');
  }
}

export async function runPlot(io: CliIO, options: PlotOptions): Promise<void> {
  await assertReadableFile(options.curves, 'the curves CSV');
  if (options.summary !== undefined) await assertReadableFile(options.summary, '--summary');
  if (options.survival !== undefined) await assertReadableFile(options.survival, '--survival');
  if (options.out !== undefined) checkWritable(options.out, process.cwd(), '--out', { standardOutput: false });
  if (options.svgDir !== undefined) checkWritableFolder(options.svgDir, process.cwd(), '--svg');
  if (options.out !== undefined && options.svgDir !== undefined) checkFolderNotOnFile(options.svgDir, options.out);
  const inputs = [['the curves CSV', options.curves], ['--summary', options.summary], ['--survival', options.survival]] as const;
  const inputFiles = inputs.flatMap(([what, path]) => (path === undefined ? [] : [{ label: `${what} ${path}`, path }]));
  // (the run record beside the curves is read too: `--out a.csv.run.json` wrote the report over it,
  // or made one there a later plot, merge or --resume would read, exit 0: audit)
  const readFiles = [...inputFiles, { label: `the run record ${runRecordPath(options.curves)} of the curves CSV`, path: runRecordPath(options.curves) }];
  const out = options.out === undefined ? [] : [{ label: `--out ${options.out}`, path: options.out }];
  checkDistinctOutputs(out, readFiles);
  // (it prints the paths written: not into an input, nor into the run record it reads beside the curves: audit)
  checkStandardOutputNotInput(readFiles, process.cwd());
  // (known before the page is written: a redirect's file is replaced by it, and no longer what standard output holds)
  const pageOnStandardOutput = options.out !== undefined && namesStandardOutput(options.out, process.cwd());
  const table = await readCurves(options.curves);
  // (the page names them in a note; a folder of SVG charts alone said nothing: round 2)
  const textColumns = textColumnsOf(table.columns, table.metrics);
  if (textColumns.length > 0) io.stderr.write(`${WARNING}${oneLine(`${options.curves}: ${textColumnsNote(textColumns)}`)}\n`);
  const summary = options.summary === undefined ? undefined : await readSummary(options.summary);
  const record = recordOfRows(io, options.curves, table.rows, sidecarOf(options.curves));
  warnMissingRows(io, options.curves, table.rows, record);
  const kaplanMeier = options.survival === undefined ? undefined : await readSurvival(options.survival);
  if (summary !== undefined) checkSummaryMatches(summary, table, options.summary!);
  if (kaplanMeier !== undefined) checkSurvivalMatches(kaplanMeier, table, options.survival!);
  // The survival law from the run record beside the curves (as run --report draws it); the summary's rows of it come first (reportCharts).
  const theory = theoryPointsOfRecord(table.rows, record);
  const report = { columns: table.columns, summary, theory, kaplanMeier, metrics: options.metrics, title: options.title, source: basename(options.curves), ...(record === undefined ? {} : { record }) };
  if (options.svgDir !== undefined) {
    // Each chart is a file of the folder (<metric>.svg): none may be --out or an input.
    const svgDir = options.svgDir;
    const { svgChartFiles } = await import('../../export/report/svgCharts.js');
    const svgs = svgChartFiles(table.rows, report).map((file) => ({ label: `--svg's chart ${join(svgDir, file)}`, path: join(svgDir, file) }));
    // (the page says which metrics have no values; an empty folder would say nothing)
    if (svgs.length === 0) {
      const drawn = options.metrics ?? table.metrics;
      throw new InputError(`--svg ${svgDir}: no chart to draw, ${drawn.join(', ')} ${drawn.length === 1 ? 'has' : 'have'} no value in ${options.curves}`, 'give a curves CSV with values, or other metrics with --metrics');
    }
    checkDistinctOutputs([...out, ...svgs], readFiles);
    checkFolderEntries(svgDir, svgDir, svgs.map(({ path }) => basename(path)), '--svg');
  }
  const files = await reportFiles(table.rows, report, options);
  // (a signal while they are written stops the writing, and says which were written: ../watchedWrite.ts)
  await writeWatchedFiles(files, { printsAfter: !pageOnStandardOutput });
  // (none where --out names what standard output goes to: the lines followed the page down a pipe, and
  // went to the replaced file of a redirect: audit)
  if (!pageOnStandardOutput) for (const { path } of files) io.stdout.write(`${path}\n`);
}

/**
 * The page and the charts, each rendered (before any is written: the signals' default action while the
 * report is drawn) and ready to be written whole, the page first; the --svg folder made before its first
 * chart (and removed again if a signal stops the writing before a chart is in it).
 */
async function reportFiles(rows: readonly CurveRow[], report: ReportOptions, options: PlotOptions): Promise<WatchedFile[]> {
  // Loaded here, not at the top: the report code, which other commands do not need (Vega comes at the first chart).
  const { renderReportHtml } = await import('../../export/report/reportHtml.js');
  const { renderSvgCharts } = await import('../../export/report/svgCharts.js');
  const text = (content: string) => (stream: WriteStream) => writeText(stream, content);
  const files: WatchedFile[] = [];
  if (options.out !== undefined) files.push({ path: options.out, flag: '--out', shown: options.shown?.out ?? options.out, write: text(await renderReportHtml(rows, report)) });
  if (options.svgDir !== undefined) {
    const svgDir = options.svgDir;
    const charts = await renderSvgCharts(rows, report);
    const shownDir = options.shown?.svgDir ?? svgDir;
    for (const chart of charts) files.push({ path: join(svgDir, chart.file), flag: '--svg', shown: join(shownDir, chart.file), before: () => makeFolderUndoably(svgDir), write: text(chart.svg) });
  }
  return files;
}

/** Warns when the curves lack rows of their run's grid (the record's, or their own): an interrupted run or one shard draws curves of fewer replicates. */
function warnMissingRows(io: CliIO, curves: string, rows: readonly CurveRow[], record: RunRecord | undefined): void {
  const plan = record === undefined ? undefined : recordPlan(record);
  const warning = missingRowsWarning(curves, missingRows(rows, plan), plan !== undefined);
  if (warning !== undefined) io.stderr.write(`${WARNING}${oneLine(warning)}\n`);
}

/** The grid of the run a record describes; undefined for a record whose settings do not give one (the table's own is used). */
function recordPlan(record: RunRecord): RowPlan | undefined {
  try {
    return runGridOf(record.identity.settings);
  } catch {
    return undefined;
  }
}

/**
 * The record, where the rows are its run's; else none, with a warning: the page is drawn from the
 * curves alone (another run's record showed its provenance and drew its survival law over these rows,
 * exit 0: probe). A record whose settings give no grid is kept, as warnMissingRows keeps it.
 */
function recordOfRows(io: CliIO, curves: string, rows: readonly CurveRow[], record: RunRecord | undefined): RunRecord | undefined {
  if (record === undefined || recordPlan(record) === undefined) return record;
  const foreign = foreignRow(rows, record.identity.settings);
  if (foreign === undefined) return record;
  io.stderr.write(`${WARNING}${oneLine(`${runRecordPath(curves)} is not the record of the rows of ${curves}: ${foreign}; the page is drawn from the curves alone, without the run's provenance or the survival law`)}\n`);
  return undefined;
}

/** The run record next to the curves CSV (what the report's provenance shows); none if absent or unreadable. */
function sidecarOf(curves: string): RunRecord | undefined {
  try {
    return readRunRecord(curves);
  } catch {
    return undefined; // a broken sidecar does not stop a report; the curves alone are drawn
  }
}

async function assertReadableFile(path: string, what: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) throw new InputError(`${what} ${path} does not exist`, 'check the path');
  if (!info.isFile()) throw new InputError(`${what} ${path} is not a file`, 'give the path of a CSV file');
}
