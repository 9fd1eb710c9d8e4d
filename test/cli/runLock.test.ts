/**
 * The lock a run holds on its curves CSV (src/cli/runLock.ts): a second run given the same --out is
 * refused before any work while the first holds it, and a lock whose holder is gone is taken over.
 */

import { existsSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { lockPath, STALE_AFTER_MS, takeRunLock, type LockHolder } from '../../src/cli/runLock.js';
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
const first: LockHolder = { pid: 1001, host: 'node-a', since: NOW };
const second: LockHolder = { pid: 1002, host: 'node-a', since: NOW + 1000 };
const elsewhere: LockHolder = { pid: 1001, host: 'node-b', since: NOW + 1000 };
const running = (): boolean => true;
const gone = (): boolean => false;
const holderIn = (): unknown => JSON.parse(readFileSync(lockPath(csv), 'utf8'));
/** Sets the lock file's time `ago` ms before NOW + 1000 (the later holders' start). */
const touchedAgo = (ago: number): void => utimesSync(lockPath(csv), new Date(NOW + 1000 - ago), new Date(NOW + 1000 - ago));

describe('takeRunLock', () => {
  it('writes its holder into <csv>.lock and refuses a second holder while the first runs, naming it', () => {
    const lock = takeRunLock(csv, first, 'c.csv', running);
    expect(holderIn()).toEqual({ tool: 'ngram-collapse', pid: 1001, host: 'node-a', since: NOW });
    const refusal = thrown(() => takeRunLock(csv, second, 'c.csv', running)) as UsageError;
    expect(refusal).toBeInstanceOf(UsageError);
    expect(refusal.message).toBe('another run (process 1001, started 2026-12-08T04:00:00.000Z) is writing c.csv: two runs writing one file interleave their rows');
    expect(refusal.hint).toBe('wait for it to end, or give this run another --out; if no run is writing it (one stopped on another machine), delete c.csv.lock');
    // the refused run leaves the holder's lock as it was
    expect(holderIn()).toMatchObject({ pid: 1001 });
    lock.release();
    expect(existsSync(lockPath(csv))).toBe(false);
    takeRunLock(csv, second, 'c.csv', running).release();
  });

  it('takes over the lock of a process of this machine that no longer runs (killed outright)', () => {
    takeRunLock(csv, first, csv, running);
    const lock = takeRunLock(csv, second, csv, (pid) => pid !== 1001);
    expect(holderIn()).toMatchObject({ pid: 1002 });
    lock.release();
  });

  it('asks no process of another machine: its lock holds until unrefreshed for STALE_AFTER_MS', () => {
    takeRunLock(csv, first, csv, running);
    touchedAgo(STALE_AFTER_MS - 60_000);
    // (gone: this machine has no process 1001, which says nothing of node-a's)
    expect((thrown(() => takeRunLock(csv, elsewhere, csv, gone)) as UsageError).message).toMatch(/^another run \(process 1001 on node-a, started /u);
    touchedAgo(STALE_AFTER_MS + 60_000);
    takeRunLock(csv, elsewhere, csv, running);
    expect(holderIn()).toMatchObject({ host: 'node-b' });
  });

  it('counts a lock it cannot read (being written this instant, or not ours) as held until it is STALE_AFTER_MS old', () => {
    writeFileSync(lockPath(csv), '');
    touchedAgo(1000);
    expect((thrown(() => takeRunLock(csv, second, csv, gone)) as UsageError).message).toMatch(/^another run is writing /u);
    touchedAgo(STALE_AFTER_MS + 1000);
    takeRunLock(csv, second, csv, gone);
    expect(holderIn()).toMatchObject({ pid: 1002 });
  });

  it('refresh sets the lock file\'s time to now; release removes only its own lock, once, and leaves the exit', () => {
    const exits = process.listenerCount('exit');
    const lock = takeRunLock(csv, first, csv, running);
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
