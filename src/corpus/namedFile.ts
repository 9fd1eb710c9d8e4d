/**
 * Names as the system follows links, for files that may not be made yet: what an output check compares
 * (the file a write through a name would make) and what a corpus walk compares with it.
 *
 * Contract: `namedFile(path)` is the file a write to `path` would reach (below); `realFolderPath(path)`
 * is `path` with its nearest existing folder replaced by that folder's real path (the missing names
 * after it kept as named). Both only read the file system.
 */

import { existsSync, lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';

/**
 * The file `path` names, as the system follows it: its real path once it exists; else the links
 * followed (each read against its own folder's real path, as the system reads it, at most 16) to the
 * path of a file not yet made, in its folder's real path (a name below a file or a missing folder as
 * it is; ending in / when a link's text on the way did, a folder's name, also where that is a file);
 * InputError for a loop of links. (Also the
 * identity outputPaths.ts compares.)
 */
export function namedFile(path: string): string {
  let current = resolve(path);
  // (a link's target that ends in / names a folder, one not there when followed to here: kept, so a
  // caller can tell; the write would fail with EISDIR)
  let folderName = false;
  for (let links = 0; ; links++) {
    const folder = dirname(current);
    const inFolder = existsSync(folder) && statSync(folder).isDirectory();
    // (the system's realpath, .native: Node's own drops `L/..` as text before it follows L)
    const real = inFolder ? join(realpathSync.native(folder), basename(current)) : current;
    // (a name below a file is no file, and no link either: the system refuses it with ENOTDIR)
    const stats = inFolder ? lstatSync(real, { throwIfNoEntry: false }) : undefined;
    if (stats === undefined) return folderName ? `${real}${sep}` : real;
    // (a file reached through a link text ending in /: the system refuses it with ENOTDIR)
    if (!stats.isSymbolicLink()) return folderName && !stats.isDirectory() ? `${real}${sep}` : realName(real);
    if (existsSync(real)) return realName(real);
    if (links === MAX_LINKS) throw new InputError(`${path} is a loop of links (or a chain of more than ${MAX_LINKS})`, 'point the link at a file');
    // (joined as text, not resolved: `L/../x` after a linked folder L is L's target's parent, as the
    // system reads it; resolving would drop `L/..` as text: audit)
    const target = readlinkSync(real);
    // (once a link's text ends in /, the links after it are read as a folder's too: L -> L2/, L2 -> x
    // is x/, whatever x's own link says: audit)
    folderName ||= target.endsWith(sep);
    current = isAbsolute(target) ? target : `${dirname(real)}${sep}${target}`;
  }
}

/**
 * The system's real path of a name that exists; the name itself where there is none to give: a link
 * to a pipe or socket (/dev/stdout on a pipe reads /proc/self/fd/1 -> pipe:[N], and realpath fails
 * with ENOENT: a raw error, audit).
 */
function realName(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

/** Links followed to a file not yet made. */
const MAX_LINKS = 16;

/** `path` as the system follows links: its nearest existing folder's real path, and the rest as named. */
export function realFolderPath(path: string): string {
  const missing: string[] = [];
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) {
    missing.unshift(basename(existing));
    existing = dirname(existing);
  }
  return join(existsSync(existing) ? realpathSync(existing) : existing, ...missing);
}
