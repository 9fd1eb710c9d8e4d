/**
 * What a screen reader hears of a run between Run and its end, in a polite live region of its own
 * (#run-announcer, visually hidden): the run's size as it starts, a few milestones (progressMilestones.ts,
 * fed by the progress bar's own numbers), and at its end how it ended and where its results are. The
 * run status beside Run (also read out) keeps saying the rest: Running…, Done with its rows and time,
 * why a run was not started.
 *
 * Contract: `sayStart(series, rows)` says the run's size and starts its clock; `sayProgress(done, total)`
 * says a milestone when one is due; `sayEnd(end, rowsShown)` says how the run ended (RunEnd) and, when
 * rows are on screen, where. Each replaces what the region said.
 */

import { $ } from './elements.js';
import { milestone, type Said } from './progressMilestones.js';
import { counted } from './statusLines.js';

/** How a run ended: its rows all made, stopped, failed after a row, or refused before any. */
export type RunEnd = 'done' | 'stopped' | 'failed' | 'refused';

/** Where a run's results are, as its end says. */
const RESULTS_WHERE = 'the curves are under 3. Curves, the text under 4. The text itself, the downloads under 5. Export.';

const ENDS: Record<RunEnd, string> = {
  done: 'Run done:',
  stopped: 'Run stopped:',
  failed: 'Run failed (its message is under the settings):',
  refused: 'Run not started: it was refused (its message is under the settings).',
};

let said: Said = { quarter: 0, at: 0 };

function say(line: string): void {
  $('run-announcer').textContent = line;
}

export function sayStart(series: number, rows: number): void {
  said = { quarter: 0, at: performance.now() };
  say(`Run started: ${series.toLocaleString('en')} series, ${counted(rows, 'row')} in all. Progress is said at each quarter.`);
}

export function sayProgress(done: number, total: number): void {
  const now = performance.now();
  const next = milestone(said, done, total, now);
  if (next === undefined) return;
  said = { quarter: next.quarter, at: now };
  say(next.line);
}

/** Says how the run ended and, when the page shows rows (the run's, or the last run's kept), where they are. */
export function sayEnd(end: RunEnd, rowsShown: boolean): void {
  said = { quarter: 4, at: performance.now() };
  const where = !rowsShown ? '' : end === 'done' || end === 'stopped' ? ` ${RESULTS_WHERE}` : ` The rows shown: ${RESULTS_WHERE}`;
  say(`${ENDS[end]}${where}`.replace(/:$/u, '.'));
}
