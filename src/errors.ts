/**
 * Typed errors of the library.
 *
 * Contract: the library never prints and never exits. It throws one of these; the CLI turns a
 * `UsageError` or `InputError` into one stderr line `ngram-collapse: <message> (<hint>)` and exit code 2,
 * anything else into exit code 1.
 */

/** Something about the input (a corpus, a file, a value) is wrong; the user can fix it. */
export class InputError extends Error {
  /** What the user can do about it, shown in parentheses after the message. */
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.name = 'InputError';
    this.hint = hint;
  }
}

/**
 * An option or argument is out of range, unknown or malformed. `setting`, where the refusal is of one
 * setting checked by its rule (../validation/valueRule.ts), names it as the message does (`order`,
 * `sweep.humanRatio`, `options.shard.count`; on the command line its flag, `--order`), for a caller
 * that points at the field instead of parsing the message; undefined for other refusals.
 */
export class UsageError extends InputError {
  readonly setting: string | undefined;
  constructor(message: string, hint: string, setting?: string) {
    super(message, hint);
    this.name = 'UsageError';
    this.setting = setting;
  }
}

/** The hint of an error that is no InputError, unless the front end gives its own (the CLI: `--debug`). */
export const UNEXPECTED_HINT = 'not a problem with the input: please report it, with what led to it';

/** What oneLine escapes: C0 controls but tab, DEL, C1, and the Unicode line and paragraph separators. */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/gu;
const ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r' };

/**
 * Formats an error as one line (the CLI prints it after `ngram-collapse: `): an InputError's message
 * and hint, any other error's message and `unexpected`, where the front end says how to learn more
 * (the library has no `--debug`: the playground said to rerun with it: audit).
 */
export function describeError(error: unknown, unexpected = UNEXPECTED_HINT): string {
  if (error instanceof InputError) return oneLine(`${error.message} (${error.hint})`);
  return oneLine(`${error instanceof Error ? error.message : shownThrown(error)} (${unexpected})`);
}

/** A thrown value that is no Error, as text: String() of it, or its tag where String() throws (`Object.create(null)`: audit). */
function shownThrown(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * `text` with every line break and other control character shown as an escape (`\n`, `\r`, `\u001b`;
 * tabs kept), so that a message quoting a value as given (a file name may hold a line break) stays
 * one line: it was two on stderr (audit).
 */
export function oneLine(text: string): string {
  return text.replace(CONTROL, (character) => ESCAPES[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * An output that failed while it was written (a full disk, a file-size limit): its message names the
 * file, `cannot write <path>: <the system's message>`, and `code` is the system's (ENOSPC, EFBIG), so
 * that the line a user reads says which file (it said only `ENOSPC: no space left on device, write`:
 * audit). Made by `writeFailure`; the CLI's exit code for it is 1.
 */
export class OutputWriteError extends Error {
  readonly path: string;
  readonly code: string | undefined;
  constructor(path: string, cause: Error) {
    super(`cannot write ${path}: ${cause.message}`, { cause });
    this.name = 'OutputWriteError';
    this.path = path;
    this.code = (cause as Error & { code?: unknown }).code as string | undefined;
  }
}

/**
 * What a writer of `path` throws for `error`: a system error (one with an errno code, from the file
 * system) as an OutputWriteError naming `path`; any other error, or one already named, as it is.
 */
export function writeFailure(path: string, error: unknown): unknown {
  if (error instanceof OutputWriteError || !(error instanceof Error) || typeof (error as Error & { code?: unknown }).code !== 'string') return error;
  return new OutputWriteError(path, error);
}

/**
 * A run that stopped before its end but left whole, usable output: interrupted by a signal
 * (exit code 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP) or with failed series (exit code 1). The CLI prints
 * the message and hint as one line and exits with `exitCode`.
 */
export class RunIncompleteError extends Error {
  readonly hint: string;
  readonly exitCode: number;
  constructor(message: string, hint: string, exitCode: number) {
    super(message);
    this.name = 'RunIncompleteError';
    this.hint = hint;
    this.exitCode = exitCode;
  }
}
