/**
 * Output path checks, run before any work so that a run never computes for minutes and then fails to
 * write: the folder must exist and be writable, and the path must not be a folder.
 */

import { accessSync, constants, existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors.js';

/** Throws InputError unless `path` (relative to `cwd`) can be written; `-` (stdout) always can. */
export function checkWritable(path: string, cwd: string, flag: string): string {
  if (path === '-') return path;
  const absolute = resolve(cwd, path);
  const folder = dirname(absolute);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new InputError(`${flag} ${path}: folder ${folder} does not exist`, 'create the folder first, or choose another path');
  }
  if (existsSync(absolute) && statSync(absolute).isDirectory()) {
    throw new InputError(`${flag} ${path} is a folder`, 'pass a file path');
  }
  try {
    accessSync(existsSync(absolute) ? absolute : folder, constants.W_OK);
  } catch {
    throw new InputError(`${flag} ${path} is not writable`, 'choose a path in a folder you can write to');
  }
  return absolute;
}

/**
 * Throws InputError if the output `path` (absolute, as checkWritable returns it) is one of the corpus
 * files named in `corpusSpecs`: the run would read the corpus and then overwrite it.
 */
export function checkNotCorpus(path: string, corpusSpecs: readonly string[], cwd: string, flag: string): void {
  if (path === '-' || !existsSync(path)) return;
  const target = realpathSync(path);
  for (const spec of corpusSpecs) {
    const input = resolve(cwd, spec);
    if (existsSync(input) && statSync(input).isFile() && realpathSync(input) === target) {
      throw new InputError(`${flag} ${spec} is also a corpus input, and writing it would destroy the corpus`, 'choose another output path');
    }
  }
}
