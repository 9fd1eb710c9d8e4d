/**
 * The executable's end: once the command has its exit code, the process ends with that code as soon as
 * standard output and standard error have taken what was written to them.
 *
 * Contract: `endProcess(code, streams, exit)` waits until a write to each stream has gone through (the
 * writes before it have too), then calls `exit(code)` (process.exit in the executable). A stream that
 * failed (a closed pipe: ./standardStreams.ts ends the process itself) does not hold it up.
 *
 * Why not let Node end the process when nothing is left to do: Node cleans up first (some 20-40 ms
 * after a run with worker threads on this project's machine) and hands SIGINT, SIGTERM and SIGHUP back
 * to their default action before it does, so a signal then ended a run that had written everything
 * and said so, with exit 143 and no line (audit; strace shows the handlers reset, then the clean-up).
 * process.exit() skips that clean-up with the signals still watched (./signals.ts: `settle`), so the
 * code stands. Only the executable calls it (./main.ts); commands never end the process (./io.ts).
 */

/** What endProcess writes to: a stream's write with a callback. */
export interface FlushableStream {
  write(text: string, done: (error?: Error | null) => void): unknown;
}

export async function endProcess(code: number, streams: readonly FlushableStream[], exit: (code: number) => void): Promise<void> {
  await Promise.all(streams.map((stream) => new Promise<void>((flushed) => {
    try {
      stream.write('', () => flushed());
    } catch {
      flushed(); // (a stream already destroyed: nothing more will go through it)
    }
  })));
  exit(code);
}
