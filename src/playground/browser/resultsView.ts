/**
 * The results on screen: the charts (charts.ts) and the text view (textView.ts) of the rows the page
 * holds, and the progress bar (whose numbers also feed the milestones said aloud). `drawResults` redraws the charts from `page`'s rows; `queueDraw`
 * redraws them as rows arrive, at most a third of the time; `watchChartRedraws` redraws them when
 * another metric is chosen or the window is resized.
 */

import { drawCharts, type ChartTargets } from './charts.js';
import { $ } from './elements.js';
import { page } from './pageState.js';
import { sayProgress } from './runAnnouncer.js';
import { TextView } from './textView.js';

export const charts: ChartTargets = {
  main: $('charts'),
  extra: $('extra-chart'),
  survival: $('survival-chart'),
  metricSelect: $<HTMLSelectElement>('metric-select'),
};

export const textView = new TextView($<HTMLSelectElement>('text-cell'), $('samples'), $<HTMLInputElement>('word-input'), $('word-result'), $('rare-list'), $('rare-note'));

let drawQueued = false;
/** How long the last redraw of queueDraw took, in milliseconds. */
let lastDrawMillis = 0;

/** Redraws every chart from the page's rows, captioned with the command line that made them, their downloads named for it. */
export function drawResults(): Promise<void> {
  return drawCharts(page.header, page.records, charts, page.rowsCommand, page.rowsName, page.law);
}

/** Shows `done` of `total` rows on the progress bar, and says a milestone of them when one is due (runAnnouncer.ts). */
export function progress(done: number, total: number): void {
  partProgress(done, total);
  sayProgress(done, total);
}

/** Moves the progress bar to `done` of `total` rows, `done` with the share of the row under way (said at the rows' milestones only). */
export function partProgress(done: number, total: number): void {
  const bar = $<HTMLProgressElement>('run-progress');
  bar.max = Math.max(1, total);
  bar.value = done;
}

/**
 * Redraws the charts as rows arrive: one redraw at a time, each at least 300 ms after the last ended and
 * twice as long as it took, so the page spends at most a third of a run redrawing (a redraw every 300 ms
 * of charts that take longer to draw left the page no time for Stop: audit).
 */
export function queueDraw(): void {
  if (drawQueued) return;
  drawQueued = true;
  setTimeout(() => {
    const started = performance.now();
    void drawResults()
      .then(() => textView.render())
      .finally(() => {
        lastDrawMillis = performance.now() - started;
        drawQueued = false;
      });
  }, Math.max(300, 2 * lastDrawMillis));
}

export function watchChartRedraws(): void {
  charts.metricSelect.addEventListener('change', () => void drawResults());
  // Charts are sized to their column when drawn: drawn again once a resize pauses (a window narrowed
  // after a run left the survival panels 494 px too wide: audit).
  let resized: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(resized);
    resized = setTimeout(() => void drawResults(), 250);
  });
}
