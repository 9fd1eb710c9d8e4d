/**
 * Standard input named as a file: `/dev/stdin`, `/proc/self/fd/0`, `/dev/fd/0`, or the very file it
 * is redirected from. Read by name besides `-`, a pipe was found empty the second time (silently) and
 * a redirected file was read twice, its counts doubled, where naming one file twice is refused (last
 * note's list); so a corpus refuses the two together, and a command refuses a pipe read twice.
 *
 * Contract: `standardInputIdentity()` is the identity (fileIdentity.ts) of what standard input reads
 * from (a file, a pipe or a socket), undefined for a terminal or another character device (each open
 * of one is its own stream) or when standard input is closed. `namesStandardInput(path)` is true when
 * `path` exists and has that identity. `standardInputIsStream()` is true when standard input is a pipe
 * or a socket, which can be read once (a redirected file can be opened again by name, from its start).
 * `streamIdentity(path)` is the identity of the pipe or socket `path` names (any descriptor's, /dev/fd/7),
 * undefined for anything else, so a command can refuse one pipe named twice.
 */

import { fstatSync, statSync, type Stats } from 'node:fs';
import { identityOf } from './fileIdentity.js';

export function standardInputIdentity(): string | undefined {
  return identity(() => fstatSync(0));
}

export function namesStandardInput(path: string): boolean {
  const input = standardInputIdentity();
  return input !== undefined && identity(() => statSync(path)) === input;
}

/** The identity of the pipe or socket `path` names (by any name: /dev/fd/7, a FIFO's path); undefined for anything else. */
export function streamIdentity(path: string): string | undefined {
  try {
    const stats = statSync(path);
    return stats.isFIFO() || stats.isSocket() ? identityOf(stats) : undefined;
  } catch {
    return undefined;
  }
}

export function standardInputIsStream(): boolean {
  try {
    const stats = fstatSync(0);
    return stats.isFIFO() || stats.isSocket();
  } catch {
    return false;
  }
}

/** identityOf the stats `stat` gives; undefined when there are none (no such file, standard input closed). */
function identity(stat: () => Stats): string | undefined {
  try {
    return identityOf(stat());
  } catch {
    return undefined;
  }
}
