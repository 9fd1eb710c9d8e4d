/**
 * Whole files written by a command that watches no signals otherwise (`tokenize --out`, `train
 * --arpa`, `metrics --out`, `plot`, `merge`, `playground`): SIGINT, SIGTERM or SIGHUP while one is
 * written stops the writing at its next wait, removes its `<path>.partial`, writes none of the files
 * after it, and ends the command with one line and 128 + the signal's number (130, 143, 129); the file
 * at the path stays as it was. A signal as a file is put in place lets it be put in place, and stops
 * the command before the next. The line says which files were written whole and which were not
 * (`... while --summary s.csv was written: written whole: --out all.csv with its run record
 * all.csv.run.json; not written, as they were: --summary s.csv`), and, once every file is, whether the
 * command had more to print, which it does not print. (With the signals' default action the process
 * ended at once, silently, and left `<path>.partial` behind: audit.) A device or a FIFO, written
 * directly (no `.partial`), keeps the default action: a FIFO nobody reads blocks its opening, which no
 * handler could end (the first Ctrl-C stopped nothing: round 2), and what a reader took cannot be taken
 * back.
 *
 * Contract: `writeWatched(path, output, write)` writes one file, `writeWatchedFiles(files, writing)`
 * several in turn; the signals are watched only while files are written (see ./signals.ts): before
 * them, a long computation (a model trained on a large corpus) keeps the default action, so a signal
 * ends the process at once instead of waiting for the computation to yield, and no `.partial` exists
 * yet to be left. So the caller has everything to write ready before it calls. Each `write` fills its
 * stream and waits when it asks to (its waits are where a signal stops it; `writeText` writes a string
 * so, `writePieces` pieces made as they are asked for); `before`, if given, runs as its turn comes,
 * under the watch (its folder made), and what it returns runs if a signal stops the writing (the
 * folder let go if still empty: the line says every later file is as it was); `placed`, if given,
 * runs as its file is put in place, with no wait between, so no signal comes between them (merge's
 * run record, written with its curves). A file is named in the line by its flag and its path as the
 * user gave it (`--out tok.txt`), and what is put in place with it (`alongside`); `writing.earlier`
 * names what the command wrote before, unwatched (merge's curves on standard output), among the files
 * written whole. Other failures are thrown as writeWholeFileFrom throws them.
 */

import { once } from 'node:events';
import type { WriteStream } from 'node:fs';
import { RunIncompleteError } from '../errors.js';
import { isSpecialFile, writeWholeFileFrom } from '../export/wholeFile.js';
import { SIGNAL_EXIT_CODES, signalsHandled, watchSignals, type SignalWatch } from './signals.js';

/** An output as the line names it: its flag and its path as given; whether the command prints more after it. */
export interface NamedOutput {
  readonly flag: string;
  readonly shown: string;
  readonly printsAfter: boolean;
}

/** One file of several: where it goes, how the line names it, how it is written. */
export interface WatchedFile {
  readonly path: string;
  readonly flag: string;
  readonly shown: string;
  /** What is put in place with it, for the line (`its run record all.csv.run.json`). */
  readonly alongside?: string;
  readonly write: (stream: WriteStream) => Promise<void>;
  /**
   * Run first, once the files before it are written, with the signals watched (its folder made: none is
   * made for a writing stopped earlier); what it returns, if anything, is run when a signal stops the
   * writing (the folder let go again if it is still empty: one made for files none of which was written).
   */
  readonly before?: () => (() => void) | void;
  /** Run synchronously as the file is put in place (see above). */
  readonly placed?: () => void;
}

export async function writeWatched(path: string, output: NamedOutput, write: (stream: WriteStream) => Promise<void>): Promise<void> {
  return writeWatchedFiles([{ path, flag: output.flag, shown: output.shown, write }], { printsAfter: output.printsAfter });
}

/** How far the writing got: the files put in place, and the one whose writing a signal stopped, if any. */
interface Progress {
  readonly written: WatchedFile[];
  stopped?: WatchedFile;
  received?: NodeJS.Signals;
}

/** What the line says besides the files: whether the command prints more after them, and what it wrote before them unwatched (merge's curves on standard output). */
export interface WatchedWriting {
  readonly printsAfter: boolean;
  readonly earlier?: readonly string[];
}

export async function writeWatchedFiles(files: readonly WatchedFile[], writing: WatchedWriting): Promise<void> {
  const progress: Progress = { written: [] };
  const undo: Array<() => void> = [];
  let watch: SignalWatch | undefined;
  // (a signal that came as a file was put in place is handled before the watch ends, and said)
  const endWatch = async (): Promise<void> => {
    if (watch === undefined) return;
    await signalsHandled();
    progress.received ??= watch.received();
    watch.dispose();
    watch = undefined;
  };
  try {
    for (const file of files) {
      if (isSpecialFile(file.path)) {
        await endWatch(); // (the default action while a device or a FIFO is written)
        if (progress.received !== undefined) break;
        file.before?.();
        await writeWholeFileFrom(file.path, file.write);
        file.placed?.();
      } else {
        watch ??= watchSignals();
        const undone = file.before?.();
        if (undone !== undefined) undo.push(undone);
        if (!(await writeStoppable(file, watch))) {
          progress.stopped = file;
          break;
        }
      }
      progress.written.push(file);
      if (watch === undefined) continue;
      await signalsHandled(); // (a signal as it was put in place: handled now, and no file after it begun)
      if (watch.received() !== undefined) break;
    }
  } finally {
    await endWatch();
  }
  if (progress.received === undefined) return;
  for (const step of undo.reverse()) step();
  throw interrupted(progress.received, files, progress, writing);
}

/** Writes `file` whole, stopped by the watch's signal: false when the signal stopped it (its `.partial` removed). */
async function writeStoppable(file: WatchedFile, watch: SignalWatch): Promise<boolean> {
  try {
    await writeWholeFileFrom(file.path, async (stream) => {
      // the stream ends with an error at the signal: the write's next wait rejects, and the file is discarded
      const stop = (): void => void stream.destroy(new Error('interrupted'));
      watch.signal.addEventListener('abort', stop, { once: true });
      try {
        await file.write(stream);
        // (a signal in the poll that ended the write is handled after it, libuv runs signal watchers
        // last: seen here, before the file is put in place; a small file, written in one poll, was put
        // in place by a signal sent as it was opened: round 1)
        await signalsHandled();
        if (watch.signal.aborted) throw new Error('interrupted');
      } finally {
        watch.signal.removeEventListener('abort', stop);
      }
    });
  } catch (error) {
    if (watch.received() === undefined) throw error;
    return false;
  }
  file.placed?.();
  return true;
}

/** The files as the line lists them: each by its flag and path, one flag for a run of files under it (`--svg d/a.svg, d/b.svg`). */
function listed(files: readonly WatchedFile[]): string {
  return files.map((file, i) => `${files[i - 1]?.flag === file.flag ? '' : `${file.flag} `}${file.shown}${file.alongside === undefined ? '' : ` with ${file.alongside}`}`).join(', ');
}

/** The command's line for a signal while its files were written (see above). */
function interrupted(name: NodeJS.Signals, files: readonly WatchedFile[], { written, stopped }: Progress, { printsAfter, earlier = [] }: WatchedWriting): RunIncompleteError {
  const code = SIGNAL_EXIT_CODES[name] ?? 130;
  const label = (file: WatchedFile): string => `${file.flag} ${file.shown}`;
  const done = [...earlier, ...(written.length === 0 ? [] : [listed(written)])];
  const rest = files.slice(written.length);
  const at = stopped !== undefined || written.length === 0 ? `interrupted by ${name} while ${label(stopped ?? files[0]!)} was written` : `interrupted by ${name} as ${label(written.at(-1)!)} was put in place`;
  if (rest.length > 0 && done.length > 0) {
    return new RunIncompleteError(`${at}: written whole: ${done.join(', ')}; not written, as ${rest.length === 1 ? 'it was' : 'they were'}: ${listed(rest)}`, 'run the command again to write them all', code);
  }
  if (rest.length > 0) return new RunIncompleteError(`${at}: nothing written, ${files.length === 1 ? `${files[0]!.shown} as it was` : 'every file as it was'}`, 'run the command again', code);
  const whole = done.length === 1 && files.length === 1 ? 'it is written whole' : 'every file is written whole';
  if (printsAfter) return new RunIncompleteError(`${at}: ${whole}, and what the command prints after ${done.length === 1 && files.length === 1 ? 'it' : 'them'} was not printed`, 'run the command again for that', code);
  return new RunIncompleteError(`${at}: ${whole}`, 'nothing is left to do', code);
}

/**
 * Writes `text` to `stream` in slices of `slice` UTF-16 units (at least 2), none ending inside a
 * surrogate pair, as writePieces writes (one write of a large string could not be stopped).
 */
export async function writeText(stream: WriteStream, text: string, slice = 1 << 20): Promise<void> {
  return writePieces(stream, slicesOf(text, Math.max(2, slice)));
}

function* slicesOf(text: string, size: number): Generator<string> {
  for (let at = 0; at < text.length; ) {
    let end = Math.min(at + size, text.length);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    yield text.slice(at, end);
    at = end;
  }
}

/**
 * Writes each piece to `stream` in turn, waiting when the stream asks to, and at the end until all of
 * it is written (each wait a place where a signal stops the writing; pieces made as they are asked
 * for, so a file too large for one string is never one: merge's --summary). Rejects with the
 * stream's first error.
 */
export async function writePieces(stream: WriteStream, pieces: Iterable<string>): Promise<void> {
  let failure: Error | undefined;
  const remember = (error: Error): void => void (failure ??= error);
  stream.on('error', remember);
  try {
    for (const piece of pieces) {
      if (failure !== undefined) throw failure; // a failed stream never drains
      if (!stream.write(piece)) await once(stream, 'drain');
    }
    if (failure !== undefined) throw failure;
    // (and until all of it is on disk: a small text, taken at once, could not be stopped otherwise)
    await new Promise<void>((flushed, failed) => stream.write('', (error) => (error ? failed(error) : flushed())));
  } finally {
    stream.off('error', remember);
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
