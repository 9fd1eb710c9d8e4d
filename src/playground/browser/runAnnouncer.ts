/**
 * What a screen reader hears of a run between Run and its end that the run status beside Run (also
 * read out: Running…, Done with its rows and time, Stopped, why a run was not started) does not say, in
 * a polite live region of its own (#run-announcer, visually hidden): the run's size as it starts, a few
 * milestones (progressMilestones.ts, fed by the progress bar's own numbers), and at its end where the
 * rows on screen are and whose they are. Nothing is said twice: the start, the end and a refusal are the
 * status's and the settings' alert's to say (the region said them too, so a run's end was heard twice
 * and a refusal three times: round-2 audit).
 *
 * Contract: `sayStart(series, rows)` says the run's size and starts its clock; `sayProgress(done, total)`
 * says a milestone when one is due; `sayEnd(end, rows)` says where the rows shown are, and whether they
 * are the last run's (RowsShown), or nothing when none are or the run was refused. Each replaces what
 * the region said.
 */

import { $ } from './elements.js';
import { milestone, type Said } from './progressMilestones.js';
import { counted } from './statusLines.js';

/** How a run ended: its rows all made, stopped, failed after a row, or refused before any. */
export type RunEnd = 'done' | 'stopped' | 'failed' | 'refused';

/** Whose rows the page shows as a run ends: the run's own, the last run's (kept: it made none), or none. */
export type RowsShown = 'this run' | 'last run' | 'none';

/** Where a run's results are, as its end says after naming whose curves they are. */
const RESULTS_WHERE = 'are under 3. Curves, the text under 4. The text itself, the downloads under 5. Export.';

/** How the end names the curves shown: the last run's (kept), a failed run's rows so far, or the run's own. */
const WHOSE: Record<Exclude<RowsShown, 'none'> | 'failed', string> = {
  'last run': "The last run's rows are shown: the curves",
  failed: 'Its rows so far are shown: the curves',
  'this run': 'Its curves',
};

let said: Said = { quarter: 0, at: 0 };

function say(line: string): void {
  $('run-announcer').textContent = line;
}

export function sayStart(series: number, rows: number): void {
  said = { quarter: 0, at: performance.now() };
  say(`${series.toLocaleString('en')} series, ${counted(rows, 'row')} in all; a longer run says how far it is as it goes.`);
}

export function sayProgress(done: number, total: number): void {
  const now = performance.now();
  const next = milestone(said, done, total, now);
  if (next === undefined) return;
  said = { quarter: next.quarter, at: now };
  say(next.line);
}

/** Says where the rows on screen are as the run ends, and whose; nothing when none are, or when the run was refused (its alert says why). */
export function sayEnd(end: RunEnd, rows: RowsShown): void {
  said = { quarter: 4, at: performance.now() };
  if (end === 'refused' || rows === 'none') return say('');
  say(`${WHOSE[rows === 'this run' && end === 'failed' ? 'failed' : rows]} ${RESULTS_WHERE}`);
}
