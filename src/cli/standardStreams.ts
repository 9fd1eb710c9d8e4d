/**
 * standardStreams: what the executable does when it cannot write its standard output or error.
 *
 * Contract: `guardStandardStreams(streams, exit, argv)` listens for an 'error' on stdout and on stderr
 * (`argv`, the command line, words the hint; `givesOutFile(argv)`: whether it gives --out a file).
 * - EPIPE (the reader went away: `ngram-collapse tokenize brown | head -1`): exit at once with 141
 *   (128 + SIGPIPE, the status of a program the pipe's signal stops, as `cat` and `seq` are), printing
 *   nothing: the output was not wanted any more.
 * - Any other error on stdout (a full disk: `> /dev/full`): one line on stderr, `ngram-collapse: cannot
 *   write to standard output: <error> (...)`, and exit 1, the status of a failed command; the hint
 *   offers --out to the commands whose output it takes (`run`, `metrics`, `tokenize`, `merge`,
 *   `playground`) unless the command line gave --out a file (what still went to standard output was
 *   not that output), --quiet to `run` and `recipe NAME`, and to the others another disk.
 * - Any other error on stderr: exit 1 (there is nowhere left to say it).
 * Without it Node prints the stream's error with a stack trace. Files already written are whole rows
 * (each CSV row is one write). Only the executable installs it: commands write to the streams they are
 * given and never exit the process (./io.ts).
 */

import type { EventEmitter } from 'node:events';

/** 128 + SIGPIPE (13). */
export const BROKEN_PIPE_STATUS = 141;

export interface StandardStreams {
  readonly stdout: EventEmitter;
  readonly stderr: EventEmitter & { write(text: string): unknown };
}

/** The commands whose output --out writes to a file instead of standard output (`--out -` prints it). */
const WRITING_TO_OUT = ['run', 'metrics', 'tokenize', 'merge', 'playground'];

/**
 * `argv`: the command line (after the program's name). The hint offers --out only to a command whose
 * output it takes (generate and train have none, and `recipe list`, `plot`, `--help` print no output
 * it could take: audits), and not when the command line gave --out a file (`merge ... --out m.csv >
 * /dev/full` was told to write to a file with --out: audit); --quiet to `run` and `recipe NAME`, whose
 * table it silences; neither to `--help`, `--version` or `--print-config`, which print nothing else.
 */
export function guardStandardStreams(streams: StandardStreams, exit: (code: number) => void, argv: readonly string[] = []): void {
  const hint = fullDiskHint(argv);
  streams.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return exit(BROKEN_PIPE_STATUS);
    streams.stderr.write(`ngram-collapse: cannot write to standard output: ${error.message} (${hint})\n`);
    exit(1);
  });
  streams.stderr.on('error', (error: NodeJS.ErrnoException) => exit(error.code === 'EPIPE' ? BROKEN_PIPE_STATUS : 1));
}

const ANOTHER_DISK = 'free some space, or redirect standard output to another disk';

/** What to do about a full disk on standard output, for the command line `argv`. */
function fullDiskHint(argv: readonly string[]): string {
  const words = argv.filter((word) => !word.startsWith('-'));
  const command = words[0];
  if (argv.some((word) => ['--help', '-h', '--version', '-V', '--print-config'].includes(word)) || command === 'help') return ANOTHER_DISK;
  const outFile = givesOutFile(argv);
  // (run prints its table there unless --quiet, also when --out names a file: --out alone was no help: audit)
  if (command === 'run') return outFile ? 'free some space, or pass --quiet' : 'free some space, write to a file with --out, or pass --quiet';
  if (command === 'recipe' && words[1] !== 'list') return 'free some space, or pass --quiet';
  return WRITING_TO_OUT.includes(command ?? '') && !outFile ? 'free some space, or write to a file with --out' : ANOTHER_DISK;
}

/** True if the command line `argv` gives --out a file (`--out m.csv`, `--out=m.csv`; not `--out -`). */
export function givesOutFile(argv: readonly string[]): boolean {
  return argv.some((word, at) => (word === '--out' && at + 1 < argv.length && argv[at + 1] !== '-') || (word.startsWith('--out=') && word !== '--out=-'));
}
