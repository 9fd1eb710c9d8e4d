/**
 * Whole files: an output that appears at its path only once it is complete, so a run stopped while
 * writing it (Ctrl-C, a full disk, a crash) never leaves a half-written file there.
 *
 * Contract: the content goes to a temporary file beside the path, `<path>.partial`, which is then
 * renamed over the path (rename(2) replaces a file in one step within a file system; the temporary
 * file is beside its target, so on the same one). `writeWholeFile` writes a string and
 * `writeWholeFileSync` a string or bytes; `openWholeFile` gives a stream whose `commit()` ends it and renames it, and whose `discard()`
 * removes the temporary file. A failed write removes the temporary file and throws, a system error
 * as an OutputWriteError naming the path (../errors.ts writeFailure). The folder must
 * exist (the callers create or check it). Until the rename, an older file at the path stays as it was;
 * the new one has no more access than it had (keepAccessOf), also while it is written (its temporary
 * file is given that access as it is made, before any content: a private file's new text sat
 * world-readable in `<path>.partial` while it was written: audit).
 * A path that is a link is written through, as the system follows it (namedFile): the file it points
 * to is the one replaced. A path that exists and is no regular file (a device such as /dev/null or
 * /dev/full, a FIFO) is written to directly, as it is: it is never replaced. A stale `<path>.partial`
 * (a file or a link) is removed first and the temporary file made new (never written through a link);
 * a folder there is an InputError. `writeWholeFileSync` takes a tag for processes that write one file at
 * once (shards sharing a folder write the same `human.txt`): each then writes `<path>.<tag>.partial`,
 * its own, and the last rename wins. `prepareWholeFileSync` is its first half: the temporary file
 * written now, the rename returned for later.
 */

import { closeSync, createWriteStream, fchmodSync, fchownSync, fstatSync, openSync, lstatSync, renameSync, rmSync, statSync, writeFileSync, type WriteStream } from 'node:fs';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { InputError, writeFailure } from '../errors.js';
import { namedFile } from '../corpus/namedFile.js';

/** The temporary name a whole file is written under (`<path>.partial`, or `<path>.<tag>.partial`). */
export function partialPath(path: string, tag?: string): string {
  return tag === undefined ? `${path}.partial` : `${path}.${tag}.partial`;
}

/**
 * The file a whole file replaces: the path, or the file a link at the path points to (also a link to
 * a file not yet made); undefined when the path exists and is no regular file (written directly).
 */
function replacedFile(path: string): string | undefined {
  const file = namedFile(path);
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats === undefined || stats.isFile() ? file : undefined;
}

/**
 * `<target>.partial`, free to be made: a stale one (a file, or a link, which a write would follow)
 * is removed; a folder there is an InputError.
 */
function freePartial(target: string, tag?: string): string {
  const partial = partialPath(target, tag);
  checkNoFolderAtPartial(target, tag);
  if (lstatSync(partial, { throwIfNoEntry: false }) !== undefined) rmSync(partial, { force: true });
  return partial;
}

/**
 * A folder at `<target>.partial` (or `<target>.<tag>.partial`), where a whole write goes first, is an
 * InputError: the writers find it, and the output checks before any work (it was found only when the
 * file was written, after the work or halfway through it: audit).
 */
export function checkNoFolderAtPartial(target: string, tag?: string): void {
  const partial = partialPath(target, tag);
  if (lstatSync(partial, { throwIfNoEntry: false })?.isDirectory() === true) {
    throw new InputError(`${partial} is a folder, in the way of writing ${target} (it is written there first)`, 'remove or rename that folder');
  }
}

/**
 * Gives the new file (`fd`, the temporary one) no more access than the file it replaces had: its
 * permission bits are those it was made with (the umask's) less any the old file lacked, and it takes
 * the old file's group, and, written by root, its owner, where the system allows (a results file its
 * owner had made private, mode 600, became world-readable when rewritten, and one root rewrote became
 * root's: last note's list). Through the descriptor, never the name (another user could put a link
 * there: audit); best effort (a root without CAP_CHOWN, a user namespace: audit). An ACL is not
 * copied. Nothing for a file not there yet.
 */
function keepAccessOf(target: string, fd: number): void {
  const old = statSync(target, { throwIfNoEntry: false });
  if (old === undefined) return;
  bestEffort(() => fchmodSync(fd, fstatSync(fd).mode & old.mode & 0o777));
  bestEffort(() => fchownSync(fd, process.geteuid?.() === 0 ? old.uid : -1, old.gid));
}

function bestEffort(step: () => void): void {
  try {
    step();
  } catch {
    // (the file keeps what it was made with)
  }
}

/** Makes `partial` (new: never through a link there) with `content`, given `target`'s access (keepAccessOf). */
function writeNewSync(partial: string, content: string | Uint8Array, target: string): void {
  const fd = openSync(partial, 'wx');
  try {
    keepAccessOf(target, fd); // before the content: never readable by more than the old file was
    writeFileSync(fd, content);
  } finally {
    closeSync(fd);
  }
}

/** True when `path` exists and is no regular file (a device, a FIFO), also through a link. */
export function isSpecialFile(path: string): boolean {
  return replacedFile(path) === undefined;
}

export function writeWholeFileSync(path: string, content: string | Uint8Array, tag?: string): void {
  prepareWholeFileSync(path, content, tag)();
}

/** A file written beside its place: calling it puts it in place; `discard()` lets it go instead (nothing left beside the target). */
export type PreparedFile = (() => void) & { readonly discard: () => void };

/**
 * The first half of writeWholeFileSync: `<target>.partial` written now (its errors thrown now), and a
 * function that renames it over the target (for a device, it writes then), or discards it. For a file
 * that must exist only once something else was done, with nothing done if the writing itself fails.
 */
export function prepareWholeFileSync(path: string, content: string | Uint8Array, tag?: string): PreparedFile {
  const target = replacedFile(path);
  if (target === undefined) {
    const write = (): void => {
      try {
        writeFileSync(path, content);
      } catch (error) {
        throw writeFailure(path, error);
      }
    };
    return Object.assign(write, { discard: () => undefined });
  }
  const partial = freePartial(target, tag);
  const settle = <T>(step: () => T): T => {
    try {
      return step();
    } catch (error) {
      rmSync(partial, { force: true });
      throw writeFailure(path, error);
    }
  };
  settle(() => writeNewSync(partial, content, target));
  return Object.assign(() => settle(() => renameSync(partial, target)), { discard: () => rmSync(partial, { force: true }) });
}

export async function writeWholeFile(path: string, content: string): Promise<void> {
  const target = replacedFile(path);
  if (target === undefined) return writeFile(path, content, 'utf8').catch((error: unknown) => Promise.reject(writeFailure(path, error)));
  const partial = freePartial(target);
  try {
    const handle = await open(partial, 'wx');
    try {
      keepAccessOf(target, handle.fd);
      await handle.writeFile(content, 'utf8');
    } finally {
      await handle.close();
    }
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw writeFailure(path, error);
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
  const partial = target === undefined ? undefined : freePartial(target);
  // (the temporary file opened here, so that its descriptor is known for keepAccessOf)
  const fd = partial === undefined ? undefined : openSync(partial, 'wx');
  if (fd !== undefined) keepAccessOf(target!, fd);
  const stream = fd === undefined ? createWriteStream(path, { flags: 'w' }) : createWriteStream(partial!, { fd });
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
      throw writeFailure(path, failure);
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
    throw writeFailure(path, error);
  }
  await whole.commit();
}
