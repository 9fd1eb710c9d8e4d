/**
 * The settings in the address: `#config=` followed by the URL-encoded JSON that `--config` accepts.
 * `stateFromAddress` fills the controls from it (or from the defaults) and loads their corpus; a
 * refused address is said (its message under the settings, the status line) and never run, and
 * leaves the controls at the defaults. `watchAddress` reads an address edited later, except during a
 * run, when the run's settings are put back into it and the page says so.
 */

import { describeError } from '../../errors.js';
import { configFromHash, configHash, defaultPageSettings, pageConfig, resolvePageConfig } from '../pageConfig.js';
import { corpora, ensureLoaded, forgetLoad, missingCorpus, showCorpusNotice, startingCorpus } from './corpusLoad.js';
import { $, showMessage } from './elements.js';
import { page } from './pageState.js';
import { resolveControls } from './settingsCheck.js';
import { cancelReread, fillControls } from './settingsControls.js';
import { setState, showSettings } from './settingsState.js';
import { REFUSED_LINK } from './statusLines.js';

/** The address's settings, or the defaults; a bad address is refused with its message, never run. */
export function stateFromAddress(): void {
  cancelReread(); // (it set the settings before the address back: audit)
  $('run-status').textContent = '';
  page.state = defaultPageSettings(startingCorpus());
  try {
    const json = configFromHash(location.hash);
    if (json !== undefined) page.state = resolvePageConfig(json, '#config', startingCorpus()).state;
  } catch (error) {
    refuseAddress(error);
    return;
  }
  fillControls();
  if (!corpora.has(page.state.corpus)) {
    showMessage('corpus-error', missingCorpus(page.state.corpus));
    forgetLoad();
    showSettings();
    return;
  }
  setState(page.state);
}

/** A refused address: its message and the status said, the controls at the defaults, whose corpus loads. */
function refuseAddress(error: unknown): void {
  showMessage('settings-error', `ngram-collapse: ${describeError(error)}`);
  showMessage('corpus-error', ''); // (the last corpus's warning stayed: audit)
  forgetLoad(); // nothing is loaded for a refused address
  // (said, so that Run is not taken to run the link: it fell back to the defaults silently: audit)
  $('run-status').textContent = REFUSED_LINK;
  fillControls();
  showSettings(); // (rows, command line and link of the settings before: no longer those shown, audit)
  // the defaults' corpus, which the controls now show, loads as on a plain open: its statistics stayed
  // blank until Run (audit); the refused link's message and status stay
  const defaults = resolveControls();
  if (defaults !== undefined && !page.running) ensureLoaded(defaults).catch((error: Error) => showMessage('corpus-error', error.message));
}

/**
 * Reads an address edited by hand; during a run it is put back, the run's settings staying (see
 * setButtons), and the page says so (it was put back without a word: audit of the playground).
 */
export function watchAddress(): void {
  window.addEventListener('hashchange', () => {
    if (!page.running) return stateFromAddress();
    history.replaceState(null, '', configHash(pageConfig(page.state)));
    showCorpusNotice(ADDRESS_DURING_RUN);
  });
}

export const ADDRESS_DURING_RUN = 'The edited address was not taken: a run is under way (edit it again when the run ends, or press Stop first); the address is the running settings again.';
