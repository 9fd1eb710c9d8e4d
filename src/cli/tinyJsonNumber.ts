/**
 * JSON numbers no double holds as written, which JSON.parse reads as another number without a word.
 *
 * tinyJsonNumber: the first number a JSON text writes that no double holds to its digits, nonzero and
 * below 2.2e-308. JSON.parse reads `1e-400` as 0 without a word (a config file's `"humanRatio": 1e-400`
 * ran at ratio 0, and `"holdout": 1e-400` turned the held-out columns off: round 2), where the command
 * line refuses it (tooSmallToHold), so a config's text is read for them too.
 *
 * Contract: `tinyJsonNumber(text)`, for a text JSON.parse accepts: the first number outside a string
 * for which tooSmallToHold holds, as written, or undefined. `roundedJsonNumber(text)`: the first number
 * outside a string with more digits than a double holds (`"seed": 9007199254740990.5` ran as
 * 9007199254740990, and a refused `9007199254740993` was quoted as 9007199254740992: audit), as written
 * and as it would be read (valueRule's readAs), with the key it is under (the last key before it), or
 * undefined. One pass over the text each. No node: imports (the playground checks its address with
 * them).
 */

import { readAs, tooSmallToHold } from '../validation/valueRule.js';

/** A JSON string (skipped whole, escapes included) or a JSON number. */
const TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/gu;

export function tinyJsonNumber(text: string): string | undefined {
  for (const [token] of text.matchAll(TOKEN)) {
    if (!token.startsWith('"') && tooSmallToHold(token)) return token;
  }
  return undefined;
}

export function roundedJsonNumber(text: string): { readonly key: string | undefined; readonly written: string; readonly readAs: string } | undefined {
  let key: string | undefined;
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    if (token.startsWith('"')) {
      // a string followed by a colon is the key of the values after it
      if (/^\s*:/u.test(text.slice(match.index + token.length))) key = JSON.parse(token) as string;
      continue;
    }
    const other = readAs(token);
    if (other !== undefined) return { key, written: token, readAs: other };
  }
  return undefined;
}
