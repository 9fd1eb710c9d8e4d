/**
 * Names as the system follows links, for files that may not be made yet: what an output check compares
 * (the file a write through a name would make) and what a corpus walk compares with it.
 *
 * Contract: `namedFile(path)` is the file a write to `path` would reach (below); `landingPath(path)`
 * is where a write to `path` would land, every link on the way followed, also one to nothing (below).
 * Both only read the file system.
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
    const stats = inFolder ? lookedUp(real) : undefined;
    if (stats === undefined) return folderName ? `${real}${sep}` : real;
    // (a file reached through a link text ending in /: the system refuses it with ENOTDIR)
    if (!stats.isSymbolicLink()) return folderName && !stats.isDirectory() ? `${real}${sep}` : realName(real);
    if (existsSync(real)) return realName(real);
    if (links === MAX_LINKS) throw new LinkLoopError(`${path} is a loop of links (or a chain of more than ${MAX_LINKS})`, 'point the link at a file');
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

/**
 * Where a write to `path` (absolute) would land: its names followed one by one as the system follows
 * them, each link read against the real folder it is in (also a link to nothing, and a folder on the
 * way that is one: `data/l -> ../a/cell-1` with `a -> sc` lands in sc/cell-1; at most 40 links), up to
 * the first name that is missing and no link; the rest kept as named, `..` included (the system does
 * not climb out of a missing folder: a path through one leads nowhere, and compares equal to none).
 */
export function landingPath(path: string): string {
  let links = 0;
  let current = path.startsWith(sep) ? sep : resolve(sep);
  let names = path.split(sep).filter((name) => name !== '' && name !== '.');
  for (let index = 0; index < names.length; index++) {
    const name = names[index]!;
    // (current is a real folder, no link in it: `..` is its parent, as the system reads it)
    if (name === '..') {
      current = dirname(current);
      continue;
    }
    const next = join(current, name);
    let stats;
    try {
      stats = lstatSync(next, { throwIfNoEntry: false });
    } catch {
      stats = undefined; // (a name below a file, ENOTDIR, or one the user may not look at)
    }
    if (stats === undefined) return [next, ...names.slice(index + 1)].join(sep);
    if (stats.isSymbolicLink()) {
      if (++links > MAX_FOLLOWED) return [next, ...names.slice(index + 1)].join(sep);
      const target = readlinkSync(next);
      names = [...target.split(sep).filter((part) => part !== '' && part !== '.'), ...names.slice(index + 1)];
      if (isAbsolute(target)) current = sep;
      index = -1;
      continue;
    }
    current = next;
  }
  return current;
}

/** namedFile's refusal of a loop of links (or a chain longer than it follows). */
export class LinkLoopError extends InputError {}

/**
 * `lstat` of a name in an existing folder; InputError naming the folder when the user may list it but
 * not look into it (no x: a raw EACCES, exit 1, for an output there: audit), or when the name is past
 * the system's longest.
 */
function lookedUp(path: string): ReturnType<typeof lstatSync> {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`cannot look into the folder ${dirname(path)}: permission denied`, 'make it searchable (chmod u+x), or choose a path elsewhere');
    // (a name past the system's longest, 255 bytes: a raw ENAMETOOLONG, exit 1: audit)
    if (code === 'ENAMETOOLONG') throw new InputError(`${path}: the name is longer than the system takes`, 'choose a shorter name');
    throw error;
  }
}

/** Links a landing path follows before it gives up (the system's own limit is 40). */
const MAX_FOLLOWED = 40;
