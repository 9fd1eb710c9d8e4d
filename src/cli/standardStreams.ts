/**
 * standardStreams: what the executable does when it cannot write its standard output or error.
 *
 * Contract: `guardStandardStreams(streams, exit, argv)` listens for an 'error' on stdout and on stderr
 * (`argv`, the command line, words the hint).
 * - EPIPE (the reader went away: `ngram-collapse tokenize brown | head -1`): exit at once with 141
 *   (128 + SIGPIPE, the status of a program the pipe's signal stops, as `cat` and `seq` are), printing
 *   nothing: the output was not wanted any more.
 * - Any other error on stdout (a full disk: `> /dev/full`): one line on stderr, `ngram-collapse: cannot
 *   write to standard output: <error> (...)`, and exit 1, the status of a failed command; the hint
 *   offers a file for the output that went there (`--out` of `metrics` and `tokenize` by default, any
 *   output given as `-`), else --quiet where it silences what went there and was not given (`run`,
 *   `merge`, `recipe NAME`), else another disk.
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

/** The outputs of each command that `-` sends to standard output. */
const DASH_OUTPUTS: Readonly<Record<string, readonly string[]>> = {
  run: ['--out', '--summary', '--extinctions', '--survival', '--sentence-perplexities'],
  metrics: ['--out'],
  tokenize: ['--out'],
  merge: ['--out', '--summary'],
};

/** The commands whose --out is standard output when not given. */
const STANDARD_OUTPUT_BY_DEFAULT = ['metrics', 'tokenize'];

/** The commands that print a table or a line on standard output that --quiet silences (`recipe list` aside). */
const QUIETED = ['run', 'merge', 'recipe'];

/**
 * `argv`: the command line (after the program's name). The hint offers --out (or the flag that sent
 * its output there with `-`) to a command whose output went to standard output, --quiet to one whose
 * table or line did and that was not given it, and another disk to the others: generate and train,
 * whose output is standard output, and `recipe list`, `plot`, `--help`, `--version`, `--print-config`,
 * which print nothing --out or --quiet would take (audits: each was offered what did not help, or
 * what was given already).
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
  const command = words[0] ?? '';
  if (argv.some((word) => ['--help', '-h', '--version', '-V', '--print-config'].includes(word)) || command === 'help') return ANOTHER_DISK;
  const dashed = (DASH_OUTPUTS[command] ?? []).filter((flag) => {
    const value = valueOf(argv, flag);
    return value === '-' || (value === undefined && flag === '--out' && STANDARD_OUTPUT_BY_DEFAULT.includes(command));
  });
  if (dashed.length > 0) return `free some space, or write to ${dashed.length === 1 ? 'a file' : 'files'} with ${dashed.join(' and ')}`;
  const quieted = QUIETED.includes(command) && !(command === 'recipe' && words[1] === 'list');
  return quieted && !argv.includes('--quiet') ? 'free some space, or pass --quiet' : ANOTHER_DISK;
}

/** The value the command line `argv` gives `flag` last (`--out m.csv`, `--out=m.csv`), or undefined. */
function valueOf(argv: readonly string[], flag: string): string | undefined {
  let value: string | undefined;
  argv.forEach((word, at) => {
    if (word === flag && at + 1 < argv.length) value = argv[at + 1];
    else if (word.startsWith(`${flag}=`)) value = word.slice(flag.length + 1);
  });
  return value;
}
