/**
 * watchSignals (src/cli/signals.ts): a signal aborts the run's AbortSignal and is remembered (the first
 * one), a second one ends the process by that signal, the exit codes are 128 + the signal's number,
 * and dispose() hands the signals back. (That an
 * interrupted run leaves whole rows is tested on the built executable: ./interrupt.test.ts.)
 */

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SIGNAL_EXIT_CODES, watchSignals, type SignalWatch } from '../../src/cli/signals.js';

const NAMES = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** The built module (npm test builds first). */
const SIGNALS = fileURLToPath(new URL('../../dist/cli/signals.js', import.meta.url));
let watch: SignalWatch | undefined;

/** Waits until the child has printed `text` (read from `out`, or from its stdout from now on); throws if it ends first. */
function saying(child: ReturnType<typeof spawn>, out?: () => string): (text: string) => Promise<void> {
  let stdout = '';
  if (out === undefined) child.stdout!.on('data', (chunk) => { stdout += String(chunk); });
  const read = out ?? (() => stdout);
  return async (text) => {
    while (!read().includes(text)) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the child ended (${child.signalCode ?? child.exitCode}) before saying ${text}`);
      await new Promise((wait) => setTimeout(wait, 5));
    }
  };
}

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

  it("lets a second signal end the process at once, by that signal (the first is the run's to handle)", async () => {
    // In a child (the built module): the first SIGTERM is watched; the second signal, SIGINT, ends it.
    // (the child says when it took the first: two signals pending at once are delivered SIGINT first,
    // which then was the first: a flake audit, with the child stalled between the two kills)
    const program = `
      const { watchSignals } = await import(${JSON.stringify(SIGNALS)});
      const watch = watchSignals();
      watch.signal.addEventListener('abort', () => console.log('first ' + watch.received()));
      console.log('ready');
      setInterval(() => undefined, 1000); // a step that never ends
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', program], { stdio: ['ignore', 'pipe', 'inherit'] });
    const said = saying(child);
    await said('ready');
    child.kill('SIGTERM');
    await said('first SIGTERM');
    expect(child.exitCode).toBeNull(); // still running: the first signal is the run's to handle
    child.kill('SIGINT');
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    expect([code, signal]).toEqual([null, 'SIGINT']);
  });

  it('takes the same signal within SAME_SIGNAL_MS of the first for the first (a relaunched run gets one Ctrl-C twice: from the terminal and from its parent), and a later one for a second', async () => {
    // In a child (the built module), with a clock the test moves: the program reads its steps on stdin.
    const program = `
      const { watchSignals, SAME_SIGNAL_MS } = await import(${JSON.stringify(SIGNALS)});
      let time = 0;
      watchSignals(() => time);
      process.stdin.on('data', (chunk) => {
        for (const step of String(chunk).trim().split('\\n')) {
          if (step === 'later') time += SAME_SIGNAL_MS;
          else process.kill(process.pid, step);
        }
        setTimeout(() => console.log('alive'), 100);
      });
      console.log('ready');
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', program], { stdio: ['pipe', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => { stdout += String(chunk); });
    const said = async (text: string, count: number): Promise<void> => {
      while (stdout.split(text).length - 1 < count) {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the child ended (${child.signalCode ?? child.exitCode}) before saying ${text} ${count} times`);
        await new Promise((wait) => setTimeout(wait, 10));
      }
    };
    await said('ready', 1);
    child.stdin.write('SIGINT\n');
    await said('alive', 1);
    child.stdin.write('SIGINT\n'); // at the same moment: the first, passed on
    await said('alive', 2);
    expect(child.exitCode).toBeNull();
    child.stdin.write('later\nSIGINT\n'); // SAME_SIGNAL_MS after the first: a second press
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    expect([code, signal]).toEqual([null, 'SIGINT']);
  });

  it('settle() keeps the watch to the end: a signal after the work lets the process end as it was going to, with its line and exit code (it ended by SIGTERM, exit 143 and no line, after a run had said it was done: audit); a second still ends it', async () => {
    const program = `
      const { watchSignals } = await import(${JSON.stringify(SIGNALS)});
      const watch = watchSignals();
      watch.settle();
      watch.signal.addEventListener('abort', () => console.log('first ' + watch.received()));
      console.log('ready');
      process.stdin.once('data', () => setTimeout(() => { console.log('done'); process.exitCode = 0; }, 200)); // the last line, then the end
      process.stdin.resume();
    `;
    const start = async (): Promise<{ child: ReturnType<typeof spawn>; out: () => string }> => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', program], { stdio: ['pipe', 'pipe', 'inherit'] });
      let stdout = '';
      await new Promise<void>((ready) => child.stdout!.on('data', (chunk) => { stdout += String(chunk); if (stdout.includes('ready')) ready(); }));
      return { child, out: () => stdout };
    };
    const one = await start();
    one.child.kill('SIGTERM');
    one.child.stdin!.end('go\n');
    const [code, signal] = (await once(one.child, 'exit')) as [number | null, NodeJS.Signals | null];
    expect([code, signal, one.out()]).toEqual([0, null, 'ready\nfirst SIGTERM\ndone\n']);
    // a second signal (another one) ends it at once
    const two = await start();
    two.child.kill('SIGTERM');
    await saying(two.child, two.out)('first SIGTERM');
    two.child.kill('SIGINT');
    const [code2, signal2] = (await once(two.child, 'exit')) as [number | null, NodeJS.Signals | null];
    expect([code2, signal2]).toEqual([null, 'SIGINT']);
  });

  it('after settle(), a process still there SAME_SIGNAL_MS after a signal (stuck writing to a pipe nobody reads) is ended by it (one SIGTERM no longer did: audit)', async () => {
    const program = `
      const { watchSignals } = await import(${JSON.stringify(SIGNALS)});
      watchSignals().settle();
      console.log('ready');
      setInterval(() => undefined, 1000); // never ends by itself
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', program], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    await new Promise<void>((ready) => child.stdout.on('data', (chunk) => { stdout += String(chunk); if (stdout.includes('ready')) ready(); }));
    child.kill('SIGTERM');
    await new Promise((wait) => setTimeout(wait, 300));
    expect(child.exitCode).toBeNull(); // given its second to end by itself
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    expect([code, signal]).toEqual([null, 'SIGTERM']);
  });

  it('settle() disposes the watch settled before it: one settled watch per process, whatever the commands run in it', () => {
    const before = NAMES.map((name) => process.listenerCount(name));
    watchSignals().settle();
    const second = watchSignals();
    second.settle();
    expect(NAMES.map((name) => process.listenerCount(name))).toEqual(before.map((count) => count + 1));
    second.dispose();
    expect(NAMES.map((name) => process.listenerCount(name))).toEqual(before);
  });

  it('dispose() removes its listeners, so a later signal is not its own', () => {
    const before = NAMES.map((name) => process.listenerCount(name));
    const own = watchSignals();
    expect(NAMES.map((name) => process.listenerCount(name))).toEqual(before.map((count) => count + 1));
    own.dispose();
    expect(NAMES.map((name) => process.listenerCount(name))).toEqual(before);
  });
});
