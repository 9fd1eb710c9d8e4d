/**
 * The executable's end: once the command has its exit code, the process ends with that code as soon as
 * standard output and standard error have taken what was written to them.
 *
 * Contract: `endProcess(code, streams, exit)` lets the event loop turn once (a failed write reports
 * itself: ./standardStreams.ts then ends the process), waits until each stream that holds bytes not yet
 * written has written them (or failed, or closed), then calls `exit(code)` (process.exit in the
 * executable). It writes nothing to a stream with nothing pending.
 *
 * Why not let Node end the process when nothing is left to do: Node cleans up first (some 20-40 ms
 * after a run with worker threads on this project's machine) and hands SIGINT, SIGTERM and SIGHUP back
 * to their default action before it does, so a signal then ended a run that had written everything
 * and said so, with exit 143 and no line (audit; strace shows the handlers reset, then the clean-up).
 * process.exit() skips that clean-up with the signals still watched (./signals.ts: `settle`), so the
 * code stands. Only the executable calls it (./main.ts); commands never end the process (./io.ts).
 */

/** What endProcess waits on: a writable stream's pending bytes, a write's callback, and its events. */
export interface FlushableStream {
  readonly writableLength: number;
  write(text: string, done: (error?: Error | null) => void): unknown;
  once(event: 'error' | 'close', listener: () => void): unknown;
}

export async function endProcess(code: number, streams: readonly FlushableStream[], exit: (code: number) => void): Promise<void> {
  // (one turn of the loop first: a write that failed at once, as on /dev/full, reports its error on the
  // next tick, and the streams' guard ends the process with 1 and its line; exit 0 came first: audit)
  await new Promise((turned) => setImmediate(turned));
  // (only a stream with bytes still to write is waited on, by an empty write's callback, which comes once
  // the bytes before it are written: 'drain' never comes when no write was refused, and the loop, empty,
  // ended with 13; an empty write to a stream with nothing pending failed on /dev/full: audits)
  await Promise.all(streams.filter((stream) => stream.writableLength > 0).map((stream) => new Promise<void>((flushed) => {
    stream.once('error', flushed);
    stream.once('close', flushed);
    stream.write('', () => flushed());
  })));
  exit(code);
}
