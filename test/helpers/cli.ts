/**
 * Runs the CLI in-process with captured streams and a temporary working directory.
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { runCli } from '../../src/cli/program.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export function tempDir(prefix = 'ngc-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function cli(argv: readonly string[], options: { cwd?: string; stdin?: string | Buffer } = {}): Promise<CliResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const stdin = options.stdin === undefined ? new PassThrough() : Readable.from([Buffer.from(options.stdin)]);
  if (options.stdin === undefined) (stdin as PassThrough).end();
  const code = await runCli(argv, { stdout, stderr, stdin, isTTY: false, cwd: options.cwd ?? tempDir() });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
