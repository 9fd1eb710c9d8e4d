/**
 * Checks that an output can be written, made before any work so a long run never fails at the end.
 *
 * Contract: `assertWritableFile(path, what)` resolves when `path` can be created or overwritten: its
 * folder exists, is a folder and is writable, and `path` is not itself a folder (an existing file must be
 * writable). `assertWritableFolder(path, what)` resolves when `path` is a writable folder or can be
 * created (its nearest existing ancestor is a writable folder). Both reject with an InputError naming
 * `what` ("--out"), the path and the reason. They create nothing.
 */

import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InputError } from '../../errors.js';

export async function assertWritableFile(path: string, what: string): Promise<void> {
  const full = resolve(path);
  const existing = await statOrUndefined(full);
  if (existing?.isDirectory()) {
    throw new InputError(`${what} ${path} is a folder`, `give a file name, such as ${join2(path, 'report.html')}`);
  }
  if (existing !== undefined) {
    if (!(await canWrite(full))) throw new InputError(`${what} ${path} cannot be overwritten (no write permission)`, 'choose another file or fix its permissions');
    return;
  }
  const folder = dirname(full);
  const parent = await statOrUndefined(folder);
  if (parent === undefined) {
    throw new InputError(`${what} ${path}: the folder ${dirname(path)} does not exist`, 'create the folder first or choose another path');
  }
  if (!parent.isDirectory()) {
    throw new InputError(`${what} ${path}: ${dirname(path)} is not a folder`, 'choose a path inside a folder');
  }
  if (!(await canWrite(folder))) {
    throw new InputError(`${what} ${path}: the folder ${dirname(path)} is not writable`, 'choose a folder you can write to');
  }
}

export async function assertWritableFolder(path: string, what: string): Promise<void> {
  let folder = resolve(path);
  for (;;) {
    const existing = await statOrUndefined(folder);
    if (existing !== undefined) {
      if (!existing.isDirectory()) {
        throw new InputError(`${what} ${path}: ${folder} is a file, not a folder`, 'choose a folder path');
      }
      if (!(await canWrite(folder))) {
        throw new InputError(`${what} ${path}: the folder ${folder} is not writable`, 'choose a folder you can write to');
      }
      return;
    }
    const parent = dirname(folder);
    if (parent === folder) return;
    folder = parent;
  }
}

async function statOrUndefined(path: string) {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

async function canWrite(path: string): Promise<boolean> {
  try {
    await access(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function join2(folder: string, file: string): string {
  return folder.endsWith('/') ? `${folder}${file}` : `${folder}/${file}`;
}
