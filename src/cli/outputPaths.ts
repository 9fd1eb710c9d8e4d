/**
 * Output path checks, run before any work so that a run never computes for minutes and then fails to
 * write: the folder must exist and be writable, and the path must not be a folder.
 */

import { accessSync, constants, existsSync, statSync } from 'node:fs';
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
