/**
 * The HTML report: one self-contained page: where the run came from (its sidecar) and each cell's
 * last-generation values with 95% intervals (runOverview.ts), every metric chart behind a metric
 * selector, the survival small multiples, and a table of the cells.
 *
 * Contract: `renderReportHtml(rows, options)` resolves to a complete HTML document (UTF-8) that works
 * offline: Vega, Vega-Lite and vega-embed are inlined from node_modules, the chart specs (with their data)
 * are inlined as JSON, and nothing is fetched. In the page, `<select id="metric-select">` lists the
 * charted metrics; choosing one redraws `#metric-chart` (SVG renderer; the element's `data-metric` names
 * the metric drawn and `data-state` is "ready" once drawn); `#survival-chart` holds the survival bands,
 * `#kaplan-meier-chart` the Kaplan–Meier curves when given (`--survival`);
 * `<html data-ready="true">` is set once the first charts are drawn, `data-error` if one failed.
 * `#metric=NAME` in the URL picks the first metric shown. Throws like buildReportCharts.
 */

import { largest, smallest } from '../../stats/extremes.js';
import type { CurveRow } from './curveRow.js';
import { buildReportCharts, type ReportCharts, type ReportOptions } from './reportCharts.js';
import { loadVendorScripts } from './vendorScripts.js';
import { SETTING_COLUMNS, textColumnsNote } from './curveRow.js';
import { lastGenerationTable, provenanceFacts } from './runOverview.js';

export async function renderReportHtml(rows: readonly CurveRow[], options: ReportOptions = {}): Promise<string> {
  const charts = buildReportCharts(rows, options);
  const vendors = await loadVendorScripts();
  const title = options.title ?? 'ngram-collapse report';
  const data = {
    metrics: charts.metrics.map(({ metric, description, spec }) => ({ metric, description, spec })),
    survival: charts.survival ?? null,
    kaplanMeier: charts.kaplanMeier ?? null,
    initial: charts.metrics.some((chart) => chart.metric === 'vocab_retention')
      ? 'vocab_retention'
      : (charts.metrics[0]?.metric ?? null),
  };
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="facts">${escapeHtml(facts(rows, options.source))}</p>`,
    '</header>',
    '<main>',
    overviewSection(rows, options),
    metricSection(charts),
    charts.survival === undefined ? '' : SURVIVAL_SECTION,
    charts.kaplanMeier === undefined ? '' : KAPLAN_MEIER_SECTION,
    cellsSection(rows, charts),
    charts.skipped.length === 0
      ? ''
      : `<p class="note">No values to plot for: ${escapeHtml(charts.skipped.join(', '))}.</p>`,
    charts.textColumns.length === 0
      ? ''
      : `<p class="note">${escapeHtml(capitalized(textColumnsNote(charts.textColumns)))}.</p>`,
    '</main>',
    `<footer>Made by ngram-collapse with ${vendors.map((v) => `${v.name} ${v.version}`).join(', ')}. ` +
      'Click a legend entry to highlight a cell (shift-click for more); hover a point for exact values.</footer>',
    `<script type="application/json" id="report-data">${jsonForScript(data)}</script>`,
    ...vendors.map((vendor) => `<script data-vendor="${vendor.name}">${vendor.code}</script>`),
    `<script>${APP_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function facts(rows: readonly CurveRow[], source: string | undefined): string {
  const perCell = new Map<string, Set<number>>();
  for (const row of rows) (perCell.get(row.cell) ?? perCell.set(row.cell, new Set()).get(row.cell)!).add(row.replicate);
  const cells = perCell.size;
  const replicates = [...perCell.values()].reduce((sum, set) => sum + set.size, 0);
  const single = [...perCell.values()].filter((set) => set.size === 1).length;
  // (not Math.min(...): a large sweep has more rows than a call takes arguments)
  const generations = rows.map((row) => Number(row.generation));
  const first = smallest(generations);
  const last = largest(generations);
  const span = `generations ${first}–${last}`;
  const from = source === undefined ? '' : `${source}: `;
  const lines = single === cells
    ? 'Lines are the runs themselves: one replicate per cell, so no confidence band.'
    : `Lines are means across replicates; shaded bands are 95% confidence intervals (Student t)${single > 0 ? ', where a cell has more than one replicate' : ''}.`;
  return `${from}${cells} cell${cells === 1 ? '' : 's'}, ${replicates} run${replicates === 1 ? '' : 's'} (cell × replicate), ${span}. ${lines}`;
}

function metricSection(charts: ReportCharts): string {
  const options = charts.metrics
    .map(({ metric }) => `<option value="${escapeHtml(metric)}">${escapeHtml(metric)}</option>`)
    .join('');
  return [
    '<section id="metrics">',
    '<div class="controls">',
    `<label for="metric-select">Metric</label> <select id="metric-select">${options}</select>`,
    '<span id="metric-description"></span>',
    '</div>',
    '<div id="metric-chart" class="chart" data-state="empty"></div>',
    '</section>',
  ].join('\n');
}

const SURVIVAL_SECTION = [
  '<section id="survival">',
  '<div id="survival-chart" class="chart" data-state="empty"></div>',
  '</section>',
].join('\n');

const KAPLAN_MEIER_SECTION = [
  '<section id="kaplan-meier">',
  '<div id="kaplan-meier-chart" class="chart" data-state="empty"></div>',
  '</section>',
].join('\n');

function cellsSection(rows: readonly CurveRow[], charts: ReportCharts): string {
  const firstRow = new Map<string, CurveRow>();
  const replicates = new Map<string, Set<number>>();
  for (const row of rows) {
    if (!firstRow.has(row.cell)) firstRow.set(row.cell, row);
    const set = replicates.get(row.cell) ?? new Set<number>();
    set.add(Number(row.replicate));
    replicates.set(row.cell, set);
  }
  const columns = SETTING_COLUMNS.filter((column) =>
    rows.some((row) => row[column] !== undefined && row[column] !== null && row[column] !== ''),
  );
  const named = new Map([...firstRow.keys()].map((cell) => [cell, nameOnlySettings(cell)]));
  const extra = [...new Set([...named.values()].flatMap((settings) => [...settings.keys()]))];
  // (the legend's name first: after a long cell name it was off the page, and it is what the charts show: audit)
  const head = ['legend', 'cell', ...extra, ...columns, 'replicates'].map((text) => `<th>${escapeHtml(text)}</th>`).join('');
  const body = [...firstRow]
    .map(([cell, row]) => {
      const given = named.get(cell)!;
      const fields = [charts.labels.get(cell) ?? cell, cell, ...extra.map((key) => given.get(key) ?? ''), ...columns.map((c) => String(row[c] ?? '')), String(replicates.get(cell)!.size)];
      return `<tr>${fields.map((text) => `<td>${escapeHtml(text)}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `<section id="cells"><h2>Cells</h2><div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div></section>`;
}

/**
 * The settings a cell's name gives that no column of the curves holds: a recipe that reads its corpus
 * with several tokenizers names its cells `tokenizer=gpt2`, `tokenizer=bpe:500/order=2` (src/cli/runRecipe.ts),
 * and those cells' columns are alike. A name is read as the cell namer writes it (`column=value` parts
 * joined by '/', src/simulation/cells.ts); a name not of that form gives nothing.
 */
function nameOnlySettings(cell: string): Map<string, string> {
  const parts = cell.split('/').map((part) => /^([a-z_]+)=(.+)$/u.exec(part));
  if (parts.some((part) => part === null)) return new Map();
  return new Map(parts.map((part) => [part![1]!, part![2]!] as const).filter(([key]) => !SETTING_COLUMNS.includes(key)));
}

/** Where the run came from (its sidecar, when known) and each cell's last-generation values. */
function overviewSection(rows: readonly CurveRow[], options: ReportOptions): string {
  const facts = options.record === undefined ? '' : `<dl class="provenance">${provenanceFacts(options.record).map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`;
  const table = lastGenerationTable(rows);
  const head = table.head.map((text) => `<th>${escapeHtml(text)}</th>`).join('');
  const body = table.body.map((line) => `<tr>${line.map((text) => `<td>${escapeHtml(text)}</td>`).join('')}</tr>`).join('\n');
  return [
    '<section id="overview">',
    // (a recipe's report has no run record: its heading "Run" stood over the table alone: audit)
    `<h2>${options.record === undefined ? 'Last generation' : 'Run'}</h2>`,
    facts,
    '<p class="note">Last generation of each cell: mean across replicates [95% confidence interval, Student t].</p>',
    `<div class="table-wrap"><table id="last-generation"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`,
    '</section>',
  ].join('\n');
}

/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON safe inside a <script> element: no `<` (so no `</script>` or `<!--`), no U+2028/2029. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const STYLE = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --line: #e3e3e3; --accent: #1f6feb; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); background: #f6f7f9; }
header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 28px; }
h1 { font-size: 22px; margin: 0 0 4px; font-weight: 650; }
h2 { font-size: 16px; margin: 0 0 10px; font-weight: 650; }
.facts { color: var(--muted); margin: 0 0 18px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px; margin-bottom: 18px; }
.controls { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; margin-bottom: 8px; }
.controls label { font-weight: 600; }
select { font: inherit; padding: 5px 8px; border: 1px solid #c8c8c8; border-radius: 6px; background: #fff; min-width: 220px; }
select:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
#metric-description { color: var(--muted); }
.chart { overflow-x: auto; min-height: 120px; }
.table-wrap { overflow-x: auto; }
.chart .vega-embed { width: auto; }
.error { color: #b00020; font-weight: 600; }
table { border-collapse: collapse; font-size: 13px; width: 100%; }
th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid var(--line); }
th { color: var(--muted); font-weight: 600; }
.note, footer { color: var(--muted); font-size: 12px; }
.provenance { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0 0 12px; font-size: 13px; }
.provenance dt { color: var(--muted); font-weight: 600; }
.provenance dd { margin: 0; overflow-wrap: anywhere; }
footer { padding-bottom: 28px; }
`;

/** The page's own script: plain ES5-style browser code, kept as a string (it never runs in Node). */
const APP_SCRIPT = `
(function () {
  'use strict';
  var report = JSON.parse(document.getElementById('report-data').textContent);
  var embedOptions = {
    renderer: 'svg',
    actions: { export: true, source: false, compiled: false, editor: false },
    downloadFileName: 'ngram-collapse'
  };
  var root = document.documentElement;
  var select = document.getElementById('metric-select');
  var chartElement = document.getElementById('metric-chart');
  var description = document.getElementById('metric-description');
  var current = null;
  var request = 0;

  function fail(element, error) {
    root.setAttribute('data-error', 'true');
    element.setAttribute('data-state', 'error');
    element.innerHTML = '';
    var message = document.createElement('p');
    message.className = 'error';
    message.textContent = 'Could not draw this chart: ' + (error && error.message ? error.message : error);
    element.appendChild(message);
    console.error(error);
  }

  function chartFor(metric) {
    for (var i = 0; i < report.metrics.length; i += 1) if (report.metrics[i].metric === metric) return report.metrics[i];
    return null;
  }

  function show(metric) {
    var chart = chartFor(metric);
    if (!chart) return Promise.resolve();
    var mine = ++request;
    select.value = metric;
    description.textContent = chart.description;
    chartElement.setAttribute('data-state', 'drawing');
    if (current) { current.finalize(); current = null; }
    return vegaEmbed(chartElement, chart.spec, embedOptions).then(function (result) {
      if (mine !== request) { result.finalize(); return; }
      current = result;
      name(chartElement, metric + ': ' + chart.description);
      chartElement.setAttribute('data-metric', metric);
      chartElement.setAttribute('data-state', 'ready');
    }, function (error) { fail(chartElement, error); });
  }

  function showSurvival(id, spec) {
    var element = document.getElementById(id);
    if (!element || !spec) return Promise.resolve();
    element.setAttribute('data-state', 'drawing');
    return vegaEmbed(element, spec, embedOptions).then(function () {
      name(element, spec.title && spec.title.text ? spec.title.text : id);
      element.setAttribute('data-state', 'ready');
    }, function (error) { fail(element, error); });
  }

  // The chart image's own name for a screen reader: without one it was its tick labels read in a row (audit).
  function name(element, what) {
    var image = element.querySelector('svg');
    if (image) image.setAttribute('aria-label', what + ': a chart by generation, one line per cell (the values are in the curves CSV)');
  }

  select.addEventListener('change', function () {
    if (history.replaceState) history.replaceState(null, '', '#metric=' + encodeURIComponent(select.value));
    show(select.value);
  });

  // The metric a link names (#metric=rare_survival), or null: a malformed escape (%E0%A4%A) is no metric,
  // where it threw and no chart was drawn (audit).
  function linkedMetric() {
    var fromHash = /^#metric=(.+)$/.exec(location.hash);
    if (!fromHash) return null;
    try {
      var metric = decodeURIComponent(fromHash[1]);
      return chartFor(metric) ? metric : null;
    } catch (error) {
      return null;
    }
  }

  // a link followed on the open page (a changed address, back and forward) shows its chart; back to the
  // address without one, the opening chart (the last linked one stayed: audit)
  // (only a metric link or none: a section's anchor, #survival, left the chart picked: audit)
  window.addEventListener('hashchange', function () {
    if (location.hash !== '' && location.hash.indexOf('#metric=') !== 0) return;
    var metric = linkedMetric() || report.initial;
    if (metric && metric !== select.value) show(metric);
  });

  var first = linkedMetric() || report.initial;
  Promise.all([first ? show(first) : Promise.resolve(), showSurvival('survival-chart', report.survival), showSurvival('kaplan-meier-chart', report.kaplanMeier)]).then(function () {
    root.setAttribute('data-ready', 'true');
  });
})();
`;

/** `text` with its first letter a capital, as a sentence starts. */
function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
