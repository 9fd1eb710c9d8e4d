/**
 * The page's small DOM helpers: an element by id, a message box under the corpus or the settings, a
 * text box for a CLI setting, a control's label with its flag, a hint paragraph. Everything is
 * written with textContent, never parsed as markup.
 */

import { inPageWords } from '../pageWords.js';

export const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

/**
 * Shows `text` under the corpus or under the settings: warnings (every line `ngram-collapse: warning:
 * ...`) as a warning, anything else as an error (a tokenizer's warning on a corpus that loaded, or a
 * run's, read as an error, bold red: audit, round 3).
 */
export function showMessage(where: 'corpus-error' | 'settings-error' | 'preset-error', text: string): void {
  const box = $(where);
  box.textContent = inPageWords(text);
  box.classList.toggle('warning', text !== '' && text.split('\n').every((line) => line.startsWith('ngram-collapse: warning: ')));
}

/**
 * A box whose text is a setting as the CLI takes it (`replace,accumulate`, `mle`, `0,0.1`): no capital
 * letter, correction or completion from the keyboard (a phone capitalised `replace` to `Replace`,
 * which is refused: audit of the playground).
 */
export function plainTyping(input: HTMLInputElement): void {
  input.spellcheck = false;
  input.autocomplete = 'off';
  input.setAttribute('autocapitalize', 'off');
  input.setAttribute('autocorrect', 'off');
}

/** A control's label "Name (--flag)", the flag in a span that never breaks inside. */
export function labelFor(id: string, label: string): HTMLLabelElement {
  const labelElement = document.createElement('label');
  labelElement.htmlFor = id;
  const flagAt = label.indexOf(' (--');
  const flag = document.createElement('span');
  flag.className = 'flag';
  flag.textContent = flagAt < 0 ? '' : label.slice(flagAt + 1);
  labelElement.append(flagAt < 0 ? label : label.slice(0, flagAt + 1), flag);
  return labelElement;
}

export function hint(text: string): HTMLParagraphElement {
  const element = document.createElement('p');
  element.className = 'hint';
  element.textContent = text;
  return element;
}
