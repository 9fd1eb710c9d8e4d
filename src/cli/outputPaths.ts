/**
 * Output path checks of the CLI: writability (export/outputPaths.ts), and that no output overwrites
 * a corpus input.
 */

import { existsSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';

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
