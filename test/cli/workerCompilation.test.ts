/**
 * When a run's worker threads compile on themselves (src/cli/workerCompilation.ts): the decision from
 * the thread and core counts, the flag set for the process, and `run` asking for it with the number
 * of threads it runs on (before any worker starts), on a machine the test says has 2 cores.
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { compileOnWorkerThreads, WORKER_COMPILATION, workerCompilationFlags } from '../../src/cli/workerCompilation.js';
import { captureIO } from './captureIO.js';

const v8Flags = vi.hoisted(() => [] as string[]);
vi.mock('node:v8', async (original) => ({ ...(await original<typeof import('node:v8')>()), setFlagsFromString: (flag: string) => void v8Flags.push(flag) }));
vi.mock('node:os', async (original) => ({ ...(await original<typeof import('node:os')>()), availableParallelism: () => 2 }));

const FIXTURE = new URL('../fixtures/exp/village.txt', import.meta.url).pathname;

beforeEach(() => {
  v8Flags.length = 0;
});

describe('workerCompilationFlags', () => {
  it('compiles on the workers when there are workers and the threads take every core', () => {
    expect(WORKER_COMPILATION).toBe('--no-concurrent-recompilation');
    expect(workerCompilationFlags(2, 2)).toEqual([WORKER_COMPILATION]);
    expect(workerCompilationFlags(4, 4)).toEqual([WORKER_COMPILATION]);
    expect(workerCompilationFlags(3, 2)).toEqual([WORKER_COMPILATION]);
  });

  it('leaves V8 as it is with one thread (no worker), or with a core to spare for its compiler', () => {
    expect(workerCompilationFlags(1, 1)).toEqual([]);
    expect(workerCompilationFlags(1, 2)).toEqual([]);
    expect(workerCompilationFlags(2, 4)).toEqual([]);
    expect(workerCompilationFlags(3, 4)).toEqual([]);
  });
});

describe('compileOnWorkerThreads', () => {
  it("sets each flag for this process's V8, and nothing when there is none", () => {
    compileOnWorkerThreads([]);
    expect(v8Flags).toEqual([]);
    compileOnWorkerThreads(['--a', '--b']);
    expect(v8Flags).toEqual(['--a', '--b']);
  });
});

describe('run', () => {
  const run = async (extra: readonly string[]): Promise<number> => {
    const dir = mkdtempSync(join(tmpdir(), 'ngc-compile-'));
    const io = captureIO(dir).io;
    return runCli(['run', '--corpus', FIXTURE, '--sentences', 'line', '--order', '2', '--generations', '1', '--quiet', '--out', 'c.csv', ...extra], io);
  };

  it('asks for it when its threads take both cores', async () => {
    // two cells (human ratios 0 and 0.1) on 2 threads
    expect(await run(['--workers', '2'])).toBe(0);
    expect(v8Flags).toEqual([WORKER_COMPILATION]);
  });

  it('does not with one thread: asked for, or one task for two workers', async () => {
    expect(await run(['--workers', '1'])).toBe(0);
    expect(await run(['--workers', '2', '--human-ratio', '0'])).toBe(0);
    expect(v8Flags).toEqual([]);
  });
});
