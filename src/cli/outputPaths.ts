/**
 * Output path checks of the CLI: writability (export/outputPaths.ts), that no output overwrites
 * a corpus input, and that no two outputs of one command are the same file.
 */

import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, UsageError } from '../errors.js';

export { checkWritable, checkWritableFolder } from '../export/outputPaths.js';

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

/** A file of a command: how a message names it (`--summary a.csv`, `the input b.csv`) and its absolute path. */
export interface NamedFile {
  readonly label: string;
  readonly path: string;
}

/**
 * Throws UsageError if two of `outputs` (absolute paths, as checkWritable returns them; `-` and
 * undefined are skipped) are the same file: by name, through a link, or as another name of an
 * existing file (the same device and inode); both would be written and one lost. `inputs` are files
 * the command reads (merge's CSVs): no output may be one of them either.
 */
export function checkDistinctOutputs(outputs: readonly (NamedFile | undefined)[], inputs: readonly NamedFile[] = []): void {
  const seen = new Map<string, NamedFile>();
  for (const input of inputs) seen.set(fileIdentity(input.path), input);
  for (const output of outputs) {
    if (output === undefined || output.path === '-') continue;
    const identity = fileIdentity(output.path);
    const other = seen.get(identity);
    if (other !== undefined) throw new UsageError(`${output.label} and ${other.label} are the same file`, 'give each output a file of its own');
    seen.set(identity, output);
  }
}

/** One file's identity: its device and inode once it exists, else its folder's real path and its name. */
function fileIdentity(path: string): string {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats !== undefined) return `${stats.dev}:${stats.ino}`;
  return join(realpathSync(dirname(path)), basename(path));
}
