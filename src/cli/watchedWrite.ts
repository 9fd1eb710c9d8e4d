/**
 * A whole file written by a command that watches no signals otherwise (`tokenize --out`, `train
 * --arpa`): SIGINT, SIGTERM or SIGHUP while it is written stops the writing at its next wait, removes
 * `<path>.partial`, and ends the command with one line and 128 + the signal's number (130, 143, 129);
 * the file at the path stays as it was. A signal as the file is put in place lets it be put in place,
 * and the line says it was written whole, and whether the command had more to print, which it does not
 * print. (With the signals' default action the process ended at once, silently, and left
 * `<path>.partial` behind: audit.) A device or a FIFO, written directly (no `.partial`), keeps the
 * default action: a FIFO nobody reads blocks its opening, which no handler could end (the first Ctrl-C
 * stopped nothing: round 2), and what a reader took cannot be taken back.
 *
 * Contract: `writeWatched(path, output, write)` watches the signals only while the file is written (see
 * ./signals.ts): before it, a long computation (a model trained on a large corpus) keeps the default
 * action, so a signal ends the process at once instead of waiting for the computation to yield, and no
 * `.partial` exists yet to be left. `write` fills the stream and waits when it asks to (its waits are
 * where a signal stops it); `output` names it in the line, its flag and the path as the user gave it
 * (`--out tok.txt`), and says whether the command prints more after it. Other failures are thrown as
 * writeWholeFileFrom throws them.
 */

import type { WriteStream } from 'node:fs';
import { RunIncompleteError } from '../errors.js';
import { isSpecialFile, writeWholeFileFrom } from '../export/wholeFile.js';
import { SIGNAL_EXIT_CODES, signalsHandled, watchSignals } from './signals.js';

/** An output as the line names it: its flag and its path as given; whether the command prints more after it. */
export interface NamedOutput {
  readonly flag: string;
  readonly shown: string;
  readonly printsAfter: boolean;
}

export async function writeWatched(path: string, output: NamedOutput, write: (stream: WriteStream) => Promise<void>): Promise<void> {
  if (isSpecialFile(path)) return writeWholeFileFrom(path, write);
  const watch = watchSignals();
  let written = false;
  try {
    await writeWholeFileFrom(path, async (stream) => {
      // the stream ends with an error at the signal: the write's next wait rejects, and the file is discarded
      const stop = (): void => void stream.destroy(new Error('interrupted'));
      watch.signal.addEventListener('abort', stop, { once: true });
      try {
        await write(stream);
      } finally {
        watch.signal.removeEventListener('abort', stop);
      }
    });
    written = true;
  } catch (error) {
    if (watch.received() === undefined) throw error;
  } finally {
    // (a signal that came as the file was put in place is handled before the watch ends, and said)
    await signalsHandled();
    watch.dispose();
  }
  const name = watch.received();
  if (name === undefined) return;
  const code = SIGNAL_EXIT_CODES[name] ?? 130;
  const label = `${output.flag} ${output.shown}`;
  if (written && output.printsAfter) throw new RunIncompleteError(`interrupted by ${name} as ${label} was put in place: it is written whole, and what the command prints after it was not printed`, 'run the command again for that', code);
  if (written) throw new RunIncompleteError(`interrupted by ${name} as ${label} was put in place: it is written whole`, 'nothing is left to do', code);
  throw new RunIncompleteError(`interrupted by ${name} while ${label} was written: nothing written, ${output.shown} as it was`, 'run the command again', code);
}
