/**
 * A path to a descriptor this process cannot use as the user meant: `/dev/fd/4` or `/proc/self/fd/3`
 * where the shell opened nothing, so the number is one Node opened for itself (its event loop's epoll
 * and eventfd, the pipes it signals itself through), or a FIFO the shell opened for reading and
 * writing (`7<> fifo`). Read as a corpus, an anonymous inode gave a raw ENOENT and exit 1, and a pipe
 * whose writing end this process holds was waited on for ever (nothing else can end it); written as an
 * output, one of Node's own pipes took the text silently, or crashed Node itself (a segmentation fault,
 * exit 139): audits. Such a path is refused instead.
 *
 * Contract: `ownDescriptor(path, use)`, for an absolute path naming descriptor N >= 3 of this process
 * (`/dev/fd/N`, `/proc/self/fd/N`, `/proc/thread-self/fd/N`, `/proc/<this pid>/fd/N`):
 * - `{ what, own: true }` when N is an anonymous inode, or an anonymous pipe whose other end (its
 *   writing end when `use` is 'read', its reading end when 'write') a descriptor of this process holds:
 *   one of Node's own; `what` is its /proc name (`anon_inode:[eventpoll]`, `pipe:[123]`);
 * - `{ what, own: false }` when `use` is 'read' and N is a FIFO this process holds open for writing too
 *   (`what` the FIFO's path): reading it would never end;
 * - undefined otherwise: a file, a pipe another process writes to (`4< <(cat notes.txt)`) or reads from
 *   (`5> >(gzip > out.gz)`), any other path, or a system without /proc.
 * Reads /proc/self/fd and /proc/self/fdinfo. `checkOwnDescriptor(path, use, named, example)` throws
 * the InputError for what ownDescriptor finds: `named` is how the message calls the path (`corpus
 * '/dev/fd/4'`, `--out /dev/fd/5`), `example` a file the hint opens on the descriptor.
 */

import { fstatSync, readdirSync, readFileSync, readlinkSync, type Stats } from 'node:fs';
import { InputError } from '../errors.js';

export function checkOwnDescriptor(path: string, use: 'read' | 'write', named: string, example: string): void {
  const found = ownDescriptor(path, use);
  if (found === undefined) return;
  const fd = descriptorNumber(path)!;
  if (found.own) {
    throw new InputError(`${named} names a descriptor the shell did not open (this program's own ${found.what})`, `open one for it, as ${fd}${use === 'read' ? '<' : '>'} ${example} after the command, or name the file itself`);
  }
  throw new InputError(`${named} is the FIFO ${found.what}, which this program holds open for writing too, so reading it would never end`, `open it for reading alone: ${fd}< ${found.what}`);
}

/** N, where `path` names descriptor N of this process; undefined for any other path. */
function descriptorNumber(path: string): number | undefined {
  const named = new RegExp(`^/(?:dev/fd|proc/(?:self|thread-self|${process.pid})/fd)/0*([0-9]+)$`, 'u').exec(path);
  return named === null ? undefined : Number(named[1]);
}

export interface OwnDescriptor {
  readonly what: string;
  readonly own: boolean;
}

export function ownDescriptor(path: string, use: 'read' | 'write'): OwnDescriptor | undefined {
  const fd = descriptorNumber(path);
  if (fd === undefined || fd < 3) return undefined;
  const what = linkOf(fd);
  const stats = statOf(fd);
  if (what === undefined || stats === undefined) return undefined;
  if (what.startsWith('anon_inode:')) return { what, own: true };
  if (!stats.isFIFO()) return undefined;
  // the other end, held here: no other process can end what is read, nor read what is written
  if (!holdsEnd(stats, use === 'read' ? 'write' : 'read')) return undefined;
  if (what.startsWith('pipe:')) return { what, own: true };
  return use === 'read' ? { what, own: false } : undefined;
}

/** What descriptor `fd` of this process is (its /proc link), or undefined if it is not open. */
function linkOf(fd: number): string | undefined {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
}

function statOf(fd: number): Stats | undefined {
  try {
    return fstatSync(fd);
  } catch {
    return undefined;
  }
}

/** True if a descriptor of this process is open on the pipe or FIFO `stream` for `end` (its access mode in /proc/self/fdinfo). */
function holdsEnd(stream: Stats, end: 'read' | 'write'): boolean {
  let names: string[];
  try {
    names = readdirSync('/proc/self/fd');
  } catch {
    return false;
  }
  return names.some((name) => {
    const stats = statOf(Number(name));
    if (stats === undefined || stats.dev !== stream.dev || stats.ino !== stream.ino) return false;
    const mode = accessMode(name);
    // O_RDONLY 0, O_WRONLY 1, O_RDWR 2
    return mode !== undefined && (end === 'write' ? mode !== 0 : mode !== 1);
  });
}

/** The access mode of descriptor `fd` (its number as text): the low two bits of its flags in /proc/self/fdinfo. */
function accessMode(fd: string): number | undefined {
  try {
    const flags = /^flags:\s*([0-7]+)/mu.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
    return flags === null ? undefined : parseInt(flags[1]!, 8) & 3;
  } catch {
    return undefined;
  }
}
