/**
 * The lock a `run` holds on its curves CSV while it writes them: `<csv>.lock`, so that a second run
 * given the same `--out` (two shards with one file, a `--resume` or a job started again while the
 * first still runs) is refused before any work, where both wrote the file at once and exited 0 with its
 * rows interleaved or lost (probe: a job array whose script dropped the shard index).
 *
 * Contract: `takeRunLock(csv, holder)` creates the lock file exclusively (O_EXCL) with its holder (the
 * process id, when that process started where the system says, the machine's name, when the lock was
 * taken) and returns a RunLock, or throws a UsageError naming the run that holds it. A lock whose holder
 * is gone is taken over without a word: on the same machine, a process id no process has, a zombie's,
 * or one a process started at another time has now (a run killed outright, SIGKILL or a power cut; a
 * container restarted under its old process id), while a process that still runs keeps its lock however
 * old; on another machine, a lock not refreshed for STALE_AFTER_MS (a run refreshes its lock every
 * REFRESH_MS: `refresh`; another machine's processes cannot be asked). A lock file whose holder cannot
 * be read (empty: another run is writing it this instant; another user's, or not a lock of ours) counts
 * as held until it is STALE_AFTER_MS old, one that cannot be removed as held, and a folder, a FIFO or a
 * link in the lock's place is refused as in the way. A run that took over a stale lock reads it again TAKEOVER_SETTLE_MS later and gives way if
 * another run that judged the same lock stale replaced it meanwhile. `release()` removes the lock if it
 * is still this holder's (never another's), once; it is also done at the process's exit, so a run that
 * ends on an error or a signal it handles leaves no lock (a second signal, or SIGKILL, ends the process
 * at once and leaves it, for the next run to take over). Where the folder takes no new file (EACCES,
 * EPERM, EROFS), or the system no name so long (ENAMETOOLONG), the run goes unlocked.
 */

import { lstatSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { UsageError } from '../errors.js';

/** The lock file of the curves CSV `csv`. */
export function lockPath(csv: string): string {
  return `${csv}.lock`;
}

/** Who holds a lock: a process (and when it started, where the system says) on a machine, since a time (ms since the epoch). */
export interface LockHolder {
  readonly pid: number;
  readonly start?: string;
  readonly host: string;
  readonly since: number;
}

export interface RunLock {
  /** Sets the lock file's time to now: the holder is still running. */
  refresh(): void;
  /** Removes the lock if it is still this holder's; again, nothing. */
  release(): void;
}

/** A lock not refreshed for this long is taken to be gone (its run refreshes it every REFRESH_MS). */
export const STALE_AFTER_MS = 10 * 60_000;
/** How often a run refreshes its lock (far within STALE_AFTER_MS: a generation rarely takes a minute). */
export const REFRESH_MS = 60_000;
/** How long a run that took over a stale lock waits before it reads the lock again. */
export const TAKEOVER_SETTLE_MS = 100;

/** This process, now. */
export function thisProcess(): LockHolder {
  const start = processStart(process.pid);
  return { pid: process.pid, ...(start === undefined ? {} : { start }), host: hostname(), since: Date.now() };
}

/** How a lock's holder is looked up on this machine (injectable for tests). */
export interface ProcessTable {
  /** Whether a process with this id runs here. */
  alive(pid: number): boolean;
  /** When the process with this id started, as the system says (Linux: /proc), or undefined. */
  start(pid: number): string | undefined;
}

const SYSTEM: ProcessTable = { alive: processExists, start: processStart };

/** How a refusal names a locked file: as the user named it, and the flag that named it. */
export interface LockedName {
  readonly shown?: string;
  readonly flag?: string;
}

/**
 * Takes the lock of `csv` for `holder`, or throws a UsageError naming the run that holds it (and the
 * file as `named.shown`, the user's name for it, given with `named.flag`, --out unless said).
 */
export function takeRunLock(csv: string, holder: LockHolder, named: LockedName = {}, processes: ProcessTable = SYSTEM): RunLock {
  const path = lockPath(csv);
  const shown = named.shown ?? csv;
  const heldError = (other: LockHolder | undefined): UsageError => lockHeldError(shown, named.flag ?? '--out', other, holder);
  const text = `${JSON.stringify({ tool: 'ngram-collapse', ...holder })}\n`;
  // (twice at most: a stale lock is removed once, and a run that takes it meanwhile holds it)
  for (let attempt = 0; attempt < 2; attempt++) {
    const created = createLock(path, text);
    if (created === 'unlockable') return UNLOCKED;
    if (created === 'created') return attempt === 0 ? heldLock(path, text) : settledTakeover(path, text, heldError);
    refuseOddLock(path, shown);
    const other = lockAt(path);
    if (other === undefined) continue; // removed meanwhile: try again
    if (!isStale(other, holder, processes)) throw heldError(other.holder);
    try {
      rmSync(path, { force: true });
    } catch {
      throw heldError(other.holder); // (another user's in a sticky folder)
    }
  }
  throw heldError(lockAt(path)?.holder);
}

/**
 * A lock's place that holds no file (a folder, a FIFO, a socket, a link, also one to nothing) is no
 * lock of a run: refused as in the way, with what to do (a FIFO was read, and hung the run beyond
 * its signals; a folder or a link to nothing said "another run is writing" for ever: probe).
 */
function refuseOddLock(path: string, shown: string): void {
  const stats = lstatSync(path, { throwIfNoEntry: false });
  if (stats === undefined || stats.isFile()) return;
  const kind = stats.isDirectory() ? 'a folder' : stats.isSymbolicLink() ? 'a link' : stats.isFIFO() ? 'a FIFO' : 'no regular file';
  throw new UsageError(`${lockPath(shown)}, where this run's lock goes, is ${kind}, not a lock a run wrote`, `remove it (rm -r ${lockPath(shown)}) if no run of yours made it, and run again`);
}

/**
 * Takes the lock of each file (`path`, named as `shown`) in turn for `holder`; where one is held, lets go
 * of those it took and throws that refusal.
 */
export function takeRunLocks(files: ReadonlyArray<{ readonly path: string } & LockedName>, holder: LockHolder, processes: ProcessTable = SYSTEM): RunLock[] {
  const taken: RunLock[] = [];
  try {
    for (const { path, ...named } of files) taken.push(takeRunLock(path, holder, named, processes));
  } catch (error) {
    for (const lock of taken) lock.release();
    throw error;
  }
  return taken;
}

/** Creates the lock file with `text` unless there is one: 'created', 'exists', or 'unlockable' where the folder takes no new file or the name is too long. */
function createLock(path: string, text: string): 'created' | 'exists' | 'unlockable' {
  try {
    writeFileSync(path, text, { flag: 'wx' });
    return 'created';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // (a folder that takes no new file: the run record's check before this one passed it, so a lock
    // refused there, by a filesystem's own rules, is no reason to refuse the run: it goes unlocked)
    // (nor a name the system cannot take, a file's of 251-255 bytes with `.lock` on: a raw ENAMETOOLONG for
    // an --extinctions name the run itself takes, having no .partial: CI)
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENAMETOOLONG') return 'unlockable';
    if (code === 'EEXIST') return 'exists';
    throw error;
  }
}

/**
 * A lock this run made in place of a stale one, read again TAKEOVER_SETTLE_MS later: two runs that
 * judged the same lock stale each remove it and make their own, the second over the first's (review),
 * so the first finds another's there and gives way.
 */
function settledTakeover(path: string, text: string, heldError: (other: LockHolder | undefined) => UsageError): RunLock {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, TAKEOVER_SETTLE_MS);
  const now = lockAt(path);
  if (now === undefined || now.text !== text) throw heldError(now?.holder);
  return heldLock(path, text);
}

/** The lock file at `path`: its text and holder (undefined where it cannot be read) and its time; undefined where there is none. */
function lockAt(path: string): { readonly text: string | undefined; readonly holder: LockHolder | undefined; readonly touched: number } | undefined {
  let touched: number;
  try {
    touched = statSync(path).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { text: undefined, holder: undefined, touched: Date.now() }; // (one that cannot be looked at counts as held)
  }
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // (another user's, unreadable to this one, or a folder of that name: a holder unknown, not a raw EACCES: review)
  }
  return { text, holder: text === undefined ? undefined : holderOf(text), touched };
}

function holderOf(text: string): LockHolder | undefined {
  try {
    const { tool, pid, start, host, since } = JSON.parse(text) as Record<string, unknown>;
    if (tool === 'ngram-collapse' && Number.isInteger(pid) && typeof host === 'string' && typeof since === 'number' && (start === undefined || typeof start === 'string')) {
      return { pid: pid as number, ...(start === undefined ? {} : { start }), host, since };
    }
  } catch {
    // not a whole lock: being written, or another program's file
  }
  return undefined;
}

/**
 * Whether a lock's holder is gone: on this machine, a process that no longer runs, or whose id a process
 * started at another time has now (an earlier process of this very id too: a container restarted under
 * its old one, which refused the run for good: review), whatever the lock's age (a run stopped with
 * Ctrl-Z, or a file server's clock behind, lost a live run's lock to its age: probe); elsewhere, or
 * where the holder cannot be read, a lock unrefreshed for STALE_AFTER_MS.
 */
function isStale(lock: { readonly holder: LockHolder | undefined; readonly touched: number }, me: LockHolder, processes: ProcessTable): boolean {
  const { holder } = lock;
  if (holder === undefined || holder.host !== me.host) return me.since - lock.touched > STALE_AFTER_MS;
  if (holder.pid !== me.pid && !processes.alive(holder.pid)) return true;
  const startNow = holder.pid === me.pid ? me.start : processes.start(holder.pid);
  return holder.start !== undefined && startNow !== undefined && holder.start !== startNow;
}

/**
 * Whether a process with id `pid` runs on this machine (one of another user's counts; a zombie, dead
 * but not yet reaped, does not: a relaunched run's child killed with its parent stayed one for seconds,
 * for ever under a pid 1 that reaps nothing, and held its lock: probe).
 */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return processState(pid) !== 'Z' && processState(pid) !== 'X';
}

/** Process `pid`'s fields after its name in /proc/<pid>/stat (the 3rd on: state, ...), where the system has them (Linux). */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // (the name, field 2, is in parentheses and may hold spaces: the fields after its last ')')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Process `pid`'s state letter (R, S, Z: a zombie, ...), where the system says. */
function processState(pid: number): string | undefined {
  return statFields(pid)?.[0];
}

/** When process `pid` started, in clock ticks since boot (/proc/<pid>/stat's 22nd field), where the system says (Linux). */
function processStart(pid: number): string | undefined {
  return statFields(pid)?.[19];
}

/** The refusal of a lock held: who holds it, and what to do (another `flag`, the flag that named the file). */
function lockHeldError(shown: string, flag: string, holder: LockHolder | undefined, me: LockHolder): UsageError {
  const who =
    holder === undefined
      ? 'another run'
      : `another run (process ${holder.pid}${holder.host === me.host ? '' : ` on ${holder.host}`}, started ${new Date(holder.since).toISOString()})`;
  return new UsageError(
    `${who} is writing ${shown}: two runs writing one file interleave their rows`,
    `wait for it to end, or give this run another ${flag}; if no run is writing it (one stopped on another machine), delete ${lockPath(shown)}`,
  );
}

/** No lock: nothing to refresh or release. */
const UNLOCKED: RunLock = { refresh: () => undefined, release: () => undefined };

/** The lock at `path`, written as `text` by this process. */
function heldLock(path: string, text: string): RunLock {
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    try {
      if (readFileSync(path, 'utf8') === text) rmSync(path, { force: true });
    } catch {
      // gone already, or not ours to remove
    }
  };
  process.on('exit', release);
  return {
    refresh: () => {
      if (!held) return;
      const now = new Date();
      try {
        utimesSync(path, now, now);
      } catch {
        // removed by hand: nothing to refresh
      }
    },
    release,
  };
}
