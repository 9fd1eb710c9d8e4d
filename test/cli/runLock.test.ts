/**
 * The lock a run holds on its curves CSV (src/cli/runLock.ts): a second run given the same --out is
 * refused before any work while the first holds it, and a lock whose holder is gone is taken over.
 */

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { lockPath, STALE_AFTER_MS, takeRunLock, thisProcess, type LockHolder, type ProcessTable } from '../../src/cli/runLock.js';
import { runCli } from '../../src/cli/program.js';
import { UsageError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';
import { captureIO } from './captureIO.js';

let dir: string;
let csv: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ngram-collapse-lock-'));
  csv = join(dir, 'c.csv');
});

const NOW = Date.parse('2026-12-08T04:00:00Z');
const first: LockHolder = { pid: 1001, start: '500', host: 'node-a', since: NOW };
const second: LockHolder = { pid: 1002, start: '600', host: 'node-a', since: NOW + 1000 };
const elsewhere: LockHolder = { pid: 1001, host: 'node-b', since: NOW + 1000 };
/** A process table where `pids` run, each started at its id's start in `starts` (default: as `first` and `second` say). */
const table = (pids: readonly number[], starts: Readonly<Record<number, string>> = { 1001: '500', 1002: '600' }): ProcessTable => ({
  alive: (pid) => pids.includes(pid),
  start: (pid) => (pids.includes(pid) ? starts[pid] : undefined),
});
const running = table([1001, 1002]);
const holderIn = (): unknown => JSON.parse(readFileSync(lockPath(csv), 'utf8'));
/** Sets the lock file's time `ago` ms before NOW + 1000 (the later holders' start). */
const touchedAgo = (ago: number): void => utimesSync(lockPath(csv), new Date(NOW + 1000 - ago), new Date(NOW + 1000 - ago));

describe('takeRunLock', () => {
  it('writes its holder into <csv>.lock and refuses a second holder while the first runs, naming it', () => {
    const lock = takeRunLock(csv, first, { shown: 'c.csv' }, running);
    expect(holderIn()).toEqual({ tool: 'ngram-collapse', pid: 1001, start: '500', host: 'node-a', since: NOW });
    touchedAgo(1000);
    const refusal = thrown(() => takeRunLock(csv, second, { shown: 'c.csv' }, running)) as UsageError;
    expect(refusal).toBeInstanceOf(UsageError);
    expect(refusal.message).toBe('another run (process 1001, started 2026-12-08T04:00:00.000Z) is writing c.csv: two runs writing one file interleave their rows');
    expect(refusal.hint).toBe('wait for it to end, or give this run another --out; if no run is writing it (one stopped on another machine), delete c.csv.lock');
    // the refused run leaves the holder's lock as it was
    expect(holderIn()).toMatchObject({ pid: 1001 });
    lock.release();
    expect(existsSync(lockPath(csv))).toBe(false);
    takeRunLock(csv, second, { shown: 'c.csv' }, running).release();
  });

  it('takes over the lock of a process of this machine that no longer runs (killed outright), or whose id another process has now', () => {
    takeRunLock(csv, first, { shown: csv }, running);
    touchedAgo(1000);
    expect(holderIn()).toMatchObject({ pid: 1001 });
    const lock = takeRunLock(csv, second, { shown: csv }, table([1002]));
    expect(holderIn()).toMatchObject({ pid: 1002 });
    lock.release();
    // process 1001 runs, but it started at 900, not at the holder's 500: another process under its id
    takeRunLock(csv, first, { shown: csv }, running);
    touchedAgo(1000);
    expect(() => takeRunLock(csv, second, { shown: csv }, running)).toThrow(UsageError);
    takeRunLock(csv, second, { shown: csv }, table([1001, 1002], { 1001: '900', 1002: '600' }));
    expect(holderIn()).toMatchObject({ pid: 1002 });
  });

  it('takes over an earlier process\'s lock under this very id (a container restarted under its old one), and refuses this very process\'s own', () => {
    takeRunLock(csv, first, { shown: csv }, running);
    touchedAgo(1000);
    // this process is 1001 too, started at 700: the lock is an earlier process's
    const again = { ...first, start: '700', since: NOW + 1000 };
    takeRunLock(csv, again, { shown: csv }, running);
    expect(holderIn()).toMatchObject({ pid: 1001, start: '700' });
    touchedAgo(1000);
    // the same process (a run in process beside another): held
    expect(() => takeRunLock(csv, { ...again, since: NOW + 1000 }, { shown: csv }, running)).toThrow(UsageError);
  });

  it.runIf(existsSync('/proc/self/stat'))('takes over the lock of a zombie, a process dead but not reaped (kill(pid, 0) answers for it: probe)', async () => {
    // `sleep 0` ends at once, and the `sleep 5` its shell became never reaps it: a zombie for 5 s
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5']);
    const zombie = Number(await new Promise<string>((said) => parent.stdout.once('data', (chunk: Buffer) => said(chunk.toString()))));
    await expect.poll(() => readFileSync(`/proc/${zombie}/stat`, 'utf8').slice(readFileSync(`/proc/${zombie}/stat`, 'utf8').lastIndexOf(')') + 2, readFileSync(`/proc/${zombie}/stat`, 'utf8').lastIndexOf(')') + 3)).toBe('Z');
    const me = thisProcess();
    writeFileSync(lockPath(csv), JSON.stringify({ tool: 'ngram-collapse', pid: zombie, host: me.host, since: NOW }));
    takeRunLock(csv, me, { shown: csv }).release();
    parent.kill();
  });

  it('asks no process of another machine: its lock holds until unrefreshed for STALE_AFTER_MS; one of this machine is asked, whatever its age', () => {
    takeRunLock(csv, first, { shown: csv }, running);
    touchedAgo(STALE_AFTER_MS - 60_000);
    // (no process 1001 runs here, which says nothing of node-a's)
    expect((thrown(() => takeRunLock(csv, elsewhere, { shown: csv }, table([]))) as UsageError).message).toMatch(/^another run \(process 1001 on node-a, started /u);
    touchedAgo(STALE_AFTER_MS + 60_000);
    takeRunLock(csv, elsewhere, { shown: csv }, running);
    expect(holderIn()).toMatchObject({ host: 'node-b' });
    // a process of this machine that still runs as it started, its lock unrefreshed (stopped with Ctrl-Z, a
    // file server's clock behind): held (its age took it from a live run: probe)
    rmSync(lockPath(csv));
    takeRunLock(csv, first, { shown: csv }, running);
    touchedAgo(STALE_AFTER_MS + 60_000);
    expect(() => takeRunLock(csv, second, { shown: csv }, running)).toThrow(UsageError);
    expect(holderIn()).toMatchObject({ pid: 1001, host: 'node-a' });
  });

  it('counts a lock it cannot read (being written this instant, or not ours) as held until it is STALE_AFTER_MS old', () => {
    writeFileSync(lockPath(csv), '');
    touchedAgo(1000);
    expect((thrown(() => takeRunLock(csv, second, { shown: csv }, table([]))) as UsageError).message).toMatch(/^another run is writing /u);
    touchedAgo(STALE_AFTER_MS + 1000);
    takeRunLock(csv, second, { shown: csv }, table([]));
    expect(holderIn()).toMatchObject({ pid: 1002 });
  });

  it('refuses a folder, a FIFO or a link where the lock goes as in the way, saying so (a FIFO hung the run; a folder or a link to nothing read "another run is writing" for ever: probe)', () => {
    mkdirSync(lockPath(csv));
    const folder = thrown(() => takeRunLock(csv, second, { shown: 'c.csv' }, running)) as UsageError;
    expect([folder.message, folder.hint]).toEqual(["c.csv.lock, where this run's lock goes, is a folder, not a lock a run wrote", 'remove it (rm -r c.csv.lock) if no run of yours made it, and run again']);
    rmSync(lockPath(csv), { recursive: true });
    symlinkSync('/nowhere/at/all', lockPath(csv));
    expect((thrown(() => takeRunLock(csv, second, { shown: 'c.csv' }, running)) as UsageError).message).toBe("c.csv.lock, where this run's lock goes, is a link, not a lock a run wrote");
    rmSync(lockPath(csv));
    execFileSync('mkfifo', [lockPath(csv)]);
    expect((thrown(() => takeRunLock(csv, second, { shown: 'c.csv' }, running)) as UsageError).message).toBe("c.csv.lock, where this run's lock goes, is a FIFO, not a lock a run wrote");
  });

  it('gives way where another run that judged the same stale lock replaced the one it made (two takers: review)', async () => {
    takeRunLock(csv, first, { shown: csv }, running);
    touchedAgo(1000);
    // 1001 is gone: 1002 takes it over, and while 1002 waits, a third run (1003, a child process that
    // watches the file) replaces 1002's lock as it replaced the stale one
    const third = `${JSON.stringify({ tool: 'ngram-collapse', pid: 1003, host: 'node-a', since: NOW + 1000 })}\n`;
    const watcher = `const fs = require('fs'); process.stdout.write('ready\\n'); const end = Date.now() + 10000;
      while (Date.now() < end) { try { if (fs.readFileSync(${JSON.stringify(lockPath(csv))}, 'utf8').includes('"pid":1002')) { fs.writeFileSync(${JSON.stringify(lockPath(csv))}, ${JSON.stringify(third)}); break; } } catch {} }`;
    const child = spawn(process.execPath, ['-e', watcher]);
    await new Promise((ready) => child.stdout.once('data', ready));
    const refusal = thrown(() => takeRunLock(csv, second, { shown: csv }, table([1002, 1003]))) as UsageError;
    child.kill();
    expect(refusal.message).toMatch(/^another run \(process 1003, started /u);
    expect(holderIn()).toMatchObject({ pid: 1003 });
  }, 20_000);

  it('refresh sets the lock file\'s time to now; release removes only its own lock, once, and leaves the exit', () => {
    const exits = process.listenerCount('exit');
    const lock = takeRunLock(csv, first, { shown: csv }, running);
    expect(process.listenerCount('exit')).toBe(exits + 1);
    touchedAgo(STALE_AFTER_MS);
    lock.refresh();
    // (set back to NOW - 10 min, the refresh brings it to this moment, years later)
    expect(Math.abs(Date.now() - statSync(lockPath(csv)).mtimeMs)).toBeLessThan(60_000);
    // another run took it over meanwhile (this one judged gone): its lock stays
    writeFileSync(lockPath(csv), JSON.stringify({ tool: 'ngram-collapse', ...second }));
    lock.release();
    expect(holderIn()).toMatchObject({ pid: 1002 });
    expect(process.listenerCount('exit')).toBe(exits);
  });
});

describe('run holds the lock of its --out', () => {
  const FIXTURE = new URL('../fixtures/exp/village.txt', import.meta.url).pathname;
  const RUN = ['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '2', '--generations', '2', '--workers', '1', '--quiet', '--out', 'c.csv'];
  const run = async (args: readonly string[]) => {
    const captured = captureIO(dir);
    const code = await runCli(args, captured.io);
    return { code, stderr: captured.stderr() };
  };

  it('is refused before any work while a running process holds it, and leaves the earlier curves as they were', async () => {
    writeFileSync(csv, 'earlier curves\n');
    // this very process, running, on this machine
    writeFileSync(lockPath(csv), JSON.stringify({ tool: 'ngram-collapse', pid: process.pid, host: hostname(), since: NOW }));
    const refused = await run(RUN);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`ngram-collapse: another run (process ${process.pid}, started 2026-12-08T04:00:00.000Z) is writing c.csv: two runs writing one file interleave their rows (wait for it to end, or give this run another --out; if no run is writing it (one stopped on another machine), delete c.csv.lock)\n`);
    expect(readFileSync(csv, 'utf8')).toBe('earlier curves\n');
    expect(existsSync(join(dir, 'c.csv.run.json'))).toBe(false);
  });

  it('holds --extinctions (appended rows, as the curves) and --summary too: refused where another run writes one, letting go of the curves\' lock it took', async () => {
    writeFileSync(lockPath(join(dir, 'ext.csv')), JSON.stringify({ tool: 'ngram-collapse', pid: process.pid, host: hostname(), since: NOW }));
    const refused = await run([...RUN, '--extinctions', 'ext.csv']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^ngram-collapse: another run \(process \d+, started 2026-12-08T04:00:00\.000Z\) is writing ext\.csv: two runs writing one file interleave their rows \(wait for it to end, or give this run another --extinctions; /u);
    expect(existsSync(lockPath(csv))).toBe(false);
    // --summary, written whole at the end, alike (two shards sharing one kept the last one's alone)
    writeFileSync(lockPath(join(dir, 'sum.csv')), JSON.stringify({ tool: 'ngram-collapse', pid: process.pid, host: hostname(), since: NOW }));
    const summary = await run([...RUN, '--summary', 'sum.csv']);
    expect(summary.stderr).toMatch(/ is writing sum\.csv: .* give this run another --summary; /u);
    expect(existsSync(lockPath(csv))).toBe(false);
    rmSync(lockPath(join(dir, 'sum.csv')));
    // to standard output: nothing to lock
    rmSync(lockPath(join(dir, 'ext.csv')));
    const piped = await run([...RUN, '--extinctions', '-']);
    expect(piped.code).toBe(0);
  });

  it('merge respects a run\'s lock on its --out (it replaced a running run\'s curves, both exit 0: probe)', async () => {
    const shard = await run([...RUN.slice(0, -1), 'shard.csv']);
    expect(shard.code).toBe(0);
    writeFileSync(lockPath(csv), JSON.stringify({ tool: 'ngram-collapse', pid: process.pid, host: hostname(), since: NOW }));
    const merged = await run(['merge', 'shard.csv', '--out', 'c.csv', '--quiet']);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toMatch(/^ngram-collapse: another run \(process \d+, started 2026-12-08T04:00:00\.000Z\) is writing c\.csv: /u);
    expect(existsSync(csv)).toBe(false);
    rmSync(lockPath(csv));
    expect((await run(['merge', 'shard.csv', '--out', 'c.csv', '--quiet'])).code).toBe(0);
    expect(existsSync(lockPath(csv))).toBe(false);
  });

  it('takes over a dead process\'s lock, and leaves none when it ends, whether it ran or was refused later', async () => {
    writeFileSync(lockPath(csv), JSON.stringify({ tool: 'ngram-collapse', pid: 2 ** 22 + 1, host: hostname(), since: NOW }));
    const ran = await run(RUN);
    expect([ran.code, ran.stderr]).toEqual([0, '']);
    expect(readFileSync(csv, 'utf8').split('\n').length).toBeGreaterThan(2);
    expect(existsSync(lockPath(csv))).toBe(false);
    // refused after the lock was taken (a corpus of no tokens): the lock goes with the refusal
    writeFileSync(join(dir, 'empty.txt'), '');
    const empty = await run([...RUN.slice(0, 1), '--corpus', 'empty.txt', ...RUN.slice(3)]);
    expect(empty.code).toBe(2);
    expect(existsSync(lockPath(csv))).toBe(false);
  });
});
