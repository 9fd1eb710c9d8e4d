/**
 * The playground page: corpus choice (embedded, dropped, pasted), the `run` settings as controls
 * (state <-> `--config` JSON in ../pageConfig.ts, kept in the address as `#config=`), a Web Worker
 * running the library (worker.ts, bundled into PLAYGROUND_WORKER_SOURCE), live charts, the text
 * view, recipe presets and the exports. Every message shown is the CLI's one-line message; nothing
 * a user brings in (a file, pasted text, an address) is ever parsed as markup or run as code.
 */

import { CURVE_COLUMNS } from '../../export/curveRecord.js';
import { csvText } from '../../export/csvText.js';
import { SUMMARY_COLUMNS, SummaryTable } from '../../export/summaryTable.js';
import { describeError } from '../../errors.js';
import { RECIPES } from '../../recipes/registry.js';
import { checkRecipeScale, oneReplicateCaveat, verdictCount, verdictOf, type Finding, type RecipeScale } from '../../recipes/recipe.js';
import { recipeCommandLine } from '../../recipes/recipeCommand.js';
import { SENTENCE_MODES } from '../../corpus/sentenceSplitter.js';
import { parseSubword } from '../../corpus/subword/subwordNames.js';
import { lowercasesByDefault } from '../../corpus/tokenizers.js';
import { checkTokenGuards, DEFAULT_MAX_TOKENS } from '../../simulation/tokenGuards.js';
import { RECIPE_OPTIONS } from '../../cli/options.js';
import { CORPORA_ELEMENT_ID, type EmbeddedCorpus } from '../embeddedCorpus.js';
import {
  commandLine,
  configFromHash,
  configHash,
  controlError,
  defaultPageSettings,
  descriptionOf,
  flagOf,
  jsonlFieldError,
  OPTIONAL_SCALARS,
  PAGE_TOKENIZERS,
  pageConfig,
  resolvePageConfig,
  SCALAR_KEYS,
  SWEEP_KEYS,
  type PageSettings,
  type ResolvedPage,
  type ScalarKey,
  type SweepKey,
} from '../pageConfig.js';
import { clearCharts, drawCharts, type ChartTargets } from './charts.js';
import { saveText } from './downloads.js';
import type { CorpusPart, FromWorker, ToWorker } from './messages.js';
import { TextView, type SeedInfo } from './textView.js';

declare const PLAYGROUND_WORKER_SOURCE: string;

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

/** A corpus the page can load: embedded, or brought in by the user. */
interface CorpusChoice {
  readonly name: string;
  readonly parts: readonly CorpusPart[];
}

const DEFAULT_CORPUS = 'brown:news';

const corpora = new Map<string, CorpusChoice>();
let state: PageSettings;
let worker: Worker;
let loadedKey: string | undefined;
/** The statistics line of the corpus the worker holds (loadedKey's), once loaded. */
let loadedStats: string | undefined;
/** That load's warnings (shown under the corpus again where a check of the settings emptied the box: audit). */
let loadedWarnings = '';
/** That load's vocabulary: the text view takes it with a run's first output, so it keeps the one of the run it shows (audit). */
let loadedVocabulary: readonly string[] = [];
let loading: Promise<void> | undefined;
/** The loads sent and not yet answered, by id; the last one sent (loadCount) is the one the page shows. */
const pendingLoads = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
let loadCount = 0;
let running = false;
let header: readonly string[] = CURVE_COLUMNS;
let records: string[][] = [];
/** What the summary's survival-law rows need of the run that made `records` (as `run --summary` has them). */
let law: { readonly seedCounts: Int32Array; readonly batchScale: number } | undefined;
let drawQueued = false;
let runStarted = 0;
/** The verdict count of the findings the run under way has shown (a recipe's), for its status line. */
let runVerdicts: string | undefined;
let lastCommand = '';
/** What made `records`: the settings' key (rowsKeyNow) when the run began, and the recipe's name for a recipe's rows. */
let rowsKey: string | undefined;
let rowsRecipe: string | undefined;
/**
 * The command line that made `records`: a recipe's, shown again whenever the settings are put back to
 * the recipe's; a run's, which the charts' downloads carry.
 */
let rowsCommand = '';
/** The warnings of the run that made `records`, as shown under the settings when it ended. */
let rowsMessages = '';
/**
 * What the page showed when the run under way began, until its first row: put back when the worker
 * refuses the run before it (a guard on the corpus, the held-out split), or it is stopped then (the
 * last run's rows, charts and findings were wiped, the progress bar and the text view left as they
 * were: audit). `state` too: a recipe may have moved to its own corpus.
 */
let beforeRun:
  | { readonly state: PageSettings; readonly messages: string; readonly total: string | undefined; readonly records: string[][]; readonly rowsKey: string | undefined; readonly rowsRecipe: string | undefined; readonly rowsCommand: string; readonly header: readonly string[]; readonly law: typeof law; readonly findings: Node[] }
  | undefined;
/** The worker's `start` of the run under way, applied to the text view and the progress bar with its first row or text (a stop before them keeps both). */
let startOfRun: { readonly seed: SeedInfo; readonly total: number } | undefined;
/** The JSONL field's pending read of the corpus (see buildControls); a run clears it, as it reads the corpus itself. */
let reread: ReturnType<typeof setTimeout> | undefined;
/** The corpora a user brought in (dropped or pasted), each with how many times its name was (re)loaded. */
const userCorpora = new Map<string, number>();

const charts: ChartTargets = {
  main: $('charts'),
  extra: $('extra-chart'),
  survival: $('survival-chart'),
  metricSelect: $<HTMLSelectElement>('metric-select'),
};
const textView = new TextView($<HTMLSelectElement>('text-cell'), $('samples'), $<HTMLInputElement>('word-input'), $('word-result'), $('rare-list'), $('rare-note'));

// ---------------------------------------------------------------- corpora

function readEmbedded(): void {
  const element = document.getElementById(CORPORA_ELEMENT_ID);
  const list = element === null ? [] : (JSON.parse(element.textContent ?? '[]') as EmbeddedCorpus[]);
  for (const corpus of list) corpora.set(corpus.name, { name: corpus.name, parts: corpus.parts });
  refreshCorpusSelect();
}

/**
 * The corpus list, the state's corpus chosen; a corpus the page lacks (named by a link) is shown as
 * such, not as another corpus (it showed brown:news, and choosing that loaded nothing: audit).
 */
function refreshCorpusSelect(): void {
  const select = $<HTMLSelectElement>('corpus-select');
  const options = [...corpora.keys()].map((name) => new Option(name, name));
  if (state !== undefined && !corpora.has(state.corpus)) {
    const missing = new Option(`${state.corpus} (not in this page)`, state.corpus);
    missing.disabled = true;
    options.unshift(missing);
  }
  select.replaceChildren(...options);
  if (state !== undefined) select.value = state.corpus;
}

function addUserCorpus(name: string, kind: 'text' | 'jsonl', data: ArrayBuffer): void {
  corpora.set(name, { name, parts: [{ name, kind, encoding: 'bytes', data, bytes: data.byteLength }] });
  // (a new version of the text: rows made on the old one no longer match its name)
  userCorpora.set(name, (userCorpora.get(name) ?? 0) + 1);
  // A new text under a name already loaded (a second paste, another file of the same name) is loaded anew.
  loadedKey = undefined;
  refreshCorpusSelect();
  setState({ ...state, corpus: name });
}

async function takeFile(file: File): Promise<void> {
  if (running) return; // a file dropped during a run (the file input is disabled then, the drop zone is not a control)
  showMessage('corpus-error', '');
  const kind = file.name.toLowerCase().endsWith('.jsonl') ? 'jsonl' : 'text';
  addUserCorpus(file.name, kind, await file.arrayBuffer());
}

function wireCorpusInputs(): void {
  $<HTMLSelectElement>('corpus-select').addEventListener('change', (event) => setState({ ...state, corpus: (event.target as HTMLSelectElement).value }));
  const input = $<HTMLInputElement>('file-input');
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file !== undefined) void takeFile(file);
  });
  const zone = $('drop-zone');
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    const files = event.dataTransfer?.files;
    // (several files dropped at once: the first was read, the others left without a word: audit)
    if (files !== undefined && files.length > 1 && !running) {
      showMessage('corpus-error', `ngram-collapse: ${files.length} files were dropped, and the page reads one corpus file at a time (drop one; the CLI reads several as one corpus: --corpus a.txt b.txt)`);
      return;
    }
    const file = files?.[0];
    if (file !== undefined) void takeFile(file);
  });
  // Dropping a file anywhere else must not navigate away from the page.
  window.addEventListener('dragover', (event) => event.preventDefault());
  window.addEventListener('drop', (event) => event.preventDefault());
  $('paste-use').addEventListener('click', () => {
    const text = $<HTMLTextAreaElement>('paste-text').value;
    addUserCorpus('pasted.txt', 'text', new TextEncoder().encode(text).buffer as ArrayBuffer);
  });
}

// ---------------------------------------------------------------- worker

function startWorker(): void {
  const url = URL.createObjectURL(new Blob([PLAYGROUND_WORKER_SOURCE], { type: 'text/javascript' }));
  worker = new Worker(url);
  URL.revokeObjectURL(url);
  worker.onmessage = (event: MessageEvent<FromWorker>) => onWorkerMessage(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    fail(`ngram-collapse: ${event.message} (reload the page)`, running ? 'run' : 'load');
  };
  loadedKey = undefined;
}

function send(message: ToWorker, transfer: Transferable[] = []): void {
  worker.postMessage(message, transfer);
}

/** The held-out split bpe:K learns its merges beside (H only, as the CLI); none for other tokenizers. */
type Split = { readonly holdout: number; readonly seed: number } | undefined;

/** The split a load with `resolved`'s tokenizer learns beside: `{ holdout, seed }` for learned BPE, none otherwise. */
function splitFor(resolved: ResolvedPage, holdout: number, seed: number): Split {
  return parseSubword(resolved.load.tokenizer)?.kind === 'learned' ? { holdout, seed } : undefined;
}

/** A run's split: its own holdout and seed. */
function runSplit(resolved: ResolvedPage): Split {
  return splitFor(resolved, resolved.settings.holdout, resolved.settings.seed);
}

function loadKey(resolved: ResolvedPage, split: Split): string {
  return JSON.stringify([resolved.state.corpus, resolved.load, split ?? null]);
}

/** Loads the chosen corpus with the chosen loader options into the worker, unless it is already there. */
function ensureLoaded(resolved: ResolvedPage, split: Split = runSplit(resolved)): Promise<void> {
  const key = loadKey(resolved, split);
  if (key === loadedKey && loading !== undefined) {
    // (its statistics and warnings again, where a missing corpus's link or a check had cleared them: audit)
    if (loadedStats !== undefined) {
      $('corpus-stats').textContent = loadedStats;
      showMessage('corpus-error', loadedWarnings);
    }
    return loading;
  }
  loadedStats = undefined;
  const choice = corpora.get(resolved.state.corpus);
  if (choice === undefined) {
    $('corpus-stats').textContent = ''; // (another corpus's statistics stayed beside it: audit)
    return Promise.reject(new Error(`ngram-collapse: corpus '${resolved.state.corpus}' is not in this page (drop the file here, or choose one of: ${[...corpora.keys()].join(', ')})`));
  }
  loadedKey = key;
  $('corpus-stats').textContent = `Loading ${choice.name}…`;
  // Bytes of a user's file are copied, not transferred, so the corpus can be loaded again later.
  const parts = choice.parts.map((part) => (part.encoding === 'bytes' ? { ...part, data: part.data.slice(0) } : part));
  const id = ++loadCount;
  loading = new Promise<void>((resolve, reject) => {
    pendingLoads.set(id, { resolve, reject });
    send({ type: 'load', id, name: choice.name, parts, load: resolved.load, ...(split === undefined ? {} : { split }) });
  });
  loading.catch(() => {
    if (loadedKey === key) loadedKey = undefined; // (a replaced load's failure leaves the newer one's key)
  });
  return loading;
}

/**
 * The latest start (a Run or a recipe) to wait for its corpus: a press while an earlier one waits
 * replaces it, so the page starts what was pressed last, once (a double-click runs once; a Run pressed
 * again after a setting changed runs the new setting: it was swallowed, the first saying "press Run again").
 */
let latestStart = 0;

/** What a start waiting for its corpus may do: start, start nothing (said in the status), or nothing at all (a newer start replaced it). */
type StartVerdict = 'start' | 'not started' | 'replaced';

/**
 * Loads `resolved`'s corpus for a run or recipe about to start: 'start' when loaded, and neither the
 * corpus nor any setting changed meanwhile (the worker would hold the newer corpus, or the run would use
 * settings the page no longer shows: both said, and Run is to be pressed again); 'replaced', saying
 * nothing, when another start was pressed meanwhile (that one goes on).
 */
async function loadForStart(resolved: ResolvedPage, split: Split): Promise<StartVerdict> {
  const start = ++latestStart;
  const asked = configHash(pageConfig(state));
  // (after Stop, whose new worker holds no corpus, the status still said "Stopped" through the reload: audit)
  // (also while a load of the same corpus is under way: a reload after a changed tokenizer or corpus kept the old status: audit)
  if (loadKey(resolved, split) !== loadedKey || loadedStats === undefined) $('run-status').textContent = `Loading ${resolved.state.corpus} before the run…`;
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
  if (loadedKey === loadKey(resolved, split) && configHash(pageConfig(state)) === asked) return 'start';
  // (a refused link's status stays: it says why the settings changed)
  if ($('run-status').textContent !== REFUSED_LINK) $('run-status').textContent = 'The corpus or the settings changed while the corpus loaded: press Run again.';
  return 'not started';
}

function onWorkerMessage(message: FromWorker): void {
  switch (message.type) {
    case 'loaded': {
      const pending = pendingLoads.get(message.id);
      pendingLoads.delete(message.id);
      // (a load the page has since replaced: its corpus is no longer the one shown, nor the worker's)
      if (message.id !== loadCount) {
        pending?.resolve();
        return;
      }
      loadedWarnings = message.warnings.join('\n');
      showMessage('corpus-error', loadedWarnings);
      const seconds = (message.millis / 1000).toFixed(2);
      loadedStats = `${message.name}: ${counted(message.tokens, 'token')}, ${counted(message.sentences, 'sentence')}, ${counted(message.types, 'type')} (read in ${seconds} s)`;
      $('corpus-stats').textContent = loadedStats;
      $('corpus-stats').dataset['millis'] = String(Math.round(message.millis));
      loadedVocabulary = message.vocabulary;
      pending?.resolve();
      return;
    }
    case 'start':
      header = message.header;
      law = { seedCounts: message.seedCounts, batchScale: message.batchScale };
      startOfRun = { seed: message, total: message.total };
      $('run-status').dataset['total'] = String(message.total);
      return;
    case 'row':
      firstOutput();
      records.push([...message.record]);
      progress(records.length, Number($('run-status').dataset['total'] ?? 0));
      queueDraw();
      return;
    case 'texts':
      firstOutput();
      textView.add(message);
      return;
    case 'findings':
      showFindings(message.findings, message.replicates);
      runVerdicts = verdictCount(message.findings, 'findings');
      lastCommand = message.command;
      $<HTMLTextAreaElement>('command-line').value = message.command;
      return;
    case 'warning': {
      // every warning of the run, one per line and each once, as the CLI prints them (beginRun clears them)
      const shown = $('settings-error');
      if (shown.textContent.split('\n').includes(message.message)) return;
      showMessage('settings-error', shown.textContent === '' ? message.message : `${shown.textContent}\n${message.message}`);
      return;
    }
    case 'done': {
      const seconds = ((performance.now() - runStarted) / 1000).toFixed(2);
      // (the run's warnings stand under the settings, out of sight of the status: it says they are there: round 2)
      const warnings = $('settings-error').textContent === '' ? 0 : $('settings-error').textContent.split('\n').length;
      const said = warnings === 0 ? '' : ` ${counted(warnings, 'warning')} under the settings.`;
      // (a recipe's findings stand under its charts, thousands of pixels below on a phone, and were read
      // out whole: the status says how many hold and where they are: audit of the playground)
      const found = runVerdicts === undefined ? '' : ` ${runVerdicts}: see Findings, under the charts.`;
      finishRun(`Done: ${records.length} rows in ${seconds} s (simulation ${(message.millis / 1000).toFixed(2)} s).${found}${said}`);
      $('run-status').dataset['millis'] = String(Math.round(performance.now() - runStarted));
      return;
    }
    case 'error':
      if (message.load !== undefined) {
        const pending = pendingLoads.get(message.load);
        pendingLoads.delete(message.load);
        pending?.reject(new Error(message.message));
        if (message.load !== loadCount) return; // (a replaced load's failure is not the corpus shown)
      }
      fail(message.message, message.during);
      return;
  }
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
  for (const pending of pendingLoads.values()) pending.reject(new Error(line));
  pendingLoads.clear();
  if (during === 'load') {
    showMessage('corpus-error', line);
    $('corpus-stats').textContent = '';
  }
  if (running && beforeRun !== undefined) {
    endBeforeFirstRow(RUN_REFUSED);
    refusedConfig = configHash(pageConfig(state));
  } else if (running) finishRun('Failed.');
  // (after the settings are put back, whose check empties the box)
  if (during === 'run') showMessage('settings-error', line);
}

/**
 * Ends a run that made no row: puts back the rows, charts, findings, warnings, progress total and
 * settings the page showed before it (reading their corpus again where a recipe had moved to its own;
 * the text view was never reset) and says `status`, with whether the last run's rows are kept.
 */
function endBeforeFirstRow(status: string): void {
  const before = beforeRun!;
  beforeRun = undefined;
  startOfRun = undefined;
  ({ records, rowsKey, rowsRecipe, rowsCommand, header, law } = before);
  $('findings').replaceChildren(...before.findings);
  const moved = configHash(pageConfig(before.state)) !== configHash(pageConfig(state));
  state = before.state;
  if (moved) fillControls();
  if (before.total === undefined) delete $('run-status').dataset['total'];
  else $('run-status').dataset['total'] = before.total;
  finishRun(`${status}${records.length > 0 ? "; the last run's rows are kept" : ''}.`);
  setState(state);
  // (the last run's warnings with its rows, which a stop dropped: audit; shown while the settings are
  // still theirs, a warning of other settings otherwise: audit; a refusal then says its own line, see fail)
  rowsMessages = before.messages;
  if (rowsKey === rowsKeyNow()) showMessage('settings-error', before.messages);
}

// ---------------------------------------------------------------- controls

type ControlKey = SweepKey | ScalarKey;

const LABELS: Partial<Record<ControlKey, string>> = {
  humanRatio: 'Human ratio',
  humanPool: 'Human pool',
  topK: 'Top-k',
  topP: 'Top-p',
  k: 'k (add-k)',
  rareThreshold: 'Rare threshold',
  maxSentenceLength: 'Max sentence length',
  tokensGrowth: 'Tokens growth',
  measureTokens: 'Measure tokens',
};

function labelOf(key: ControlKey): string {
  return LABELS[key] ?? key.charAt(0).toUpperCase() + key.slice(1);
}

/** A control's label "Name (--flag)", the flag in a span that never breaks inside. */
function labelFor(id: string, label: string): HTMLLabelElement {
  const labelElement = document.createElement('label');
  labelElement.htmlFor = id;
  const flagAt = label.indexOf(' (--');
  const flag = document.createElement('span');
  flag.className = 'flag';
  flag.textContent = flagAt < 0 ? '' : label.slice(flagAt + 1);
  labelElement.append(flagAt < 0 ? label : label.slice(0, flagAt + 1), flag);
  return labelElement;
}

function buildControls(): void {
  const host = $('controls');
  const field = (id: string, label: string, input: HTMLElement, help: string): HTMLDivElement => {
    const wrapper = document.createElement('div');
    wrapper.className = 'control';
    const labelElement = labelFor(id, label);
    const small = document.createElement('small');
    small.id = `${id}-help`;
    small.textContent = help;
    const error = document.createElement('p');
    error.className = 'error';
    error.id = `${id}-error`;
    // (polite: as an alert it interrupted each keystroke of a list being typed, `0.5,` then `0.5,0.25`: round 2)
    error.setAttribute('aria-live', 'polite');
    input.id = id;
    input.setAttribute('aria-describedby', `${small.id} ${error.id}`);
    wrapper.append(labelElement, input, small, error);
    return wrapper;
  };
  for (const key of [...SWEEP_KEYS, ...SCALAR_KEYS]) {
    const input = document.createElement('input');
    input.type = 'text';
    input.name = key;
    plainTyping(input);
    if ((OPTIONAL_SCALARS as readonly string[]).includes(key)) input.placeholder = key === 'tokens' ? 'human pool size' : 'N, the batch size';
    input.addEventListener('input', () => setState({ ...state, values: { ...state.values, [key]: input.value } }, false));
    host.append(field(`control-${key}`, `${labelOf(key)} (${flagOf(key)})`, input, descriptionOf(key)));
  }
  const select = (key: 'tokenizer' | 'sentences', names: readonly string[], help: string): void => {
    const element = document.createElement('select');
    element.append(...names.map((name) => new Option(name, name)));
    // A tokenizer brings its own case default (lowercase for word-level ones, case kept for subword
    // ones), as the CLI's does when --lowercase is not given; the box shows it and can still change it.
    element.addEventListener('change', () => {
      const lowercase = key === 'tokenizer' ? lowercasesByDefault(element.value) : state.lowercase;
      $<HTMLInputElement>('control-lowercase').checked = lowercase;
      setState({ ...state, [key]: element.value, lowercase });
    });
    host.append(field(`control-${key}`, `${key.charAt(0).toUpperCase()}${key.slice(1)} (--${key})`, element, help));
  };
  select('tokenizer', PAGE_TOKENIZERS, 'how text is cut into tokens (brown keeps its own, which char and subword tokenizers cut; bpe:K learns K subword merges on H)');
  select('sentences', SENTENCE_MODES, 'auto: sentence splitter; line: one per line');
  const jsonl = document.createElement('input');
  jsonl.type = 'text';
  jsonl.placeholder = 'text';
  plainTyping(jsonl);
  // The field is how the corpus is read: the corpus is read again once typing pauses (it was read only
  // at Run, so a .jsonl file's "no string field 'text'" stayed beside the field that mends it: audit).
  jsonl.addEventListener('input', () => {
    setState({ ...state, jsonlField: jsonl.value }, false);
    clearTimeout(reread);
    reread = setTimeout(() => setState(state), JSONL_REREAD_MS);
  });
  host.append(field('control-jsonlField', 'JSONL field (--jsonl-field)', jsonl, 'field of each JSON line holding the text'));
  const check = document.createElement('div');
  check.className = 'control check';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = 'control-lowercase';
  const boxLabel = document.createElement('label');
  boxLabel.htmlFor = 'control-lowercase';
  const boxFlag = document.createElement('span');
  boxFlag.className = 'flag';
  boxFlag.textContent = '(--lowercase)';
  boxLabel.append('Lowercase ', boxFlag);
  box.addEventListener('change', () => setState({ ...state, lowercase: box.checked }));
  check.append(box, boxLabel);
  host.append(check);
}

/** How long typing in the JSONL field pauses before the corpus is read again with it. */
const JSONL_REREAD_MS = 400;

/** Writes the state into the controls (after an address or a reset). */
function fillControls(): void {
  for (const key of [...SWEEP_KEYS, ...SCALAR_KEYS]) $<HTMLInputElement>(`control-${key}`).value = state.values[key];
  const tokenizers = $<HTMLSelectElement>('control-tokenizer');
  // a link may name another bpe:K than the two listed (bpe:1, bpe:1000000): it gets an option of its own
  if (![...tokenizers.options].some((option) => option.value === state.tokenizer)) tokenizers.append(new Option(state.tokenizer, state.tokenizer));
  tokenizers.value = state.tokenizer;
  $<HTMLSelectElement>('control-sentences').value = state.sentences;
  $<HTMLInputElement>('control-jsonlField').value = state.jsonlField;
  $<HTMLInputElement>('control-lowercase').checked = state.lowercase;
  refreshCorpusSelect();
}

/**
 * Checks every control and the config they make; shows each message next to its control, or the
 * config's under the settings; the resolved settings if all are valid (the --max-tokens guard aside).
 */
function resolveControls(): ResolvedPage | undefined {
  let valid = true;
  for (const key of [...SWEEP_KEYS, ...SCALAR_KEYS]) {
    const message = controlError(key, state.values[key]) ?? '';
    $(`control-${key}-error`).textContent = message;
    $(`control-${key}`).setAttribute('aria-invalid', String(message !== ''));
    if (message !== '') valid = false;
  }
  const jsonlMessage = jsonlFieldError(state.jsonlField) ?? '';
  $('control-jsonlField-error').textContent = jsonlMessage;
  $('control-jsonlField').setAttribute('aria-invalid', String(jsonlMessage !== ''));
  if (jsonlMessage !== '') valid = false;
  if (!valid) return undefined;
  try {
    return resolvePageConfig(pageConfig(state));
  } catch (error) {
    showMessage('settings-error', `ngram-collapse: ${describeError(error)}`);
    return undefined;
  }
}

/** True when the CLI's --max-tokens guard (a page has no flag for it: its default) lets `resolved` run; its message under the settings otherwise. */
function passesGuard(resolved: ResolvedPage): boolean {
  try {
    checkTokenGuards(resolved.settings, DEFAULT_MAX_TOKENS);
    showMessage('settings-error', '');
    return true;
  } catch (error) {
    showMessage('settings-error', `ngram-collapse: ${describeError(error)}`);
    return false;
  }
}

/** What the run status says when a recipe's scale (its generations or replicates) is refused. */
const RECIPE_SCALE_REFUSED = 'Not run: the recipe\'s generations or replicates are refused (the message is above the recipes).';

/** What the run status says when Run (or a recipe) finds a setting refused. */
const SETTING_REFUSED = 'Not run: a setting is refused (its message is beside it or under the settings).';

/** The settings a run may start with (every message shown), or undefined. */
function validate(): ResolvedPage | undefined {
  const resolved = resolveControls();
  return resolved !== undefined && passesGuard(resolved) ? resolved : undefined;
}

function setState(next: PageSettings, reload = true): void {
  state = next;
  refreshCorpusSelect();
  history.replaceState(null, '', configHash(pageConfig(state)));
  // (statuses about the settings or corpus before: "the corpus was refused" outlived a corpus that loads: audit)
  if ([REFUSED_LINK, CORPUS_REFUSED].includes($('run-status').textContent ?? '')) $('run-status').textContent = '';
  // (the worker's refusal, once its settings are edited: its message under the settings went, and the
  // status still pointed there: audit)
  if (refusedConfig !== undefined && configHash(pageConfig(state)) !== refusedConfig) {
    if (($('run-status').textContent ?? '').startsWith(RUN_REFUSED)) $('run-status').textContent = '';
    refusedConfig = undefined;
  }
  showSettings();
  const resolved = resolveControls();
  // Settings the guard refuses still load their corpus, so its statistics show (an address it refused
  // left "Loading…" until Run: audit); Run says the guard's message again and runs nothing.
  if (resolved !== undefined) passesGuard(resolved);
  if (resolved !== undefined && reload && !running) {
    showMessage('corpus-error', '');
    ensureLoaded(resolved).catch((error: Error) => {
      showMessage('corpus-error', error.message);
    });
  }
}

/**
 * The share link, the command line and the export buttons of the settings the controls hold (the
 * address may still hold a refused link, kept for its owner to mend).
 */
function showSettings(): void {
  const config = pageConfig(state);
  $<HTMLInputElement>('share-link').value = `${location.href.split('#')[0]!}${configHash(config)}`;
  // (the recipe's own command line while its rows are those of the settings shown: a setting changed and
  // put back showed `run`'s beside the note "These are recipe drift's rows": audit)
  lastCommand = rowsRecipe !== undefined && rowsKey === rowsKeyNow() ? rowsCommand : commandLine(config);
  $<HTMLTextAreaElement>('command-line').value = lastCommand;
  setButtons();
}

/** The corpus a page without an address starts on: brown:news if embedded, else the first embedded one. */
function startingCorpus(): string {
  return corpora.has(DEFAULT_CORPUS) || corpora.size === 0 ? DEFAULT_CORPUS : corpora.keys().next().value!;
}

/** What the run status says when Run found the corpus refused, until a setting changes. */
const CORPUS_REFUSED = 'Not run: the corpus was refused (its message is under the corpus).';

/** What the run status says when the worker refused a run, until a setting changes (refusedConfig). */
const RUN_REFUSED = 'Not run: the run was refused (its message is under the settings)';

/** The settings of the run the worker refused last, while the status says so. */
let refusedConfig: string | undefined;

/** What the run status says after a refused link, until a setting changes. */
const REFUSED_LINK = "The link's settings were refused: the controls hold the defaults.";

/**
 * No corpus stands for the settings shown (a refused address, a corpus the page lacks): the corpus
 * line is emptied, and a load still under way is taken for replaced, so its statistics do not show
 * beside the settings (they showed another corpus's, and a Run waiting for it said "press Run again"
 * over the refused link's status: audit). The next load reads the corpus afresh.
 */
function forgetLoad(): void {
  $('corpus-stats').textContent = '';
  loadCount++;
  loadedKey = undefined;
  loadedStats = undefined;
}

/** The address's settings, or the defaults; a bad address is refused with its message, never run. */
function stateFromAddress(): void {
  clearTimeout(reread); // (it set the settings before the address back: audit)
  $('run-status').textContent = '';
  state = defaultPageSettings(startingCorpus());
  try {
    const json = configFromHash(location.hash);
    if (json !== undefined) state = resolvePageConfig(json, '#config', startingCorpus()).state;
  } catch (error) {
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
    if (defaults !== undefined && !running) ensureLoaded(defaults).catch((error: Error) => showMessage('corpus-error', error.message));
    return;
  }
  fillControls();
  if (!corpora.has(state.corpus)) {
    showMessage('corpus-error', `ngram-collapse: corpus '${state.corpus}' is not in this page (drop the file here, or choose one of: ${[...corpora.keys()].join(', ')})`);
    forgetLoad();
    showSettings();
    return;
  }
  setState(state);
}

// ---------------------------------------------------------------- running

function progress(done: number, total: number): void {
  const bar = $<HTMLProgressElement>('run-progress');
  bar.max = Math.max(1, total);
  bar.value = done;
}

/**
 * Redraws the charts as rows arrive: one redraw at a time, each at least 300 ms after the last ended and
 * twice as long as it took, so the page spends at most a third of a run redrawing (a redraw every 300 ms
 * of charts that take longer to draw left the page no time for Stop: audit).
 */
function queueDraw(): void {
  if (drawQueued) return;
  drawQueued = true;
  setTimeout(() => {
    const started = performance.now();
    void drawCharts(header, records, charts, rowsCommand, law)
      .then(() => textView.render())
      .finally(() => {
        lastDrawMillis = performance.now() - started;
        drawQueued = false;
      });
  }, Math.max(300, 2 * lastDrawMillis));
}

/** How long the last redraw of queueDraw took, in milliseconds. */
let lastDrawMillis = 0;

/** The key of what the page shows now: its config, and which version of a user's text it names. */
function rowsKeyNow(): string {
  return `${configHash(pageConfig(state))}|${userCorpora.get(state.corpus) ?? 0}`;
}

/**
 * Shows `text` under the corpus or under the settings: warnings (every line `ngram-collapse: warning:
 * ...`) as a warning, anything else as an error (a tokenizer's warning on a corpus that loaded, or a
 * run's, read as an error, bold red: audit, round 3).
 */
function showMessage(where: 'corpus-error' | 'settings-error', text: string): void {
  const box = $(where);
  box.textContent = text;
  box.classList.toggle('warning', text !== '' && text.split('\n').every((line) => line.startsWith('ngram-collapse: warning: ')));
}

/** `count` `noun`s, in words ("1 token", "2,048 tokens"; it said "1 tokens": audit). */
function counted(count: number, noun: string): string {
  return `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
}

/** Starts a run of the page's settings, or of recipe `recipe`. */
function beginRun(recipe?: string, stateBefore: PageSettings = state): boolean {
  beforeRun = { state: stateBefore, messages: rowsMessages, total: $('run-status').dataset['total'], records, rowsKey, rowsRecipe, rowsCommand, header, law, findings: [...$('findings').childNodes] };
  startOfRun = undefined;
  clearTimeout(reread);
  // (the address holds the settings that run: after a refused link it kept the link: audit)
  history.replaceState(null, '', configHash(pageConfig(state)));
  showMessage('settings-error', '');
  $('findings').replaceChildren();
  runVerdicts = undefined;
  records = [];
  rowsKey = rowsKeyNow();
  rowsRecipe = recipe;
  clearCharts(charts);
  $('charts').dataset['state'] = 'running';
  running = true;
  runStarted = performance.now();
  // (a run's own command line: after a recipe the recipe's stayed beside the run's rows: audit)
  if (recipe === undefined) {
    showSettings();
    rowsCommand = lastCommand; // (what the charts' downloads say made them)
  } else setButtons();
  $('run-status').textContent = 'Running…';
  return true;
}

function finishRun(status: string): void {
  running = false;
  rowsMessages = $('settings-error').textContent ?? '';
  setButtons();
  $('run-status').textContent = status;
  // (`data-state` ready once the last rows are drawn: charts draw a task at a time, after "Done")
  const shown = $('charts');
  shown.dataset['state'] = 'drawing';
  // (the text first: it waited for every chart, drawn a task at a time)
  textView.render();
  void drawCharts(header, records, charts, rowsCommand, law)
    .finally(() => {
      if (!running) shown.dataset['state'] = 'ready';
    });
}

function setButtons(): void {
  // The corpus and the settings stay as they are while a run goes on, so that every export (the CSV, the
  // summary, the --config JSON, the command line and the link) describes the run that made the rows.
  const fixed = '#controls :is(input, select, textarea), #corpus-panel :is(input, select, textarea, button), #reset-button';
  const focused = document.activeElement;
  for (const control of document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLButtonElement>(fixed)) control.disabled = running;
  $<HTMLButtonElement>('run-button').disabled = running;
  $<HTMLButtonElement>('stop-button').disabled = !running;
  for (const button of document.querySelectorAll<HTMLButtonElement>('.preset button')) button.disabled = running;
  // (a button pressed from the keyboard that its press disabled, Run, a recipe's or Stop, left the focus
  // nowhere, and the run's progress out of sight: the focus goes to Stop while a run goes on, then to Run)
  if (focused instanceof HTMLButtonElement && focused.disabled) $(running ? 'stop-button' : 'run-button').focus();
  // Rows download only beside the settings that made them: once a setting or the corpus changes, the
  // rows are of another run (put the settings back and they download again). A recipe is several runs,
  // which no one --config file holds: its command line stands for it (both were exported out of step: audit).
  const current = rowsKey === rowsKeyNow();
  const ready = !running && records.length > 0 && current;
  $<HTMLButtonElement>('download-csv').disabled = !ready;
  $<HTMLButtonElement>('download-summary').disabled = !ready;
  const recipeShown = current && rowsRecipe !== undefined && (running || records.length > 0);
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

async function run(): Promise<void> {
  if (running) return;
  recipeWaitingFrom = undefined; // (a Run runs the settings shown, a waiting recipe's corpus included)
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
 * it), else the message under the settings. Run is pressed in the bar at the foot of the window, which
 * covered the one and left the other a screen below (round 2).
 */
function showRefusal(): void {
  keepClearOfRunBar();
  const invalid = document.querySelector<HTMLElement>('#controls [aria-invalid="true"]');
  if (invalid !== null) invalid.focus();
  else $('settings-error').scrollIntoView({ block: 'nearest' });
}

function stop(): void {
  if (!running) return;
  worker.terminate();
  startWorker();
  if (beforeRun !== undefined) endBeforeFirstRow('Stopped before its first row');
  else finishRun(`Stopped: ${counted(records.length, 'finished row')} kept.`);
}

// ---------------------------------------------------------------- recipes

/**
 * A box whose text is a setting as the CLI takes it (`replace,accumulate`, `mle`, `0,0.1`): no capital
 * letter, correction or completion from the keyboard (a phone capitalised `replace` to `Replace`,
 * which is refused: audit of the playground).
 */
function plainTyping(input: HTMLInputElement): void {
  input.spellcheck = false;
  input.autocomplete = 'off';
  input.setAttribute('autocapitalize', 'off');
  input.setAttribute('autocorrect', 'off');
}

function buildPresets(): void {
  const host = $('preset-list');
  const scale = document.createElement('div');
  scale.className = 'controls';
  for (const [id, label] of [['preset-generations', 'Generations (empty: the recipe\'s)'], ['preset-replicates', 'Replicates (empty: the recipe\'s)']] as const) {
    const wrapper = document.createElement('div');
    const labelElement = labelFor(id, label);
    const input = document.createElement('input');
    input.type = 'text';
    input.id = id;
    plainTyping(input);
    wrapper.append(labelElement, input);
    scale.append(wrapper);
  }
  const error = document.createElement('p');
  error.className = 'error';
  error.id = 'preset-error';
  error.setAttribute('aria-live', 'polite');
  host.append(scale, error);
  // A recipe that compares tokenizers reads the corpus once per tokenizer, published encodings
  // included, which the page does not carry: it stays a CLI recipe (`ngram-collapse recipe subword`).
  for (const recipe of RECIPES.filter((candidate) => candidate.tokenizers === undefined)) {
    const article = document.createElement('article');
    article.className = 'preset';
    const title = document.createElement('h3');
    title.textContent = recipe.title;
    const claim = document.createElement('p');
    claim.textContent = `Claim: ${recipe.claim}`;
    // the recipe's notes beside the literature's claim (human-ratio's "minor", beside a ✓, read as the tool's verdict: audit)
    const notes = (recipe.notes ?? []).map((text) => {
      const note = document.createElement('p');
      note.className = 'note';
      note.textContent = `Note: ${text}`;
      return note;
    });
    const source = document.createElement('cite');
    source.textContent = recipe.sources.join('; ');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = `Run recipe ${recipe.name}`;
    button.addEventListener('click', () => void runRecipe(recipe.name));
    article.append(title, claim, ...notes, source, document.createElement('br'), button);
    host.append(article);
  }
}

/** The recipe's --generations or --replicates as typed (blank: the recipe's own), parsed by the CLI's row; undefined (said under the presets) when refused. */
function scaleValue(id: string, row: 'generations' | 'replicates', fallback: number): number | undefined {
  const raw = $<HTMLInputElement>(id).value.trim();
  if (raw === '') return fallback;
  try {
    // (the recipe's own rows: --generations is 2..100000 there; the run's 1..100000 said otherwise: audit)
    return RECIPE_OPTIONS[row].parse(raw, RECIPE_OPTIONS[row].flag);
  } catch (error) {
    $('preset-error').textContent = `ngram-collapse: ${describeError(error)}`;
    return undefined;
  }
}

/** The recipe's scale as the CLI checks it (a recipe compares generations: at least 2, or its own fewest), or undefined (said under the presets). */
function recipeScale(recipe: (typeof RECIPES)[number]): RecipeScale | undefined {
  // (in the CLI's order: --generations is refused first)
  const generations = scaleValue('preset-generations', 'generations', recipe.defaults.generations);
  if (generations === undefined) return undefined;
  const replicates = scaleValue('preset-replicates', 'replicates', recipe.defaults.replicates);
  if (replicates === undefined) return undefined;
  try {
    return checkRecipeScale({ generations, replicates, seed: Number(state.values.seed) }, recipe);
  } catch (error) {
    $('preset-error').textContent = `ngram-collapse: ${describeError(error)}`;
    return undefined;
  }
}

/**
 * The page's settings before a recipe now waiting for its corpus moved to its own corpus: a recipe
 * pressed meanwhile replaces it and moves back there, not to the first recipe's corpus (audit).
 */
let recipeWaitingFrom: PageSettings | undefined;

async function runRecipe(name: string): Promise<void> {
  const recipe = RECIPES.find((candidate) => candidate.name === name)!;
  const stateBefore = recipeWaitingFrom ?? state;
  $('preset-error').textContent = '';
  const scale = recipeScale(recipe);
  if (scale === undefined) {
    // (said nowhere in view: the message stood at the top of the recipe list, off screen: round 2)
    $('run-status').textContent = RECIPE_SCALE_REFUSED;
    keepClearOfRunBar();
    $('preset-error').scrollIntoView({ block: 'nearest' });
    return;
  }
  if (running) return;
  const { generations, replicates } = scale;
  // A user's own corpus (dropped or pasted) is the one they mean, as `recipe --corpus` runs it; else the
  // recipe's own corpus when the page holds it (recipes never ran on a user's corpus: audit).
  const corpus = userCorpora.has(state.corpus) ? state.corpus : (recipe.defaultCorpus.find((spec) => corpora.has(spec)) ?? state.corpus);
  if (corpus !== state.corpus) {
    // (through setState, so that the address and the share link name the corpus the recipe runs on: audit)
    setState({ ...state, corpus }, false);
    fillControls();
  }
  // A recipe that starts nothing moves back to the corpus it moved from (unless the corpus was chosen
  // since), reading it again (it stayed on its own corpus beside the other's statistics: audit).
  const moveBack = (): void => {
    if (corpus !== stateBefore.corpus && state.corpus === corpus) {
      setState({ ...state, corpus: stateBefore.corpus });
      fillControls();
    }
  };
  const resolved = validate();
  if (resolved === undefined) {
    // (the status said the last run's "Stopped ..." beside a recipe that never began: audit)
    $('run-status').textContent = SETTING_REFUSED;
    moveBack();
    return showRefusal();
  }
  const seed = Number(state.values.seed);
  // bpe:K learns on the recipe's H, as `ngram-collapse recipe` does (the recipe's first run's split).
  const first = recipe.runs({ generations, replicates, seed })[0]!;
  recipeWaitingFrom = stateBefore;
  const verdict = await loadForStart(resolved, splitFor(resolved, first.holdout, first.seed));
  // (a recipe replaced by a later press leaves the corpus, and the way back, to it)
  if (verdict === 'replaced') return;
  recipeWaitingFrom = undefined;
  if (verdict === 'not started') return moveBack();
  if (beginRun(name, stateBefore)) {
    $('run-status').textContent = `Running recipe ${name}…`;
    lastCommand = recipeCommandLine(recipe, [corpus], { generations, replicates, seed }, resolved.load);
    rowsCommand = lastCommand;
    $<HTMLTextAreaElement>('command-line').value = lastCommand;
    send({ type: 'recipe', recipe: name, generations, replicates, seed });
  }
}

function showFindings(findings: readonly Finding[], replicates: number): void {
  const heading = document.createElement('h3');
  heading.textContent = 'Findings';
  const items = findings.map((finding) => {
    const box = document.createElement('div');
    const verdict = verdictOf(finding);
    box.className = `finding${verdict === 'holds' ? '' : verdict === 'undecided' ? ' undecided' : ' fails'}`;
    const name = document.createElement('strong');
    name.textContent = `${verdict === 'holds' ? '✓' : verdict === 'undecided' ? '?' : '✗'} ${verdict}: ${finding.name}`;
    const expected = document.createElement('p');
    expected.textContent = `Expected: ${finding.expected}`;
    const observed = document.createElement('p');
    observed.textContent = `Observed: ${finding.observed}`;
    box.append(name, expected, observed);
    return box;
  });
  const caveat = oneReplicateCaveat(replicates);
  $('findings').replaceChildren(heading, ...items, ...(caveat === undefined ? [] : [hint(caveat)]));
}

function hint(text: string): HTMLParagraphElement {
  const element = document.createElement('p');
  element.className = 'hint';
  element.textContent = text;
  return element;
}

// ---------------------------------------------------------------- exports

function wireExports(): void {
  $('download-csv').addEventListener('click', () => saveText(csvText(header, records), 'curves.csv', 'text/csv'));
  $('download-summary').addEventListener('click', () => {
    // (with the survival law's rows, as `run --summary` writes them: they were left out: audit)
    const summary = new SummaryTable(law?.seedCounts, law?.batchScale);
    for (const record of records) summary.add(record);
    saveText(csvText(SUMMARY_COLUMNS, [...summary.records()]), 'summary.csv', 'text/csv');
  });
  $('download-config').addEventListener('click', () => saveText(`${JSON.stringify(pageConfig(state), null, 2)}\n`, 'config.json', 'application/json'));
}

// ---------------------------------------------------------------- start

/**
 * Keeps what the page scrolls into view (a control the keyboard focuses, a message shown) clear of the
 * run bar, which stays at the foot of the window while the settings scroll: the window's scroll
 * padding is the bar's height (a control tabbed to landed under it, focus ring and all: round 2), none
 * where the bar does not stick. Called again before the page scrolls to a message of its own, since a
 * status just set can make the bar taller before its observer runs.
 */
function keepClearOfRunBar(): void {
  const bar = $('run-bar');
  const sticks = getComputedStyle(bar).position === 'sticky';
  document.documentElement.style.scrollPaddingBottom = sticks ? `${bar.offsetHeight + 8}px` : '';
}

function watchRunBar(): void {
  new ResizeObserver(keepClearOfRunBar).observe($('run-bar'));
  window.addEventListener('resize', keepClearOfRunBar);
  keepClearOfRunBar();
}

function main(): void {
  startWorker();
  readEmbedded();
  buildControls();
  buildPresets();
  // (the recipes, where a class starts, sat closed at the foot of the settings, with nothing pointing to them: audit)
  $('show-recipes').addEventListener('click', () => {
    const presets = $<HTMLDetailsElement>('presets');
    presets.open = true;
    presets.scrollIntoView({ block: 'start' });
    presets.querySelector('summary')!.focus();
  });
  wireCorpusInputs();
  wireExports();
  watchRunBar();
  charts.metricSelect.addEventListener('change', () => void drawCharts(header, records, charts, rowsCommand, law));
  // Charts are sized to their column when drawn: drawn again once a resize pauses (a window narrowed
  // after a run left the survival panels 494 px too wide: audit).
  let resized: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(resized);
    resized = setTimeout(() => void drawCharts(header, records, charts, rowsCommand, law), 250);
  });
  $('run-button').addEventListener('click', () => void run());
  $('stop-button').addEventListener('click', stop);
  $('reset-button').addEventListener('click', () => {
    state = defaultPageSettings(state.corpus);
    fillControls();
    setState(state);
  });
  // an address edited during a run is put back: the run's settings stay (see setButtons)
  window.addEventListener('hashchange', () => (running ? history.replaceState(null, '', configHash(pageConfig(state))) : stateFromAddress()));
  stateFromAddress();
  textView.render();
  setButtons();
  document.documentElement.dataset['ready'] = 'true';
}

main();
