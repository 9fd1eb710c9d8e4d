/**
 * The playground's charts: the report's own Vega-Lite specs (buildReportCharts) drawn with the
 * inlined vega-embed, redrawn as rows arrive; each chart with SVG and PNG download buttons.
 */

import { buildReportCharts } from '../../export/report/reportCharts.js';
import { curveTableFromRecords } from '../../export/report/curveTable.js';
import { saveBlob, saveUrl } from './downloads.js';

interface VegaView {
  toSVG(): Promise<string>;
  toImageURL(type: 'png', scale?: number): Promise<string>;
  finalize(): void;
}
type VegaEmbed = (element: HTMLElement, spec: unknown, options: Record<string, unknown>) => Promise<{ view: VegaView }>;

/** Metrics drawn first, when the CSV has them. */
export const MAIN_METRICS = ['vocab_retention', 'rare_survival', 'entropy_bits', 'heldout_perplexity', 'model_types', 'model_vocab_retention', 'model_rare_survival'];

const views = new Map<HTMLElement, VegaView>();

function embed(): VegaEmbed {
  return (globalThis as unknown as { vegaEmbed: VegaEmbed }).vegaEmbed;
}

/** Draws `spec` into a figure inside `host` (replacing what was there), with download buttons. */
async function draw(host: HTMLElement, name: string, title: string, spec: unknown): Promise<void> {
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
  // Single views stretch to the column; a faceted spec (the survival bands) keeps its panel sizes.
  const sized = 'facet' in (spec as object) ? spec : { ...(spec as Record<string, unknown>), width: 'container', autosize: { type: 'fit-x', contains: 'padding' } };
  const result = await embed()(plot, sized, { actions: false, renderer: 'svg', logLevel: 1 });
  views.get(plot)?.finalize();
  views.set(plot, result.view);
}

async function saveChart(plot: HTMLElement, name: string, kind: 'SVG' | 'PNG'): Promise<void> {
  const view = views.get(plot);
  if (view === undefined) return;
  if (kind === 'SVG') saveBlob(new Blob([await view.toSVG()], { type: 'image/svg+xml' }), `${name}.svg`);
  else saveUrl(await view.toImageURL('png', 2), `${name}.png`);
}

export interface ChartTargets {
  readonly main: HTMLElement;
  readonly extra: HTMLElement;
  readonly survival: HTMLElement;
  readonly metricSelect: HTMLSelectElement;
}

/** Redraws every chart from the records so far; fills the metric selector with the other metrics. */
export async function drawCharts(header: readonly string[], records: ReadonlyArray<readonly string[]>, targets: ChartTargets): Promise<void> {
  if (records.length === 0) return;
  const table = curveTableFromRecords(header, records, 'the playground');
  const main = MAIN_METRICS.filter((metric) => table.metrics.includes(metric));
  const others = table.metrics.filter((metric) => !main.includes(metric) && !metric.startsWith('survival_'));
  if (targets.metricSelect.options.length !== others.length) {
    const chosen = targets.metricSelect.value;
    targets.metricSelect.replaceChildren(...others.map((metric) => new Option(metric, metric)));
    targets.metricSelect.value = others.includes(chosen) ? chosen : (others.includes('types') ? 'types' : others[0] ?? '');
  }
  const extra = targets.metricSelect.value;
  const bands = table.metrics.filter((metric) => metric.startsWith('survival_'));
  const charts = buildReportCharts(table.rows, { columns: header, metrics: [...main, ...(extra === '' ? [] : [extra]), ...bands] });
  for (const chart of charts.metrics.filter((candidate) => !bands.includes(candidate.metric))) {
    const host = chart.metric === extra && !main.includes(extra) ? targets.extra : targets.main;
    if (host === targets.extra) for (const old of host.querySelectorAll(`figure:not([data-metric="${chart.metric}"])`)) old.remove();
    await draw(host, chart.metric, `${chart.metric}: ${chart.description}`, chart.spec);
  }
  if (charts.survival !== undefined) await draw(targets.survival, 'survival_bands', 'share of seed types still present, by their count in the human pool', charts.survival);
}

/** Removes every chart (a new run starts). */
export function clearCharts(targets: ChartTargets): void {
  for (const [plot, view] of views) {
    view.finalize();
    views.delete(plot);
  }
  targets.main.replaceChildren();
  targets.extra.replaceChildren();
  targets.survival.replaceChildren();
}
