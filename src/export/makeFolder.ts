/**
 * makeFolder: creates a folder and its missing parents, one level at a time, for every output that
 * writes into a folder (recipes, SVG figures, `--save-corpora`).
 *
 * Contract: after it returns, `path` is a folder (an existing one is left as it is); when a level
 * cannot be made it throws that level's error (ENOENT, EACCES, EROFS, or EEXIST when a file stands
 * where a folder should be) and leaves the levels it made. A parent removed meanwhile by another
 * process is made again, at most 8 times. It never loops for ever: Node 20's
 * `mkdir(path, { recursive: true })` retries forever when a parent exists but refuses a child with
 * ENOENT (any new name under /proc, for root), which is why it is not used here.
 *
 * `makeFolderUndoably(path)` also returns what removes the levels it made again while they are empty.
 *
 * `canCreateIn(folder)` tells whether a new entry (a file or a folder: the same permission) can be
 * made in an existing folder, by making a folder of a name no one else uses and removing it: write
 * permission alone does not say it (root may write everywhere, yet /proc takes no new names). An
 * append-only folder (its probe made and not removable) is an InputError: the probe stays, said so.
 */

import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';

export function makeFolder(path: string): void {
  for (let attempt = 1; ; attempt++) {
    try {
      makeMissingLevels(resolve(path));
      return;
    } catch (error) {
      // (a parent removed while the levels below it were made, by another process clearing its own
      // folders: made again, a few times; a parent that stands yet refuses a child is an error)
      if (!(error instanceof ParentGone) || attempt === RETRIES) throw error instanceof ParentGone ? error.cause : error;
    }
  }
}

/**
 * makeFolder(path), and a function that removes again the levels it made, deepest first, as long as
 * each is empty (a folder made for files none of which was written: plot --svg stopped by a signal);
 * undefined when `path` was a folder already.
 */
export function makeFolderUndoably(path: string): (() => void) | undefined {
  const missing = missingLevels(resolve(path));
  makeFolder(path);
  if (missing.length === 0) return undefined;
  return () => {
    for (const folder of missing) {
      try {
        rmdirSync(folder);
      } catch {
        return; // (not empty, or gone: the levels above it stay too)
      }
    }
  };
}

/** The levels of `path` that are not folders, deepest first (the root at most). */
function missingLevels(path: string): string[] {
  const missing: string[] = [];
  for (let folder = path; !isFolder(folder); folder = dirname(folder)) {
    missing.push(folder);
    if (dirname(folder) === folder) break;
  }
  return missing;
}

const RETRIES = 8;

class ParentGone extends Error {}

function makeMissingLevels(path: string): void {
  for (const folder of missingLevels(path).reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // (another process made it in between: shards started together into one folder)
      if (code === 'EEXIST' && isFolder(folder)) continue;
      if (code === 'ENOENT' && !isFolder(dirname(folder))) throw new ParentGone('a parent folder was removed', { cause: error });
      throw error;
    }
  }
}

export function canCreateIn(folder: string): boolean {
  const probe = join(folder, `.ngram-collapse-probe-${process.pid}-${process.hrtime.bigint()}`);
  try {
    mkdirSync(probe);
  } catch {
    return false;
  }
  try {
    rmdirSync(probe);
  } catch (error) {
    // (an append-only folder takes new names and lets none go: no output is written whole there, and
    // the probe stays; there is no other way to tell, short of the ioctl lsattr uses: audit)
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
    throw new InputError(
      `the folder ${folder} takes new names but lets none be removed or replaced (append-only, see lsattr -d), so no output is written whole there; the empty folder ${basename(probe)} that told it stays`,
      'choose another folder, or lift that with chattr -a and remove the probe folder',
    );
  }
  return true;
}

/** Whether `path` is a folder, following links; false for anything that is not, or cannot be looked at. */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
