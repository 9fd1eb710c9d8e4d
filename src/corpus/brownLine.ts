/**
 * One line of the Brown corpus -> its tokens (SPEC section 7): tokens are separated by white space and
 * written `word/tag`, the tag being everything after the last `/`; tags are stripped. No node: imports
 * (the browser playground reads embedded Brown text with it); brown.ts finds the files.
 */

/** Tokens of one Brown line, tags stripped; empty for a blank line. */
export function brownLineTokens(line: string, lowercase: boolean): string[] {
  const tokens: string[] = [];
  for (const tagged of line.split(/\s+/u)) {
    if (tagged.length === 0) continue;
    const slash = tagged.lastIndexOf('/');
    const word = slash > 0 ? tagged.slice(0, slash) : tagged;
    tokens.push(lowercase ? word.toLowerCase() : word);
  }
  return tokens;
}
