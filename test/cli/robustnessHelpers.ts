/**
 * Helpers for the robustness tests: run the CLI in-process in a fresh temporary folder, and list the
 * files a run left behind.
 */

import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cli, tempDir, type CliResult } from '../helpers/cli.js';

export type { CliResult };

export function freshFolder(prefix = 'ngc-robust-'): string {
  return tempDir(prefix);
}

export async function runIn(cwd: string, argv: readonly string[], stdin?: string | Buffer): Promise<CliResult> {
  return cli(argv, stdin === undefined ? { cwd } : { cwd, stdin });
}

function isFolder(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false; // (ENOTDIR: a link through a file, L -> f/)
  }
}

/** Every file under `folder`, relative, sorted. */
export function filesUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (isFolder(path)) walk(path); // (a link to nothing, or through a file, is listed as a file)
      else found.push(relative(folder, path));
    }
  };
  walk(folder);
  return found.sort();
}

/** The one-line error format of the README's "Errors and limits". */
export const ONE_ERROR_LINE = /^ngram-collapse: [^\n]+ \([^\n]+\)\n$/u;

/** True when running as root, where file permissions do not stop writes. */
export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
