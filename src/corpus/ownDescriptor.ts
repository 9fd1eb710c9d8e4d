/**
 * A path to one of this process's own descriptors: `/dev/fd/4` or `/proc/self/fd/3` where the shell
 * opened nothing, so the number is one Node opened for itself (its event loop's epoll and eventfd, the
 * pipes it signals itself through). Read as a corpus, an anonymous inode gave a raw ENOENT and exit 1,
 * and one of Node's own pipes was waited on for ever (audit): such a path is refused instead.
 *
 * Contract: `ownDescriptor(path)`, for an absolute path: when it names descriptor N >= 3 of this
 * process (`/dev/fd/N`, `/proc/self/fd/N`, `/proc/thread-self/fd/N`, `/proc/<this pid>/fd/N`) and that
 * descriptor is an anonymous inode, or a pipe whose writing end this process holds (one no other
 * process can end), what it is (`anon_inode:[eventpoll]`, `pipe:[123]`); else undefined: a file, a
 * pipe another process writes to (`4< <(cat notes.txt)`), a path of any other kind, or a system
 * without /proc. Reads /proc/self/fd and /proc/self/fdinfo.
 */

import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export function ownDescriptor(path: string): string | undefined {
  const named = new RegExp(`^/(?:dev/fd|proc/(?:self|thread-self|${process.pid})/fd)/0*([0-9]+)$`, 'u').exec(path);
  if (named === null || Number(named[1]) < 3) return undefined;
  const target = linkOf(Number(named[1]));
  if (target === undefined) return undefined;
  if (target.startsWith('anon_inode:')) return target;
  return target.startsWith('pipe:') && writesTo(target) ? target : undefined;
}

/** What descriptor `fd` of this process is (its /proc link), or undefined if it is not open. */
function linkOf(fd: number): string | undefined {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
}

/** True if a descriptor of this process is open for writing on `pipe` (`pipe:[123]`). */
function writesTo(pipe: string): boolean {
  let fds: string[];
  try {
    fds = readdirSync('/proc/self/fd');
  } catch {
    return false;
  }
  return fds.some((fd) => linkOf(Number(fd)) === pipe && writable(fd));
}

/** True if descriptor `fd` (its number as text) is open for writing: its access mode in /proc/self/fdinfo. */
function writable(fd: string): boolean {
  try {
    const flags = /^flags:\s*([0-7]+)/mu.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
    return flags !== null && (parseInt(flags[1]!, 8) & 3) !== 0;
  } catch {
    return false;
  }
}
