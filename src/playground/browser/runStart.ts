/**
 * Starting a run (Run) or a recipe: the settings checked (`showRefusal` brings what refused them into
 * view), then the corpus loaded (`loadForStart`): only the start pressed last goes on, once, and only
 * when neither the corpus nor a setting changed while it loaded.
 */

import { configHash, pageConfig, type ResolvedPage } from '../pageConfig.js';
import { corpusShown, ensureLoaded, holdsCorpus, runSplit, type Split } from './corpusLoad.js';
import { $, showMessage } from './elements.js';
import { page } from './pageState.js';
import { keepClearOfRunBar } from './runBarClearance.js';
import { beginRun } from './runLifecycle.js';
import { validate } from './settingsCheck.js';
import { CORPUS_REFUSED, REFUSED_LINK, SETTING_REFUSED } from './statusLines.js';
import { send } from './workerLink.js';

/**
 * The latest start (a Run or a recipe) to wait for its corpus: a press while an earlier one waits
 * replaces it, so the page starts what was pressed last, once (a double-click runs once; a Run pressed
 * again after a setting changed runs the new setting: it was swallowed, the first saying "press Run again").
 */
let latestStart = 0;

/** What a start waiting for its corpus may do: start, start nothing (said in the status), or nothing at all (a newer start replaced it). */
export type StartVerdict = 'start' | 'not started' | 'replaced';

/**
 * Loads `resolved`'s corpus for a run or recipe about to start: 'start' when loaded, and neither the
 * corpus nor any setting changed meanwhile (the worker would hold the newer corpus, or the run would use
 * settings the page no longer shows: both said, and Run is to be pressed again); 'replaced', saying
 * nothing, when another start was pressed meanwhile (that one goes on).
 */
export async function loadForStart(resolved: ResolvedPage, split: Split): Promise<StartVerdict> {
  const start = ++latestStart;
  const asked = configHash(pageConfig(page.state));
  // (after Stop, whose new worker holds no corpus, the status still said "Stopped" through the reload: audit)
  // (also while a load of the same corpus is under way: a reload after a changed tokenizer or corpus kept the old status: audit)
  if (!holdsCorpus(resolved, split) || !corpusShown()) $('run-status').textContent = `Loading ${resolved.state.corpus} before the run…`;
  try {
    await ensureLoaded(resolved, split);
  } catch (error) {
    if (start !== latestStart) return 'replaced';
    showMessage('corpus-error', (error as Error).message);
    // (the status said the last run's "Done: ... rows" beside a run that never began: audit)
    $('run-status').textContent = CORPUS_REFUSED;
    return 'not started';
  }
  if (start !== latestStart) return 'replaced';
  if (holdsCorpus(resolved, split) && configHash(pageConfig(page.state)) === asked) return 'start';
  // (a refused link's status stays: it says why the settings changed)
  if ($('run-status').textContent !== REFUSED_LINK) $('run-status').textContent = 'The corpus or the settings changed while the corpus loaded: press Run again.';
  return 'not started';
}

/** Run: the settings shown, once their corpus is loaded. */
export async function run(): Promise<void> {
  if (page.running) return;
  page.recipeWaitingFrom = undefined; // (a Run runs the settings shown, a waiting recipe's corpus included)
  const resolved = validate();
  // (the last run's "Done" stayed beside a Run its settings refused: audit)
  if (resolved === undefined) {
    $('run-status').textContent = SETTING_REFUSED;
    showRefusal();
    return;
  }
  if ((await loadForStart(resolved, runSplit(resolved))) !== 'start') return;
  if (beginRun()) send({ type: 'run', settings: resolved.settings });
}

/**
 * Brings what refused a run into view: the first setting marked invalid (focused, its message beside
 * it, or under the settings for the --max-tokens guard's, brought into view too), else the message under the settings. Run is pressed in the bar at the foot of the window, which
 * covered the one and left the other a screen below (round 2).
 */
export function showRefusal(): void {
  keepClearOfRunBar();
  const invalid = document.querySelector<HTMLElement>('#controls [aria-invalid="true"]');
  if (invalid !== null) invalid.focus();
  // (a box the guard marked: its message is under the settings, and comes into view too)
  if (invalid === null || (invalid.getAttribute('aria-describedby') ?? '').includes('settings-error')) $('settings-error').scrollIntoView({ block: 'nearest' });
}
