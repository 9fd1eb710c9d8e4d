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
 * (`/dev/fd/N`, `/proc/self/fd/N`, `/proc/thread-self/fd/N`, `/proc/<this pid>/fd/N`) or of the parent
 * that relaunched it with the same command line (`/proc/<its pid>/fd/N`):
 * - `{ what, own: true, fd: N }` when N is an anonymous inode, or an anonymous pipe whose other end (its
 *   writing end when `use` is 'read', its reading end when 'write') a descriptor of this process (or of
 *   that parent) holds:
 *   one of Node's own; `what` is its /proc name (`anon_inode:[eventpoll]`, `pipe:[123]`);
 * - `{ what, own: false, fd: N }` when `use` is 'read' and N is a FIFO this process holds open for writing too
 *   (`what` the FIFO's path): reading it would never end;
 * - undefined otherwise: a file, a pipe another process writes to (`4< <(cat notes.txt)`) or reads from
 *   (`5> >(gzip > out.gz)`), any other path, or a system without /proc.
 * Reads /proc/self/fd and fdinfo (and the parent's, and both command lines, for its pid).
 * `checkOwnDescriptor(path, use, named, example)` throws the InputError for what ownDescriptor finds:
 * `named` is how the message calls the path (`corpus '/dev/fd/4'`, `--out /dev/fd/5`), `example` a
 * file the hint opens on the descriptor.
 */

import { readdirSync, readFileSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { InputError } from '../errors.js';

export function checkOwnDescriptor(path: string, use: 'read' | 'write', named: string, example: string): void {
  const found = ownDescriptor(path, use);
  if (found === undefined) return;
  const { fd } = found;
  if (found.own) {
    throw new InputError(`${named} names a descriptor the shell did not open (this program's own ${found.what})`, `open one for it, as ${fd}${use === 'read' ? '<' : '>'} ${example} after the command, or name the file itself`);
  }
  throw new InputError(`${named} is the FIFO ${found.what}, which this program holds open for writing too, so reading it would never end`, `open it for reading alone: ${fd}< ${found.what}`);
}

export interface OwnDescriptor {
  readonly what: string;
  readonly own: boolean;
  /** N, the descriptor's number. */
  readonly fd: number;
}

export function ownDescriptor(path: string, use: 'read' | 'write'): OwnDescriptor | undefined {
  const named = descriptorOf(path);
  if (named === undefined || named.fd < 3) return undefined;
  const { process: at, fd } = named;
  const what = linkOf(at, String(fd));
  const stats = statOf(at, String(fd));
  if (what === undefined || stats === undefined) return undefined;
  if (what.startsWith('anon_inode:')) return { what, own: true, fd };
  if (!stats.isFIFO()) return undefined;
  // the other end, held here: no other process can end what is read, nor read what is written
  if (!holdsEnd(at, stats, use === 'read' ? 'write' : 'read')) return undefined;
  if (what.startsWith('pipe:')) return { what, own: true, fd };
  return use === 'read' ? { what, own: false, fd } : undefined;
}

/**
 * The process folder (`/proc/self`, or the relaunching parent's `/proc/<pid>`) and descriptor N that
 * `path` names; undefined for any other path. The parent of a relaunched run (../cli/allocatorRelaunch.ts)
 * runs the same command line: its `/proc/<pid>/fd/N`, given on that line, was read in the child past
 * this check, from one of the parent's own pipes, and the run hung (audit).
 */
function descriptorOf(path: string): { readonly process: string; readonly fd: number } | undefined {
  const named = /^\/(?:dev\/fd|proc\/(self|thread-self|[0-9]+)\/fd)\/0*([0-9]+)$/u.exec(path);
  if (named === null) return undefined;
  const [, owner, fd] = named;
  if (owner === undefined || owner === 'self' || owner === 'thread-self' || Number(owner) === process.pid) return { process: '/proc/self', fd: Number(fd) };
  return Number(owner) === process.ppid && sameCommand(owner) ? { process: `/proc/${owner}`, fd: Number(fd) } : undefined;
}

/**
 * True if process `pid` runs this process's command line: its arguments end with this script's own
 * (the programs and the script's path may be spelled otherwise: `node dist/cli/main.js` relaunches
 * itself as `/usr/bin/node /abs/dist/cli/main.js`).
 */
function sameCommand(pid: string): boolean {
  let theirs: string[];
  try {
    theirs = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, -1);
  } catch {
    return false;
  }
  const ours = process.argv.slice(2);
  return theirs.length >= ours.length + 2 && ours.every((arg, at) => theirs[theirs.length - ours.length + at] === arg);
}

/** What descriptor `fd` of the process at `at` is (its /proc link), or undefined if it is not open. */
function linkOf(at: string, fd: string): string | undefined {
  try {
    return readlinkSync(`${at}/fd/${fd}`);
  } catch {
    return undefined;
  }
}

function statOf(at: string, fd: string): Stats | undefined {
  try {
    return statSync(`${at}/fd/${fd}`);
  } catch {
    return undefined;
  }
}

/** True if a descriptor of this process, or of the process at `at`, is open on the pipe or FIFO `stream` for `end`. */
function holdsEnd(at: string, stream: Stats, end: 'read' | 'write'): boolean {
  return [...new Set(['/proc/self', at])].some((owner) => {
    let names: string[];
    try {
      names = readdirSync(`${owner}/fd`);
    } catch {
      return false;
    }
    return names.some((name) => {
      const stats = statOf(owner, name);
      if (stats === undefined || stats.dev !== stream.dev || stats.ino !== stream.ino) return false;
      const mode = accessMode(owner, name);
      // O_RDONLY 0, O_WRONLY 1, O_RDWR 2
      return mode !== undefined && (end === 'write' ? mode !== 0 : mode !== 1);
    });
  });
}

/** The access mode of descriptor `fd` of the process at `at`: the low two bits of its flags in fdinfo. */
function accessMode(at: string, fd: string): number | undefined {
  try {
    const flags = /^flags:\s*([0-7]+)/mu.exec(readFileSync(`${at}/fdinfo/${fd}`, 'utf8'));
    return flags === null ? undefined : parseInt(flags[1]!, 8) & 3;
  } catch {
    return undefined;
  }
}
