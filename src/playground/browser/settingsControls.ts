/**
 * The settings as controls: one text box per `run` sweep list and scalar, the tokenizer and sentence
 * mode lists, the JSONL field and the lowercase box, each labelled with its flag, its help and a
 * message line (`control-KEY`, `control-KEY-help`, `control-KEY-error`), a box taking names (strategy,
 * smoothing...) also their suggestions (`control-KEY-names`, nameSuggestions.ts). `buildControls(onChange)`
 * makes them once and reports every edit as the next settings (with whether the corpus is to be read
 * again); `fillControls` writes the page's settings into them. Neither checks a value (settingsCheck.ts).
 */

import { SENTENCE_MODES } from '../../corpus/sentenceSplitter.js';
import { parseSubword } from '../../corpus/subword/subwordNames.js';
import { lowercasesByDefault } from '../../corpus/tokenizers.js';
import {
  descriptionOf,
  flagOf,
  OPTIONAL_SCALARS,
  PAGE_TOKENIZERS,
  SCALAR_KEYS,
  SWEEP_KEYS,
  type PageSettings,
  type ScalarKey,
  type SweepKey,
} from '../pageConfig.js';
import { CELL_RULES, SHARED_RULES } from '../../simulation/validateSettings.js';
import type { ValueRule } from '../../validation/valueRule.js';
import { refreshCorpusSelect } from './corpusLoad.js';
import { $, labelFor, plainTyping } from './elements.js';
import { suggestNames } from './nameSuggestions.js';
import { page } from './pageState.js';

/** What an edit of the controls reports: the next settings, and false when the corpus need not be read again yet. */
export type SettingsChange = (next: PageSettings, reload?: boolean) => void;

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

/** How long typing in the JSONL field (or, with bpe:K, the holdout or seed) pauses before the corpus is read again with it. */
const REREAD_MS = 400;

function labelOf(key: ControlKey): string {
  return LABELS[key] ?? key.charAt(0).toUpperCase() + key.slice(1);
}

/** A control's box: its label, the input, its help and its message line, tied together by ids. */
function field(id: string, label: string, input: HTMLElement, help: string): HTMLDivElement {
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
}

export function buildControls(onChange: SettingsChange): void {
  const host = $('controls');
  for (const key of [...SWEEP_KEYS, ...SCALAR_KEYS]) host.append(valueControl(key, onChange));
  host.append(listControl('tokenizer', PAGE_TOKENIZERS, 'how text is cut into tokens (brown keeps its own, which char and subword tokenizers cut; bpe:K learns K subword merges on H)', onChange));
  host.append(listControl('sentences', SENTENCE_MODES, 'auto: sentence splitter; line: one per line', onChange));
  host.append(jsonlControl(onChange));
  host.append(lowercaseControl(onChange));
}

function valueControl(key: ControlKey, onChange: SettingsChange): HTMLDivElement {
  const input = document.createElement('input');
  input.type = 'text';
  input.name = key;
  plainTyping(input);
  if ((OPTIONAL_SCALARS as readonly string[]).includes(key)) input.placeholder = key === 'tokens' ? 'human pool size' : 'N, the batch size';
  // a single number (the shared settings; a sweep's box takes a list, with commas, and keeps the text keyboard)
  if (key in SHARED_RULES) input.inputMode = keyboardFor(SHARED_RULES[key as keyof typeof SHARED_RULES]);
  input.addEventListener('input', () => {
    onChange({ ...page.state, values: { ...page.state.values, [key]: input.value } }, false);
    // bpe:K learns its merges on H, which the holdout and the seed decide: the corpus is read again as
    // typing pauses, so its counts are the run's (they changed only at Run: probe)
    if ((key === 'holdout' || key === 'seed') && parseSubword(page.state.tokenizer)?.kind === 'learned') rereadSoon(input, onChange);
  });
  const box = field(`control-${key}`, `${labelOf(key)} (${flagOf(key)})`, input, descriptionOf(key));
  // a setting that takes names offers them, the library's own list (one, or a list being typed)
  const names = key in CELL_RULES ? CELL_RULES[key as keyof typeof CELL_RULES].names : undefined;
  if (names !== undefined) box.append(suggestNames(input, `control-${key}-names`, names));
  return box;
}

/**
 * The phone keyboard for one number: digits alone for a rule that refuses 0.5 (a whole number:
 * generations, seed, ...), digits and a decimal point otherwise (k, holdout); every box opened the text
 * keyboard. Exponent notation (1e-5) can still be pasted.
 */
function keyboardFor(rule: ValueRule<unknown>): 'numeric' | 'decimal' {
  return rule.accepts(0.5) ? 'decimal' : 'numeric';
}

function listControl(key: 'tokenizer' | 'sentences', names: readonly string[], help: string, onChange: SettingsChange): HTMLDivElement {
  const element = document.createElement('select');
  element.append(...names.map((name) => new Option(name, name)));
  // A tokenizer brings its own case default (lowercase for word-level ones, case kept for subword
  // ones), as the CLI's does when --lowercase is not given; the box shows it and can still change it.
  element.addEventListener('change', () => {
    const lowercase = key === 'tokenizer' ? lowercasesByDefault(element.value) : page.state.lowercase;
    $<HTMLInputElement>('control-lowercase').checked = lowercase;
    onChange({ ...page.state, [key]: element.value, lowercase });
  });
  return field(`control-${key}`, `${key.charAt(0).toUpperCase()}${key.slice(1)} (--${key})`, element, help);
}

function jsonlControl(onChange: SettingsChange): HTMLDivElement {
  const jsonl = document.createElement('input');
  jsonl.type = 'text';
  jsonl.placeholder = 'text';
  plainTyping(jsonl);
  // The field is how the corpus is read: the corpus is read again once typing pauses (it was read only
  // at Run, so a .jsonl file's "no string field 'text'" stayed beside the field that mends it: audit).
  jsonl.addEventListener('input', () => {
    onChange({ ...page.state, jsonlField: jsonl.value }, false);
    rereadSoon(jsonl, onChange);
  });
  return field('control-jsonlField', 'JSONL field (--jsonl-field)', jsonl, 'field of each JSON line holding the text');
}

/**
 * Reads the corpus again once typing in `input` pauses (one read for every box typed in meanwhile: it
 * reads the settings as they are then).
 */
function rereadSoon(input: HTMLElement, onChange: SettingsChange): void {
  clearTimeout(page.reread);
  // (marked pending, then read; unmarked when dropped: a test sees a run or an address drop it rather than wait past it)
  input.dataset['reread'] = 'pending';
  page.reread = setTimeout(() => {
    const pending = [...document.querySelectorAll<HTMLElement>('[data-reread="pending"]')];
    if (pending.length === 0) return; // (dropped: the mark is what a test reads, so it decides too)
    for (const element of pending) element.dataset['reread'] = 'read';
    onChange(page.state);
  }, REREAD_MS);
}

/** Drops the pending read of the corpus (a run reads the corpus itself; an address replaces the settings). */
export function cancelReread(): void {
  clearTimeout(page.reread);
  page.reread = undefined;
  for (const element of document.querySelectorAll<HTMLElement>('[data-reread="pending"]')) delete element.dataset['reread'];
}

function lowercaseControl(onChange: SettingsChange): HTMLDivElement {
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
  box.addEventListener('change', () => onChange({ ...page.state, lowercase: box.checked }));
  check.append(box, boxLabel);
  return check;
}

/** Writes the page's settings into the controls (after an address or a reset). */
export function fillControls(): void {
  const { state } = page;
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
