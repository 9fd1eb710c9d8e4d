/**
 * watchSignals (src/cli/signals.ts): a signal aborts the run's AbortSignal and is remembered (the first
 * one), the exit codes are 128 + the signal's number, and dispose() hands the signals back. (That an
 * interrupted run leaves whole rows is tested on the built executable: ./interrupt.test.ts.)
 */

import { constants } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { SIGNAL_EXIT_CODES, watchSignals, type SignalWatch } from '../../src/cli/signals.js';

const NAMES = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let watch: SignalWatch | undefined;

afterEach(() => watch?.dispose());

describe('watchSignals', () => {
  it('exits with 128 + the signal number: 130, 143, 129', () => {
    expect(SIGNAL_EXIT_CODES).toEqual(Object.fromEntries(NAMES.map((name) => [name, 128 + constants.signals[name]])));
    expect(SIGNAL_EXIT_CODES).toEqual({ SIGINT: 130, SIGTERM: 143, SIGHUP: 129 });
  });

  it.each(NAMES)('%s aborts the signal and is the one received', (name) => {
    watch = watchSignals();
    expect(watch.signal.aborted).toBe(false);
    expect(watch.received()).toBeUndefined();
    process.emit(name, name);
    expect(watch.signal.aborted).toBe(true);
    expect(watch.received()).toBe(name);
  });

  it('keeps the first signal when a second one follows', () => {
    watch = watchSignals();
    process.emit('SIGTERM', 'SIGTERM');
    process.emit('SIGINT', 'SIGINT');
    expect(watch.received()).toBe('SIGTERM');
  });

  it('dispose() removes its listeners, so a later signal is not its own', () => {
    const before = NAMES.map((name) => process.listenerCount(name));
    const own = watchSignals();
    expect(NAMES.map((name) => process.listenerCount(name))).toEqual(before.map((count) => count + 1));
    own.dispose();
    expect(NAMES.map((name) => process.listenerCount(name))).toEqual(before);
  });
});
