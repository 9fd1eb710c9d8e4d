/**
 * A file's identity: its device and inode, which every name of it shares (a link, a hard link,
 * /dev/stdin for the file standard input is redirected from). Used to tell that two names are one
 * file: two outputs, an output and an input, standard input and a name of it.
 *
 * Contract: `identityOf(stats)` is `<dev>:<ino>`, or undefined for a character device (a terminal,
 * /dev/null), which is no file that two names could overwrite or read twice: each open is its own stream.
 */

/** What identityOf reads of a file's stats (node:fs Stats has it). */
export interface FileStats {
  readonly dev: number;
  readonly ino: number;
  isCharacterDevice(): boolean;
}

export function identityOf(stats: FileStats): string | undefined {
  return stats.isCharacterDevice() ? undefined : `${stats.dev}:${stats.ino}`;
}
