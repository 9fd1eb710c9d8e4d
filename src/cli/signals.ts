/**
 * Signals of the CLI process: SIGINT (Ctrl-C), SIGTERM and SIGHUP (the terminal closed) turn into an
 * AbortSignal, so the run stops cleanly (every row written stays whole) and exits with 128 + the signal
 * number (130, 143, 129). A second signal stops the process at once, as if none were watched (an
 * output that never ends, such as a pipe nobody reads, cannot keep it alive).
 * `dispose()` restores the default behaviour.
 */

export interface SignalWatch {
  readonly signal: AbortSignal;
  /** The signal received, if any. */
  received(): NodeJS.Signals | undefined;
  dispose(): void;
}

export const SIGNAL_EXIT_CODES: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

const WATCHED = Object.keys(SIGNAL_EXIT_CODES) as NodeJS.Signals[];

export function watchSignals(): SignalWatch {
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  const dispose = (): void => {
    for (const name of WATCHED) process.off(name, handler);
  };
  const handler = (name: NodeJS.Signals): void => {
    if (received !== undefined) {
      // the second: the default action, the process ends by this signal
      dispose();
      process.kill(process.pid, name);
      return;
    }
    received = name;
    controller.abort();
  };
  for (const name of WATCHED) process.on(name, handler);
  return { signal: controller.signal, received: () => received, dispose };
}
