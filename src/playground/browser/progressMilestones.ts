/**
 * Which of a run's progress is worth saying aloud: a quarter of its rows reached, never sooner than
 * MILESTONE_GAP_MS after the last thing said of the run (its start included), so a screen reader hears a
 * few milestones, not every generation. The end is not a milestone: the run's end says it.
 *
 * Contract: `milestone(said, done, total, now)` is the line to say for `done` of `total` rows at time
 * `now` (ms), or undefined: said when the quarters reached (1 to 3) pass `said.quarter` and
 * `now - said.at >= MILESTONE_GAP_MS`; the caller then records `{ quarter, at: now }`. Pure.
 */

import { counted } from './statusLines.js';

/** The least time between two things said of a run, in milliseconds. */
export const MILESTONE_GAP_MS = 4000;

/** What was said of the run last: the quarter of its rows (0 at its start) and when. */
export interface Said {
  readonly quarter: number;
  readonly at: number;
}

export function milestone(said: Said, done: number, total: number, now: number): { readonly line: string; readonly quarter: number } | undefined {
  if (total <= 0 || done >= total) return undefined;
  const quarter = Math.floor((4 * done) / total);
  if (quarter <= said.quarter || now - said.at < MILESTONE_GAP_MS) return undefined;
  return { line: `${Math.floor((100 * done) / total)}% done: ${done.toLocaleString('en')} of ${counted(total, 'row')}.`, quarter };
}
