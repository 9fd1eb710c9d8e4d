/**
 * The settings checked as the CLI checks them: each control's value (its message beside it, and
 * `aria-invalid`), then the config they make and the CLI's default --max-tokens guard (their message
 * under the settings). `validate` gives the settings a run may start with, or undefined with every
 * message shown.
 */

import { describeError } from '../../errors.js';
import { checkTokenGuards, DEFAULT_MAX_TOKENS } from '../../simulation/tokenGuards.js';
import { controlError, flagOf, jsonlFieldError, pageConfig, resolvePageConfig, SCALAR_KEYS, SWEEP_KEYS, type ResolvedPage } from '../pageConfig.js';
import { $, showMessage } from './elements.js';
import { page } from './pageState.js';

/**
 * Checks every control and the config they make; shows each message next to its control, or the
 * config's under the settings; the resolved settings if all are valid (the --max-tokens guard aside).
 */
export function resolveControls(): ResolvedPage | undefined {
  if (!controlsValid()) return undefined;
  try {
    return resolvePageConfig(pageConfig(page.state));
  } catch (error) {
    showMessage('settings-error', `ngram-collapse: ${describeError(error)}`);
    return undefined;
  }
}

/** Every control's own message beside it; true when none has one. */
function controlsValid(): boolean {
  let valid = true;
  for (const key of [...SWEEP_KEYS, ...SCALAR_KEYS]) {
    const message = controlError(key, page.state.values[key]) ?? '';
    $(`control-${key}-error`).textContent = message;
    $(`control-${key}`).setAttribute('aria-invalid', String(message !== ''));
    $(`control-${key}`).setAttribute('aria-describedby', `control-${key}-help control-${key}-error`);
    if (message !== '') valid = false;
  }
  const jsonlMessage = jsonlFieldError(page.state.jsonlField) ?? '';
  $('control-jsonlField-error').textContent = jsonlMessage;
  $('control-jsonlField').setAttribute('aria-invalid', String(jsonlMessage !== ''));
  if (jsonlMessage !== '') valid = false;
  return valid;
}

/**
 * True when the CLI's --max-tokens guard (a page has no flag for it: its default) lets `resolved` run;
 * its message under the settings otherwise, the box of the flag it begins with (`--tokens 300000000 is
 * above ...`) marked as at fault and described by it (no box was marked: probe).
 */
export function passesGuard(resolved: ResolvedPage): boolean {
  try {
    checkTokenGuards(resolved.settings, DEFAULT_MAX_TOKENS);
    showMessage('settings-error', '');
    return true;
  } catch (error) {
    const message = describeError(error);
    showMessage('settings-error', `ngram-collapse: ${message}`);
    const key = [...SWEEP_KEYS, ...SCALAR_KEYS].find((candidate) => message.startsWith(`${flagOf(candidate)} `));
    if (key !== undefined) {
      $(`control-${key}`).setAttribute('aria-invalid', 'true');
      $(`control-${key}`).setAttribute('aria-describedby', `control-${key}-help control-${key}-error settings-error`);
    }
    return false;
  }
}

/** The settings a run may start with (every message shown), or undefined. */
export function validate(): ResolvedPage | undefined {
  const resolved = resolveControls();
  return resolved !== undefined && passesGuard(resolved) ? resolved : undefined;
}
