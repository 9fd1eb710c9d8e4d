/**
 * Whole files: an output that appears at its path only once it is complete, so a run stopped while
 * writing it (Ctrl-C, a full disk, a crash) never leaves a half-written file there.
 *
 * Contract: the content goes to a temporary file beside the path, `<path>.partial`, which is then
 * renamed over the path (rename(2) replaces a file in one step within a file system; the temporary
 * file is beside its target, so on the same one). `writeWholeFile` / `writeWholeFileSync` write a
 * string; `openWholeFile` gives a stream whose `commit()` ends it and renames it, and whose `discard()`
 * removes the temporary file. A failed write removes the temporary file and rethrows. The folder must
 * exist (the callers create or check it). Until the rename, an older file at the path stays as it was.
 * A path that is a link is written through: the file it points to is the one replaced. A path that
 * exists and is no regular file (a device such as /dev/null or /dev/full, a FIFO) is written to
 * directly, as it is: it is never replaced.
 */

import { createWriteStream, lstatSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type WriteStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { rename, rm, writeFile } from 'node:fs/promises';

/** The temporary name a whole file is written under. */
export function partialPath(path: string): string {
  return `${path}.partial`;
}

/**
 * The file a whole file replaces: the path, or the file a link at the path points to (also a link to
 * a file not yet made); undefined when the path exists and is no regular file (written directly).
 */
function replacedFile(path: string): string | undefined {
  try {
    const real = realpathSync(path);
    return statSync(real).isFile() ? real : undefined;
  } catch {
    // missing, or a link to a missing file: the file the link names (one link followed)
    try {
      return lstatSync(path).isSymbolicLink() ? resolve(dirname(path), readlinkSync(path)) : path;
    } catch {
      return path;
    }
  }
}

/** True when `path` exists and is no regular file (a device, a FIFO), also through a link. */
export function isSpecialFile(path: string): boolean {
  return replacedFile(path) === undefined;
}

export function writeWholeFileSync(path: string, content: string): void {
  const target = replacedFile(path);
  if (target === undefined) return writeFileSync(path, content);
  const partial = partialPath(target);
  try {
    writeFileSync(partial, content);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

export async function writeWholeFile(path: string, content: string): Promise<void> {
  const target = replacedFile(path);
  if (target === undefined) return writeFile(path, content, 'utf8');
  const partial = partialPath(target);
  try {
    await writeFile(partial, content, 'utf8');
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

export interface WholeFileStream {
  /** Where to write (the temporary file). */
  readonly stream: WriteStream;
  /** Ends the stream and, once everything is on disk, renames it over the path; rejects (and removes it) on a write error. */
  commit(): Promise<void>;
  /** Ends the stream and removes the temporary file; the path is left as it was. */
  discard(): Promise<void>;
}

export function openWholeFile(path: string): WholeFileStream {
  const target = replacedFile(path);
  const partial = target === undefined ? undefined : partialPath(target);
  const stream = createWriteStream(partial ?? path);
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure ??= error;
  });
  // 'close' follows 'finish', and follows 'error' too (the stream destroys itself)
  const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
  const ended = async (): Promise<void> => {
    stream.end();
    await closed;
  };
  return {
    stream,
    commit: async () => {
      await ended();
      if (failure === undefined) {
        try {
          if (partial !== undefined) await rename(partial, target!);
          return;
        } catch (error) {
          failure = error as Error;
        }
      }
      if (partial !== undefined) await rm(partial, { force: true });
      throw failure;
    },
    discard: async () => {
      await ended();
      if (partial !== undefined) await rm(partial, { force: true });
    },
  };
}

/** Opens a whole file, lets `write` fill its stream, then commits it; on any error discards it and rethrows. */
export async function writeWholeFileFrom(path: string, write: (stream: WriteStream) => Promise<void>): Promise<void> {
  const whole = openWholeFile(path);
  try {
    await write(whole.stream);
  } catch (error) {
    await whole.discard();
    throw error;
  }
  await whole.commit();
}
