/**
 * The executable's end: once the command has its exit code, the process ends with that code as soon as
 * standard output and standard error have taken what was written to them.
 *
 * Contract: `endProcess(code, streams, exit)` waits until each stream that holds bytes not yet written
 * has written them (or failed, or closed: ./standardStreams.ts ends the process on a failure itself),
 * then calls `exit(code)` (process.exit in the executable). It writes nothing itself.
 *
 * Why not let Node end the process when nothing is left to do: Node cleans up first (some 20-40 ms
 * after a run with worker threads on this project's machine) and hands SIGINT, SIGTERM and SIGHUP back
 * to their default action before it does, so a signal then ended a run that had written everything
 * and said so, with exit 143 and no line (audit; strace shows the handlers reset, then the clean-up).
 * process.exit() skips that clean-up with the signals still watched (./signals.ts: `settle`), so the
 * code stands. Only the executable calls it (./main.ts); commands never end the process (./io.ts).
 */

/** What endProcess waits on: a writable stream's pending bytes and its events. */
export interface FlushableStream {
  readonly writableLength: number;
  once(event: 'drain' | 'error' | 'close', listener: () => void): unknown;
}

export async function endProcess(code: number, streams: readonly FlushableStream[], exit: (code: number) => void): Promise<void> {
  // (only a stream with bytes still to write is waited on: an empty write to probe it failed on
  // /dev/full or a closed terminal, and turned a clean exit 0 into 1, or a stack trace in a relaunching parent: audit)
  await Promise.all(streams.filter((stream) => stream.writableLength > 0).map((stream) => new Promise<void>((flushed) => {
    stream.once('drain', flushed);
    stream.once('error', flushed);
    stream.once('close', flushed);
  })));
  exit(code);
}
