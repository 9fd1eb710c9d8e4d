/**
 * Signals of the CLI process: SIGINT (Ctrl-C), SIGTERM and SIGHUP (the terminal closed) turn into an
 * AbortSignal, so the run stops cleanly (every row written stays whole) and exits with 128 + the signal
 * number (130, 143, 129). A second signal stops the process at once, as if none were watched (an
 * output that never ends, such as a pipe nobody reads, cannot keep it alive), unless it is the same
 * signal within SAME_SIGNAL_MS of the first: one Ctrl-C, `kill -- -PGID` or Slurm's scancel reaches
 * both processes of a relaunched run (./allocatorRelaunch.ts), and the parent passes it on as well, so
 * the child sees one press twice (the probe: 3 runs in 10 ended at once, without the line that says how
 * far they got, the terminal's cursor left hidden).
 * `dispose()` restores the default behaviour. `settle()`, once the work is done, keeps the watch to the
 * process's end instead: a signal between the last output and the exit (the command's own line still
 * to print, worker threads ending) is taken as the first one is, and the process ends as it was going to,
 * with its own line and exit code (it ended by the default action, exit 143 and no line, after a run had
 * written everything and said so: audit); one still there a second later (stuck writing to a pipe
 * nobody reads) is ended by that signal, and a second signal still ends it at once. One settled watch
 * per process: settling another disposes the one before.
 */

export interface SignalWatch {
  readonly signal: AbortSignal;
  /** The signal received, if any. */
  received(): NodeJS.Signals | undefined;
  dispose(): void;
  /** The work is done: watched until the process ends (see above), the previous settled watch disposed. */
  settle(): void;
}

/** The settled watch of this process, if any. */
let settled: SignalWatch | undefined;

export const SIGNAL_EXIT_CODES: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

const WATCHED = Object.keys(SIGNAL_EXIT_CODES) as NodeJS.Signals[];

/**
 * A signal of the first's name within this many milliseconds of it is the first again (passed on by
 * the relaunching parent: a few milliseconds later, more on a busy machine); a person pressing Ctrl-C
 * a second time to stop at once presses it later.
 */
export const SAME_SIGNAL_MS = 1000;

/** The startup watch's handler, while it is installed (see watchStartup). */
let startup: ((name: NodeJS.Signals) => void) | undefined;

/**
 * The startup watch of a command that takes signals (`run`, `recipe NAME`): installed by the executable
 * first thing, before the program's modules load (0.2-0.45 s on this project's machine), and ended by
 * the command's own watch (the first watchSignals, which takes over at once) or by `endStartupWatch`
 * where the command keeps the default action. A signal there calls `stop(name)`, which ends the process
 * with its line: nothing is written before the command's own watch begins (a signal then ended `run`
 * by its default action, exit 130 and no line: audit). Installed once; a second call does nothing.
 */
export function watchStartup(stop: (name: NodeJS.Signals) => void): void {
  if (startup !== undefined) return;
  startup = stop;
  for (const name of WATCHED) process.on(name, stop);
}

/**
 * Ends the startup watch, if any: the command's own watch, or the default action, from here on. A
 * handler that takes over is installed first (a signal caught but not yet handled when the last
 * listener goes is lost: it ran to the end, exit 0, in one probe of five).
 */
export function endStartupWatch(): void {
  if (startup === undefined) return;
  for (const name of WATCHED) process.off(name, startup);
  startup = undefined;
}

/** The line of a command stopped by `name` before its own watch began (the executable's and a relaunching parent's). */
export function stoppedAtStart(name: NodeJS.Signals): string {
  return `interrupted by ${name} as the command started: nothing was written (run the command again)`;
}

export function watchSignals(now: () => number = Date.now): SignalWatch {
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  let settledNow = false;
  let firstAt = 0;
  const dispose = (): void => {
    for (const name of WATCHED) process.off(name, handler);
  };
  const handler = (name: NodeJS.Signals): void => {
    if (received !== undefined) {
      if (name === received && now() - firstAt < SAME_SIGNAL_MS) return; // the first, passed on
      // the second: the default action, the process ends by this signal
      dispose();
      process.kill(process.pid, name);
      return;
    }
    received = name;
    firstAt = now();
    controller.abort();
    // (after the work the process ends by itself; one that has not within a second is stuck, writing
    // to a pipe nobody reads: the signal ends it, as it did before settle: audit)
    if (settledNow) {
      setTimeout(() => {
        dispose();
        process.kill(process.pid, name);
      }, SAME_SIGNAL_MS).unref();
    }
  };
  for (const name of WATCHED) process.on(name, handler);
  // (this watch takes over, its handler installed first: a signal Node has caught but not yet handed to
  // the listeners goes to the ones there when it does, and were there none for a moment it would be lost)
  endStartupWatch();
  const watch: SignalWatch = {
    signal: controller.signal,
    received: () => received,
    dispose,
    settle: () => {
      if (settled !== watch) settled?.dispose();
      settled = watch;
      settledNow = true;
    },
  };
  return watch;
}

/**
 * Resolves once the event loop has polled again, so that a signal delivered before the call has been
 * handled (a signal is read in the poll phase: one setImmediate from inside a poll callback, such as a
 * file's rename, runs before it; the second runs after). Read `received()` after it, before `dispose()`.
 */
export function signalsHandled(): Promise<void> {
  return new Promise((handled) => setImmediate(() => setImmediate(handled)));
}
