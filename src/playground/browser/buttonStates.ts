/**
 * Which controls and buttons the page offers now, and the notes on whose rows are shown: `setButtons`
 * reads the page state only and writes the disabled states, the note over the curves and the note at
 * the export. While a run goes on the corpus and the settings are fixed (every export describes the
 * run that made the rows); the rows download only beside the settings that made them. A focused button
 * that this disables hands the focus to Stop (a run began) or Run (it ended), without scrolling the page.
 */

import { $ } from './elements.js';
import { page, rowsKeyNow } from './pageState.js';

export function setButtons(): void {
  lockWhileRunning();
  // Rows download only beside the settings that made them: once a setting or the corpus changes, the
  // rows are of another run (put the settings back and they download again). A recipe is several runs,
  // which no one --config file holds: its command line stands for it (both were exported out of step: audit).
  const current = page.rowsKey === rowsKeyNow();
  const ready = !page.running && page.records.length > 0 && current;
  $<HTMLButtonElement>('download-csv').disabled = !ready;
  $<HTMLButtonElement>('download-summary').disabled = !ready;
  const recipeShown = current && page.rowsRecipe !== undefined && (page.running || page.records.length > 0);
  showRowsNotes(current, recipeShown);
}

function lockWhileRunning(): void {
  // The corpus and the settings stay as they are while a run goes on, so that every export (the CSV, the
  // summary, the --config JSON, the command line and the link) describes the run that made the rows.
  const fixed = '#controls :is(input, select, textarea), #corpus-panel :is(input, select, textarea, button), #reset-button';
  const focused = document.activeElement;
  for (const control of document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLButtonElement>(fixed)) control.disabled = page.running;
  $<HTMLButtonElement>('run-button').disabled = page.running;
  $<HTMLButtonElement>('stop-button').disabled = !page.running;
  for (const button of document.querySelectorAll<HTMLButtonElement>('.preset button')) button.disabled = page.running;
  // (a button pressed from the keyboard that its press disabled, Run, a recipe's or Stop, left the focus
  // nowhere, and the run's progress out of sight: the focus goes to Stop while a run goes on, then to Run;
  // without scrolling: on a phone, Stop at the foot of the window beside the curves handed the focus to
  // Run, back in the settings, and the page jumped up to it, away from the curves: audit)
  if (focused instanceof HTMLButtonElement && focused.disabled) $(page.running ? 'stop-button' : 'run-button').focus({ preventScroll: true });
}

/** The note over the curves and the one at the export: whose rows these are, and whether they are the settings'. */
function showRowsNotes(current: boolean, recipeShown: boolean): void {
  const { running, records, rowsRecipe } = page;
  // (beside the curves too, while they are drawn, also after a setting changed: after a recipe the
  // settings at the left, the page's own, read as the curves': audit)
  // (and curves of another corpus or other settings, kept on screen once those changed, with nothing
  // beside them but the Export note at the foot of the page: audit)
  $('rows-note').textContent = rowsRecipe !== undefined && (running || records.length > 0)
    ? `These are recipe ${rowsRecipe}'s curves, made with its own settings (the legend names its cells; its command line is under Export), not with the settings at the left.`
    : !running && records.length > 0 && !current
      ? 'These curves were made before the settings or the corpus at the left changed: Run to draw curves of these.'
      : '';
  $<HTMLButtonElement>('download-config').disabled = recipeShown;
  // (the link holds the settings at the left: after a recipe, a teacher shared it as the recipe's: audit)
  $('export-note').textContent = recipeShown
    ? `These are recipe ${rowsRecipe!}'s rows: the command line below runs it (a --config file holds one run's settings, not a recipe's runs, and the link below opens the settings at the left, not the recipe).`
    : !running && records.length > 0 && !current
      ? 'The settings or the corpus changed since these rows were made: Run again to download rows of these settings.'
      : '';
}
