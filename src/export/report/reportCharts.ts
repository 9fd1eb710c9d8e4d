/**
 * The charts of a report, as Vega-Lite specs: the one model the HTML report and the SVG files share.
 *
 * Contract: `buildReportCharts(rows, options)` returns the cell labels, one metric chart per metric
 * that has at least one defined value (metrics with none are listed in `skipped`), and the survival
 * small-multiples chart when any survival band has values. Metrics are the metric columns of
 * curveRow.ts's metricColumnsOf (the tool's own metrics, and numeric columns after `generation`) in CSV order (`options.columns`, else the first row's key order), or `options.metrics` in
 * the order given. With `options.summary`, a metric the summary covers is drawn from the summary's
 * means and intervals; any other metric is aggregated from the rows (mean and 95% Student-t band across
 * replicates). The survival chart draws the bands `options.metrics` names (all of them when it is not
 * given), and is left out when it names none; it carries
 * the survival law (dashed): the summary's `theory_survival_*` rows when it has them (as written, to 6
 * digits), else `options.theory`.
 * Throws InputError when there are no rows, UsageError when `options.metrics` names an unknown metric.
 */

import type { TopLevelSpec } from 'vega-lite';
import { InputError, UsageError } from '../../errors.js';
import { checkList, checkObject, checkOptional, checkValue, integerRule, refuseUnknownKeys, shownValue, TEXT_RULE, type ValueRule } from '../../validation/valueRule.js';
import { checkRunRecord } from '../runRecordShape.js';
import type { RunRecord } from '../runRecord.js';
import { aggregateCurves, type SeriesPoint } from './aggregateCurves.js';
import { cellLabels } from './cellLabels.js';
import { checkCurveRows, isIdColumn, metricColumns, SURVIVAL_BANDS, textColumnsOf, type CurveRow } from './curveRow.js';
import { metricChartSpec } from './metricChart.js';
import { describeMetric } from './metricDescriptions.js';
import { summaryPoints, type SummaryRow } from './summaryPoints.js';
import { survivalChartSpec } from './survivalChart.js';

export interface ReportOptions {
  /** Metrics to chart, in this order (default: every metric column). */
  readonly metrics?: readonly string[];
  /** The CSV header, which fixes the metric order (default: the first row's key order). */
  readonly columns?: readonly string[];
  /** Rows of a summary CSV: their means and intervals are drawn instead of recomputed. */
  readonly summary?: readonly SummaryRow[];
  /** The survival law's points (metric theory_survival_*), drawn dashed over the survival bands unless `summary` has the law's rows. */
  readonly theory?: readonly SeriesPoint[];
  /**
   * Kaplan–Meier survival by band (metric survival_1 .. survival_21_plus, from `--survival`): a chart of
   * its own; the file's law (metric theory_survival_*, where its theory_survival has a value) drawn dashed over it.
   */
  readonly kaplanMeier?: readonly SeriesPoint[];
  /** Report title (HTML only). */
  readonly title?: string;
  /** Where the data came from, shown under the title (HTML only), e.g. the CSV file name. */
  readonly source?: string;
  /** The run's sidecar (`<out>.run.json`), if there is one: its provenance heads the report (HTML only). */
  readonly record?: RunRecord;
}

const KAPLAN_MEIER_TITLE = 'Kaplan–Meier survival by seed-count band';
const KAPLAN_MEIER_SUBTITLE = 'share of the seed types (all replicates pooled) not yet absent from any generation: a comeback does not undo a loss';

export interface MetricChart {
  readonly metric: string;
  readonly description: string;
  readonly spec: TopLevelSpec;
  /** Cells drawn, i.e. lines in the chart. */
  readonly cells: number;
}

export interface ReportCharts {
  readonly labels: ReadonlyMap<string, string>;
  readonly metrics: readonly MetricChart[];
  readonly survival: TopLevelSpec | undefined;
  /** The Kaplan–Meier chart, when `options.kaplanMeier` has points. */
  readonly kaplanMeier: TopLevelSpec | undefined;
  /** Metrics asked for (or found) that have no defined value at all. */
  readonly skipped: readonly string[];
  /** Columns after `generation`, none of the tool's, that hold text and so are not drawn (a column of another program's passed without a word: audit). */
  readonly textColumns: readonly string[];
}

/** The keys of ReportOptions (the type keeps the list whole). */
export const REPORT_OPTION_KEYS: readonly string[] = Object.keys({
  metrics: true, columns: true, summary: true, theory: true, kaplanMeier: true, title: true, source: true, record: true,
} satisfies Record<keyof ReportOptions, true>);

/**
 * Refuses (UsageError) rows that are not a list of curve rows (checkCurveRows) and options that are
 * not ReportOptions: an unknown key (`extraKeys` are the caller's own), a title or source that is not
 * text, metrics or columns that are not a list of names (metrics non-empty), points that are not lists.
 */
export function checkReportArguments(rows: unknown, options: unknown, extraKeys: readonly string[] = []): void {
  checkCurveRows(rows);
  const object = checkObject('options', options);
  refuseUnknownKeys(object, [...REPORT_OPTION_KEYS, ...extraKeys], 'report option');
  checkOptional('title', object['title'], TEXT_RULE);
  checkOptional('source', object['source'], TEXT_RULE);
  if (object['metrics'] !== undefined) checkList('metrics', object['metrics'], TEXT_RULE);
  const columns = object['columns'];
  if (columns !== undefined && !Array.isArray(columns)) throw new UsageError(`columns must be a list of column names, got ${shownValue(columns)}`, 'pass the header readCurves gives', 'columns');
  const badColumn = Array.isArray(columns) ? columns.findIndex((column) => typeof column !== 'string') : -1;
  if (badColumn >= 0) throw new UsageError(`columns[${badColumn}] must be a column name, got ${shownValue((columns as unknown[])[badColumn])}`, 'pass the header readCurves gives', 'columns');
  for (const key of ['summary', 'theory', 'kaplanMeier']) {
    const points = object[key];
    if (points === undefined) continue;
    if (!Array.isArray(points)) throw new UsageError(`${key} must be a list, got ${shownValue(points)}`, `pass the ${key} points, or leave ${key} out`, key);
    for (let index = 0; index < points.length; index++) checkSeriesPoint(points[index], `${key}[${index}]`);
  }
  if (object['record'] !== undefined) checkRunRecord(object['record']);
}

/**
 * A point of a summary, the law or Kaplan–Meier: metric and cell texts, a whole generation >= 0 and n,
 * a number mean, sd and interval numbers or absent (a point of `{}` was a raw TypeError deep in the
 * charts, and one of `'abc'` drawn as nothing: review).
 */
function checkSeriesPoint(point: unknown, field: string): void {
  const fields = checkObject(field, point);
  for (const key of ['metric', 'cell']) checkValue(`${field}.${key}`, fields[key], TEXT_RULE);
  for (const key of ['generation', 'n']) checkValue(`${field}.${key}`, fields[key], integerRule(0));
  checkValue(`${field}.mean`, fields['mean'], NUMBER_RULE);
  for (const key of ['sd', 'ciLow', 'ciHigh']) if (fields[key] !== undefined) checkValue(`${field}.${key}`, fields[key], NUMBER_RULE);
}

/** Any number, NaN included (a mean of no value is NaN in a summary read back), but no other type. */
const NUMBER_RULE: ValueRule<number> = Object.freeze<ValueRule<number>>({ kind: 'number', allowed: 'a number', accepts: (value): value is number => typeof value === 'number' });

export function buildReportCharts(rows: readonly CurveRow[], options: ReportOptions = {}): ReportCharts {
  checkReportArguments(rows, options);
  if (rows.length === 0) {
    throw new InputError('the curves have no rows, so there is nothing to plot', 'run at least one generation first');
  }
  const available = metricColumns(rows, options.columns);
  const wanted = options.metrics ?? available;
  const unknown = wanted.filter((metric) => !available.includes(metric));
  if (unknown.length > 0) {
    // (a column of text was called unknown, though the file has it: audit)
    const columns = options.columns ?? Object.keys(rows[0]!);
    const why = (metric: string): string => (!columns.includes(metric) ? '' : isIdColumn(metric) ? ' (a column that names the rows and their settings)' : ' (a column whose values are not numbers)');
    throw new UsageError(
      `unknown metric ${unknown.map((metric) => `'${metric}'${why(metric)}`).join(', ')}`,
      // (the columns given may name no metric: "choose from: " listed nothing: review)
      available.length > 0 ? `choose from: ${available.join(', ')}` : `the columns given (${columns.join(', ')}) name no metric: pass the header the rows were read with`,
    );
  }
  // the bands asked for (every one the rows have when no metric is named: `--metrics survival_1` drew all four: audit)
  const bands = SURVIVAL_BANDS.map(({ metric }) => metric).filter((metric) => available.includes(metric) && (options.metrics === undefined || options.metrics.includes(metric)));
  const drawSurvival = bands.length > 0;
  const needed = [...new Set([...wanted, ...bands])];
  const points = pointsFor(rows, needed, options.summary ?? []);
  const labels = cellLabels([...rows, ...(options.summary ?? [])]);
  const metrics: MetricChart[] = [];
  const skipped: string[] = [];
  for (const metric of wanted) {
    const own = points.get(metric) ?? [];
    if (own.length === 0) {
      skipped.push(metric);
      continue;
    }
    const cells = new Set(own.map((point) => point.cell)).size;
    metrics.push({ metric, description: describeMetric(metric), spec: metricChartSpec(own, metric, labels), cells });
  }
  const survivalPoints = drawSurvival ? bands.flatMap((metric) => points.get(metric) ?? []) : [];
  const theory = lawOf(options);
  // The Kaplan–Meier chart draws the survival file's own law (its theory_survival: empty where the law does
  // not apply, under --tokens-growth for one), not the summary's, which compares with the survival_*
  // means (it drew the law beside curves the file left without it: audit).
  const measuredKm = (options.kaplanMeier ?? []).filter((point) => !point.metric.startsWith('theory_'));
  const lawKm = (options.kaplanMeier ?? []).filter((point) => point.metric.startsWith('theory_'));
  const kaplanMeier = survivalChartSpec(measuredKm, labels, lawKm, KAPLAN_MEIER_TITLE, KAPLAN_MEIER_SUBTITLE, true);
  const columns = options.columns ?? Object.keys(rows[0]!);
  const textColumns = textColumnsOf(columns, available);
  return { labels, metrics, survival: survivalChartSpec(survivalPoints, labels, theory), kaplanMeier, skipped, textColumns };
}

/** Points per metric: from the summary where it covers the metric, else aggregated from the rows. */
function pointsFor(
  rows: readonly CurveRow[],
  metrics: readonly string[],
  summary: readonly SummaryRow[],
): Map<string, SeriesPoint[]> {
  const fromSummary = new Map<string, SeriesPoint[]>();
  for (const point of summaryPoints(summary)) {
    const list = fromSummary.get(point.metric);
    if (list === undefined) fromSummary.set(point.metric, [point]);
    else list.push(point);
  }
  const toAggregate = metrics.filter((metric) => !fromSummary.has(metric));
  const aggregated = aggregateCurves(rows, toAggregate);
  const byMetric = new Map<string, SeriesPoint[]>();
  for (const metric of metrics) byMetric.set(metric, fromSummary.get(metric) ?? []);
  for (const point of aggregated) byMetric.get(point.metric)!.push(point);
  return byMetric;
}

/** The survival law drawn: the summary's rows of it if any (a run's report and `plot --summary` draw the same), else `theory`. */
function lawOf(options: ReportOptions): readonly SeriesPoint[] {
  const written = summaryPoints(options.summary ?? []).filter((point) => point.metric.startsWith('theory_survival_'));
  return written.length > 0 ? written : options.theory ?? [];
}
