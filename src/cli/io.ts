/**
 * CliIO: everything a CLI command may touch outside the library, passed in so that tests run the
 * program in-process with captured streams.
 *
 * Contract: commands write results to `stdout`, diagnostics to `stderr`, read `stdin` only for
 * `--corpus -`, and report failure by throwing (typed errors from ../errors.ts); they never call
 * process.exit. `isTTY` says whether stderr is a terminal (progress bars only then). The process's own
 * standard input is left untouched unless a command reads `-`: Node's `process.stdin` makes a pipe
 * non-blocking for every process that shares it, so another reader of that pipe (`diff -` beside
 * `tokenize ... |`) failed with EAGAIN while a command ran that never read it (probe).
 */

import { readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';

export interface CliIO {
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** What `-` reads; absent, the process's own standard input, opened only when `-` is read. */
  readonly stdin?: Readable;
  readonly isTTY: boolean;
  /** Working directory against which relative paths are resolved. */
  readonly cwd: string;
  /**
   * Called by a command once its input is read and checked, as its work begins: the warnings of the
   * input held till then are written, and later ones go straight through (heldWarnings.ts). Absent,
   * nothing is held.
   */
  readonly inputChecked?: () => void;
}

export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
}

/** What resolving a command line may read: the working directory and (for --config) a file's text. */
export function resolveContext(io: CliIO): { readonly cwd: string; readonly readText: (path: string) => string } {
  return { cwd: io.cwd, readText: (path) => readFileSync(path, 'utf8') };
}
