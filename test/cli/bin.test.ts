/**
 * The installed executable (dist/cli/main.js, built by `npm test` and by `npm ci` through `prepare`):
 * it runs as a separate process, by its own `#!` line too (the build makes it executable, as a shell
 * running `npx ngram-collapse` needs), and loading natural prints nothing on stdout (`--out -` stays clean).
 * A plain run starts without what it does not use: the playground's page writer (zlib) and the worker
 * pool's threads are loaded only by the commands and settings that need them. On Linux with glibc a
 * simulation can run in a child process with the allocator tuned (src/cli/allocatorRelaunch.ts): the
 * same bytes, the same errors and exit codes.
 */

import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processHost, RELAUNCH_VARIABLE, TUNED_ALLOCATOR } from '../../src/cli/allocatorRelaunch.js';
import { CURVE_COLUMNS } from '../../src/export/curveRecord.js';

const root = join(import.meta.dirname, '../..');
const main = join(root, 'dist/cli/main.js');
/** Where the executable can relaunch at all: Linux with glibc (the module's own answer). */
const host = processHost();
const onGlibc = host.platform === 'linux' && host.glibc();
/** This process's environment without the user's own tunables (with them the executable never relaunches). */
const { GLIBC_TUNABLES: _, ...untuned } = process.env;

describe('the ngram-collapse executable', () => {
  // A shell (npx, an `npm link`ed command) runs the bin by its `#!` line: the build leaves it executable.
  it.skipIf(process.platform === 'win32')('runs as a program of its own, by its #! line', () => {
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    const result = spawnSync(main, ['--version'], { cwd: root, encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(result.stdout).toBe(`${version}\n`);
  });

  it('writes a clean CSV to stdout with --out -', () => {
    const result = spawnSync(process.execPath, [main, 'run', '--corpus', 'corpora/lighthouse.txt', '--generations', '1', '--out', '-'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(CURVE_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + 2 * 2);
    expect(result.stderr).toMatch(/^cell\s+gen\s+reps/u);
  });

  it('exits with code 2 and one line for bad usage, no stack trace', () => {
    const result = spawnSync(process.execPath, [main, 'run', '--generations', 'ten'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("ngram-collapse: --generations must be a number, got 'ten' (pass a whole number from 1 to 100000)\n");
  });

  // `| head -1` closes the pipe after one line: brown:news (about 600 KB of text) fills the pipe first.
  it.skipIf(process.platform === 'win32')('a closed pipe ends it silently with 141 (128 + SIGPIPE); a full disk with one line and 1', () => {
    const shell = (command: string) => spawnSync('bash', ['-c', command], { cwd: root, encoding: 'utf8' });
    const piped = shell(`"${process.execPath}" "${main}" tokenize brown:news --quiet | head -1 > /dev/null; echo "status \${PIPESTATUS[0]}"`);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toBe('status 141\n');
    const full = shell(`"${process.execPath}" "${main}" run --corpus corpora/lighthouse.txt --generations 1 --quiet --out - > /dev/full`);
    expect(full.status).toBe(1);
    expect(full.stderr).toBe('ngram-collapse: cannot write to standard output: ENOSPC: no space left on device, write (free some space, or write to a file with --out)\n');
    // --out given a file: not offered again (playground and merge were told to write to a file with --out: audit)
    const paged = shell(`"${process.execPath}" "${main}" playground --corpus corpora/lighthouse.txt --out "${join(mkdtempSync(join(tmpdir(), 'ngram-collapse-full-')), 'p.html')}" > /dev/full`);
    expect([paged.status, paged.stderr]).toEqual([1, 'ngram-collapse: cannot write to standard output: ENOSPC: no space left on device, write (free some space, or redirect standard output to another disk)\n']);
    const tabled = shell(`NGRAM_COLLAPSE_RELAUNCH=1 "${process.execPath}" "${main}" run --corpus corpora/lighthouse.txt --generations 1 --out "${join(mkdtempSync(join(tmpdir(), 'ngram-collapse-full-')), 'c.csv')}" > /dev/full`);
    expect([tabled.status, tabled.stderr]).toEqual([1, 'ngram-collapse: cannot write to standard output: ENOSPC: no space left on device, write (free some space, or pass --quiet)\n']);
    // a command that prints nothing there ends with 0, relaunched or not (the end's empty write failed with ENOSPC: exit 1, and a stack trace in the relaunching parent: audit)
    for (const relaunch of ['0', '1']) {
      const quiet = shell(`NGRAM_COLLAPSE_RELAUNCH=${relaunch} "${process.execPath}" "${main}" run --corpus corpora/lighthouse.txt --generations 1 --quiet --out "${join(mkdtempSync(join(tmpdir(), 'ngram-collapse-full-')), 'c.csv')}" > /dev/full`);
      expect([quiet.status, quiet.stderr], `relaunch ${relaunch}`).toEqual([0, '']);
    }
    // and one that prints and ends at once says so (--version on /dev/full ended with 0: the exit came before the write's error: audit)
    const version = shell(`"${process.execPath}" "${main}" --version > /dev/full`);
    expect([version.status, version.stderr]).toEqual([1, 'ngram-collapse: cannot write to standard output: ENOSPC: no space left on device, write (free some space, or redirect standard output to another disk)\n']);
    // a file larger than the process may write (ulimit -f, in 512-byte blocks): the file named, what to do, nothing left
    const folder = mkdtempSync(join(tmpdir(), 'ngram-collapse-efbig-'));
    const limited = shell(`cd "${folder}" && ulimit -f 8 && "${process.execPath}" "${main}" tokenize brown:news --out big.txt --quiet 2>&1 | cat; echo "exit \${PIPESTATUS[0]}"`);
    expect(limited.stdout).toBe(`ngram-collapse: cannot write ${join(folder, 'big.txt')}: EFBIG: file too large, write (the file passes the largest size this process may write (ulimit -f): raise that limit, or write less)\nexit 1\n`);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('loads zlib and worker_threads only when a command needs them', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ngram-collapse-bin-'));
    const preload = join(folder, 'modules.cjs');
    // Node's list of the built-in modules a process loaded, written when it exits.
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(process.env.MODULE_LIST, process.moduleLoadList.join('\\n')));\n`);
    const builtins = (workers: string): string[] => {
      const list = join(folder, `modules-${workers}.txt`);
      const args = ['--require', preload, main, 'run', '--corpus', 'corpora/lighthouse.txt', '--generations', '1', '--workers', workers, '--quiet', '--out', join(folder, 'curves.csv')];
      const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, MODULE_LIST: list } });
      expect(result.status, result.stderr).toBe(0);
      return readFileSync(list, 'utf8').split('\n');
    };
    try {
      const alone = builtins('1');
      expect(alone).toContain('NativeModule fs');
      expect(alone).not.toContain('NativeModule zlib');
      expect(alone).not.toContain('NativeModule worker_threads');
      expect(builtins('2')).toContain('NativeModule worker_threads');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it.runIf(onGlibc)('relaunched with the allocator tuned, writes the same bytes and exits the same way', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ngram-collapse-relaunch-'));
    const preload = join(folder, 'tunables.cjs');
    // each process of the run appends the GLIBC_TUNABLES it started with
    writeFileSync(preload, `require('node:fs').appendFileSync(process.env.TUNABLES_LOG, (process.env.GLIBC_TUNABLES ?? 'unset') + '\\n');\n`);
    let runs = 0;
    const run = (relaunch: string, args: readonly string[]) => {
      const log = join(folder, `tunables-${++runs}.txt`);
      const result = spawnSync(process.execPath, ['--require', preload, main, ...args], { cwd: root, encoding: 'utf8', env: { ...untuned, TUNABLES_LOG: log, [RELAUNCH_VARIABLE]: relaunch } });
      return { ...result, processes: readFileSync(log, 'utf8').trimEnd().split('\n') };
    };
    try {
      const args = (out: string) => ['run', '--corpus', 'corpora/lighthouse.txt', '--generations', '2', '--workers', '1', '--quiet', '--out', join(folder, out)];
      const here = run('0', args('here.csv'));
      expect(here.status, here.stderr).toBe(0);
      expect(here.processes).toEqual(['unset']);
      const relaunched = run('1', args('relaunched.csv'));
      expect(relaunched.status, relaunched.stderr).toBe(0);
      expect(relaunched.processes).toEqual(['unset', TUNED_ALLOCATOR]);
      expect(readFileSync(join(folder, 'relaunched.csv')).equals(readFileSync(join(folder, 'here.csv')))).toBe(true);
      // bad usage is reported by the child, once, with its exit code
      const bad = run('1', ['run', '--generations', 'ten']);
      expect(bad.processes).toEqual(['unset', TUNED_ALLOCATOR]);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toBe("ngram-collapse: --generations must be a number, got 'ten' (pass a whole number from 1 to 100000)\n");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("a parent pid left in a user's environment alone does not end a command (it ended even --version, exit 137)", () => {
    const result = spawnSync(process.execPath, [main, '--version'], { cwd: root, encoding: 'utf8', env: { ...untuned, NGRAM_COLLAPSE_PARENT_PID: '1' } });
    expect([result.status, result.signal]).toEqual([0, null]);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+/u);
  });

  // A `kill -9` of the pid the user started reaches the parent only: the child must not go on writing
  // the CSV a `--resume` is meanwhile finishing (it did, to the end of the run, with rows twice).
  it.runIf(onGlibc)('a relaunched child ends itself when its parent is killed outright', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ngram-collapse-orphan-'));
    const out = join(folder, 'curves.csv');
    const args = [main, 'run', '--corpus', 'corpora/lighthouse.txt', '--generations', '5000', '--workers', '1', '--quiet', '--out', out];
    const parent = spawn(process.execPath, args, { cwd: root, env: { ...untuned, [RELAUNCH_VARIABLE]: '1' }, stdio: 'ignore' });
    let child: number | undefined;
    // (a dead child no one has reaped yet is a zombie, state Z)
    const exists = (pid: number): boolean => {
      try {
        return !/^\d+ \(.*\) Z/su.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    try {
      const children = `/proc/${parent.pid}/task/${parent.pid}/children`;
      // the child is started and has written rows
      for (let waited = 0; waited < 20_000 && (child === undefined || lines(out) < 3); waited += 50) {
        await sleep(50);
        const text = existsSync(children) ? readFileSync(children, 'utf8').trim() : '';
        if (text !== '') child = Number(text.split(' ')[0]);
      }
      expect(child).toBeDefined();
      parent.kill('SIGKILL');
      let gone = false;
      for (let waited = 0; waited < 5_000 && !gone; waited += 50) {
        await sleep(50);
        gone = !exists(child!);
      }
      expect(gone).toBe(true);
      const rows = lines(out);
      await sleep(500);
      expect(lines(out)).toBe(rows); // nothing written after it ended
      expect(rows).toBeLessThan(5002);
    } finally {
      parent.kill('SIGKILL');
      if (child !== undefined && exists(child)) process.kill(child, 'SIGKILL'); // (the code under test failed)
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const lines = (path: string): number => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0);

describe('standard output named as a file', () => {
  const fixture = join(root, 'test/fixtures/exp/village.txt');

  it('/dev/stdout on a pipe is written as a stream (a raw ENOENT from realpath of pipe:[N]: audit)', () => {
    // (a shell's pipe: Node's own child stdio is a socket, which /dev/stdout cannot open, ENXIO)
    const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${main}" tokenize "${fixture}" --out /dev/stdout --quiet | cat; exit \${PIPESTATUS[0]}`], { encoding: 'utf8' });
    expect([piped.status, piped.stderr]).toEqual([0, '']);
    expect(piped.stdout.split('\n').length).toBeGreaterThan(10);
  });

  it("a CSV output named as standard output's file or pipe is written to standard output: `>> log` appends, the table goes to stderr (the log was replaced whole, what it held and the table lost: last note's list)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'ngram-collapse-stdout-append-'));
    const log = join(dir, 'log');
    writeFileSync(log, 'earlier line\n');
    const command = (args: string): string => `"${process.execPath}" "${main}" ${args}`;
    const RUN = `run --corpus "${fixture}" --sentences line --order 2 --generations 1 --workers 1`;
    const appended = spawnSync('bash', ['-c', `${command(`${RUN} --out /dev/stdout`)} >> "${log}" && ${command(`tokenize "${fixture}" --out /proc/self/fd/1 --quiet`)} >> "${log}" && ${command(`metrics "${fixture}" --out "${log}"`)} >> "${log}" && ${command(`train --corpus "${fixture}" --order 1 --arpa /dev/stdout`)} >> "${log}"`], { encoding: 'utf8' });
    expect(appended.status).toBe(0);
    const lines = readFileSync(log, 'utf8').split('\n');
    // the line before, the header and 2 cells x 2 generations of rows, the tokenized text (160 sentences),
    // then metrics' header and row (named by the log's own name)
    expect(lines[0]).toBe('earlier line');
    expect(lines[1]).toMatch(/^cell,strategy,/u);
    expect(lines.slice(2, 6).map((line) => line.split(',')[0])).toEqual(['human_ratio=0', 'human_ratio=0', 'human_ratio=0.1', 'human_ratio=0.1']);
    expect(lines[6 + 160]).toMatch(/^text,tokens,/u);
    expect(lines[6 + 161]?.split(',')[0]).toBe(fixture);
    // then train's ARPA model (written by name, the log was replaced whole: audit), its summary on stderr
    expect([lines[6 + 162], lines.at(-2)]).toEqual(['\\data\\', '\\end\\']);
    expect(appended.stderr).toContain('arpa: /dev/stdout\n');
    expect(appended.stderr).toContain('vocab_retention by generation');
    // (no .partial; no run record: the log held a line already, so no record could vouch for its rows)
    expect(readdirSync(dir)).toEqual(['log']);
    // a pipe: the CSV alone goes down it, the table to stderr (both went down it)
    const piped = spawnSync('bash', ['-c', `${command(`${RUN} --out /dev/stdout`)} | cat; exit \${PIPESTATUS[0]}`], { encoding: 'utf8' });
    expect([piped.status, piped.stdout.split('\n').length, piped.stderr.includes('vocab_retention by generation')]).toEqual([0, 1 + 4 + 1, true]);
    // --resume cannot continue standard output
    const resumed = spawnSync('bash', ['-c', `${command(`${RUN} --out /dev/stdout --resume`)} >> "${log}"`], { encoding: 'utf8' });
    expect([resumed.status, resumed.stderr]).toEqual([2, 'ngram-collapse: --resume needs --out to be a file it can continue, and --out /dev/stdout names standard output here (it is what standard output goes to) (pass --out FILE, a file standard output is not redirected to)\n']);
    rmSync(dir, { recursive: true, force: true });
  });

  it("an output that is standard output's file is still checked as that file: not a corpus input, nor a file --save-corpora writes; its run record beside it; --resume says why it cannot (audit)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'ngram-collapse-stdout-guards-'));
    const shell = (line: string) => spawnSync('bash', ['-c', line], { cwd: dir, encoding: 'utf8' });
    const cli = `"${process.execPath}" "${main}"`;
    const corpus = readFileSync(fixture, 'utf8');
    writeFileSync(join(dir, 't.txt'), corpus);
    // the corpus itself as the output, by its name or as -, standard output appended to it (the tokens were appended: audit)
    for (const [out, shown] of [['t.txt', 't.txt'], ['-', '- (standard output)']]) {
      const refused = shell(`${cli} tokenize t.txt --out ${out} >> t.txt`);
      expect([refused.status, refused.stderr]).toEqual([2, `ngram-collapse: --out ${shown} is also a corpus input${out === '-' ? ' (the corpus file t.txt)' : ''}, and writing it would destroy the corpus (choose another output path)\n`]);
    }
    expect(readFileSync(join(dir, 't.txt'), 'utf8')).toBe(corpus);
    const RUN = `${cli} run --corpus t.txt --sentences line --order 2 --generations 1 --workers 1 --quiet`;
    // a file the run's --save-corpora writes (the curves were lost to its human.txt: audit)
    expect(shell(`${RUN} --save-corpora D --out x.csv`).status).toBe(0);
    const human = readFileSync(join(dir, 'D', 'human.txt'), 'utf8');
    const saved = shell(`${RUN} --save-corpora D --out D/human.txt >> D/human.txt`);
    expect([saved.status, saved.stderr]).toEqual([2, 'ngram-collapse: --out D/human.txt is a file --save-corpora D writes (give the output another name, or the texts another folder)\n']);
    expect(readFileSync(join(dir, 'D', 'human.txt'), 'utf8')).toBe(human);
    // its run record is this run's (an earlier run's stayed, and merge read it: audit)
    const earlier = readFileSync(join(dir, 'x.csv.run.json'), 'utf8');
    expect(shell(`${RUN} --human-ratio 0.5 --out x.csv > x.csv`).status).toBe(0);
    const record = JSON.parse(readFileSync(join(dir, 'x.csv.run.json'), 'utf8')) as { identity: { settings: { sweep: { humanRatio: number[] } } } };
    expect([readFileSync(join(dir, 'x.csv.run.json'), 'utf8') === earlier, record.identity.settings.sweep.humanRatio]).toEqual([false, [0.5]]);
    const merged = shell(`${cli} merge x.csv --out m.csv --quiet`);
    expect([merged.status, merged.stderr]).toEqual([0, '']);
    // a link named: the record beside the link, as without the redirection (it went beside the link's target, and --resume read a stale one: audit)
    writeFileSync(join(dir, 'real.csv'), '');
    symlinkSync('real.csv', join(dir, 'link.csv'));
    expect(shell(`${RUN} --human-ratio 0.5 --out link.csv > link.csv`).status).toBe(0);
    expect(readdirSync(dir).filter((name) => name.startsWith('real.csv') || name.startsWith('link.csv')).sort()).toEqual(['link.csv', 'link.csv.run.json', 'real.csv']);
    // appended to: no record, and an earlier one beside it goes (--resume read it, and cut the appended rows: audit)
    expect(shell(`${RUN} --human-ratio 0.2 --out x.csv >> x.csv`).status).toBe(0);
    expect(existsSync(join(dir, 'x.csv.run.json'))).toBe(false);
    const cut = shell(`${RUN} --human-ratio 0.5 --out x.csv --resume`);
    expect([cut.status, cut.stderr]).toEqual([2, `ngram-collapse: --resume: ${join(dir, 'x.csv.run.json')} is missing, so the settings of ${join(dir, 'x.csv')} cannot be checked (start afresh without --resume)\n`]);
    // train names the file its model went to as given
    expect(shell(`${cli} train --corpus t.txt --order 1 --arpa m.arpa > m.arpa`).stderr).toContain('arpa: m.arpa\n');
    // --resume cannot continue standard output, and says so of the file named
    const resumed = shell(`${RUN} --out x.csv --resume >> x.csv`);
    expect([resumed.status, resumed.stderr]).toEqual([2, 'ngram-collapse: --resume needs --out to be a file it can continue, and --out x.csv names standard output here (it is what standard output goes to) (pass --out FILE, a file standard output is not redirected to)\n']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('--out - with --summary /dev/stdout, standard output a file, is refused as one file twice (the summary replaced the curves, exit 0: audit)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ngram-collapse-stdout-file-'));
    const file = join(dir, 'o.txt');
    const fd = openSync(file, 'w');
    const run = spawnSync(process.execPath, [main, 'run', '--corpus', fixture, '--sentences', 'line', '--generations', '1', '--quiet', '--out', '-', '--summary', '/dev/stdout'], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    closeSync(fd);
    expect([run.status, run.stderr]).toEqual([2, 'ngram-collapse: --summary /dev/stdout and --out - are the same file (give each output a file of its own)\n']);
    expect(readFileSync(file, 'utf8')).toBe('');
    rmSync(dir, { recursive: true, force: true });
    // and into one pipe: two CSVs, two headers, down one stream (accepted: audit)
    const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${main}" run --corpus "${fixture}" --sentences line --generations 1 --quiet --out - --summary /dev/stdout | cat; exit \${PIPESTATUS[0]}`], { encoding: 'utf8' });
    expect([piped.status, piped.stdout, piped.stderr]).toEqual([2, '', 'ngram-collapse: --summary /dev/stdout and --out - are the same file (give each output a file of its own)\n']);
  });
});

describe('what merge and plot print, and outputs named as a pipe', () => {
  const curves = join(root, 'test/fixtures/plots/curves.csv');
  // script(1) runs its command with $SHELL, which a fresh machine may leave unset (then /bin/sh, where
  // ${PIPESTATUS[0]} is a 'Bad substitution'): the commands below are bash, wherever they run
  const shell = (script: string, cwd: string) => spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', env: { ...process.env, SHELL: '/bin/bash' } });

  it('refuses merge and plot printing their line onto an input (`>> s1.csv` appended it: audit), and takes --quiet and other files', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ngram-collapse-prints-input-'));
    const made = shell(`"${process.execPath}" "${main}" run --corpus "${join(root, 'corpora/lighthouse.txt')}" --generations 1 --quiet --out r.csv`, folder);
    expect(made.stderr).toBe('');
    const size = readFileSync(join(folder, 'r.csv')).length;
    const merge = shell(`"${process.execPath}" "${main}" merge r.csv --out m.csv >> r.csv; echo "exit $?"; wc -c < r.csv`, folder);
    expect([merge.stderr, merge.stdout]).toEqual(['ngram-collapse: standard output and the input r.csv are the same file (redirect standard output to another file)\n', `exit 2\n${size}\n`]);
    const plot = shell(`"${process.execPath}" "${main}" plot r.csv --out p.html >> r.csv; echo "exit $?"; wc -c < r.csv; test -e p.html || echo none`, folder);
    expect(plot.stderr).toMatch(/^ngram-collapse: standard output and the curves CSV \S*r\.csv are the same file \(redirect standard output to another file\)\n$/u);
    expect(plot.stdout).toBe(`exit 2\n${size}\nnone\n`);
    const quiet = shell(`"${process.execPath}" "${main}" merge r.csv --out m.csv --quiet >> r.csv; echo "exit $?"; wc -c < r.csv`, folder);
    expect([quiet.stderr, quiet.stdout]).toEqual(['', `exit 0\n${size}\n`]);
    // nor into the run record each reads beside its input (audit)
    const recordSize = readFileSync(join(folder, 'r.csv.run.json')).length;
    const mergeRecord = shell(`"${process.execPath}" "${main}" merge r.csv --out m2.csv >> r.csv.run.json; echo "exit $?"; wc -c < r.csv.run.json`, folder);
    expect([mergeRecord.stderr, mergeRecord.stdout]).toEqual(['ngram-collapse: standard output and the run record r.csv.run.json of the input r.csv are the same file (redirect standard output to another file)\n', `exit 2\n${recordSize}\n`]);
    const plotRecord = shell(`"${process.execPath}" "${main}" plot r.csv --out p.html >> r.csv.run.json; echo "exit $?"; wc -c < r.csv.run.json`, folder);
    expect(plotRecord.stderr).toMatch(/^ngram-collapse: standard output and the run record \S*r\.csv\.run\.json of the curves CSV are the same file \(redirect standard output to another file\)\n$/u);
    expect(plotRecord.stdout).toBe(`exit 2\n${recordSize}\n`);
  });

  it('ends with 141 and no line when an output named as a pipe loses its reader (`plot --out /dev/stdout | head`: a raw EPIPE, exit 1), and writes the page through that name to a file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ngram-collapse-named-pipe-'));
    const cut = shell(`"${process.execPath}" "${main}" plot "${curves}" --out /dev/stdout | head -c 15; echo " \${PIPESTATUS[0]}"`, folder);
    expect([cut.stderr, cut.stdout]).toEqual(['', '<!doctype html> 141\n']);
    const page = shell(`"${process.execPath}" "${main}" plot "${curves}" --out /dev/stdout > page.html; echo "exit $?"; head -c 15 page.html`, folder);
    expect([page.stderr, page.stdout]).toEqual(['', 'exit 0\n<!doctype html>']);
    // the page alone: the paths-written line followed it down the pipe (audit), and with --svg too
    const piped = shell(`"${process.execPath}" "${main}" plot "${curves}" --out /dev/stdout --svg figs | tail -c 8`, folder);
    expect([piped.stderr, piped.stdout]).toEqual(['', '</html>\n']);
    expect(readFileSync(join(folder, 'page.html'), 'utf8').endsWith('</html>\n')).toBe(true);
    // run --report there: the page alone on standard output, the table and its lines on stderr (they followed the page: audit)
    const lighthouse = join(root, 'corpora/lighthouse.txt');
    const run = shell(`"${process.execPath}" "${main}" run --corpus "${lighthouse}" --generations 1 --out r.csv --report /dev/stdout | tail -c 8`, folder);
    expect(run.stdout).toBe('</html>\n');
    expect(run.stderr).toMatch(/curves written to r\.csv\nreport written to \/dev\/stdout\n$/u);
    // and the curves there too would put both down one stream
    const both = shell(`"${process.execPath}" "${main}" run --corpus "${lighthouse}" --generations 1 --out - --report /dev/stdout | head -c 1`, folder);
    expect([both.stdout, both.stderr]).toEqual(['', 'ngram-collapse: only one output can go to standard output (-), and --report /dev/stdout goes there (give the other outputs file names)\n']);
    // on a terminal too (script(1) gives the command one): the page alone, and the refusal (both went to the terminal, exit 0: audit)
    const terminal = shell(`script -qec '"${process.execPath}" "${main}" plot "${curves}" --out /dev/stdout' /dev/null | tail -c 9`, folder);
    expect(terminal.stdout).toBe('</html>\r\n');
    const bothOnTerminal = shell(`script -qec '"${process.execPath}" "${main}" run --corpus "${lighthouse}" --generations 1 --out - --report /dev/stdout' /dev/null; echo "exit $?"`, folder);
    expect(bothOnTerminal.stdout).toBe('ngram-collapse: only one output can go to standard output (-), and --report /dev/stdout goes there (give the other outputs file names)\r\nexit 2\n');
    // and a CSV named as what standard output goes to, or /dev/tty, beside it on a terminal (both went there, exit 0: round 3)
    for (const outputs of ['--out /dev/stdout --report /dev/stdout', '--out r.csv --summary /dev/fd/1 --report /dev/stdout', '--out /dev/tty --report /dev/stdout']) {
      const named = shell(`script -qec '"${process.execPath}" "${main}" run --corpus "${lighthouse}" --generations 1 ${outputs}' /dev/null; echo "exit $?"`, folder);
      expect(named.stdout, outputs).toMatch(/^ngram-collapse: only one output can go to standard output \(-\), and --report \/dev\/stdout goes there \(give the other outputs file names\)\r\nexit 2\n$/u);
    }
    const tty = shell(`script -qec '"${process.execPath}" "${main}" plot "${curves}" --out /dev/tty' /dev/null | tail -c 9`, folder);
    expect(tty.stdout).toBe('</html>\r\n');
    // the page names the curves by the file standard output is redirected to, as plot of that file does (it said "stdout": audit)
    const named = shell(`"${process.execPath}" "${main}" run --corpus "${lighthouse}" --generations 1 --quiet --out /dev/stdout --report s1.html > s1.csv && "${process.execPath}" "${main}" plot s1.csv --out s1p.html`, folder);
    expect(named.stderr).toBe('');
    expect(readFileSync(join(folder, 's1.html'), 'utf8')).toContain('<p class="facts">s1.csv: ');
    expect(readFileSync(join(folder, 's1.html'), 'utf8') === readFileSync(join(folder, 's1p.html'), 'utf8')).toBe(true);
  });

  it('refuses /dev/tty as an output before any work in a process without a terminal (the run was done, then a raw ENXIO and exit 1: audit)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ngram-collapse-no-terminal-'));
    const lighthouse = join(root, 'corpora/lighthouse.txt');
    // setsid: a new session, which has no controlling terminal, so open('/dev/tty') fails with ENXIO
    const cases: Array<[string, string]> = [
      [`run --corpus "${lighthouse}" --generations 1 --out r.csv --report /dev/tty`, '--report /dev/tty cannot be opened for writing: this process has no terminal (choose a file path)'],
      [`run --corpus "${lighthouse}" --generations 1 --out /dev/tty`, '--out /dev/tty cannot be opened for writing: this process has no terminal (pass - to write to standard output, or choose a file path)'],
      [`plot "${curves}" --out /dev/tty`, '--out /dev/tty cannot be opened for writing: this process has no terminal (choose a file path)'],
      // standard output taken by another CSV: not offered (it was: audit)
      [`run --corpus "${lighthouse}" --generations 1 --out - --summary /dev/tty`, '--summary /dev/tty cannot be opened for writing: this process has no terminal (choose a file path)'],
      [`run --corpus "${lighthouse}" --generations 1 --out r.csv --summary /dev/tty`, '--summary /dev/tty cannot be opened for writing: this process has no terminal (pass - to write to standard output, or choose a file path)'],
    ];
    for (const [command, message] of cases) {
      const refused = shell(`setsid -w "${process.execPath}" "${main}" ${command} < /dev/null; echo "exit $?"`, folder);
      expect([refused.stderr, refused.stdout], command).toEqual([`ngram-collapse: ${message}\n`, 'exit 2\n']);
    }
    expect(readdirSync(folder)).toEqual([]);
    // a device that opens is written as before (/dev/null takes any number of outputs)
    const kept = shell(`setsid -w "${process.execPath}" "${main}" run --corpus "${lighthouse}" --generations 1 --quiet --out /dev/null --report /dev/null < /dev/null; echo "exit $?"`, folder);
    expect([kept.stderr, kept.stdout]).toEqual(['', 'exit 0\n']);
  });

  it('refuses two outputs on one terminal, by any of its names (`--out /dev/tty --report /dev/tty | cat` wrote both onto it: audit)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ngram-collapse-one-terminal-'));
    const lighthouse = join(root, 'corpora/lighthouse.txt');
    // script(1) gives the command a terminal; $(tty) is its name as a device (/dev/pts/N)
    const cases: Array<[string, string]> = [
      ['--out /dev/tty --report /dev/tty | cat', '--report /dev/tty and --out /dev/tty go to the same terminal'],
      ['--out /dev/tty --summary $(tty) | cat', '--summary /dev/pts/'],
      ['--out - --summary /dev/tty', '--summary /dev/tty and --out - go to the same terminal'],
    ];
    for (const [outputs, message] of cases) {
      const refused = shell(`script -qec '"${process.execPath}" "${main}" run --corpus "${lighthouse}" --generations 1 --quiet ${outputs}; echo "exit \${PIPESTATUS[0]}"' /dev/null`, folder);
      expect(refused.stdout, outputs).toMatch(new RegExp(`^ngram-collapse: ${message.replace(/[()$|]/gu, '\\$&')}.* \\(give each output a file of its own\\)\r\nexit 2\r\n$`, 'u'));
    }
    // one output on the terminal, the other in a file: written
    const one = shell(`script -qec '"${process.execPath}" "${main}" run --corpus "${lighthouse}" --generations 1 --quiet --out /dev/tty --summary s.csv | cat; echo "exit \${PIPESTATUS[0]}"' /dev/null`, folder);
    expect(one.stdout).toMatch(/^cell,strategy,[^]*\r\nexit 0\r\n$/u);
    expect(readdirSync(folder)).toEqual(['s.csv']);
  });

  it('reads and writes descriptors the shell opened, also where a large corpus relaunches the run (the child read Node\'s own descriptor 7 and waited for ever: audit)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ngram-collapse-descriptors-'));
    const lighthouse = join(root, 'corpora/lighthouse.txt');
    const run = `"${process.execPath}" "${main}" run --generations 1 --quiet`;
    expect(shell(`${run} --corpus "${lighthouse}" --out plain.csv --summary plain-summary.csv`, folder).status).toBe(0);
    // NGRAM_COLLAPSE_RELAUNCH=1: relaunched whatever the corpus, but for a descriptor named
    const named = spawnSync('bash', ['-c', `NGRAM_COLLAPSE_RELAUNCH=1 ${run} --corpus /dev/fd/7 --out fd.csv --summary /proc/self/fd/8 7< "${lighthouse}" 8> fd-summary.csv; echo "exit $?"`], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
    expect([named.stderr, named.stdout]).toEqual(['', 'exit 0\n']);
    expect(readFileSync(join(folder, 'fd.csv'), 'utf8') === readFileSync(join(folder, 'plain.csv'), 'utf8')).toBe(true);
    expect(readFileSync(join(folder, 'fd-summary.csv'), 'utf8') === readFileSync(join(folder, 'plain-summary.csv'), 'utf8')).toBe(true);
    // by another spelling, and from a --config file, corpus and output alike (the child was told 7 was one of its own, and wrote --out into one of Node's pipes: round 2 audit)
    writeFileSync(join(folder, 'fd.json'), JSON.stringify({ corpus: ['//dev/fd/7'], generations: 1, quiet: true, out: 'config.csv', summary: '/dev/fd/9' }));
    const configured = spawnSync('bash', ['-c', `NGRAM_COLLAPSE_RELAUNCH=1 "${process.execPath}" "${main}" run --config fd.json 7< "${lighthouse}" 9> config-summary.csv; echo "exit $?"`], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
    expect([configured.stderr, configured.stdout]).toEqual(['', 'exit 0\n']);
    expect(readFileSync(join(folder, 'config.csv'), 'utf8') === readFileSync(join(folder, 'plain.csv'), 'utf8')).toBe(true);
    expect(readFileSync(join(folder, 'config-summary.csv'), 'utf8') === readFileSync(join(folder, 'plain-summary.csv'), 'utf8')).toBe(true);
    // /proc/<pid>/fd/N by the pid of the process started (exec keeps the shell's $$): read in the child
    // from the parent's descriptor, one the shell opened; one of the parent's own Node pipes is refused
    // (the child read it past the check, and the parent hung, deaf to SIGTERM: round 3 audit)
    const byPid = spawnSync('bash', ['-c', `NGRAM_COLLAPSE_RELAUNCH=1 exec "${process.execPath}" "${main}" run --generations 1 --quiet --corpus /proc/$$/fd/7 --out pid.csv 7< "${lighthouse}"`], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
    expect([byPid.status, byPid.stderr]).toEqual([0, '']);
    expect(readFileSync(join(folder, 'pid.csv'), 'utf8') === readFileSync(join(folder, 'plain.csv'), 'utf8')).toBe(true);
    for (const fd of [3, 4, 5]) {
      const own = spawnSync('bash', ['-c', `NGRAM_COLLAPSE_RELAUNCH=1 exec "${process.execPath}" "${main}" run --generations 1 --quiet --corpus /proc/$$/fd/${fd} --out own.csv`], { cwd: folder, encoding: 'utf8', timeout: 20_000 });
      expect([own.status, own.stderr], `fd ${fd}`).toEqual([2, expect.stringMatching(new RegExp(`^ngram-collapse: corpus '/proc/\\d+/fd/${fd}' names a descriptor the shell did not open `, 'u'))]);
    }
  });
});
