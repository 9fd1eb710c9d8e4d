/**
 * The loader's options of every command that reads a corpus (run, metrics, generate, train, recipe):
 * the parsed flags (LOAD_ROWS of ./options.ts) plus what only the CLI knows (standard input, the
 * working directory, where warnings go) -> the loader's LoadOptions.
 */

import type { LoadOptions } from '../corpus/loadCorpus.js';
import type { CliIO } from './io.js';
import { LOAD_ROWS, type LoadFlags } from './options.js';

export function loadOptionsFor(flags: LoadFlags, io: CliIO, onWarning: (message: string) => void): LoadOptions {
  return { ...flags, stdin: io.stdin, cwd: io.cwd, onWarning };
}

/** The warning line every command prints: `ngram-collapse: warning: ...` (none when quiet). */
export function warnTo(io: CliIO, quiet = false): (message: string) => void {
  return (message) => {
    if (!quiet) io.stderr.write(`ngram-collapse: warning: ${message}\n`);
  };
}

/** The loader's flags out of a command's parsed options (absent ones left out). */
export function loadFlags(values: Readonly<Record<string, unknown>>): LoadFlags {
  return Object.fromEntries(Object.keys(LOAD_ROWS).filter((key) => values[key] !== undefined).map((key) => [key, values[key]])) as unknown as LoadFlags;
}
