/**
 * The report machinery's public face: everything `plot`, `run --report` and the recipes need.
 *
 * Contract: re-exports only; importing this module has no side effects.
 */

export type { CurveRow, CurveValue } from './curveRow.js';
export { ID_COLUMNS, SETTING_COLUMNS, SURVIVAL_BANDS, metricColumns, metricValue } from './curveRow.js';
export { aggregateCurves, type SeriesPoint } from './aggregateCurves.js';
export { cellLabels } from './cellLabels.js';
export { studentTQuantile } from '../../stats/studentT.js';
export { curveTableFromRecords, readCurves, type CurveTable } from './readCurves.js';
export { seriesCurveTable } from './seriesCurveTable.js';
export { readSummary, summaryPoints, type SummaryRow } from './readSummary.js';
export { metricChartSpec } from './metricChart.js';
export { survivalChartSpec } from './survivalChart.js';
export { buildReportCharts, type ReportCharts, type ReportOptions, type MetricChart } from './reportCharts.js';
export { renderReportHtml } from './reportHtml.js';
export { renderSvg, renderSvgCharts, writeSvgCharts, type SvgChart } from './svgCharts.js';
export { writeReport, type WriteReportOptions } from './writeReport.js';
export { formatFinalTable } from './finalTable.js';
export { sparkline } from './sparkline.js';
