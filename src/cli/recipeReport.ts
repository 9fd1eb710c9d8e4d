/**
 * A recipe's report: the report machinery's page (every metric, survival bands with the survival law dashed where it applies, cells) with a recipe
 * section on top: the claim, the sources, the command, each finding with its verdict, under them the
 * one-replicate caveat where the run had one replicate (as standard output, findings.md and
 * findings.json say it), the notes, and the recipe's own charts as inline SVG. Also the SVG files, in `figures/`.
 *
 * Contract: `writeRecipeReport(recipe, data, findings, records, { out, command })` writes
 * `out/report.html` and `out/figures/*.svg` (folder created) and resolves to the paths written.
 * `recipeReportFiles(recipe, data, records)`: what it would write, relative to `out` (`figures/` for
 * the folder), nothing rendered.
 * Callers import it lazily: the report code is not needed by `recipe list` (Vega itself is loaded by
 * svgCharts.js at the first chart).
 */

import { makeFolder } from '../export/makeFolder.js';
import { writeWholeFile } from '../export/wholeFile.js';
import { join } from 'node:path';
import { CURVE_COLUMNS } from '../export/curveRecord.js';
import { curveTableFromRecords } from '../export/report/readCurves.js';
import { escapeHtml, renderReportHtml } from '../export/report/reportHtml.js';
import { renderSvg, scopedSvgIds, svgChartFiles, writeSvgCharts } from '../export/report/svgCharts.js';
import { theoryPoints } from '../export/survivalLaw.js';
import { batchSizesOf, lawBatchSizes } from '../metrics/survivalTheory.js';
import type { SeriesPoint } from '../export/report/aggregateCurves.js';
import { observedText, oneReplicateCaveat, verdictOf, type Finding, type Recipe, type RecipeData, type Verdict } from '../recipes/recipe.js';

export async function writeRecipeReport(
  recipe: Recipe,
  data: RecipeData,
  findings: readonly Finding[],
  records: ReadonlyArray<readonly string[]>,
  options: { out: string; command: string },
): Promise<string[]> {
  const table = curveTableFromRecords(CURVE_COLUMNS, records, 'curves.csv');
  const figures = join(options.out, 'figures');
  const written: string[] = [];
  const charts = [];
  for (const chart of recipe.charts?.(data) ?? []) charts.push({ ...chart, svg: await renderSvg(chart.spec) });

  const theory = lawPoints(data, records);
  const page = await renderReportHtml(table.rows, {
    columns: table.columns,
    theory,
    title: `ngram-collapse recipe ${recipe.name}: ${recipe.title}`,
    source: 'curves.csv',
  });
  // (a function: a string replacement reads `$&`, `$'` and `` $` `` in the command line as patterns, and pasted the page into it: audit)
  // (the replicates of the run, data.scale: the page left out the caveat the other outputs carry: review)
  const section = recipeSection(recipe, findings, options.command, charts, oneReplicateCaveat(data.scale.replicates));
  const html = page.replace('<main>', () => `<main>\n${section}`);
  await writeWholeFile(join(options.out, 'report.html'), html);
  written.push(join(options.out, 'report.html'));

  written.push(...(await writeSvgCharts(table.rows, figures, { columns: table.columns, theory })));
  makeFolder(figures);
  for (const chart of charts) {
    const path = join(figures, `${chart.name}.svg`);
    await writeWholeFile(path, chart.svg);
    written.push(path);
  }
  return written;
}

export function recipeReportFiles(recipe: Recipe, data: RecipeData, records: ReadonlyArray<readonly string[]>): string[] {
  const table = curveTableFromRecords(CURVE_COLUMNS, records, 'curves.csv');
  const figures = svgChartFiles(table.rows, { columns: table.columns, theory: lawPoints(data, records) });
  const own = (recipe.charts?.(data) ?? []).map((chart) => `${chart.name}.svg`);
  return ['report.html', 'figures/', ...[...figures, ...own].map((file) => `figures/${file}`)];
}

/**
 * The survival law's points, each cell's from its own H's seed counts (a recipe over tokenizers reads
 * H once per tokenizer: `referenceOf`).
 */
export function lawPoints(data: RecipeData, records: ReadonlyArray<readonly string[]>): SeriesPoint[] {
  const cellAt = CURVE_COLUMNS.indexOf('cell');
  const byCell = new Map<string, Array<readonly string[]>>();
  for (const record of records) {
    const cell = record[cellAt]!;
    const list = byCell.get(cell);
    if (list === undefined) byCell.set(cell, [record]);
    else list.push(record);
  }
  return [...byCell].flatMap(([cell, cellRecords]) => {
    const own = data.referenceOf?.(cell);
    const reference = own ?? data.run.reference;
    const seedCounts = Int32Array.from(reference.unigrams.types, (id) => reference.unigrams.counts[id]!);
    // (the run's N and M; a cell of its own tokens has its own H, whose size both are: a recipe sets neither)
    return theoryPoints(cellRecords, seedCounts, own === undefined ? batchSizesOf(data.run) : lawBatchSizes({}, seedCounts.reduce((sum, count) => sum + count, 0)));
  });
}

/** The class of a verdict's cell: green, red, or grey for a check the rows cannot decide. */
const VERDICT_CLASS: Readonly<Record<Verdict, string>> = { holds: 'holds', 'does not hold': 'fails', undecided: 'undecided' };

function recipeSection(
  recipe: Recipe,
  findings: readonly Finding[],
  command: string,
  charts: ReadonlyArray<{ title: string; svg: string }>,
  caveat: string | undefined,
): string {
  const rows = findings
    .map(
      (finding) =>
        `<tr><td>${escapeHtml(finding.name)}</td><td>${escapeHtml(finding.expected)}</td><td>${escapeHtml(observedText(finding))}</td>` +
        `<td class="${VERDICT_CLASS[verdictOf(finding)]}">${verdictOf(finding)}</td></tr>`,
    )
    .join('\n');
  const notes = (recipe.notes ?? []).map((note) => `<li>${escapeHtml(note)}</li>`).join('');
  return [
    '<section id="recipe">',
    '<style>#recipe td.holds{color:#1a7f37;font-weight:600}#recipe td.fails{color:#b00020;font-weight:600}#recipe td.undecided{color:#555;font-style:italic}#recipe pre{background:#f6f7f9;padding:8px 10px;border-radius:6px;overflow-x:auto}#recipe figure{margin:12px 0}#recipe td{vertical-align:top}</style>',
    `<h2>${escapeHtml(recipe.title)}</h2>`,
    `<p>${escapeHtml(recipe.claim)}</p>`,
    `<p class="note">${recipe.sources.map(escapeHtml).join('<br>')}</p>`,
    `<pre>${escapeHtml(command)}</pre>`,
    '<div class="table-wrap"><table><thead><tr><th>check</th><th>expected</th><th>observed (means over replicates unless it says otherwise)</th><th>verdict</th></tr></thead><tbody>',
    rows,
    '</tbody></table></div>',
    caveat === undefined ? '' : `<p class="caveat"><strong>${escapeHtml(caveat)}</strong></p>`,
    notes === '' ? '' : `<ul class="note">${notes}</ul>`,
    // (each chart's ids scoped: every chart numbers its clip paths from 1, and a page's ids must differ)
    ...charts.map((chart, index) => `<figure class="chart" aria-label="${escapeHtml(chart.title)}">${scopedSvgIds(chart.svg, `chart${index + 1}`)}</figure>`),
    '</section>',
  ].join('\n');
}
