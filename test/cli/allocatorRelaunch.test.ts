/**
 * When the executable relaunches a command with glibc's allocator tuned (src/cli/allocatorRelaunch.ts):
 * the decision, on a host whose platform, C library and file sizes the test sets, and the fallback when
 * no child can be started. (That the relaunch
 * runs the command, passes signals on and writes the same bytes is tested on the built executable:
 * ./bin.test.ts and ./interrupt.test.ts.)
 */

import { describe, expect, it } from 'vitest';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { LARGE_CORPUS_BYTES, passedDescriptors, processHost, RELAUNCH_VARIABLE, relaunchEnvironment, runRelaunched, TUNED_ALLOCATOR, type RelaunchHost } from '../../src/cli/allocatorRelaunch.js';

const SIZES: Record<string, number> = {
  'small.txt': 20_000,
  'edge.txt': LARGE_CORPUS_BYTES - 1,
  'large.txt': LARGE_CORPUS_BYTES,
  corpora: Number.POSITIVE_INFINITY,
};

function host(overrides: Partial<RelaunchHost> = {}): RelaunchHost {
  return { platform: 'linux', glibc: () => true, fileSize: (spec) => SIZES[spec] ?? -1, ...overrides };
}

const relaunches = (argv: readonly string[], env: NodeJS.ProcessEnv = {}, on: RelaunchHost = host()): boolean => relaunchEnvironment(argv, env, on) !== undefined;

describe('relaunchEnvironment', () => {
  it('gives the environment with GLIBC_TUNABLES tuned, NODE_EXTRA_CA_CERTS left out and everything else kept', () => {
    const given = { PATH: '/bin', HOME: '/root', NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt', NODE_OPTIONS: '--max-old-space-size=4096' };
    const env = relaunchEnvironment(['run'], given, host());
    expect(env).toEqual({ PATH: '/bin', HOME: '/root', NODE_OPTIONS: '--max-old-space-size=4096', GLIBC_TUNABLES: TUNED_ALLOCATOR });
    // the caller's environment is not changed
    expect(given.NODE_EXTRA_CA_CERTS).toBe('/etc/ssl/certs/ca-certificates.crt');
    // huge pages, blocks up to 32 MiB from the heap, 256 MiB freed kept, one arena for all threads
    expect(TUNED_ALLOCATOR.split(':')).toEqual([
      'glibc.malloc.hugetlb=1',
      'glibc.malloc.mmap_threshold=33554432',
      'glibc.malloc.trim_threshold=268435456',
      'glibc.malloc.arena_max=1',
    ]);
  });

  it('relaunches a simulation on the default corpus, Brown, a folder, a glob, stdin or a large file', () => {
    for (const argv of [
      ['run'],
      ['--debug', 'run', '--generations', '3'],
      ['run', '--corpus', 'brown'],
      ['run', '--corpus', 'corpora'],
      ['run', '--corpus', 'texts/*.txt'],
      ['run', '--corpus', '-'],
      ['run', '--corpus', 'large.txt'],
      ['run', '--corpus=large.txt'],
      ['run', '--corpus', 'small.txt', 'large.txt', '--order', '2'],
      ['run', '--corpus', 'brown:news', '--corpus', 'brown'],
      ['recipe', 'human-ratio'],
      ['recipe', 'human-ratio', '--corpus', 'large.txt'],
    ]) {
      expect(relaunches(argv), argv.join(' ')).toBe(true);
    }
  });

  it('runs a small corpus here: every spec a file under 1 MiB, a category of Brown, or naming nothing', () => {
    for (const argv of [
      ['run', '--corpus', 'small.txt'],
      ['run', '--corpus', 'edge.txt'],
      ['run', '--corpus=small.txt'],
      ['run', '--corpus', 'small.txt', 'edge.txt', '--generations', '2'],
      ['run', '--corpus', 'missing.txt'],
      ['run', '--corpus', 'brown:news'],
      ['run', '--corpus', 'brown:news', 'small.txt'],
      ['recipe', 'human-ratio', '--corpus', 'small.txt'],
    ]) {
      expect(relaunches(argv), argv.join(' ')).toBe(false);
    }
  });

  it('runs here every command that does not simulate, help, version and --print-config', () => {
    for (const argv of [
      [],
      ['--version'],
      ['metrics', '--corpus', 'large.txt'],
      ['train', '--corpus', 'large.txt'],
      ['generate'],
      ['tokenize', '--corpus', 'brown'],
      ['playground'],
      ['recipe', 'list'],
      ['run', '--help'],
      ['run', '-h'],
      ['run', '--print-config'],
      ['recipe', 'human-ratio', '--help'],
    ]) {
      expect(relaunches(argv), argv.join(' ')).toBe(false);
    }
  });

  it('never relaunches off Linux, off glibc, with GLIBC_TUNABLES set or with the variable at 0', () => {
    expect(relaunches(['run'], {}, host({ platform: 'darwin' }))).toBe(false);
    expect(relaunches(['run'], {}, host({ platform: 'win32' }))).toBe(false);
    expect(relaunches(['run'], {}, host({ glibc: () => false }))).toBe(false);
    // the user's own tunables win, and a relaunched child (which has them) never relaunches again
    expect(relaunches(['run'], { GLIBC_TUNABLES: 'glibc.malloc.arena_max=4' })).toBe(false);
    expect(relaunches(['run'], { GLIBC_TUNABLES: TUNED_ALLOCATOR })).toBe(false);
    expect(relaunches(['run'], { [RELAUNCH_VARIABLE]: '0' })).toBe(false);
  });

  it('with the variable at 1 relaunches a simulation on any corpus, but still only a simulation, on glibc', () => {
    const always = { [RELAUNCH_VARIABLE]: '1' };
    expect(relaunches(['run', '--corpus', 'small.txt'], always)).toBe(true);
    expect(relaunches(['metrics', '--corpus', 'large.txt'], always)).toBe(false);
    expect(relaunches(['run', '--corpus', 'small.txt'], always, host({ glibc: () => false }))).toBe(false);
  });

  it('reads --corpus values up to the next option, standard input among them, from every --corpus', () => {
    // --config's value is not a corpus spec: small.txt alone is small
    expect(relaunches(['run', '--corpus', 'small.txt', '--config', 'large.txt'])).toBe(false);
    // `-` (standard input) is a value, not an option, after a first --corpus or a second one
    expect(relaunches(['run', '--corpus', 'small.txt', '--corpus', '-'])).toBe(true);
    expect(relaunches(['run', '--corpus', 'small.txt', '-', '--order', '2'])).toBe(true);
  });

  it('asks for the C library only when everything else says relaunch (the report costs milliseconds)', () => {
    let asked = 0;
    const counting = host({ glibc: () => (asked++, true) });
    relaunchEnvironment(['run', '--corpus', 'small.txt'], {}, counting);
    relaunchEnvironment(['metrics'], {}, counting);
    expect(asked).toBe(0);
    relaunchEnvironment(['run'], {}, counting);
    expect(asked).toBe(1);
  });
});

describe('processHost', () => {
  it("gives a file's size, Infinity for a folder and -1 for nothing (relative paths from the working folder)", () => {
    const folder = mkdtempSync(join(tmpdir(), 'ngc-relaunch-'));
    writeFileSync(join(folder, 'five.txt'), 'abcde');
    const { fileSize, platform } = processHost();
    expect(fileSize(join(folder, 'five.txt'))).toBe(5);
    expect(fileSize(relative(process.cwd(), join(folder, 'five.txt')))).toBe(5);
    expect(fileSize(folder)).toBe(Number.POSITIVE_INFINITY);
    expect(fileSize(join(folder, 'missing.txt'))).toBe(-1);
    // a path through a file, a loop of links: -1 too, the loader says why (a raw ENOTDIR stack trace, exit 1: audit)
    expect(fileSize(join(folder, 'five.txt', 'x.txt'))).toBe(-1);
    symlinkSync('loop2', join(folder, 'loop1'));
    symlinkSync('loop1', join(folder, 'loop2'));
    expect(fileSize(join(folder, 'loop1'))).toBe(-1);
    expect(platform).toBe(process.platform);
  });
});

describe('runRelaunched', () => {
  it("passes the child every descriptor open here, at its own number (a run on /dev/fd/7 read the child's own 7, one of Node's: audit)", () => {
    const open = new Set([3, 4, 7, 12]);
    const stat = (fd: number): unknown => {
      if (!open.has(fd)) throw Object.assign(new Error('EBADF'), { code: 'EBADF' });
      return {};
    };
    // 9: the listing's own descriptor, closed by the time it is looked at; names that are no number left out
    expect(passedDescriptors(() => ['0', '1', '2', '3', '4', '7', '9', '12', 'x'], stat)).toEqual(['inherit', 'inherit', 'inherit', 3, 4, 'ignore', 'ignore', 7, 'ignore', 'ignore', 'ignore', 'ignore', 12]);
    expect(passedDescriptors(() => ['0', '1', '2'], stat)).toEqual(['inherit', 'inherit', 'inherit']);
    // no /proc: the standard three alone
    expect(passedDescriptors(() => { throw new Error('ENOENT'); }, stat)).toEqual(['inherit', 'inherit', 'inherit']);
  });

  it('gives no exit code when the child cannot be started, so the command runs here', async () => {
    const listeners = process.listenerCount('SIGINT');
    await expect(runRelaunched({}, '/nonexistent/ngram-collapse-test/node')).resolves.toBeUndefined();
    // and the signals it passed on are this process's again
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });
});
