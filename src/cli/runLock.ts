/**
 * The lock a `run` holds on its curves CSV while it writes them: `<csv>.lock`, so that a second run
 * given the same `--out` (two shards with one file, a `--resume` or a job started again while the
 * first still runs) is refused before any work, where both wrote the file at once and exited 0 with its
 * rows interleaved or lost (probe: a job array whose script dropped the shard index).
 *
 * Contract: `takeRunLock(csv, holder)` creates the lock file exclusively (O_EXCL) with its holder (the
 * process id, the machine's name, when it was taken) and returns a RunLock, or throws a UsageError
 * naming the run that holds it. A lock whose holder is gone is taken over without a word: on the same
 * machine, a process id no process has (a run killed outright, SIGKILL or a power cut); on another
 * machine, whose processes cannot be asked, a lock not refreshed for STALE_AFTER_MS (a run refreshes its
 * lock every REFRESH_MS: `refresh`). A lock file whose holder cannot be read (empty: another run is
 * writing it this instant; or not a lock of ours) counts as held until it is STALE_AFTER_MS old.
 * `release()` removes the lock if it is still this holder's (never another's), once; it is also done at
 * the process's exit, so a run that ends on an error or a signal leaves no lock. Where the folder takes
 * no new file (EACCES, EPERM, EROFS) the run goes unlocked.
 */

import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { UsageError } from '../errors.js';

/** The lock file of the curves CSV `csv`. */
export function lockPath(csv: string): string {
  return `${csv}.lock`;
}

/** Who holds a lock: a process on a machine, since a time (ms since the epoch). */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly since: number;
}

export interface RunLock {
  /** Sets the lock file's time to now: the holder is still running (for a run on another machine). */
  refresh(): void;
  /** Removes the lock if it is still this holder's; again, nothing. */
  release(): void;
}

/** A run on another machine whose lock was not refreshed for this long is taken to be gone. */
export const STALE_AFTER_MS = 10 * 60_000;
/** How often a run refreshes its lock (far within STALE_AFTER_MS: a generation rarely takes a minute). */
export const REFRESH_MS = 60_000;

/** This process, now. */
export function thisProcess(): LockHolder {
  return { pid: process.pid, host: hostname(), since: Date.now() };
}

/**
 * Takes the lock of `csv` for `holder`, or throws a UsageError naming the run that holds it (and the
 * CSV as `shown`, the user's name for it); `alive`
 * says whether a process id of this machine is a running process (injectable for tests).
 */
export function takeRunLock(csv: string, holder: LockHolder, shown = csv, alive: (pid: number) => boolean = processExists): RunLock {
  const path = lockPath(csv);
  const text = `${JSON.stringify({ tool: 'ngram-collapse', ...holder })}\n`;
  // (twice at most: a stale lock is removed once, and a run that takes it meanwhile holds it)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, text, { flag: 'wx' });
      return heldLock(path, text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // (a folder that takes no new file: the run record's check before this one passed it, so a lock
      // refused there, by a filesystem's own rules, is no reason to refuse the run: it goes unlocked)
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return UNLOCKED;
      if (code !== 'EEXIST') throw error;
    }
    const other = lockAt(path);
    if (other === undefined) continue; // removed meanwhile: try again
    if (!isStale(other, holder, alive)) throw heldError(shown, other.holder, holder);
    rmSync(path, { force: true });
  }
  throw heldError(shown, lockAt(path)?.holder, holder);
}

/** The lock file at `path`: its holder (undefined where it cannot be read) and its time; undefined where there is none. */
function lockAt(path: string): { readonly holder: LockHolder | undefined; readonly touched: number } | undefined {
  let touched: number;
  let text: string;
  try {
    touched = statSync(path).mtimeMs;
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return { holder: holderOf(text), touched };
}

function holderOf(text: string): LockHolder | undefined {
  try {
    const { tool, pid, host, since } = JSON.parse(text) as Record<string, unknown>;
    if (tool === 'ngram-collapse' && Number.isInteger(pid) && typeof host === 'string' && typeof since === 'number') return { pid: pid as number, host, since };
  } catch {
    // not a whole lock: being written, or another program's file
  }
  return undefined;
}

/** Whether a lock's holder is gone: a process of this machine that no longer runs, or a lock left unrefreshed for STALE_AFTER_MS. */
function isStale(lock: { readonly holder: LockHolder | undefined; readonly touched: number }, me: LockHolder, alive: (pid: number) => boolean): boolean {
  const { holder } = lock;
  if (holder !== undefined && holder.host === me.host) return holder.pid !== me.pid && !alive(holder.pid);
  return me.since - lock.touched > STALE_AFTER_MS;
}

/** Whether a process with id `pid` runs on this machine (one of another user's counts). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function heldError(shown: string, holder: LockHolder | undefined, me: LockHolder): UsageError {
  const who =
    holder === undefined
      ? 'another run'
      : `another run (process ${holder.pid}${holder.host === me.host ? '' : ` on ${holder.host}`}, started ${new Date(holder.since).toISOString()})`;
  return new UsageError(
    `${who} is writing ${shown}: two runs writing one file interleave their rows`,
    `wait for it to end, or give this run another --out; if no run is writing it (one stopped on another machine), delete ${lockPath(shown)}`,
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
