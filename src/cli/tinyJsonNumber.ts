/**
 * tinyJsonNumber: the first number a JSON text writes that no double holds to its digits, nonzero and
 * below 2.2e-308. JSON.parse reads `1e-400` as 0 without a word (a config file's `"humanRatio": 1e-400`
 * ran at ratio 0, and `"holdout": 1e-400` turned the held-out columns off: round 2), where the command
 * line refuses it (tooSmallToHold), so a config's text is read for them too.
 *
 * Contract: `tinyJsonNumber(text)`, for a text JSON.parse accepts: the first number outside a string
 * for which tooSmallToHold holds, as written, or undefined. One pass over the text. No node: imports
 * (the playground checks its address with it).
 */

import { tooSmallToHold } from '../validation/valueRule.js';

/** A JSON string (skipped whole, escapes included) or a JSON number. */
const TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/gu;

export function tinyJsonNumber(text: string): string | undefined {
  for (const [token] of text.matchAll(TOKEN)) {
    if (!token.startsWith('"') && tooSmallToHold(token)) return token;
  }
  return undefined;
}
