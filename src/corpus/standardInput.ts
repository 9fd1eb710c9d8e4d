/**
 * Standard input named as a file: `/dev/stdin`, `/proc/self/fd/0`, `/dev/fd/0`, or the very file it
 * is redirected from. Read by name besides `-`, a pipe was found empty the second time (silently) and
 * a redirected file was read twice, its counts doubled, where naming one file twice is refused (last
 * note's list); so a command refuses the two together, as it refuses `-` twice.
 *
 * Contract: `namesStandardInput(path)` is true when `path` exists and has the device and inode of what
 * standard input reads from (a file, a pipe or a socket); never for a terminal or another character
 * device (each open of one is its own stream), nor when standard input is closed.
 */

import { fstatSync, statSync, type Stats } from 'node:fs';
import { identityOf } from './fileIdentity.js';

export function namesStandardInput(path: string): boolean {
  const input = identity(() => fstatSync(0));
  return input !== undefined && identity(() => statSync(path)) === input;
}

/** identityOf the stats `stat` gives; undefined when there are none (no such file, standard input closed). */
function identity(stat: () => Stats): string | undefined {
  try {
    return identityOf(stat());
  } catch {
    return undefined;
  }
}
