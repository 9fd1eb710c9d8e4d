/**
 * packageVersion: the version in package.json, for `--version` and the run record. Its own file so
 * that commands read it without importing the program that wires them (no import cycle).
 */

import { readFileSync } from 'node:fs';

export function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
