/**
 * repeatedKey: the first key a JSON object's text gives twice at its top level. JSON.parse keeps the
 * last value of a repeated key without a word (a config file's `{"generations": 2, "generations": 5}`
 * ran 5 generations: audit), so a config's text is read for them too.
 *
 * Contract: `repeatedKey(text)`, for a text JSON.parse accepts: the first key of the top-level object
 * written a second time (decoded: `"a"` and `"\u0061"` are one key), or undefined (also when the top
 * level is no object). Keys of nested objects are not looked at. One pass over the text. No node:
 * imports (the playground checks its address with it).
 */

export function repeatedKey(text: string): string | undefined {
  const seen = new Set<string>();
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '"') {
      const end = stringEnd(text, at);
      if (depth === 1 && text[nextNonSpace(text, end)] === ':') {
        const key = JSON.parse(text.slice(at, end)) as string;
        if (seen.has(key)) return key;
        seen.add(key);
      }
      at = end - 1;
    } else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
  }
  return undefined;
}

/** The index just past the string literal that opens at `start` (a `"`). */
function stringEnd(text: string, start: number): number {
  for (let at = start + 1; at < text.length; at++) {
    if (text[at] === '\\') at++;
    else if (text[at] === '"') return at + 1;
  }
  return text.length;
}

/** The index of the first character at or after `from` that is not JSON white space. */
function nextNonSpace(text: string, from: number): number {
  let at = from;
  while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r')) at++;
  return at;
}
