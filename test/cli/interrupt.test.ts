/**
 * A run killed with SIGINT mid-way (the built dist/cli/main.js in a child process) leaves a CSV of
 * whole rows, says how far it got, exits with 130, and --resume completes it to the same bytes as an
 * uninterrupted run. Also when the run was relaunched with the allocator tuned (Linux, glibc: the
 * signal goes to the parent, which passes it on). Signals while a recipe runs, while `tokenize --out`,
 * `train --arpa`, `metrics --out`, `plot`, `merge` or `playground` writes its files, and as outputs are
 * put in place. Needs `npm run build` (npm test
 * builds first).
 */

import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { processHost, RELAUNCH_VARIABLE } from '../../src/cli/allocatorRelaunch.js';
import { CURVE_COLUMNS } from '../../src/export/curveRecord.js';
import { readCsvLines } from '../../src/export/csvLines.js';

const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/exp/village.txt', import.meta.url));
const ARGS = ['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '2', '--human-ratio', '0,0.2', '--generations', '150', '--replicates', '4', '--quiet', '--summary', 'summary.csv', '--extinctions', 'ext.csv'];

interface Finished {
  readonly code: number | null;
  readonly stderr: string;
}

/** Where the executable can relaunch at all: Linux with glibc (the module's own answer). */
const host = processHost();
const onGlibc = host.platform === 'linux' && host.glibc();
/** This environment without the user's own tunables, the relaunch set: `0` never, `1` always (src/cli/allocatorRelaunch.ts). */
function environment(relaunch: string): NodeJS.ProcessEnv {
  const { GLIBC_TUNABLES: _, ...untuned } = process.env;
  return { ...untuned, [RELAUNCH_VARIABLE]: relaunch };
}

/** Interrupts once the curves CSV is past `bytes`. */
const pastBytes = (bytes: number) => (cwd: string): boolean => {
  const out = join(cwd, 'curves.csv');
  return existsSync(out) && statSync(out).size > bytes;
};

function start(args: readonly string[], cwd: string, relaunch: string, interruptAfterBytes?: number, signal: NodeJS.Signals = 'SIGINT', when = interruptAfterBytes === undefined ? undefined : pastBytes(interruptAfterBytes)): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: environment(relaunch) });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    let timer: NodeJS.Timeout | undefined;
    if (when !== undefined) {
      timer = setInterval(() => {
        if (when(cwd)) {
          clearInterval(timer);
          child.kill(signal);
        }
      }, 5);
    }
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer !== undefined) clearInterval(timer);
      resolve({ code, stderr });
    });
  });
}

describe('an interrupted run', () => {
  const cases: [string, string][] = [['1', '0'], ['2', '0'], ...(onGlibc ? ([['1', '1']] as [string, string][]) : [])];
  it.each(cases)('with --workers %s (relaunched: %s) leaves whole rows and resumes to identical bytes', async (workers, relaunch) => {
    expect(existsSync(MAIN)).toBe(true);
    const whole = mkdtempSync(join(tmpdir(), 'ngram-collapse-whole-'));
    const cut = mkdtempSync(join(tmpdir(), 'ngram-collapse-cut-'));
    const reference = await start([...ARGS, '--workers', '1'], whole, '0');
    expect(reference.code).toBe(0);

    const interrupted = await start([...ARGS, '--workers', workers], cut, relaunch, 60_000);
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toMatch(/^ngram-collapse: interrupted by SIGINT: \d of 8 series complete in curves\.csv, every row written is whole; not written: --summary summary\.csv \(continue with the same command plus --resume\)\n$/u);
    const partial = readFileSync(join(cut, 'curves.csv'));
    const { lines, tornBytes } = readCsvLines(partial);
    expect(tornBytes).toBe(0);
    expect(lines[0]!.fields).toEqual(CURVE_COLUMNS);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.length).toBeLessThan(8 * 151 + 1);
    for (const line of lines) expect(line.fields).toHaveLength(CURVE_COLUMNS.length);
    // every row written is a prefix of the uninterrupted file
    expect(readFileSync(join(whole, 'curves.csv')).subarray(0, partial.length).equals(partial)).toBe(true);

    const resumed = await start([...ARGS, '--workers', workers, '--resume'], cut, relaunch);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    for (const file of ['curves.csv', 'summary.csv', 'ext.csv']) {
      expect(readFileSync(join(cut, file)).equals(readFileSync(join(whole, file))), file).toBe(true);
    }
  });

  it.each([['SIGTERM', 143], ['SIGHUP', 129]] as const)('by %s says so and exits with %i (128 + the signal), its rows whole', async (signal, code) => {
    const cut = mkdtempSync(join(tmpdir(), 'ngram-collapse-cut-'));
    const interrupted = await start([...ARGS, '--workers', '1'], cut, '0', 60_000, signal);
    expect(interrupted.code).toBe(code);
    expect(interrupted.stderr).toMatch(new RegExp(`^ngram-collapse: interrupted by ${signal}: \\d of 8 series complete in curves\\.csv, every row written is whole; not written: --summary summary\\.csv \\(continue with the same command plus --resume\\)\\n$`, 'u'));
    expect(readCsvLines(readFileSync(join(cut, 'curves.csv'))).tornBytes).toBe(0);
  });

  it('after its last series, while the summary is written: the summary is whole, and what the run says matches what it wrote', async () => {
    // The summary is written under summary.csv.partial and renamed once complete; the signal comes while
    // that file exists (6 cells x 61 generations x 2 replicates: a summary of about 2 MB). The summary
    // is finished either way; the report is not started if the signal came before it, which the run
    // then says (when the signal lands only once the report is under way, everything is written: the
    // order of the steps is tested in outputSteps.test.ts).
    const args = ['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '1,2,3', '--human-ratio', '0,0.2', '--generations', '60', '--replicates', '2', '--workers', '1', '--quiet', '--summary', 'summary.csv', '--report', 'report.html'];
    const whole = mkdtempSync(join(tmpdir(), 'ngram-collapse-whole-'));
    expect((await start(args, whole, '0')).code).toBe(0);
    const cut = mkdtempSync(join(tmpdir(), 'ngram-collapse-cut-'));
    const interrupted = await start(args, cut, '0', undefined, 'SIGINT', (cwd) => existsSync(join(cwd, 'summary.csv.partial')));
    expect(readFileSync(join(cut, 'summary.csv')).equals(readFileSync(join(whole, 'summary.csv')))).toBe(true);
    expect(existsSync(join(cut, 'summary.csv.partial'))).toBe(false);
    const notWritten = 'ngram-collapse: interrupted by SIGINT: 12 of 12 series complete in curves.csv, every row written is whole; not written: --report report.html (continue with the same command plus --resume)\n';
    expect(interrupted).toEqual(existsSync(join(cut, 'report.html')) ? { code: 0, stderr: '' } : { code: 130, stderr: notWritten });
  });

  it('with --survival, --sentence-perplexities or --extinctions -, which --resume cannot continue, says to rerun instead', async () => {
    const cases = [
      [['--survival', 'km.csv'], '--resume cannot continue a --survival file'],
      [['--sentence-perplexities', 'sp.csv'], '--resume cannot continue a --sentence-perplexities file'],
      [['--extinctions', '-'], '--resume needs --extinctions to be a file'],
    ] as const;
    for (const [flags, why] of cases) {
      const cut = mkdtempSync(join(tmpdir(), 'ngram-collapse-cut-'));
      // (--extinctions - in place of ARGS's file: a flag given twice is refused)
      const args = flags[0] === '--extinctions' ? ARGS.filter((arg, at) => arg !== '--extinctions' && ARGS[at - 1] !== '--extinctions') : ARGS;
      const interrupted = await start([...args, '--workers', '1', ...flags], cut, '0', 60_000);
      expect(interrupted.code).toBe(130);
      expect(interrupted.stderr.split('\n').at(-2)).toBe(`ngram-collapse: interrupted by SIGINT: ${/(\d) of 8/u.exec(interrupted.stderr)?.[1]} of 8 series complete in curves.csv, every row written is whole; not written: ${['--summary summary.csv', ...(flags[0] === '--survival' ? ['--survival km.csv'] : [])].join(', ')} (rerun the command to redo it: ${why})`);
    }
  });

  it('with --out /dev/null, says to rerun: no run record is kept there, which --resume reads (it advised --resume: audit)', async () => {
    const cut = mkdtempSync(join(tmpdir(), 'ngram-collapse-cut-'));
    const extinctionsPast = (cwd: string): boolean => existsSync(join(cwd, 'ext.csv')) && statSync(join(cwd, 'ext.csv')).size > 20_000;
    const interrupted = await start([...ARGS, '--workers', '1', '--out', '/dev/null'], cut, '0', undefined, 'SIGINT', extinctionsPast);
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr.split('\n').at(-2)).toMatch(/^ngram-collapse: interrupted by SIGINT: \d of 8 series complete in \/dev\/null, every row written is whole; not written: --summary summary\.csv \(rerun the command to redo it: --out \/dev\/null keeps no run record, which --resume reads \(a device, a pipe, or standard output\)\)$/u);
  });

  it('with --extinctions /dev/null, says to rerun: --resume cannot continue a device (it advised --resume, which then failed with a raw EINVAL: audit)', async () => {
    const cut = mkdtempSync(join(tmpdir(), 'ngram-collapse-cut-'));
    const without = ARGS.filter((arg, i) => arg !== '--extinctions' && ARGS[i - 1] !== '--extinctions');
    const interrupted = await start([...without, '--workers', '1', '--extinctions', '/dev/null'], cut, '0', 60_000);
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr.split('\n').at(-2)).toMatch(/ \(rerun the command to redo it: --resume cannot continue --extinctions \/dev\/null, a device or a FIFO\)$/u);
  });

  // (named as standard output's own file, it said to continue with --resume, which refuses it; named
  // /dev/stdout, it said to continue without redirecting to /dev/stdout, which --resume refuses too: audits)
  it.each([
    ['out.csv', 'continue with the same command plus --resume, without redirecting standard output to out.csv', 'out.csv'],
    ['/dev/stdout', 'continue with --resume and --extinctions out.csv in place of /dev/stdout, without redirecting standard output to that file (it is where the rows went)', 'out.csv'],
  ])('with --extinctions %s on standard output (a file), says how to continue, and that continues it', async (named, hint, resumedAs) => {
    const cut = mkdtempSync(join(tmpdir(), 'ngram-collapse-cut-'));
    const without = ARGS.filter((arg, i) => arg !== '--extinctions' && ARGS[i - 1] !== '--extinctions');
    const args = [...without, '--workers', '1', '--extinctions', named];
    const fd = openSync(join(cut, 'out.csv'), 'w');
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: cut, stdio: ['ignore', fd, 'pipe'], env: environment('0') });
    closeSync(fd);
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    const timer = setInterval(() => {
      if (pastBytes(60_000)(cut)) {
        clearInterval(timer);
        child.kill('SIGINT');
      }
    }, 5);
    const code = await new Promise((resolve) => child.on('close', resolve));
    clearInterval(timer);
    expect(code).toBe(130);
    expect(stderr.split('\n').at(-2)).toBe(`ngram-collapse: interrupted by SIGINT: ${/(\d) of 8/u.exec(stderr)?.[1]} of 8 series complete in curves.csv, every row written is whole; not written: --summary summary.csv (${hint})`);
    // which continues it: the files then hold an uninterrupted run's bytes
    const resumed = spawn(process.execPath, [MAIN, ...without, '--workers', '1', '--extinctions', resumedAs, '--resume'], { cwd: cut, stdio: 'ignore', env: environment('0') });
    expect(await new Promise((resolve) => resumed.on('close', resolve))).toBe(0);
    const clean = mkdtempSync(join(tmpdir(), 'ngram-collapse-clean-'));
    const whole = spawn(process.execPath, [MAIN, ...without, '--workers', '1', '--extinctions', 'out.csv'], { cwd: clean, stdio: 'ignore', env: environment('0') });
    expect(await new Promise((resolve) => whole.on('close', resolve))).toBe(0);
    for (const file of ['curves.csv', 'out.csv']) expect(readFileSync(join(cut, file)).equals(readFileSync(join(clean, file))), file).toBe(true);
  });
});

/** A preloaded hook: the process kills itself (SIGKILL) as soon as it has put out.csv's run record in place. */
const KILL_AT_RECORD = `
  const fs = require('node:fs');
  const rename = fs.renameSync;
  fs.renameSync = (from, to, ...rest) => {
    rename(from, to, ...rest);
    if (String(to).endsWith('out.csv.run.json')) process.kill(process.pid, 'SIGKILL');
  };
  require('node:module').syncBuiltinESMExports();
`;

/** Whether `files` in `cwd` are byte for byte those the same command writes uninterrupted, in a folder of its own. */
async function sameAsUninterrupted(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv, files: readonly string[] = ['out.csv']): Promise<boolean> {
  const clean = mkdtempSync(join(tmpdir(), 'ngram-collapse-fresh-clean-'));
  const whole = spawn(process.execPath, [MAIN, ...args], { cwd: clean, env, stdio: 'ignore' });
  expect(await new Promise((done) => whole.on('close', done))).toBe(0);
  return files.every((file) => readFileSync(join(cwd, file), 'utf8') === readFileSync(join(clean, file), 'utf8'));
}

/** Kills the process as it is about to put its run record in place: the record written beside it, `.partial`, alone. */
const KILL_BEFORE_RECORD = `
  const fs = require('node:fs');
  const rename = fs.renameSync;
  fs.renameSync = (from, to, ...rest) => {
    if (String(to).endsWith('out.csv.run.json')) process.kill(process.pid, 'SIGKILL');
    rename(from, to, ...rest);
  };
  require('node:module').syncBuiltinESMExports();
`;

describe('a fresh run killed before it writes its first row, over an earlier run\'s files', () => {
  it('leaves no earlier row under its run record: --resume then redoes the series instead of keeping the other run\'s (it exited 0 with seed 7\'s rows under seed 42\'s record)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngram-collapse-fresh-kill-'));
    // (Kneser-Ney with two worker threads: the main thread prepares the models between the record and the files' opening)
    const args = ['run', '--corpus', 'brown:news', '--order', '2', '--smoothing', 'kneser-ney', '--generations', '3', '--replicates', '2', '--workers', '2', '--quiet', '--out', 'out.csv'];
    const env = environment('0');
    const earlier = spawn(process.execPath, [MAIN, ...args, '--seed', '7'], { cwd, env, stdio: 'ignore' });
    await new Promise((done) => earlier.on('close', done));
    expect(readFileSync(join(cwd, 'out.csv'), 'utf8')).toContain(',1,7,0,'); // seed 7's rows (replicate, seed, generation)
    // killed the moment its record is in place (the rows come later: loading, M0, the first generation)
    writeFileSync(join(cwd, 'hook.cjs'), KILL_AT_RECORD);
    const fresh = spawn(process.execPath, ['-r', join(cwd, 'hook.cjs'), MAIN, ...args], { cwd, env, stdio: 'ignore' });
    expect(await new Promise((done) => fresh.on('close', (_code, signal) => done(signal)))).toBe('SIGKILL');
    expect(readFileSync(join(cwd, 'out.csv.run.json'), 'utf8')).toContain('"seed": 42');
    const resumed = spawn(process.execPath, [MAIN, ...args, '--resume'], { cwd, env, stdio: 'ignore' });
    expect(await new Promise((done) => resumed.on('close', done))).toBe(0);
    // the same files as the run never interrupted
    expect(await sameAsUninterrupted(cwd, args, env)).toBe(true);
  });

  it('in a folder without one, leaves its record and no CSV: --resume runs every series, with a line saying so (it was refused: "out.csv does not exist": audit)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngram-collapse-fresh-kill-'));
    const base = ['run', '--corpus', 'brown:news', '--order', '2', '--generations', '2', '--replicates', '2', '--workers', '1', '--quiet'];
    const args = [...base, '--out', 'out.csv', '--summary', 's.csv'];
    const env = environment('0');
    // (killed by a preloaded hook the moment its record is in place: a test that polled for the record
    // and then sent SIGKILL could be late on a loaded machine, the CSV begun: a flake audit)
    writeFileSync(join(cwd, 'hook.cjs'), KILL_AT_RECORD);
    const fresh = spawn(process.execPath, ['-r', join(cwd, 'hook.cjs'), MAIN, ...args], { cwd, env, stdio: 'ignore' });
    expect(await new Promise((done) => fresh.on('close', (_code, signal) => done(signal)))).toBe('SIGKILL');
    expect(existsSync(join(cwd, 'out.csv.run.json'))).toBe(true);
    expect(existsSync(join(cwd, 'out.csv'))).toBe(false);
    // (without --quiet, which silences warnings)
    const resumed = spawn(process.execPath, [MAIN, ...args.filter((arg) => arg !== '--quiet'), '--resume'], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    resumed.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await new Promise((done) => resumed.on('close', done))).toBe(0);
    expect(stderr.split('\n')[0]).toBe('ngram-collapse: warning: --resume: out.csv was never written (the run stopped before its first row): every series is run');
    expect(await sameAsUninterrupted(cwd, args, env, ['out.csv', 's.csv'])).toBe(true);
    // another run's record beside no CSV is still refused, naming what differs (another seed: another H, so another batch size too)
    const other = spawn(process.execPath, [MAIN, ...base, '--seed', '7', '--out', 'other.csv'], { cwd, env, stdio: 'ignore' });
    await new Promise((done) => other.on('close', done));
    rmSync(join(cwd, 'other.csv'));
    const refused = spawn(process.execPath, [MAIN, ...base, '--out', 'other.csv', '--resume'], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let said = '';
    refused.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
    expect(await new Promise((done) => refused.on('close', done))).toBe(2);
    expect(said).toMatch(/^ngram-collapse: --resume: .*other\.csv does not exist, and its run record .*other\.csv\.run\.json is another run's \(--seed, the batch size N differ\) \(run without --resume to start the run\)\n$/u);
  });

  it('killed between writing its record beside its place and renaming it, leaves <record>.partial alone: --resume runs every series as well (it was refused, "does not exist": probe)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngram-collapse-unplaced-kill-'));
    const base = ['run', '--corpus', 'brown:news', '--order', '2', '--generations', '2', '--replicates', '2', '--workers', '1', '--quiet'];
    const args = [...base, '--out', 'out.csv'];
    const env = environment('0');
    writeFileSync(join(cwd, 'hook.cjs'), KILL_BEFORE_RECORD);
    const fresh = spawn(process.execPath, ['-r', join(cwd, 'hook.cjs'), MAIN, ...args], { cwd, env, stdio: 'ignore' });
    expect(await new Promise((done) => fresh.on('close', (_code, signal) => done(signal)))).toBe('SIGKILL');
    // (and its lock, whose process is gone: the --resume below takes it over, and leaves none)
    expect(readdirSync(cwd).sort()).toEqual(['hook.cjs', 'out.csv.lock', 'out.csv.run.json.partial']);
    const resumed = spawn(process.execPath, [MAIN, ...args.filter((arg) => arg !== '--quiet'), '--resume'], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    resumed.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await new Promise((done) => resumed.on('close', done))).toBe(0);
    expect(stderr.split('\n')[0]).toBe('ngram-collapse: warning: --resume: out.csv was never written (the run stopped before its first row): every series is run');
    expect(readdirSync(cwd).sort()).toEqual(['hook.cjs', 'out.csv', 'out.csv.run.json']);
    expect(await sameAsUninterrupted(cwd, args, env)).toBe(true);
    // another run's record beside its place is no evidence: refused as before (another seed)
    writeFileSync(join(cwd, 'other.csv.run.json.partial'), readFileSync(join(cwd, 'out.csv.run.json')));
    const refused = spawn(process.execPath, [MAIN, ...base, '--seed', '7', '--out', 'other.csv', '--resume'], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let said = '';
    refused.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
    expect(await new Promise((done) => refused.on('close', done))).toBe(2);
    expect(said).toMatch(/^ngram-collapse: --resume: .*other\.csv does not exist \(run without --resume to start the run\)\n$/u);
  });

  it("killed there over an earlier run's files (its CSV emptied, the earlier record still in place), --resume runs every series as well (it was refused as 'written with other settings': review)", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngram-collapse-unplaced-over-'));
    const args = ['run', '--corpus', 'brown:news', '--order', '2', '--generations', '2', '--replicates', '2', '--workers', '1', '--quiet', '--out', 'out.csv'];
    const env = environment('0');
    const earlier = spawn(process.execPath, [MAIN, ...args, '--seed', '7'], { cwd, env, stdio: 'ignore' });
    expect(await new Promise((done) => earlier.on('close', done))).toBe(0);
    writeFileSync(join(cwd, 'hook.cjs'), KILL_BEFORE_RECORD);
    const fresh = spawn(process.execPath, ['-r', join(cwd, 'hook.cjs'), MAIN, ...args], { cwd, env, stdio: 'ignore' });
    expect(await new Promise((done) => fresh.on('close', (_code, signal) => done(signal)))).toBe('SIGKILL');
    // the earlier run's rows emptied, its record in place, this run's beside it
    expect([statSync(join(cwd, 'out.csv')).size, JSON.parse(readFileSync(join(cwd, 'out.csv.run.json'), 'utf8')).identity.settings.seed]).toEqual([0, 7]);
    expect(existsSync(join(cwd, 'out.csv.run.json.partial'))).toBe(true);
    const resumed = spawn(process.execPath, [MAIN, ...args, '--resume'], { cwd, env, stdio: 'ignore' });
    expect(await new Promise((done) => resumed.on('close', done))).toBe(0);
    expect(await sameAsUninterrupted(cwd, args, env)).toBe(true);
    expect(JSON.parse(readFileSync(join(cwd, 'out.csv.run.json'), 'utf8')).identity.settings.seed).toBe(42);
  });
});

describe('a signal as a fresh run empties an earlier run\'s files', () => {
  // A preloaded hook sends the signal as the earlier curves are emptied (fs.truncateSync, which
  // emptyForFreshRun calls), in the middle of the run's first changes to its files.
  const HOOK = `
    const fs = require('node:fs');
    const truncate = fs.truncateSync;
    fs.truncateSync = (path, ...rest) => {
      if (String(path).endsWith('out.csv')) process.kill(process.pid, 'SIGINT');
      return truncate(path, ...rest);
    };
    require('node:module').syncBuiltinESMExports();
  `;

  it('ends with a line and exit 130 once the files are emptied and the record placed, and --resume completes the run (it ended by the default action, no line, the old record over emptied curves)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngram-collapse-empty-signal-'));
    writeFileSync(join(cwd, 'hook.cjs'), HOOK);
    const args = ['run', '--corpus', 'brown:news', '--order', '2', '--generations', '2', '--replicates', '2', '--workers', '1', '--quiet', '--out', 'out.csv', '--extinctions', 'ext.csv'];
    const env = environment('0');
    const earlier = spawn(process.execPath, [MAIN, ...args, '--seed', '7'], { cwd, env, stdio: 'ignore' });
    expect(await new Promise((done) => earlier.on('close', done))).toBe(0);
    const fresh = spawn(process.execPath, ['-r', join(cwd, 'hook.cjs'), MAIN, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    fresh.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code, signal] = await new Promise<[unknown, unknown]>((done) => fresh.on('close', (exitCode, exitSignal) => done([exitCode, exitSignal])));
    expect([code, signal]).toEqual([130, null]);
    expect(stderr).toBe('ngram-collapse: interrupted by SIGINT: 0 of 4 series complete in out.csv, every row written is whole (continue with the same command plus --resume)\n');
    // the record is this run's, the earlier rows gone from both files
    expect(readFileSync(join(cwd, 'out.csv.run.json'), 'utf8')).toContain('"seed": 42');
    expect(readFileSync(join(cwd, 'out.csv'), 'utf8')).not.toContain(',7,0,');
    const resumed = spawn(process.execPath, [MAIN, ...args, '--resume'], { cwd, env, stdio: 'ignore' });
    expect(await new Promise((done) => resumed.on('close', done))).toBe(0);
    const clean = mkdtempSync(join(tmpdir(), 'ngram-collapse-empty-clean-'));
    const whole = spawn(process.execPath, [MAIN, ...args], { cwd: clean, env, stdio: 'ignore' });
    expect(await new Promise((done) => whole.on('close', done))).toBe(0);
    for (const file of ['out.csv', 'ext.csv']) expect(readFileSync(join(cwd, file), 'utf8') === readFileSync(join(clean, file), 'utf8'), file).toBe(true);
  });
});

describe('a signal or a failure among a run\'s first changes to its files (round-2 audit)', () => {
  const args = ['run', '--corpus', 'brown:news', '--order', '2', '--generations', '2', '--replicates', '2', '--workers', '1', '--quiet', '--out', 'out.csv', '--extinctions', 'ext.csv'];

  /** An earlier run's files in a new folder, and `run` started there with `hook` preloaded; its exit code, signal and standard error. */
  async function afterEarlier(hook: string, extra: readonly string[]): Promise<{ cwd: string; code: unknown; signal: unknown; stderr: string }> {
    const cwd = mkdtempSync(join(tmpdir(), 'ngram-collapse-begin-'));
    writeFileSync(join(cwd, 'hook.cjs'), hook);
    const env = environment('0');
    const earlier = spawn(process.execPath, [MAIN, ...args, '--seed', '7'], { cwd, env, stdio: 'ignore' });
    expect(await new Promise((done) => earlier.on('close', done))).toBe(0);
    const child = spawn(process.execPath, ['-r', join(cwd, 'hook.cjs'), MAIN, ...args, ...extra], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code, signal] = await new Promise<[unknown, unknown]>((done) => child.on('close', (exitCode, exitSignal) => done([exitCode, exitSignal])));
    return { cwd, code, signal, stderr };
  }

  it('a --resume refusal met as SIGINT came ends as interrupted, exit 130, with the refusal\'s words (it exited 2, the signal lost to a calling script)', async () => {
    // the signal as --resume reads the earlier run's record (another seed: refused)
    const hook = `
      const fs = require('node:fs');
      const read = fs.readFileSync;
      let sent = false;
      fs.readFileSync = (path, ...rest) => {
        if (!sent && String(path).endsWith('out.csv.run.json')) { sent = true; process.kill(process.pid, 'SIGINT'); }
        return read(path, ...rest);
      };
      require('node:module').syncBuiltinESMExports();
    `;
    const { code, signal, stderr } = await afterEarlier(hook, ['--resume']);
    expect([code, signal]).toEqual([130, null]);
    expect(stderr).toMatch(/^ngram-collapse: interrupted by SIGINT as the run began, which met: --resume: [^\n]*other settings[^\n]*\n$/u);
  });

  it('an emptying that fails leaves no run record beside the CSV and the earlier record as it was (its .partial stayed)', async () => {
    const hook = `
      const fs = require('node:fs');
      fs.truncateSync = (path) => { const error = new Error('EACCES: permission denied, open ' + path); error.code = 'EACCES'; throw error; };
      require('node:module').syncBuiltinESMExports();
    `;
    const { cwd, code, stderr } = await afterEarlier(hook, []);
    expect(code).toBe(1);
    expect(stderr).toContain('EACCES');
    expect(readdirSync(cwd).filter((name) => name.includes('partial'))).toEqual([]);
    expect(readFileSync(join(cwd, 'out.csv.run.json'), 'utf8')).toContain('"seed": 7');
  });
});

describe('a signal while the corpus is read', () => {
  // A preloaded hook sends the signal as the corpus file is opened (fs.open, which the read stream
  // uses): the reading has pieces left to read, whatever the machine's load.
  const HOOK = `
    const fs = require('node:fs');
    const open = fs.open;
    fs.open = (path, ...rest) => {
      if (String(path).endsWith('big.txt')) process.kill(process.pid, process.env.HOOK_SIGNAL);
      return open(path, ...rest);
    };
    require('node:module').syncBuiltinESMExports();
  `;

  it('ends the run with a line and the signal\'s exit code, before any file is made (it ended with the default action: no line: audit)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngram-collapse-load-signal-'));
    writeFileSync(join(cwd, 'hook.cjs'), HOOK);
    // 4 MB: 64 pieces of the loader's 64 KiB
    writeFileSync(join(cwd, 'big.txt'), 'the keeper climbed the stair to light the lamp .\n'.repeat(80_000));
    for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
      const child = spawn(process.execPath, ['-r', join(cwd, 'hook.cjs'), MAIN, 'run', '--corpus', 'big.txt', '--sentences', 'line', '--generations', '1', '--workers', '1', '--out', 'c.csv', '--summary', 's.csv'], { cwd, env: { ...environment('0'), HOOK_SIGNAL: signal }, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk) => { stderr += String(chunk); });
      expect(await new Promise((done) => child.on('close', done)), signal).toBe(code);
      expect(stderr).toBe(`ngram-collapse: interrupted by ${signal} while the corpus was read: nothing was written (run the command again)\n`);
      expect(readdirSync(cwd).sort()).toEqual(['big.txt', 'hook.cjs']);
    }
  });

  /** Runs `run --corpus <corpus>` in `cwd` with the hook `hook.cjs` there and HOOK_SIGNAL set (standard input a pipe kept open, or none); its exit code, the signal that ended it (SIGKILL: the guard's) and standard error. */
  async function hooked(cwd: string, corpus: string, stdin: 'ignore' | 'pipe' | number = 'ignore'): Promise<{ code: unknown; signal: unknown; stderr: string }> {
    const child = spawn(process.execPath, ['-r', join(cwd, 'hook.cjs'), MAIN, 'run', '--corpus', corpus, '--sentences', 'line', '--generations', '1', '--workers', '1', '--out', 'c.csv'], { cwd, env: { ...environment('0'), HOOK_SIGNAL: 'SIGTERM' }, stdio: [stdin, 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk) => { stderr += String(chunk); });
    // (a run that waits for ever is ended, so that the test fails instead of timing out)
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const [code, signal] = await new Promise<[unknown, unknown]>((done) => child.on('close', (exitCode, exitSignal) => done([exitCode, exitSignal])));
    clearTimeout(guard);
    return { code, signal, stderr };
  }

  it('ends at once a reading that waits for its input (standard input no program writes to: it waited until the input ended: round 3)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngram-collapse-load-signal-'));
    // the signal is sent as the loader starts to read standard input, a pipe kept open and empty
    writeFileSync(join(cwd, 'hook.cjs'), `
      const { Readable } = require('node:stream');
      const iterate = Readable.prototype[Symbol.asyncIterator];
      Readable.prototype[Symbol.asyncIterator] = function (...args) {
        if (this.fd === 0) process.kill(process.pid, process.env.HOOK_SIGNAL);
        return iterate.apply(this, args);
      };
    `);
    // by `-`, and by /dev/stdin where standard input is a FIFO the process holds open already (read and
    // written by this test, so never at its end; its watch was dropped: no line: round 4)
    execFileSync('mkfifo', [join(cwd, 'input.fifo')]);
    const fifo = openSync(join(cwd, 'input.fifo'), 'r+');
    try {
      for (const corpus of ['-', '/dev/stdin']) {
        const { code, stderr } = await hooked(cwd, corpus, corpus === '-' ? 'pipe' : fifo);
        expect([code, stderr], corpus).toEqual([143, 'ngram-collapse: interrupted by SIGTERM while the corpus was read: nothing was written (run the command again)\n']);
      }
    } finally {
      closeSync(fifo);
    }
  });

  it('keeps the default action for a FIFO named as the corpus, whose opening waits for a writer (the process could not end while it waited)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngram-collapse-load-signal-'));
    writeFileSync(join(cwd, 'hook.cjs'), HOOK.replace("'big.txt'", "'waiting.fifo'"));
    execFileSync('mkfifo', [join(cwd, 'waiting.fifo')]);
    const { code, signal, stderr } = await hooked(cwd, 'waiting.fifo');
    expect([code, signal, stderr]).toEqual([null, 'SIGTERM', '']);
  });

  it('wins over the refusal the reading meets after it (a pipeline stopped whole, its producer gone before writing: exit 2, "holds no tokens": round 3)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngram-collapse-load-signal-'));
    // the signal is sent as the read that finds the end of the (empty) corpus returns
    writeFileSync(join(cwd, 'hook.cjs'), `
      const fs = require('node:fs');
      const read = fs.read;
      fs.read = (...args) => {
        const done = args[args.length - 1];
        args[args.length - 1] = (error, bytes, ...rest) => {
          if (!error && bytes === 0) process.kill(process.pid, process.env.HOOK_SIGNAL);
          done(error, bytes, ...rest);
        };
        return read(...args);
      };
      require('node:module').syncBuiltinESMExports();
    `);
    writeFileSync(join(cwd, 'empty.txt'), '');
    const { code, stderr } = await hooked(cwd, 'empty.txt');
    expect([code, stderr]).toEqual([143, 'ngram-collapse: interrupted by SIGTERM while the corpus was read: nothing was written (run the command again)\n']);
  });
});

// A preloaded hook sends the signal as an output's temporary file is opened (`<path>.partial`), so that
// it comes while that file is written, whatever the machine's load (the test polled for the file every
// millisecond, and on a busy machine the run could end between two polls: a timeout).
const OPEN_HOOK = `
  const fs = require('node:fs');
  const fsp = require('node:fs/promises');
  const mark = (path) => {
    if (String(path).endsWith(process.env.HOOK_PARTIAL)) process.kill(process.pid, process.env.HOOK_SIGNAL);
  };
  const open = fsp.open;
  fsp.open = async (path, ...rest) => {
    const handle = await open(path, ...rest);
    mark(path);
    return handle;
  };
  const openSync = fs.openSync;
  fs.openSync = (path, ...rest) => {
    const fd = openSync(path, ...rest);
    mark(path);
    return fd;
  };
  require('node:module').syncBuiltinESMExports();
`;
const signalled = async (args: readonly string[], partial: string, signal: NodeJS.Signals): Promise<{ code: unknown; stderr: string; cwd: string }> => {
  const cwd = mkdtempSync(join(tmpdir(), 'ngram-collapse-late-signal-'));
  writeFileSync(join(cwd, 'hook.cjs'), OPEN_HOOK);
  const child = spawn(process.execPath, ['-r', join(cwd, 'hook.cjs'), MAIN, ...args], { cwd, env: { ...environment('0'), HOOK_PARTIAL: partial, HOOK_SIGNAL: signal }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += String(chunk); });
  const code = await new Promise((done) => child.on('close', done));
  return { code, stderr, cwd };
};

describe('a signal while the last output is written', () => {
  it('ends the run with the signal\'s exit code and a line saying every output was written (it exited 0, silently: a scheduler took it for a run that ended by itself)', async () => {
    const args = ['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '2', '--generations', '30', '--replicates', '2', '--workers', '1', '--quiet', '--out', 'c.csv', '--summary', 's.csv', '--report', 'r.html'];
    const { code, stderr, cwd } = await signalled(args, 'r.html.partial', 'SIGTERM');
    expect(code).toBe(143);
    expect(stderr).toMatch(/^ngram-collapse: interrupted by SIGTERM as the last output was written: 4 of 4 series complete in c\.csv, and every output was written \(nothing is left to do\)\n$/u);
    expect(existsSync(join(cwd, 'r.html'))).toBe(true);
  });

  it('a recipe too: the signal is said, with every file written (its report and figures are one step, the last)', async () => {
    const args = ['recipe', 'drift', '--corpus', FIXTURE, '--sentences', 'line', '--generations', '2', '--replicates', '1', '--quiet', '--out', 'r'];
    const { code, stderr } = await signalled(args, 'report.html.partial', 'SIGINT');
    expect(code).toBe(130);
    expect(stderr).toBe('ngram-collapse: interrupted by SIGINT as its last files were written: recipe drift ran and wrote every file in r (nothing is left to do)\n');
  });
});

describe('a recipe interrupted while it runs', () => {
  it.each(onGlibc ? ['0', '1'] : ['0'])('stops between two generations and says so, exit 130, nothing written (relaunched: %s; it ended without a line)', async (relaunch) => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngram-collapse-early-recipe-'));
    const child = spawn(process.execPath, [MAIN, 'recipe', 'drift', '--corpus', FIXTURE, '--sentences', 'line', '--generations', '600', '--replicates', '3', '--out', 'r'], { cwd, env: environment(relaunch), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    // interrupted once the first series is done (its progress line), with two more to run (600
    // generations: a second series of 200 took about 0.9 s on a loaded machine, the signal's margin)
    child.stderr.on('data', (chunk) => {
      const before = stderr;
      stderr += String(chunk);
      if (!before.includes('series done') && stderr.includes('series done')) child.kill('SIGINT');
    });
    const code = await new Promise((done) => child.on('close', done));
    expect(code).toBe(130);
    const lines = stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('ngram-collapse: interrupted by SIGINT while recipe drift ran: nothing written, r as it was (run the recipe again)');
    expect(lines.filter((line) => line.includes('series done'))).toEqual(['recipe drift: 1/3 series done (default)']);
    expect(existsSync(join(cwd, 'r'))).toBe(false);
  });
});

describe('a signal as the last output is put in place', () => {
  // A preloaded hook renames as fs does, then signals the process itself when the renamed file is HOOK_PAT:
  // the signal is pending as the command reads whether one came (it was dropped by dispose: exit 0).
  const HOOK = `
    const fsp = require('node:fs/promises');
    const original = fsp.rename;
    fsp.rename = async (from, to) => {
      await original(from, to);
      if (String(to).endsWith(process.env.HOOK_PAT)) process.kill(process.pid, 'SIGTERM');
    };
    require('node:module').syncBuiltinESMExports();
  `;
  it.each([
    ['run, its report', (cwd: string) => ['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '2', '--generations', '2', '--workers', '1', '--quiet', '--out', join(cwd, 'c.csv'), '--report', join(cwd, 'r.html')], 'r.html', /^ngram-collapse: interrupted by SIGTERM as the last output was written: /u],
    ['a recipe, its last figure', (cwd: string) => ['recipe', 'drift', '--corpus', FIXTURE, '--sentences', 'line', '--generations', '2', '--replicates', '1', '--quiet', '--out', join(cwd, 'd')], 'types_vs_drift.svg', /^ngram-collapse: interrupted by SIGTERM as its last files were written: /u],
    ['tokenize --out', () => ['tokenize', '--corpus', FIXTURE, '--quiet', '--out', 'tok.txt'], 'tok.txt', /^ngram-collapse: interrupted by SIGTERM as --out tok\.txt was put in place: it is written whole \(nothing is left to do\)\n$/u],
    // (its summary follows the file: the line said nothing was left to do, and the summary never came: round 2)
    ['train --arpa', () => ['train', '--corpus', FIXTURE, '--order', '2', '--arpa', 'm.arpa'], 'm.arpa', /^ngram-collapse: interrupted by SIGTERM as --arpa m\.arpa was put in place: it is written whole, and what the command prints after it was not printed \(run the command again for that\)\n$/u],
  ])('%s: the signal is said, exit 143 (run and recipe exited 0; tokenize and train ended silently by the signal)', async (_name, argv, last, line) => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngram-collapse-last-rename-'));
    writeFileSync(join(cwd, 'hook.cjs'), HOOK);
    const child = spawn(process.execPath, ['-r', join(cwd, 'hook.cjs'), MAIN, ...argv(cwd)], { cwd, env: { ...environment('0'), HOOK_PAT: last }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += String(chunk); });
    const code = await new Promise((done) => child.on('close', done));
    expect(stderr).toMatch(line);
    expect(code).toBe(143);
  });
});

describe('a signal while tokenize --out or train --arpa is written', () => {
  // (they ended by the signal's default action, silently, and left <path>.partial behind: audit)
  it.each([
    ['tokenize --out', ['tokenize', '--corpus', 'brown:news', '--quiet', '--out', 'out.txt'], '--out', 'SIGINT', 130],
    ['train --arpa', ['train', '--corpus', 'brown:news', '--order', '2', '--smoothing', 'witten-bell', '--arpa', 'out.txt'], '--arpa', 'SIGTERM', 143],
  ] as const)('%s: stops, removes the partial file, leaves the old file as it was, says so', async (_name, args, flag, signal, exitCode) => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngram-collapse-write-signal-'));
    writeFileSync(join(cwd, 'out.txt'), 'the old file\n');
    writeFileSync(join(cwd, 'hook.cjs'), OPEN_HOOK);
    const child = spawn(process.execPath, ['-r', join(cwd, 'hook.cjs'), MAIN, ...args], { cwd, env: { ...environment('0'), HOOK_PARTIAL: 'out.txt.partial', HOOK_SIGNAL: signal }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += String(chunk); });
    const code = await new Promise((done) => child.on('close', done));
    expect(stderr).toBe(`ngram-collapse: interrupted by ${signal} while ${flag} out.txt was written: nothing written, out.txt as it was (run the command again)\n`);
    expect(code).toBe(exitCode);
    expect(readFileSync(join(cwd, 'out.txt'), 'utf8')).toBe('the old file\n');
    expect(readdirSync(cwd).sort()).toEqual(['hook.cjs', 'out.txt']);
  });

  it('keeps the default action for a FIFO nobody reads, whose opening waits: the first signal ends it (it was caught, and nothing could end the wait: round 2)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngram-collapse-fifo-out-'));
    execFileSync('mkfifo', [join(cwd, 'fifo')]);
    const child = spawn(process.execPath, [MAIN, 'tokenize', '--corpus', FIXTURE, '--quiet', '--out', 'fifo'], { cwd, env: environment('0'), stdio: ['ignore', 'ignore', 'pipe'] });
    await new Promise((waited) => setTimeout(waited, 1000)); // (the corpus read, the FIFO's opening waiting)
    child.kill('SIGINT');
    const ended = await new Promise((done) => child.on('close', (code, signal) => done([code, signal])));
    expect(ended).toEqual([null, 'SIGINT']);
  });
});

describe('a signal while metrics, plot, merge or playground writes its files', () => {
  // (they kept the signals' default action: the process ended at once, silently, and left <file>.partial
  // behind). The OPEN_HOOK signals as a file's temporary file is opened; this one as a file is put in place.
  const RENAME_HOOK = `
    const fsp = require('node:fs/promises');
    const original = fsp.rename;
    fsp.rename = async (from, to) => {
      await original(from, to);
      if (String(to).endsWith(process.env.HOOK_PLACED)) process.kill(process.pid, process.env.HOOK_SIGNAL);
    };
    require('node:module').syncBuiltinESMExports();
  `;
  /** A folder with two shards of one sweep (for merge) and their merged curves, c.csv (for plot). */
  let inputs: string | undefined;
  const shards = async (): Promise<string> => {
    if (inputs !== undefined) return inputs;
    const made = mkdtempSync(join(tmpdir(), 'ngram-collapse-shards-'));
    const sweep = ['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '2', '--human-ratio', '0,0.2', '--generations', '5', '--replicates', '2', '--workers', '1', '--quiet'];
    for (const shard of ['1/2', '2/2']) expect((await start([...sweep, '--shard', shard, '--out', `s${shard[0]}.csv`], made, '0')).code).toBe(0);
    expect((await start(['merge', 's1.csv', 's2.csv', '--out', 'c.csv', '--quiet'], made, '0')).code).toBe(0);
    return (inputs = made);
  };
  /** Runs `args` in a new folder holding the inputs and `files`, with `hook` preloaded; its exit code, stderr and folder. */
  const hooked = async (args: readonly string[], hook: string, env: Record<string, string>, files: Record<string, string> = {}): Promise<{ code: unknown; stderr: string; cwd: string }> => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngram-collapse-write-signal-'));
    const from = await shards();
    for (const file of readdirSync(from)) writeFileSync(join(cwd, file), readFileSync(join(from, file)));
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(dirname(join(cwd, file)), { recursive: true });
      writeFileSync(join(cwd, file), content);
    }
    writeFileSync(join(cwd, 'hook.cjs'), hook);
    const child = spawn(process.execPath, ['-r', join(cwd, 'hook.cjs'), MAIN, ...args], { cwd, env: { ...environment('0'), ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += String(chunk); });
    const code = await new Promise((done) => child.on('close', done));
    return { code, stderr, cwd };
  };
  /** Every file under `folder` (but the hook and the inputs), with its content. */
  const left = (cwd: string): Record<string, string> => {
    const inputsThere = new Set(['hook.cjs', 's1.csv', 's1.csv.run.json', 's2.csv', 's2.csv.run.json', 'c.csv', 'c.csv.run.json']);
    return Object.fromEntries((readdirSync(cwd, { recursive: true }) as string[]).filter((file) => !inputsThere.has(file) && statSync(join(cwd, file)).isFile()).sort().map((file) => [file, readFileSync(join(cwd, file), 'utf8')]));
  };
  const OLD = 'the old file\n';

  it.each([
    ['metrics --out', ['metrics', FIXTURE, '--out', 'out.txt'], 'out.txt', 'SIGINT', 130],
    ['playground --out', ['playground', '--out', 'out.txt'], 'out.txt', 'SIGHUP', 129],
    ['plot --out', ['plot', 'c.csv', '--out', 'out.txt'], 'out.txt', 'SIGTERM', 143],
    ['merge --out', ['merge', 's1.csv', 's2.csv', '--out', 'out.txt'], 'out.txt', 'SIGINT', 130],
  ] as const)('%s: stops, removes the partial file, leaves the old file as it was, says so', async (_name, args, out, signal, exitCode) => {
    const { code, stderr, cwd } = await hooked(args, OPEN_HOOK, { HOOK_PARTIAL: `${out}.partial`, HOOK_SIGNAL: signal }, { [out]: OLD, [`${out}.run.json`]: OLD });
    expect(stderr).toBe(`ngram-collapse: interrupted by ${signal} while --out ${out} was written: nothing written, ${out} as it was (run the command again)\n`);
    expect(code).toBe(exitCode);
    expect(left(cwd)).toEqual({ [out]: OLD, [`${out}.run.json`]: OLD });
  });

  it.each([
    ['plot, the page of two outputs', ['plot', 'c.csv', '--out', 'r.html', '--svg', 'figs', '--metrics', 'types,ttr'], 'r.html', 'SIGTERM', 143],
    ['merge, the curves of two outputs', ['merge', 's1.csv', 's2.csv', '--out', 'm.csv', '--summary', 'sum.csv'], 'm.csv', 'SIGINT', 130],
  ] as const)('%s: the first file stopped, nothing is written, every file as it was', async (_name, args, first, signal, exitCode) => {
    const old = { 'r.html': OLD, 'figs/types.svg': OLD, 'm.csv': OLD, 'm.csv.run.json': OLD, 'sum.csv': OLD };
    const { code, stderr, cwd } = await hooked(args, OPEN_HOOK, { HOOK_PARTIAL: `${first}.partial`, HOOK_SIGNAL: signal }, old);
    expect(stderr).toBe(`ngram-collapse: interrupted by ${signal} while --out ${first} was written: nothing written, every file as it was (run the command again)\n`);
    expect(code).toBe(exitCode);
    expect(left(cwd)).toEqual(old);
  });

  it('plot: a signal between the page and the charts, or between two charts, names those written whole and those not', async () => {
    const args = ['plot', 'c.csv', '--out', 'r.html', '--svg', 'figs', '--metrics', 'types,ttr'];
    const old = { 'r.html': OLD, 'figs/types.svg': OLD, 'figs/ttr.svg': OLD };
    const between = await hooked(args, RENAME_HOOK, { HOOK_PLACED: 'r.html', HOOK_SIGNAL: 'SIGTERM' }, old);
    expect(between.stderr).toBe('ngram-collapse: interrupted by SIGTERM as --out r.html was put in place: written whole: --out r.html; not written, as they were: --svg figs/types.svg, figs/ttr.svg (run the command again to write them all)\n');
    expect(between.code).toBe(143);
    const afterPage = left(between.cwd);
    expect(afterPage['r.html']).toMatch(/^<!DOCTYPE html>/iu);
    expect({ ...afterPage, 'r.html': OLD }).toEqual(old);

    const during = await hooked(args, OPEN_HOOK, { HOOK_PARTIAL: 'ttr.svg.partial', HOOK_SIGNAL: 'SIGHUP' }, old);
    expect(during.stderr).toBe('ngram-collapse: interrupted by SIGHUP while --svg figs/ttr.svg was written: written whole: --out r.html, --svg figs/types.svg; not written, as it was: --svg figs/ttr.svg (run the command again to write them all)\n');
    expect(during.code).toBe(129);
    const afterChart = left(during.cwd);
    expect(afterChart['figs/types.svg']).toMatch(/^<svg/u);
    expect(afterChart['figs/ttr.svg']).toBe(OLD);
    expect(Object.keys(afterChart).sort()).toEqual(Object.keys(old).sort());
  });

  it('plot: a --svg folder made for charts none of which was written is let go again, with the folders made for it (it stayed, empty: audit)', async () => {
    const alone = await hooked(['plot', 'c.csv', '--svg', 'new/figs', '--metrics', 'types,ttr'], OPEN_HOOK, { HOOK_PARTIAL: 'types.svg.partial', HOOK_SIGNAL: 'SIGINT' });
    expect([alone.code, alone.stderr]).toEqual([130, 'ngram-collapse: interrupted by SIGINT while --svg new/figs/types.svg was written: nothing written, every file as it was (run the command again)\n']);
    expect(existsSync(join(alone.cwd, 'new'))).toBe(false);
    const afterPage = await hooked(['plot', 'c.csv', '--out', 'r.html', '--svg', 'figs', '--metrics', 'types,ttr'], OPEN_HOOK, { HOOK_PARTIAL: 'types.svg.partial', HOOK_SIGNAL: 'SIGINT' });
    expect(afterPage.stderr).toBe('ngram-collapse: interrupted by SIGINT while --svg figs/types.svg was written: written whole: --out r.html; not written, as they were: --svg figs/types.svg, figs/ttr.svg (run the command again to write them all)\n');
    expect(existsSync(join(afterPage.cwd, 'figs'))).toBe(false);
    expect(existsSync(join(afterPage.cwd, 'r.html'))).toBe(true);
  });

  it('merge: with the curves on standard output, a signal during --summary names them among the files written whole (it said "nothing written": audit)', async () => {
    const { code, stderr, cwd } = await hooked(['merge', 's1.csv', 's2.csv', '--out', '-', '--summary', 'sum.csv'], OPEN_HOOK, { HOOK_PARTIAL: 'sum.csv.partial', HOOK_SIGNAL: 'SIGTERM' }, { 'sum.csv': OLD });
    expect([code, stderr]).toEqual([143, 'ngram-collapse: interrupted by SIGTERM while --summary sum.csv was written: written whole: --out -; not written, as it was: --summary sum.csv (run the command again to write them all)\n']);
    expect(left(cwd)).toEqual({ 'sum.csv': OLD });
  });

  it('merge: a signal as the curves are put in place writes them with their run record, not the summary, and says so; one during the summary too', async () => {
    const args = ['merge', 's1.csv', 's2.csv', '--out', 'm.csv', '--summary', 'sum.csv'];
    const old = { 'm.csv': OLD, 'm.csv.run.json': OLD, 'sum.csv': OLD };
    const line = (signal: string, when: string): string => `ngram-collapse: interrupted by ${signal} ${when}: written whole: --out m.csv with its run record m.csv.run.json; not written, as it was: --summary sum.csv (run the command again to write them all)\n`;
    for (const [hook, env, when] of [
      [RENAME_HOOK, { HOOK_PLACED: 'm.csv', HOOK_SIGNAL: 'SIGTERM' }, 'as --out m.csv was put in place'],
      [OPEN_HOOK, { HOOK_PARTIAL: 'sum.csv.partial', HOOK_SIGNAL: 'SIGTERM' }, 'while --summary sum.csv was written'],
    ] as const) {
      const { code, stderr, cwd } = await hooked(args, hook, env, old);
      expect([code, stderr], when).toEqual([143, line('SIGTERM', when)]);
      const after = left(cwd);
      // the merged curves and their record, the summary as it was, nothing else
      expect(after['m.csv']).toBe(readFileSync(join(cwd, 'c.csv'), 'utf8'));
      expect(JSON.parse(after['m.csv.run.json']!)).toMatchObject({ tool: 'ngram-collapse' });
      expect(Object.keys(after).sort()).toEqual(Object.keys(old).sort());
      expect(after['sum.csv']).toBe(OLD);
    }
  });
});

describe('a signal as the command starts', () => {
  // Loader hooks (off the main thread, Node's module.register) signal the process as the program's own
  // code loads: main.js imports it once the executable is running (its first `import("./chunk-...")`),
  // 0.2-0.45 s after the start on this project's machine. Deterministic, whatever the machine's load.
  const REGISTER = "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n";
  const HOOKS = `
    import { readFileSync } from 'node:fs';
    let program;
    export async function load(url, context, next) {
      if (url.endsWith('/dist/cli/main.js') && process.env.NGRAM_COLLAPSE_PARENT_PID === undefined) {
        program = new URL(/import\\("(\\.\\/[^"]+)"\\)/u.exec(readFileSync(new URL(url), 'utf8'))[1], url).href;
      }
      if (url === program) process.kill(process.pid, process.env.HOOK_SIGNAL);
      return next(url, context);
    }
  `;

  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('ends run with a line and the exit code of %s, nothing written (it ended by the default action: exit 130, no line: audit)', async (signal, code) => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngram-collapse-start-signal-'));
    writeFileSync(join(cwd, 'register.mjs'), REGISTER);
    writeFileSync(join(cwd, 'hooks.mjs'), HOOKS);
    const child = spawn(process.execPath, ['--import', './register.mjs', MAIN, 'run', '--corpus', FIXTURE, '--sentences', 'line', '--generations', '1', '--workers', '1', '--out', 'c.csv'], { cwd, env: { ...environment('0'), HOOK_SIGNAL: signal }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += String(chunk); });
    const ended = await new Promise((done) => child.on('close', (exitCode, exitSignal) => done([exitCode, exitSignal])));
    expect([ended, stderr]).toEqual([[code, null], `ngram-collapse: interrupted by ${signal} as the command started: nothing was written (run the command again)\n`]);
    expect(readdirSync(cwd).sort()).toEqual(['hooks.mjs', 'register.mjs']);
  });

  it.runIf(onGlibc)('ends a relaunched run whose child the signal ends at once, as Node starts it, with the parent\'s line (exit 130 and no line: audit)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ngram-collapse-start-signal-'));
    // the child, as Node starts it (a preloaded script: none of its handlers yet), has its parent signalled
    // and waits: the parent passes the signal on, and the child ends by its default action
    writeFileSync(join(cwd, 'hook.cjs'), `
      const parent = process.env.NGRAM_COLLAPSE_PARENT_PID;
      if (parent !== undefined) {
        process.kill(Number(parent), 'SIGINT');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10000);
      }
    `);
    const child = spawn(process.execPath, ['-r', join(cwd, 'hook.cjs'), MAIN, 'run', '--corpus', FIXTURE, '--sentences', 'line', '--generations', '1', '--workers', '1', '--out', 'c.csv'], { cwd, env: environment('1'), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += String(chunk); });
    const ended = await new Promise((done) => child.on('close', (exitCode, exitSignal) => done([exitCode, exitSignal])));
    expect([ended, stderr]).toEqual([[130, null], 'ngram-collapse: interrupted by SIGINT before the command could stop cleanly: it ended at once, with no row written (run the command again)\n']);
    expect(readdirSync(cwd)).toEqual(['hook.cjs']);
  });
});
