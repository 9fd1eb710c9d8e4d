/**
 * The playground page: corpus choice (embedded, dropped, pasted), the `run` settings as controls
 * (state <-> `--config` JSON in ../pageConfig.ts, kept in the address as `#config=`), a Web Worker
 * running the library (worker.ts, bundled into PLAYGROUND_WORKER_SOURCE), live charts, the text
 * view, recipe presets and the exports. Every message shown is the CLI's one-line message; nothing
 * a user brings in (a file, pasted text, an address) is ever parsed as markup or run as code.
 *
 * This file only starts the page: each part is a module of its own (corpusLoad, corpusInputs,
 * settingsControls, settingsCheck, settingsState, addressSettings, runStart, runLifecycle,
 * recipePresets, resultsView, runAnnouncer, findingsView, downloadButtons, runBarClearance), sharing `page`
 * (pageState.ts); imports run one way, from this file down to pageState and elements.
 */

import { defaultPageSettings } from '../pageConfig.js';
import { watchAddress, stateFromAddress } from './addressSettings.js';
import { setButtons } from './buttonStates.js';
import { wireCorpusInputs } from './corpusInputs.js';
import { readEmbedded } from './corpusLoad.js';
import { wireExports } from './downloadButtons.js';
import { $ } from './elements.js';
import { page } from './pageState.js';
import { buildPresets } from './recipePresets.js';
import { textView, watchChartRedraws } from './resultsView.js';
import { watchRunBar } from './runBarClearance.js';
import { startPageWorker, stop } from './runLifecycle.js';
import { run } from './runStart.js';
import { buildControls, fillControls } from './settingsControls.js';
import { setState } from './settingsState.js';

/** The recipes, where a class starts, sat closed at the foot of the settings, with nothing pointing to them (audit). */
function openRecipes(): void {
  const presets = $<HTMLDetailsElement>('presets');
  presets.open = true;
  presets.scrollIntoView({ block: 'start' });
  presets.querySelector('summary')!.focus();
}

function resetSettings(): void {
  page.state = defaultPageSettings(page.state.corpus);
  fillControls();
  setState(page.state);
}

function main(): void {
  startPageWorker();
  readEmbedded();
  buildControls(setState);
  buildPresets();
  $('show-recipes').addEventListener('click', openRecipes);
  wireCorpusInputs();
  wireExports();
  watchRunBar();
  watchChartRedraws();
  $('run-button').addEventListener('click', () => void run());
  $('stop-button').addEventListener('click', stop);
  $('reset-button').addEventListener('click', resetSettings);
  watchAddress();
  stateFromAddress();
  textView.render();
  setButtons();
  document.documentElement.dataset['ready'] = 'true';
}

main();
