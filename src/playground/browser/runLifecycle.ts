/**
 * A run's life, from the page's side: `beginRun` keeps what the page showed and clears it for the
 * run; the worker's messages (`onWorkerMessage`) fill the rows, charts, text view, progress and
 * findings; `finishRun` ends it with a status (Done, Stopped, Failed), also said aloud with where
 * the results are (runAnnouncer.ts, which also says the run's size as the worker starts it); a run that ends before its
 * first row (`stop` then, or the worker refusing it) puts back everything the page showed before it.
 * `startPageWorker` starts the worker with these handlers; `stop` ends it and starts a new one.
 */

import { verdictCount } from '../../recipes/recipe.js';
import { runFileStem } from '../downloadName.js';
import { configHash, pageConfig, type PageSettings } from '../pageConfig.js';
import { setButtons } from './buttonStates.js';
import { clearCharts } from './charts.js';
import { loadedVocabulary, markCorpusStale, onLoaded, onLoadRefused, refuseAllLoads } from './corpusLoad.js';
import { $, showMessage } from './elements.js';
import { showFindings } from './findingsView.js';
import type { FromWorker } from './messages.js';
import { page, rowsKeyNow } from './pageState.js';
import { charts, drawResults, partProgress, progress, queueDraw, textView } from './resultsView.js';
import { cancelReread, fillControls } from './settingsControls.js';
import { setState, showSettings } from './settingsState.js';
import { counted, RUN_REFUSED } from './statusLines.js';
import type { SeedInfo } from './textView.js';
import { sayEnd, sayStart, type RowsShown, type RunEnd } from './runAnnouncer.js';
import { restartWorker, startWorker } from './workerLink.js';

/**
 * What the page showed when the run under way began, until its first row: put back when the worker
 * refuses the run before it (a guard on the corpus, the held-out split), or it is stopped then (the
 * last run's rows, charts and findings were wiped, the progress bar and the text view left as they
 * were: audit). `state` too: a recipe may have moved to its own corpus.
 */
interface BeforeRun {
  readonly state: PageSettings;
  readonly messages: string;
  readonly total: string | undefined;
  readonly records: string[][];
  readonly rowsKey: string | undefined;
  readonly rowsRecipe: string | undefined;
  readonly rowsCommand: string;
  readonly rowsName: string;
  readonly header: readonly string[];
  readonly law: typeof page.law;
  readonly findings: Node[];
}

let beforeRun: BeforeRun | undefined;
/** The worker's `start` of the run under way, applied to the text view and the progress bar with its first row or text (a stop before them keeps both). */
let startOfRun: { readonly seed: SeedInfo; readonly total: number } | undefined;
let runStarted = 0;
/** The verdict count of the findings the run under way has shown (a recipe's), for its status line. */
let runVerdicts: string | undefined;

export function startPageWorker(): void {
  startWorker(onWorkerMessage, (event) => {
    event.preventDefault();
    fail(`ngram-collapse: ${event.message} (reload the page)`, page.running ? 'run' : 'load');
  });
  markCorpusStale();
}

/** Starts a run of the page's settings, or of recipe `recipe`. */
export function beginRun(recipe?: string, stateBefore: PageSettings = page.state): boolean {
  beforeRun = { state: stateBefore, messages: page.rowsMessages, total: $('run-status').dataset['total'], records: page.records, rowsKey: page.rowsKey, rowsRecipe: page.rowsRecipe, rowsCommand: page.rowsCommand, rowsName: page.rowsName, header: page.header, law: page.law, findings: [...$('findings').childNodes] };
  startOfRun = undefined;
  cancelReread();
  // (the address holds the settings that run: after a refused link it kept the link: audit)
  history.replaceState(null, '', configHash(pageConfig(page.state)));
  showMessage('settings-error', '');
  // (a recipe's refused scale is not this run's: its message stayed beside a run that went on: probe)
  showMessage('preset-error', '');
  $('findings').replaceChildren();
  runVerdicts = undefined;
  page.records = [];
  page.rowsKey = rowsKeyNow();
  page.rowsRecipe = recipe;
  page.rowsName = runFileStem(page.state, recipe);
  clearCharts(charts);
  $('charts').dataset['state'] = 'running';
  page.running = true;
  runStarted = performance.now();
  // (a run's own command line: after a recipe the recipe's stayed beside the run's rows: audit)
  if (recipe === undefined) {
    showSettings();
    page.rowsCommand = page.lastCommand; // (what the charts' downloads say made them)
  } else setButtons();
  $('run-status').textContent = 'Running…';
  return true;
}

export function stop(): void {
  if (!page.running) return;
  restartWorker();
  markCorpusStale();
  if (beforeRun !== undefined) endBeforeFirstRow('Stopped before its first row', 'stopped');
  else finishRun(`Stopped: ${counted(page.records.length, 'finished row')} kept.`, 'stopped');
}

function onWorkerMessage(message: FromWorker): void {
  switch (message.type) {
    case 'loaded':
      return onLoaded(message);
    case 'start':
      page.header = message.header;
      page.law = { seedCounts: message.seedCounts, sizes: message.sizes };
      startOfRun = { seed: message, total: message.total };
      $('run-status').dataset['total'] = String(message.total);
      sayStart(message.series, message.total);
      return;
    case 'row':
      firstOutput();
      page.records.push([...message.record]);
      progress(page.records.length, Number($('run-status').dataset['total'] ?? 0));
      queueDraw();
      return;
    case 'progress':
      partProgress(page.records.length + message.fraction, Number($('run-status').dataset['total'] ?? 0));
      return;
    case 'texts':
      firstOutput();
      textView.add(message);
      return;
    case 'findings':
      showFindings(message.findings, message.replicates);
      runVerdicts = verdictCount(message.findings, 'findings');
      page.lastCommand = message.command;
      $<HTMLTextAreaElement>('command-line').value = message.command;
      return;
    case 'warning':
      return onWarning(message.message);
    case 'done':
      return onDone(message.millis);
    case 'error':
      // (a replaced load's failure is not the corpus shown)
      if (message.load !== undefined && !onLoadRefused(message.load, message.message)) return;
      fail(message.message, message.during);
      return;
  }
}

/** Every warning of the run, one per line and each once, as the CLI prints them (beginRun clears them). */
function onWarning(line: string): void {
  const shown = $('settings-error');
  if (shown.textContent.split('\n').includes(line)) return;
  showMessage('settings-error', shown.textContent === '' ? line : `${shown.textContent}\n${line}`);
}

function onDone(simulationMillis: number): void {
  const seconds = ((performance.now() - runStarted) / 1000).toFixed(2);
  // (the run's warnings stand under the settings, out of sight of the status: it says they are there: round 2)
  const warnings = $('settings-error').textContent === '' ? 0 : $('settings-error').textContent.split('\n').length;
  const said = warnings === 0 ? '' : ` ${counted(warnings, 'warning')} under the settings.`;
  // (a recipe's findings stand under its charts, thousands of pixels below on a phone, and were read
  // out whole: the status says how many hold and where they are: audit of the playground)
  const found = runVerdicts === undefined ? '' : ` ${runVerdicts}: see Findings, under the charts.`;
  finishRun(`Done: ${page.records.length} rows in ${seconds} s (simulation ${(simulationMillis / 1000).toFixed(2)} s).${found}${said}`, 'done');
  $('run-status').dataset['millis'] = String(Math.round(performance.now() - runStarted));
}

/** The run's first row or text: it has begun, so what the page showed before it is gone for good. */
function firstOutput(): void {
  if (startOfRun === undefined) return;
  beforeRun = undefined;
  textView.setVocabulary(loadedVocabulary);
  textView.reset(startOfRun.seed);
  progress(0, startOfRun.total);
  startOfRun = undefined;
}

function fail(line: string, during: 'load' | 'run'): void {
  refuseAllLoads(line);
  if (during === 'load') {
    showMessage('corpus-error', line);
    $('corpus-stats').textContent = '';
  }
  if (page.running && beforeRun !== undefined) {
    const recipe = page.rowsRecipe; // (the refused run's, before the last rows' is put back)
    endBeforeFirstRow(RUN_REFUSED, 'refused');
    page.refusedConfig = configHash(pageConfig(page.state));
    page.refusedRecipe = recipe;
  } else if (page.running) finishRun('Failed.', 'failed');
  // (after the settings are put back, whose check empties the box)
  if (during === 'run') showMessage('settings-error', line);
}

/**
 * Ends a run that made no row: puts back the rows, charts, findings, warnings, progress total and
 * settings the page showed before it (reading their corpus again where a recipe had moved to its own;
 * the text view was never reset) and says `status`, with whether the last run's rows are kept.
 */
function endBeforeFirstRow(status: string, end: RunEnd): void {
  const before = beforeRun!;
  beforeRun = undefined;
  startOfRun = undefined;
  ({ records: page.records, rowsKey: page.rowsKey, rowsRecipe: page.rowsRecipe, rowsCommand: page.rowsCommand, rowsName: page.rowsName, header: page.header, law: page.law } = before);
  $('findings').replaceChildren(...before.findings);
  const moved = configHash(pageConfig(before.state)) !== configHash(pageConfig(page.state));
  page.state = before.state;
  if (moved) fillControls();
  if (before.total === undefined) delete $('run-status').dataset['total'];
  else $('run-status').dataset['total'] = before.total;
  finishRun(`${status}${page.records.length > 0 ? "; the last run's rows are kept" : ''}.`, end, page.records.length > 0 ? 'last run' : 'none');
  setState(page.state);
  // (the last run's warnings with its rows, which a stop dropped: audit; shown while the settings are
  // still theirs, a warning of other settings otherwise: audit; a refusal then says its own line, see fail)
  page.rowsMessages = before.messages;
  if (page.rowsKey === rowsKeyNow()) showMessage('settings-error', before.messages);
}

/** Ends the run under way: `status` beside Run, and where the rows shown are, and whose, said (runAnnouncer.ts). */
function finishRun(status: string, end: RunEnd, rows: RowsShown = page.records.length > 0 ? 'this run' : 'none'): void {
  page.running = false;
  page.rowsMessages = $('settings-error').textContent ?? '';
  setButtons();
  $('run-status').textContent = status;
  sayEnd(end, rows);
  // (`data-state` ready once the last rows are drawn: charts draw a task at a time, after "Done")
  const shown = $('charts');
  shown.dataset['state'] = 'drawing';
  // (the text first: it waited for every chart, drawn a task at a time)
  textView.render();
  void drawResults().finally(() => {
    if (!page.running) shown.dataset['state'] = 'ready';
  });
}
