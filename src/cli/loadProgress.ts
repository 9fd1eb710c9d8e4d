/**
 * Progress of loading a corpus on stderr: "reading corpus  42% (120.5 of 286.0 MB)", or the bytes
 * read when the total is unknown (standard input). Only when stderr is a terminal and the command is
 * not --quiet, and only once loading has taken a second (small corpora load in silence); at most five
 * updates a second, on one line that `done()` clears. Separate from the run's progress bar.
 */

import type { CliIO } from './io.js';

export interface LoadProgress {
  /** Pass as LoadOptions.onProgress; undefined when no progress is shown. */
  readonly onProgress: ((bytesRead: number, totalBytes: number | undefined) => void) | undefined;
  /** Clears the progress line (if one was drawn). */
  done(): void;
}

const SILENT: LoadProgress = { onProgress: undefined, done: () => undefined };
const DELAY_MS = 1000;
const INTERVAL_MS = 200;

export function startLoadProgress(io: CliIO, enabled: boolean, now: () => number = Date.now): LoadProgress {
  if (!enabled || !io.isTTY) return SILENT;
  const started = now();
  let last = 0;
  let drawn = false;
  return {
    onProgress: (bytesRead, totalBytes) => {
      const time = now();
      if (time - started < DELAY_MS || time - last < INTERVAL_MS) return;
      last = time;
      drawn = true;
      io.stderr.write(`\r${formatLoadProgress(bytesRead, totalBytes)}\u001B[K`);
    },
    done: () => {
      if (drawn) io.stderr.write('\r\u001B[K');
      drawn = false;
    },
  };
}

/** The progress text, e.g. "reading corpus  42% (120.5 of 286.0 MB)". */
export function formatLoadProgress(bytesRead: number, totalBytes: number | undefined): string {
  const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
  if (totalBytes === undefined || totalBytes === 0) return `reading corpus ${mb(bytesRead)} MB`;
  const percent = Math.min(100, Math.floor((100 * bytesRead) / totalBytes));
  return `reading corpus ${String(percent).padStart(3)}% (${mb(bytesRead)} of ${mb(totalBytes)} MB)`;
}
