/**
 * The playground's charts: the report's own Vega-Lite specs (buildReportCharts) drawn with the
 * inlined vega-embed, redrawn as rows arrive (and by the page when its window is resized); each chart
 * with SVG and PNG download buttons. Each is fitted to its column when drawn: a single view stretches
 * to it (and its plot is made lower in a window too low for it), the survival panels are sized and wrapped into rows, titles and subtitles are wrapped, and on
 * a narrow page the legends go under the plots. A downloaded SVG or PNG is the chart as drawn with the
 * command line of the run that made its rows under its subtitle (`drawCharts`' caption), so a figure
 * pasted into a slide or a paper says what it shows; its file is named for that run (`drawCharts`' fileStem).
 */

import { buildReportCharts } from '../../export/report/reportCharts.js';
import { curveTableFromRecords } from '../../export/report/curveTable.js';
import { metricValue } from '../../export/report/curveRow.js';
import { saveBlob, saveUrl } from './downloads.js';
import { downloadName } from '../downloadName.js';
import { theoryPoints } from '../../export/survivalLaw.js';
import { subtitleCharacters, wrapCommand, wrapText } from '../../export/report/wrapText.js';
import type { BatchSizes } from '../../metrics/survivalTheory.js';

interface VegaView {
  toSVG(): Promise<string>;
  toImageURL(type: 'png', scale?: number): Promise<string>;
  finalize(): void;
}
type VegaEmbed = (element: HTMLElement, spec: unknown, options: Record<string, unknown>) => Promise<{ view: VegaView }>;

/** Metrics drawn first, when the CSV has them. */
export const MAIN_METRICS = ['vocab_retention', 'rare_survival', 'entropy_bits', 'heldout_perplexity', 'model_types', 'model_vocab_retention', 'model_rare_survival'];

const views = new Map<HTMLElement, VegaView>();
/** What each plot was drawn from: its fitted spec, the caption its downloads carry and how their names begin. */
const drawn = new Map<HTMLElement, { readonly spec: Record<string, unknown>; readonly caption: string; readonly fileStem: string }>();

function embed(): VegaEmbed {
  return (globalThis as unknown as { vegaEmbed: VegaEmbed }).vegaEmbed;
}

/** Draws `spec` into a figure inside `host` (replacing what was there), with download buttons. */
async function draw(host: HTMLElement, name: string, title: string, spec: unknown, epoch: number, caption: string, fileStem: string): Promise<void> {
  let figure = host.querySelector<HTMLElement>(`figure[data-metric="${name}"]`);
  if (figure === null) {
    figure = document.createElement('figure');
    figure.dataset['metric'] = name;
    figure.setAttribute('aria-label', title);
    const plot = document.createElement('div');
    plot.className = 'plot';
    const buttons = document.createElement('div');
    buttons.className = 'buttons';
    for (const kind of ['SVG', 'PNG'] as const) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'secondary';
      button.textContent = kind;
      button.setAttribute('aria-label', `Download ${kind} of ${name}`);
      button.addEventListener('click', () => void saveChart(plot, name, kind));
      buttons.append(button);
    }
    figure.append(plot, buttons);
    host.append(figure);
  }
  const plot = figure.querySelector<HTMLElement>('.plot')!;
  // Single views stretch to the column; a faceted spec (the survival bands) fits its panels to it.
  const width = plot.clientWidth || 600;
  const fitted = 'facet' in (spec as object) ? fitFacets(spec as FacetSpec, width) : { ...(spec as Record<string, unknown>), width: 'container', height: plotHeight((spec as { height?: number }).height, width >= LEGEND_BELOW ? legendEntries(spec) : 0), autosize: { type: 'fit-x', contains: 'padding' } };
  const sized = legendsBelow(rewrapped(fitted, width), width);
  const result = await embed()(plot, sized, { actions: false, renderer: 'svg', logLevel: 1 });
  if (epoch !== drawing) {
    result.view.finalize(); // (its figure went with the charts a new run cleared)
    return;
  }
  // (the image's own name for a screen reader: without one it was its tick labels read in a row: audit)
  plot.querySelector('svg')?.setAttribute('aria-label', `${title}: a chart by generation, one line per cell (the values are in the curves CSV)`);
  // (vega-embed makes its box a document named "Vega visualization", read around the image's own
  // name: the figure and the image name the chart, the box nothing: audit of the playground)
  for (const attribute of ['role', 'aria-label', 'aria-roledescription']) plot.removeAttribute(attribute);
  views.get(plot)?.finalize();
  views.set(plot, result.view);
  drawn.set(plot, { spec: sized, caption, fileStem });
}

/** Room a single view takes besides its plot: title, subtitle, the x axis and its title (measured: 144 px), and a margin. */
const ROOM_BESIDES_PLOT = 160;
/** The lowest plot a window shrinks a chart to. */
const LOWEST_PLOT = 180;

/**
 * A legend at the plot's right: its title and each entry's row (measured: the title 19 px, each entry
 * 15 px at the report's 11 px labels), and the x axis under the plot, which the legend may reach down beside.
 */
const LEGEND_TITLE = 19;
const LEGEND_ROW = 15;
const X_AXIS_ROOM = 40;

/**
 * A single view's plot height: the report's, or less in a window too low to show the whole chart (a
 * projector at 200% zoom, 640 x 400 px, cut each chart's x axis off: audit of the playground), never
 * below LOWEST_PLOT; and never too low for a legend of `entries` at its right, which the chart's
 * fitted height cut (24 cells at a 1024 px window showed 23, on the page and in its downloads: audit).
 */
function plotHeight(height: number | undefined, entries: number): number | undefined {
  if (height === undefined) return undefined;
  const legend = LEGEND_TITLE + entries * LEGEND_ROW - X_AXIS_ROOM;
  return Math.max(LOWEST_PLOT, legend, Math.min(height, window.innerHeight - ROOM_BESIDES_PLOT));
}

/** The most entries one legend of `spec`'s layers lists (its `values`: the cells drawn). */
function legendEntries(spec: unknown): number {
  const layers = (spec as { layer?: unknown[] }).layer ?? [];
  let most = 0;
  for (const layer of layers) {
    const values = (layer as { encoding?: { color?: { legend?: { values?: unknown[] } } } }).encoding?.color?.legend?.values;
    most = Math.max(most, values?.length ?? 0, legendEntries(layer));
  }
  return most;
}

/** A faceted spec's parts this page sizes: one panel per column of `facet.column` (the survival bands). */
interface FacetSpec {
  readonly facet: { readonly column: { readonly sort: readonly string[] } & Record<string, unknown> };
  readonly spec: { readonly width: number } & Record<string, unknown>;
  readonly [key: string]: unknown;
}

/**
 * Room besides the panels' widths, measured (a row of n panels is about 32 + n (width + 30) px wide:
 * the y axis and title, then each panel's spacing and padding), and the narrowest panel worth drawing.
 */
const AXIS_ROOM = 36;
const PANEL_GAP = 31;
const NARROWEST_PANEL = 110;

/**
 * `spec` with its panels fitted to `width` pixels: all in a row, each as wide as the report draws it
 * or narrower, where they fit; else wrapped into rows of as many as fit (a 400 px phone: one or two).
 * The survival chart's four panels overflowed an 830 px column, hiding the "seen 21+" panel (audit).
 */
function fitFacets(spec: FacetSpec, width: number): Record<string, unknown> {
  const panels = Math.max(1, spec.facet.column.sort.length);
  const perRow = Math.max(1, Math.min(panels, Math.floor((width - AXIS_ROOM) / (NARROWEST_PANEL + PANEL_GAP))));
  const panelWidth = Math.min(spec.spec.width, Math.floor((width - AXIS_ROOM) / perRow) - PANEL_GAP);
  const inner = { ...spec.spec, width: panelWidth };
  if (perRow === panels) return { ...spec, spec: inner };
  const { facet, ...rest } = spec;
  return { ...rest, facet: facet.column, columns: perRow, spec: inner };
}

/** Below this column width a legend goes under the chart, one entry a row (a phone; the two-column grid of a laptop window): at its right it left a 320 px phone a plot 40 px wide (audit). */
const LEGEND_BELOW = 560;

/** `spec` (layers, or a facet's inner spec) with its legends under the chart, one entry a row, when `width` is narrow. */
function legendsBelow(spec: Record<string, unknown>, width: number): Record<string, unknown> {
  if (width >= LEGEND_BELOW) return spec;
  type Layer = { encoding?: { color?: { legend?: Record<string, unknown> } & Record<string, unknown> } & Record<string, unknown> } & Record<string, unknown>;
  const below = (layer: Layer): Layer => {
    if (Array.isArray(layer['layer'])) return { ...layer, layer: (layer['layer'] as Layer[]).map(below) };
    const color = layer.encoding?.color;
    if (color?.legend === undefined) return layer;
    return { ...layer, encoding: { ...layer.encoding, color: { ...color, legend: { ...color.legend, orient: 'bottom', direction: 'horizontal', columns: 1 } } } };
  };
  if (Array.isArray(spec['layer'])) return { ...spec, layer: (spec['layer'] as Layer[]).map(below) };
  const inner = spec['spec'] as Layer | undefined;
  return inner === undefined ? spec : { ...spec, spec: below(inner) };
}

/** About how many characters of a chart title (15 px, bold) fit in `pixels`. */
function titleCharacters(pixels: number): number {
  return Math.max(12, Math.floor(pixels / 9));
}

/** `spec` with its title and subtitle (a metric's description) wrapped to `width` pixels, as Vega draws a line uncut. */
function rewrapped(spec: Record<string, unknown>, width: number): Record<string, unknown> {
  const title = spec['title'] as { text?: string | string[]; subtitle?: string | string[] } | undefined;
  if (title === undefined) return spec;
  const wrapped = (lines: string | string[], characters: number): string[] => wrapText(Array.isArray(lines) ? lines.join(' ') : lines, characters);
  return {
    ...spec,
    title: {
      ...title,
      ...(title.text === undefined ? {} : { text: wrapped(title.text, titleCharacters(width - 20)) }),
      ...(title.subtitle === undefined ? {} : { subtitle: wrapped(title.subtitle, subtitleCharacters(width - 20)) }),
    },
  };
}

/**
 * `spec` (as drawn, `width` pixels wide) with `caption` wrapped into the lines under its subtitle, at
 * that width (a view drawn to its container's width is given it as a number: the copy is drawn apart).
 */
function captioned(spec: Record<string, unknown>, caption: string, width: number): Record<string, unknown> {
  const fixed = spec['width'] === 'container' ? { ...spec, width: Math.max(1, width) } : spec;
  if (caption === '') return fixed;
  const title = (fixed['title'] ?? {}) as { text?: string | string[]; subtitle?: string | string[] };
  const subtitle = title.subtitle === undefined ? [] : Array.isArray(title.subtitle) ? title.subtitle : [title.subtitle];
  return { ...fixed, title: { ...title, subtitle: [...subtitle, ...wrapCommand(caption, subtitleCharacters(width - 20))] } };
}

/** Downloads the chart of `plot` as drawn, with its caption: drawn again apart, off the page, then let go. */
async function saveChart(plot: HTMLElement, name: string, kind: 'SVG' | 'PNG'): Promise<void> {
  const chart = drawn.get(plot);
  if (chart === undefined) return;
  const apart = document.createElement('div');
  apart.style.cssText = `position: absolute; left: -100000px; top: 0; width: ${plot.clientWidth}px`;
  document.body.append(apart);
  try {
    const { view } = await embed()(apart, captioned(chart.spec, chart.caption, plot.clientWidth || 600), { actions: false, renderer: 'svg', logLevel: 1 });
    try {
      if (kind === 'SVG') saveBlob(new Blob([await view.toSVG()], { type: 'image/svg+xml' }), downloadName(chart.fileStem, `${name}.svg`));
      else saveUrl(await view.toImageURL('png', 2), downloadName(chart.fileStem, `${name}.png`));
    } finally {
      view.finalize();
    }
  } finally {
    apart.remove();
  }
}

export interface ChartTargets {
  readonly main: HTMLElement;
  readonly extra: HTMLElement;
  readonly survival: HTMLElement;
  readonly metricSelect: HTMLSelectElement;
}

/** What the survival law needs of the run that made the records (as `run --summary` has it). */
export interface LawInput {
  readonly seedCounts: ArrayLike<number>;
  readonly sizes: BatchSizes;
}

/** Charts drawn by the latest redraw: a redraw that a new run's clearCharts overtook draws nothing more. */
let drawing = 0;

/**
 * Redraws every chart from the records so far (made by the command line `caption`; their downloads'
 * names begin with `fileStem`, see ../downloadName.ts); fills the metric selector with the other metrics
 * that have a value in the records.
 */
export async function drawCharts(header: readonly string[], records: ReadonlyArray<readonly string[]>, targets: ChartTargets, caption: string, fileStem: string, law?: LawInput): Promise<void> {
  if (records.length === 0) return;
  const epoch = drawing;
  const table = curveTableFromRecords(header, records, 'the playground');
  // (reading the rows and building the charts' specs in tasks of their own: both in one held the page for over a second at 24,000 rows: audit)
  await nextTask();
  if (epoch !== drawing) return;
  const main = MAIN_METRICS.filter((metric) => table.metrics.includes(metric));
  // (only columns with a value: word_* without bpe:K, selected_share without --select drew nothing, and the
  // chart of the metric chosen before stayed under the new name: audit)
  const others = table.metrics.filter((metric) => !main.includes(metric) && !metric.startsWith('survival_') && table.rows.some((row) => metricValue(row, metric) !== undefined));
  if ([...targets.metricSelect.options].map((option) => option.value).join('\n') !== others.join('\n')) {
    const chosen = targets.metricSelect.value;
    targets.metricSelect.replaceChildren(...others.map((metric) => new Option(metric, metric)));
    targets.metricSelect.value = others.includes(chosen) ? chosen : (others.includes('types') ? 'types' : others[0] ?? '');
  }
  const extra = targets.metricSelect.value;
  const bands = table.metrics.filter((metric) => metric.startsWith('survival_'));
  // the survival law, dashed over the survival bands for the cells it covers, as `run --report` draws it (the page drew none: audit)
  const theory = law === undefined ? undefined : theoryPoints(records, law.seedCounts, law.sizes);
  const charts = buildReportCharts(table.rows, { columns: header, metrics: [...main, ...(extra === '' ? [] : [extra]), ...bands], ...(theory === undefined ? {} : { theory }) });
  for (const chart of charts.metrics.filter((candidate) => !bands.includes(candidate.metric))) {
    // each chart in a task of its own, so that a click (Stop) or a scroll is taken between them (all
    // charts in one task held the page for over a second as rows arrived: audit)
    await nextTask();
    // (a redraw a new run's clearCharts overtook added the old rows' figures: round 4)
    if (epoch !== drawing) return;
    const host = chart.metric === extra && !main.includes(extra) ? targets.extra : targets.main;
    if (host === targets.extra) for (const old of host.querySelectorAll(`figure:not([data-metric="${chart.metric}"])`)) old.remove();
    await draw(host, chart.metric, `${chart.metric}: ${chart.description}`, chart.spec, epoch, caption, fileStem);
  }
  await nextTask();
  if (charts.survival !== undefined && epoch === drawing) await draw(targets.survival, 'survival_bands', 'share of seed types still present, by their count in the human pool', charts.survival, epoch, caption, fileStem);
}

/** Resolves in a later task of the event loop (a message to a channel of its own: no timer's clamp). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Removes every chart (a new run starts). */
export function clearCharts(targets: ChartTargets): void {
  drawing++;
  for (const [plot, view] of views) {
    view.finalize();
    views.delete(plot);
  }
  drawn.clear();
  targets.main.replaceChildren();
  targets.extra.replaceChildren();
  targets.survival.replaceChildren();
}
