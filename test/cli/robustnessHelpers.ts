/**
 * Helpers for the robustness tests: run the CLI in-process in a fresh temporary folder, and list the
 * files a run left behind.
 */

import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
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

export function freshFolder(prefix = 'ngc-robust-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function runIn(cwd: string, argv: readonly string[], stdin?: string | Buffer): Promise<CliResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const input = stdin === undefined ? new PassThrough() : Readable.from([Buffer.from(stdin)]);
  if (stdin === undefined) (input as PassThrough).end();
  const code = await runCli(argv, { stdout, stderr, stdin: input, isTTY: false, cwd });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Every file under `folder`, relative, sorted. */
export function filesUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(folder, path));
    }
  };
  walk(folder);
  return found.sort();
}

/** The one-line error format of SPEC section 5. */
export const ONE_ERROR_LINE = /^ngram-collapse: [^\n]+ \([^\n]+\)\n$/u;

/** True when running as root, where file permissions do not stop writes. */
export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
