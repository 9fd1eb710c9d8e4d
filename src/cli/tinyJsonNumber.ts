/**
 * JSON numbers no double holds as written, which JSON.parse reads as another number without a word.
 *
 * tinyJsonNumber: the first number a JSON text writes that no double holds to its digits, nonzero and
 * below 2.2e-308. JSON.parse reads `1e-400` as 0 without a word (a config file's `"humanRatio": 1e-400`
 * ran at ratio 0, and `"holdout": 1e-400` turned the held-out columns off: round 2), where the command
 * line refuses it (tooSmallToHold), so a config's text is read for them too.
 *
 * Contract, for a text JSON.parse accepts, each giving the first such number outside a string, as
 * written, with the key it is under (the last key of its object, or the key of the array it is in;
 * undefined at the top of an array), or
 * undefined: `tinyJsonNumber(text)`, a number for which tooSmallToHold holds (its refusal said no key,
 * `--config c.json: 1e-400 is too small ...`, of a file of many settings: audit); `hugeJsonNumber(text)`,
 * a number past the largest double, which JSON.parse reads as Infinity (`"temperature": [1e400]` was
 * refused as "must be a number, got 'Infinity'", where the command line says too large: audit);
 * `roundedJsonNumber(text)`, a number with more digits than a double holds (`"seed": 9007199254740990.5`
 * ran as 9007199254740990, and a refused `9007199254740993` was quoted as 9007199254740992: audit), with
 * what it would be read as (valueRule's readAs). One pass over the text each. No node: imports (the
 * playground checks its address with them).
 */

import { readAs, tooSmallToHold } from '../validation/valueRule.js';

/** A JSON string (skipped whole, escapes included), a JSON number, or a bracket that opens or closes an object or array. */
const TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[{}[\]]/gu;

/** A number as written and the key it is under. */
export interface KeyedNumber {
  readonly key: string | undefined;
  readonly written: string;
}

export function tinyJsonNumber(text: string): KeyedNumber | undefined {
  for (const number of keyedNumbers(text)) if (tooSmallToHold(number.written)) return number;
  return undefined;
}

export function hugeJsonNumber(text: string): KeyedNumber | undefined {
  for (const number of keyedNumbers(text)) if (!Number.isFinite(Number(number.written))) return number;
  return undefined;
}

export function roundedJsonNumber(text: string): (KeyedNumber & { readonly readAs: string }) | undefined {
  for (const number of keyedNumbers(text)) {
    const other = readAs(number.written);
    if (other !== undefined) return { ...number, readAs: other };
  }
  return undefined;
}

/** How a refusal names a number: its key in quotes and the number as written (`"seed" 1e-400`), or the number alone. */
export function keyedText({ key, written }: KeyedNumber): string {
  return key === undefined ? written : `"${key}" ${written}`;
}

/**
 * The numbers outside strings, in order, each with the key it is under: the last key of the object it
 * is in, or for a number in an array, the key the array is under (an object or array that closes gives
 * back the key of the one around it: `[{"seed": 1}, 1e-400]` named its number by "seed": audit).
 */
function* keyedNumbers(text: string): Generator<KeyedNumber> {
  let key: string | undefined;
  const around: Array<string | undefined> = [];
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    if (token === '{' || token === '[') around.push(key);
    else if (token === '}' || token === ']') key = around.pop();
    else if (!token.startsWith('"')) yield { key, written: token };
    // a string followed by a colon is the key of the values after it
    else if (/^\s*:/u.test(text.slice(match.index + token.length))) key = JSON.parse(token) as string;
  }
}
