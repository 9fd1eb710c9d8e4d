/**
 * The corpora the page can load (embedded, or brought in by the user) and the worker's load of one:
 * `ensureLoaded` sends a load unless the worker already holds that corpus with those loader options
 * (and, for learned BPE, that held-out split), and resolves when its `loaded` answer comes; only the
 * load sent last is shown (its statistics and warnings under the corpus), an older one's answer just
 * settles its promise. The corpus list always shows the settings' corpus, marked when the page lacks it.
 */

import { parseSubword } from '../../corpus/subword/subwordNames.js';
import { CORPORA_ELEMENT_ID, type EmbeddedCorpus } from '../embeddedCorpus.js';
import type { ResolvedPage } from '../pageConfig.js';
import { $, showMessage } from './elements.js';
import type { CorpusPart, FromWorker } from './messages.js';
import { page } from './pageState.js';
import { counted } from './statusLines.js';
import { send } from './workerLink.js';

/** A corpus the page can load: embedded, or brought in by the user. */
export interface CorpusChoice {
  readonly name: string;
  readonly parts: readonly CorpusPart[];
}

const DEFAULT_CORPUS = 'brown:news';

export const corpora = new Map<string, CorpusChoice>();

let loadedKey: string | undefined;
/** The statistics line of the corpus the worker holds (loadedKey's), once loaded. */
let loadedStats: string | undefined;
/** That load's warnings (shown under the corpus again where a check of the settings emptied the box: audit). */
let loadedWarnings = '';
/** That load's vocabulary: the text view takes it with a run's first output, so it keeps the one of the run it shows (audit). */
export let loadedVocabulary: readonly string[] = [];
let loading: Promise<void> | undefined;
/** The loads sent and not yet answered, by id; the last one sent (loadCount) is the one the page shows. */
const pendingLoads = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
let loadCount = 0;

export function readEmbedded(): void {
  const element = document.getElementById(CORPORA_ELEMENT_ID);
  const list = element === null ? [] : (JSON.parse(element.textContent ?? '[]') as EmbeddedCorpus[]);
  for (const corpus of list) corpora.set(corpus.name, { name: corpus.name, parts: corpus.parts });
  refreshCorpusSelect();
}

/**
 * The corpus list, the state's corpus chosen; a corpus the page lacks (named by a link) is shown as
 * such, not as another corpus (it showed brown:news, and choosing that loaded nothing: audit).
 */
export function refreshCorpusSelect(): void {
  const select = $<HTMLSelectElement>('corpus-select');
  const options = [...corpora.keys()].map((name) => new Option(name, name));
  if (page.state !== undefined && !corpora.has(page.state.corpus)) {
    const missing = new Option(`${page.state.corpus} (not in this page)`, page.state.corpus);
    missing.disabled = true;
    options.unshift(missing);
  }
  select.replaceChildren(...options);
  if (page.state !== undefined) select.value = page.state.corpus;
}

/** The corpus a page without an address starts on: brown:news if embedded, else the first embedded one. */
export function startingCorpus(): string {
  return corpora.has(DEFAULT_CORPUS) || corpora.size === 0 ? DEFAULT_CORPUS : corpora.keys().next().value!;
}

/** The message for a corpus the page lacks. */
export function missingCorpus(name: string): string {
  return `ngram-collapse: corpus '${name}' is not in this page (drop the file here, or choose one of: ${[...corpora.keys()].join(', ')})`;
}

/** The held-out split bpe:K learns its merges beside (H only, as the CLI); none for other tokenizers. */
export type Split = { readonly holdout: number; readonly seed: number } | undefined;

/** The split a load with `resolved`'s tokenizer learns beside: `{ holdout, seed }` for learned BPE, none otherwise. */
export function splitFor(resolved: ResolvedPage, holdout: number, seed: number): Split {
  return parseSubword(resolved.load.tokenizer)?.kind === 'learned' ? { holdout, seed } : undefined;
}

/** A run's split: its own holdout and seed. */
export function runSplit(resolved: ResolvedPage): Split {
  return splitFor(resolved, resolved.settings.holdout, resolved.settings.seed);
}

function loadKey(resolved: ResolvedPage, split: Split): string {
  return JSON.stringify([resolved.state.corpus, resolved.load, split ?? null]);
}

/**
 * Says under the corpus that something was not taken during a run, after the running corpus's own
 * warnings (the notice took their place: review); the next load or check shows the warnings alone.
 */
export function showCorpusNotice(notice: string): void {
  showMessage('corpus-error', loadedWarnings === '' ? notice : `${loadedWarnings}\n${notice}`);
}

/** True when the load sent last is of `resolved`'s corpus with `split` (answered or not). */
export function holdsCorpus(resolved: ResolvedPage, split: Split): boolean {
  return loadKey(resolved, split) === loadedKey;
}

/** True when the load sent last has answered with its statistics. */
export function corpusShown(): boolean {
  return loadedStats !== undefined;
}

/** The worker holds no corpus the page can count on (a new worker, a new text under a loaded name): the next load reads it afresh. */
export function markCorpusStale(): void {
  loadedKey = undefined;
}

/** Loads the chosen corpus with the chosen loader options into the worker, unless it is already there. */
export function ensureLoaded(resolved: ResolvedPage, split: Split = runSplit(resolved)): Promise<void> {
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
    return Promise.reject(new Error(missingCorpus(resolved.state.corpus)));
  }
  loadedKey = key;
  $('corpus-stats').textContent = `Loading ${choice.name}…`;
  loading = sendLoad(resolved, choice, split);
  loading.catch(() => {
    if (loadedKey === key) loadedKey = undefined; // (a replaced load's failure leaves the newer one's key)
  });
  return loading;
}

function sendLoad(resolved: ResolvedPage, choice: CorpusChoice, split: Split): Promise<void> {
  // Bytes of a user's file are copied, not transferred, so the corpus can be loaded again later.
  const parts = choice.parts.map((part) => (part.encoding === 'bytes' ? { ...part, data: part.data.slice(0) } : part));
  const id = ++loadCount;
  return new Promise<void>((resolve, reject) => {
    pendingLoads.set(id, { resolve, reject });
    send({ type: 'load', id, name: choice.name, parts, load: resolved.load, ...(split === undefined ? {} : { split }) });
  });
}

/** The worker's `loaded`: shown under the corpus when it answers the load sent last; its promise resolved either way. */
export function onLoaded(message: Extract<FromWorker, { type: 'loaded' }>): void {
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
}

/** A load `id` refused by the worker: its promise rejected; true when it was the load sent last (the one shown). */
export function onLoadRefused(id: number, line: string): boolean {
  const pending = pendingLoads.get(id);
  pendingLoads.delete(id);
  pending?.reject(new Error(line));
  return id === loadCount;
}

/** Every load still waiting fails with `line` (the worker failed). */
export function refuseAllLoads(line: string): void {
  for (const pending of pendingLoads.values()) pending.reject(new Error(line));
  pendingLoads.clear();
}

/**
 * No corpus stands for the settings shown (a refused address, a corpus the page lacks): the corpus
 * line is emptied, and a load still under way is taken for replaced, so its statistics do not show
 * beside the settings (they showed another corpus's, and a Run waiting for it said "press Run again"
 * over the refused link's status: audit). The next load reads the corpus afresh.
 */
export function forgetLoad(): void {
  $('corpus-stats').textContent = '';
  loadCount++;
  loadedKey = undefined;
  loadedStats = undefined;
}
