/** Captured streams for running the CLI in-process (see src/cli/io.ts). */

import { PassThrough, Writable } from 'node:stream';
import type { CliIO } from '../../src/cli/io.js';

export interface Captured {
  readonly io: CliIO;
  stdout(): string;
  stderr(): string;
}

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

export function captureIO(cwd: string, isTTY = false): Captured {
  const out = sink();
  const err = sink();
  return {
    io: { stdout: out.stream, stderr: err.stream, stdin: new PassThrough(), isTTY, cwd },
    stdout: out.text,
    stderr: err.text,
  };
}
