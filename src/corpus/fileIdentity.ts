/**
 * A file's identity: its device and inode, which every name of it shares (a link, a hard link,
 * /dev/stdin for the file standard input is redirected from). Used to tell that two names are one
 * file: two outputs, an output and an input, standard input and a name of it.
 *
 * Contract: `identityOf(stats)` is `<dev>:<ino>`, or undefined for a character device (a terminal,
 * /dev/null), which is no file that two names could overwrite or read twice: each open is its own stream.
 * `fileIdentity(path, unseen)` is identityOf of the file at `path`; for a path that cannot be looked
 * at (missing, a path through a file, a loop of links), what `unseen` says (UnseenFile).
 */

import { statSync } from 'node:fs';
import { namedFile } from './namedFile.js';

/** What identityOf reads of a file's stats (node:fs Stats has it). */
export interface FileStats {
  readonly dev: number;
  readonly ino: number;
  isCharacterDevice(): boolean;
}

export function identityOf(stats: FileStats): string | undefined {
  return stats.isCharacterDevice() ? undefined : `${stats.dev}:${stats.ino}`;
}

/**
 * The identity fileIdentity gives a path it cannot look at. The two differ for a reason:
 * - 'named' (outputs): the file the path names as the system follows it (namedFile), since an output
 *   not made yet is still a file two outputs could both write (a link through a file, ENOTDIR, is named
 *   so too, and refused by the output's own check: it was a raw ENOTDIR: audit);
 * - 'none' (inputs): undefined, since an input that cannot be looked at is refused as it is read, saying why.
 */
export type UnseenFile = 'named' | 'none';

/** The identity of the file at `path` (identityOf), or for one that cannot be looked at, the one `unseen` says. */
export function fileIdentity(path: string, unseen: UnseenFile): string | undefined {
  let stats;
  try {
    stats = statSync(path, { throwIfNoEntry: false });
  } catch {
    return unseenIdentity(path, unseen);
  }
  return stats !== undefined ? identityOf(stats) : unseenIdentity(path, unseen);
}

/** The identity of a path that cannot be looked at, as `unseen` says (UnseenFile). */
function unseenIdentity(path: string, unseen: UnseenFile): string | undefined {
  return unseen === 'named' ? namedFile(path) : undefined;
}
