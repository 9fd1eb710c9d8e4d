/**
 * allocatorRelaunch: on Linux with glibc, the executable runs a simulating command in a second Node
 * process whose C allocator is tuned for this program (GLIBC_TUNABLES = TUNED_ALLOCATOR). glibc reads
 * the variable only when a process starts, so a process cannot set it for itself.
 *
 * Why: the loop's arrays are megabytes each and live for a generation. With glibc's defaults, freed
 * blocks go back to the kernel and the next generation's arrays take fresh pages, and on a virtual
 * machine a fresh page can cost a fault at the host too (docs/performance.md, "Fresh memory on this machine"; README, "The allocator relaunch").
 * Tuned: malloc on transparent huge pages (`hugetlb=1`, glibc 2.35 or later; earlier versions ignore
 * it), blocks up to 32 MiB from its heap (`mmap_threshold`), up to 256 MiB of freed memory kept for
 * reuse (`trim_threshold`), and one heap for all threads (`arena_max=1`: with worker threads, what one
 * thread frees the other reuses, where each thread's own arena kept it for itself). No output changes
 * (the allocator only decides where memory comes from).
 *
 * Contract:
 * - `relaunchEnvironment(argv, env, host)`: the environment to run the command line `argv` with in a
 *   child process (`env` with GLIBC_TUNABLES set and without NODE_EXTRA_CA_CERTS: see NOT_PASSED), or
 *   undefined to run it here. Undefined unless all of: Linux with glibc;
 *   GLIBC_TUNABLES unset (the user's own setting wins, and the child has it set, so it never relaunches
 *   again); NGRAM_COLLAPSE_RELAUNCH is not `0`; the command is `run` or `recipe NAME` (not `recipe
 *   list`), without --help, --version or --print-config; and, unless NGRAM_COLLAPSE_RELAUNCH is `1`, the
 *   corpus is not small. A corpus is small when every --corpus spec is a file under LARGE_CORPUS_BYTES,
 *   a category of Brown (`brown:news` is 100k tokens, the largest category about a sixth of Brown) or
 *   names nothing (an error the command reports at once); Brown, a folder, a glob and standard input
 *   are not small, nor is the default corpus (no --corpus: Brown, a recipe's own, or the --config
 *   file's). A second Node start costs about 0.1 s, which a small run would feel (Kneser–Ney with
 *   --top-p on brown:news: 3.36-3.69 s relaunched against 3.07-3.63 s, six pairs).
 * - `runRelaunched(env)`: runs this process's own command line (Node's flags included) in a child
 *   process with `env`, the same standard streams and every other descriptor open here at its own
 *   number (`--corpus /dev/fd/7` with `7< brown.txt`, also from a --config file or as `//dev/fd/7`:
 *   the child had standard streams alone, its descriptor 7 one of Node's own, and the run waited
 *   for ever: audit; Node's own descriptors go with them, unused there or replaced by the child's
 *   own, as a plain exec would pass them), passes SIGINT, SIGTERM and SIGHUP on to it (it stops
 *   cleanly, ./signals.ts), and resolves to its exit code (128 + n if signal n ended it), or to
 *   undefined if it could not be started (the caller then runs the command here, with the signals
 *   handed back; after a child that ran they stay taken, the process about to end with its code).
 *   The child is told its parent's pid (PARENT_VARIABLE).
 * - `passedDescriptors(list, stat)`: the child's stdio for spawn: the standard three inherited and each
 *   other descriptor `list('/proc/self/fd')` names that `stat` finds open, at its own number.
 * - `watchParent(env)`: in a relaunched child (PARENT_VARIABLE set, GLIBC_TUNABLES the tuned value), ends the process with SIGKILL
 *   within about 0.1 s of a loop turn once its parent is gone, as the parent itself was ended (a
 *   `kill -9` of the pid the user started reaches the parent only): an orphan would go on writing the
 *   files a `--resume` is meanwhile finishing. The simulation turns the loop after every generation
 *   (simulation/workerPool.ts), so at most the row under way is written. Does nothing elsewhere.
 */

import { fstatSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROGRAM_NAME } from './packageVersion.js';
import { endStartupWatch } from './signals.js';

/** The GLIBC_TUNABLES value of a relaunched command (the README's recommendation for other programs too). */
export const TUNED_ALLOCATOR = 'glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456:glibc.malloc.arena_max=1';

/** `0`: never relaunch; `1`: relaunch whatever the corpus (still only a simulating command, on glibc). */
export const RELAUNCH_VARIABLE = 'NGRAM_COLLAPSE_RELAUNCH';

/** A corpus file of at least this size is not small (Brown as a text file is 6 MB; the bench's 200 sentences 20 KB). */
export const LARGE_CORPUS_BYTES = 1 << 20;

/** What the decision reads of the machine (the process's own, or a test's). */
export interface RelaunchHost {
  readonly platform: NodeJS.Platform;
  /** True if this Node runs on glibc (only glibc reads GLIBC_TUNABLES). */
  readonly glibc: () => boolean;
  /** Size in bytes of the file `spec` names; Infinity for a folder; -1 if it names nothing. */
  readonly fileSize: (spec: string) => number;
}

/** Set in a relaunched child's environment to its parent's pid (watchParent reads it). */
export const PARENT_VARIABLE = 'NGRAM_COLLAPSE_PARENT_PID';

/** How often a relaunched child looks for its parent, in milliseconds. */
const PARENT_CHECK_MS = 100;

/** The signals a relaunching parent passes on to its child. */
const PASSED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const NOT_NOW = new Set(['--help', '-h', '--version', '-V', '--print-config']);

/**
 * Variables the child does without: Node reads NODE_EXTRA_CA_CERTS's certificate bundle when it starts,
 * before any code runs (tens of milliseconds on the machine of the README's figures, which sets it: see
 * README, "Environment"), for TLS connections, which the CLI never makes (it reads and writes local
 * files only).
 */
const NOT_PASSED = ['NODE_EXTRA_CA_CERTS'] as const;

export function relaunchEnvironment(argv: readonly string[], env: NodeJS.ProcessEnv, host: RelaunchHost): NodeJS.ProcessEnv | undefined {
  const wish = env[RELAUNCH_VARIABLE];
  if (host.platform !== 'linux' || env.GLIBC_TUNABLES !== undefined || wish === '0') return undefined;
  if (!simulates(argv) || argv.some((arg) => NOT_NOW.has(arg))) return undefined;
  if (wish !== '1' && corpusSpecs(argv).every((spec) => isSmall(spec, host))) return undefined;
  if (!host.glibc()) return undefined;
  const child: NodeJS.ProcessEnv = { ...env, GLIBC_TUNABLES: TUNED_ALLOCATOR };
  for (const name of NOT_PASSED) delete child[name];
  return child;
}

/** True for `run ...` and `recipe NAME ...` (global options may come first; `recipe list` only prints). */
export function simulates(argv: readonly string[]): boolean {
  const at = argv.findIndex((arg) => !arg.startsWith('-'));
  if (argv[at] === 'run') return true;
  return argv[at] === 'recipe' && !argv.slice(at + 1).includes('list');
}

/** The --corpus specs of a command line: `--corpus a b` (up to the next option; `-` is stdin) and `--corpus=a`. */
function corpusSpecs(argv: readonly string[]): string[] {
  const specs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--corpus=')) specs.push(arg.slice('--corpus='.length));
    if (arg !== '--corpus') continue;
    while (i + 1 < argv.length && (argv[i + 1] === '-' || !argv[i + 1]!.startsWith('-'))) specs.push(argv[++i]!);
  }
  // none given: the default corpus (Brown, a recipe's own, or the --config file's), which is not small
  return specs.length === 0 ? ['brown'] : specs;
}

function isSmall(spec: string, host: RelaunchHost): boolean {
  if (spec.startsWith('brown:')) return true;
  if (spec === '-' || spec === 'brown' || /[*?[\]{}]/u.test(spec)) return false;
  return host.fileSize(spec) < LARGE_CORPUS_BYTES;
}

/** The host of this process: its platform, its C library, files relative to its working directory. */
export function processHost(): RelaunchHost {
  return {
    platform: process.platform,
    // (the report is only asked for when everything else says relaunch: about 8 ms)
    glibc: () => typeof (process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header?.glibcVersionRuntime === 'string',
    fileSize: (spec) => {
      // (a path through a file, a loop of links, a name too long: no size, as for a missing file, and the
      // loader says why; only ENOENT was absorbed, and the rest ended in a raw stack trace, exit 1: audit)
      let stats;
      try {
        stats = statSync(resolve(process.cwd(), spec), { throwIfNoEntry: false });
      } catch {
        return -1;
      }
      return stats === undefined ? -1 : stats.isFile() ? stats.size : Number.POSITIVE_INFINITY;
    },
  };
}

/**
 * `node`: the Node executable to start (this process's; a test passes one that does not exist). `say`
 * prints the line of a child the first signal ended at once, by the signal's default action: before
 * its own watch began, as Node started it (exit 130 and no line: audit), or where its command keeps
 * that action (./commands/run.ts readWatched: a FIFO read, the models' preparation, the steps before
 * the first row), so the line says no more than that no row was written.
 */
export async function runRelaunched(env: NodeJS.ProcessEnv, node = process.execPath, say: (line: string) => void = (line) => void process.stderr.write(line)): Promise<number | undefined> {
  const [{ spawn }, { constants }] = await Promise.all([import('node:child_process'), import('node:os')]);
  return new Promise((settle) => {
    const child = spawn(node, [...process.execArgv, ...process.argv.slice(1)], { env: { ...env, [PARENT_VARIABLE]: String(process.pid) }, stdio: passedDescriptors(readdirSync, fstatSync) });
    const passed: NodeJS.Signals[] = [];
    const pass = (signal: NodeJS.Signals): void => {
      passed.push(signal);
      child.kill(signal);
    };
    for (const signal of PASSED_SIGNALS) process.on(signal, pass);
    // (the child's own startup watch and its command's take over from this process's, once `pass` is
    // there to hand them a signal caught meanwhile: ./signals.ts)
    endStartupWatch();
    let settled = false;
    const done = (code: number | undefined): void => {
      if (settled) return;
      settled = true;
      // (once the child ran, a signal is still taken, passed on to nothing, until this process ends with
      // the child's code: handed back to its default, one there ended a finished run with 143 and no line: audit)
      if (code === undefined) for (const signal of PASSED_SIGNALS) process.off(signal, pass);
      settle(code);
    };
    // not started (no process to wait for): the command runs here instead
    child.on('error', () => done(child.pid === undefined ? undefined : 1));
    child.on('exit', (code, signal) => {
      // (ended by the one signal passed on: its first, which it did not take; a second one ends it at once, as without a relaunch, with no line)
      if (signal !== null && passed.length === 1 && passed[0] === signal) say(`${PROGRAM_NAME}: ${endedAtOnce(signal)}\n`);
      done(code ?? 128 + (signal === null ? 0 : constants.signals[signal]));
    });
  });
}

/**
 * The child's descriptors: standard input, output and error, and every other descriptor open in this
 * process at its own number ('ignore' between them); the standard three alone where /proc cannot be
 * read. (`list` and `stat`: the file system's, or a test's.)
 */
export function passedDescriptors(list: (folder: string) => string[], stat: (fd: number) => unknown): Array<'inherit' | 'ignore' | number> {
  const stdio: Array<'inherit' | 'ignore' | number> = ['inherit', 'inherit', 'inherit'];
  let names: string[];
  try {
    names = list('/proc/self/fd');
  } catch {
    return stdio;
  }
  for (const fd of names.map(Number).filter((n) => Number.isInteger(n) && n > 2)) {
    try {
      stat(fd); // (open still: the listing's own descriptor is closed by now)
      stdio[fd] = fd;
    } catch {
      // closed since the listing
    }
  }
  return Array.from(stdio, (entry) => entry ?? 'ignore');
}

export function watchParent(env: NodeJS.ProcessEnv = process.env): void {
  const parent = env[PARENT_VARIABLE];
  // (a relaunched child has both; the variable alone, left in a user's environment, is no parent's)
  if (parent === undefined || env.GLIBC_TUNABLES !== TUNED_ALLOCATOR) return;
  delete env[PARENT_VARIABLE]; // (for this process alone: nothing it starts is a relaunched child)
  const orphaned = (): void => {
    if (String(process.ppid) !== parent) process.kill(process.pid, 'SIGKILL');
  };
  orphaned();
  leaveIfOrphaned = orphaned;
  setInterval(orphaned, PARENT_CHECK_MS).unref();
}

/** The line of a relaunched child the first signal ended at once (see runRelaunched). */
export function endedAtOnce(name: NodeJS.Signals): string {
  return `interrupted by ${name} before the command could stop cleanly: it ended at once, with no row written (run the command again)`;
}

/**
 * Ends a relaunched child whose parent is gone, at once (nothing in any other process): for `run` before
 * it first changes a file (a --resume's truncation, a fresh run's emptying), since the models'
 * preparation before it runs in one piece, where the timer of watchParent cannot fire (a parent killed
 * then left a child that went on to cut the files a requeued --resume was writing: audit).
 */
export let leaveIfOrphaned = (): void => undefined;
