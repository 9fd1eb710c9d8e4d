/**
 * A change of the page's settings: `setState` takes the next settings, puts them in the address
 * (`#config=`), clears statuses about the settings before, checks them (messages beside the controls)
 * and, unless told not to or a run goes on, loads their corpus. `showSettings` writes what the
 * settings make: the share link, the command line and the buttons.
 */

import { commandLine, configHash, pageConfig, type PageSettings } from '../pageConfig.js';
import { setButtons } from './buttonStates.js';
import { ensureLoaded, refreshCorpusSelect } from './corpusLoad.js';
import { $, showMessage } from './elements.js';
import { page, rowsKeyNow } from './pageState.js';
import { passesGuard, resolveControls } from './settingsCheck.js';
import { CORPUS_REFUSED, REFUSED_LINK, RUN_REFUSED } from './statusLines.js';

export function setState(next: PageSettings, reload = true): void {
  page.state = next;
  refreshCorpusSelect();
  history.replaceState(null, '', configHash(pageConfig(page.state)));
  clearStaleStatus();
  showSettings();
  const resolved = resolveControls();
  // Settings the guard refuses still load their corpus, so its statistics show (an address it refused
  // left "Loading…" until Run: audit); Run says the guard's message again and runs nothing.
  if (resolved !== undefined) passesGuard(resolved);
  if (resolved !== undefined && reload && !page.running) {
    showMessage('corpus-error', '');
    ensureLoaded(resolved).catch((error: Error) => {
      showMessage('corpus-error', error.message);
    });
  }
}

/** Empties a status about the settings or the corpus before this change. */
function clearStaleStatus(): void {
  // (statuses about the settings or corpus before: "the corpus was refused" outlived a corpus that loads: audit)
  if ([REFUSED_LINK, CORPUS_REFUSED].includes($('run-status').textContent ?? '')) $('run-status').textContent = '';
  // (the worker's refusal, once its settings are edited: its message under the settings went, and the
  // status still pointed there: audit)
  if (page.refusedConfig !== undefined && configHash(pageConfig(page.state)) !== page.refusedConfig) {
    if (($('run-status').textContent ?? '').startsWith(RUN_REFUSED)) $('run-status').textContent = '';
    page.refusedConfig = undefined;
    page.refusedRecipe = undefined;
  }
}

/**
 * The share link, the command line and the export buttons of the settings the controls hold (the
 * address may still hold a refused link, kept for its owner to mend).
 */
export function showSettings(): void {
  const config = pageConfig(page.state);
  $<HTMLInputElement>('share-link').value = `${location.href.split('#')[0]!}${configHash(config)}`;
  // (the recipe's own command line while its rows are those of the settings shown: a setting changed and
  // put back showed `run`'s beside the note "These are recipe drift's rows": audit)
  page.lastCommand = page.rowsRecipe !== undefined && page.rowsKey === rowsKeyNow() ? page.rowsCommand : commandLine(config);
  $<HTMLTextAreaElement>('command-line').value = page.lastCommand;
  setButtons();
}
