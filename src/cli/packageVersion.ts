/**
 * packageVersion: the version in package.json, for `--version` and the run record, and the program's name. Its own file so
 * that commands read it without importing the program that wires them (no import cycle).
 */

import { readFileSync } from 'node:fs';

/** The program's name, as the CLI prints it and as command lines in run records start. */
export const PROGRAM_NAME = 'ngram-collapse';

export function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
