/**
 * Warnings held back until the command's input is checked: a refusal of the input prints its one line
 * alone.
 *
 * A command warns of its input as it reads it (a file not valid UTF-8, markers dropped), and may then
 * refuse it (the next file of a folder is binary, `--max-tokens` is passed, a setting does not fit the
 * corpus read): the refusal came after the warnings, two lines or more where bad input gets one (a
 * review). So the warning lines a command writes to standard error (`ngram-collapse: warning: ...`)
 * are held until the command says its input is checked (`io.inputChecked()`, which `run`, `tokenize`,
 * `metrics`, `train` and `generate` call as their work begins) or anything else is written to either
 * stream (a progress line, the output, a table), then written first, in order; from then on they go
 * straight through (a warning of the simulation is not kept for the end of a long run: review).
 * A process ended by a signal's default action while it reads its input (Ctrl-C while standard input
 * is read) loses the warnings held then.
 *
 * Contract: `new HeldWarnings(io)`; commands get `held.io`, whose streams are `io`'s with `write` and
 * `end` watched (every other property is the stream's own), and whose `inputChecked` releases.
 * `release()` writes what is held (call it when a command ends, and before any message about a failure
 * that is not a refusal); `discard()` drops it (before a refusal's line: the rest of the input is
 * fixed and read again anyway). A write with a callback is never held.
 */

import type { Writable } from 'node:stream';
import type { CliIO } from './io.js';
import { PROGRAM_NAME } from './packageVersion.js';

/** The start of every warning line the CLI prints (the lines held). */
export const WARNING = `${PROGRAM_NAME}: warning: `;

export class HeldWarnings {
  readonly io: CliIO;
  private held: string[] = [];
  private released = false;

  constructor(private readonly given: CliIO) {
    this.io = { ...given, stdout: this.watched(given.stdout, false), stderr: this.watched(given.stderr, true), inputChecked: () => this.release() };
  }

  /** Writes the warnings held, in order; later ones go straight through. */
  release(): void {
    if (this.released) return;
    this.released = true;
    // (the lines stay in `held`, never read again: once released, nothing is held; a second release returns above)
    for (const line of this.held) this.given.stderr.write(line);
  }

  /** Drops the warnings held (later ones are still held, until a release). */
  discard(): void {
    this.held = [];
  }

  /** `stream` with its `write` and `end` releasing first; on standard error (`warnings`), a warning line is held instead. */
  private watched(stream: Writable, warnings: boolean): Writable {
    const write = (chunk: unknown, ...rest: unknown[]): boolean => {
      if (warnings && !this.released && rest.length === 0 && typeof chunk === 'string' && chunk.startsWith(WARNING)) {
        this.held.push(chunk);
        return true;
      }
      this.release();
      return (stream.write as (...args: unknown[]) => boolean)(chunk, ...rest);
    };
    const end = (...args: unknown[]): Writable => {
      this.release();
      return (stream.end as (...args: unknown[]) => Writable)(...args);
    };
    return new Proxy(stream, {
      get: (target, property) => {
        if (property === 'write') return write;
        if (property === 'end') return end;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }
}
