/**
 * Signals of the CLI process: SIGINT (Ctrl-C) and SIGTERM turn into an AbortSignal, so the run stops
 * cleanly (every row written stays whole) and exits with 128 + the signal number (130, 143).
 * `dispose()` restores the default behaviour.
 */

export interface SignalWatch {
  readonly signal: AbortSignal;
  /** The signal received, if any. */
  received(): NodeJS.Signals | undefined;
  dispose(): void;
}

export const SIGNAL_EXIT_CODES: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143 };

export function watchSignals(): SignalWatch {
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  const handler = (name: NodeJS.Signals): void => {
    received ??= name;
    controller.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    received: () => received,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
