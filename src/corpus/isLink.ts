/**
 * isLink: whether a path is a symbolic link itself, what a path that does not exist may still be (a
 * link to nothing, or a loop of links), so that a message can say so instead of "not found".
 *
 * Contract: true when `lstat` finds a link at `path`; false when it finds anything else, nothing, or
 * cannot look (ENOTDIR: a path below a file). Reads the file system; never throws.
 */

import { lstatSync } from 'node:fs';

export function isLink(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() === true;
  } catch {
    return false;
  }
}
