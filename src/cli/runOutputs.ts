/**
 * The output paths of `run`, checked before any work: each file can be written and is not a corpus
 * input; at most one output goes to standard output; `--resume` needs files; `--save-corpora` is a
 * folder (or can be one). Returns absolute paths (`-` stays `-`); throws UsageError / InputError.
 */

import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { checkNotCorpus, checkWritable } from './outputPaths.js';
import type { RunConfig } from './runConfig.js';

export interface RunOutputs {
  readonly out: string;
  readonly summary?: string;
  readonly extinctions?: string;
  readonly corpora?: string;
  readonly report?: string;
  readonly sentencePerplexities?: string;
}

export function checkRunOutputs(config: RunConfig, cwd: string): RunOutputs {
  const writable = (path: string | undefined, flag: string): string | undefined => {
    if (path === undefined) return undefined;
    const absolute = checkWritable(path, cwd, flag);
    checkNotCorpus(absolute, config.corpus, cwd, flag);
    return absolute;
  };
  const out = writable(config.out, '--out')!;
  const summary = writable(config.summary, '--summary');
  const extinctions = writable(config.extinctions, '--extinctions');
  const sentencePerplexities = writable(config.sentencePerplexities, '--sentence-perplexities');
  const toStdout = [out, summary, extinctions, sentencePerplexities].filter((path) => path === '-').length;
  if (toStdout > 1) throw new UsageError('only one output can go to standard output (-)', 'give the other outputs file names');
  if (config.resume && (out === '-' || extinctions === '-')) throw new UsageError('--resume needs --out (and --extinctions) to be files', 'pass --out FILE');
  if (config.resume && sentencePerplexities !== undefined) {
    throw new UsageError('--resume cannot continue a --sentence-perplexities file', 'rerun the whole run without --resume');
  }
  const corpora = config.saveCorpora === undefined ? undefined : checkCorporaFolder(config.saveCorpora, cwd);
  const report = writable(config.report, '--report');
  if (report === '-') throw new UsageError('--report cannot go to standard output', 'pass --report FILE.html');
  return {
    out,
    ...(summary === undefined ? {} : { summary }),
    ...(extinctions === undefined ? {} : { extinctions }),
    ...(corpora === undefined ? {} : { corpora }),
    ...(report === undefined ? {} : { report }),
    ...(sentencePerplexities === undefined ? {} : { sentencePerplexities }),
  };
}

function checkCorporaFolder(folder: string, cwd: string): string {
  const corpora = resolve(cwd, folder);
  if (existsSync(corpora) && !statSync(corpora).isDirectory()) throw new UsageError(`--save-corpora ${folder} is a file`, 'pass a folder name');
  if (!existsSync(dirname(corpora))) throw new UsageError(`--save-corpora ${folder}: folder ${dirname(corpora)} does not exist`, 'create it first');
  if (!statSync(dirname(corpora)).isDirectory()) throw new UsageError(`--save-corpora ${folder}: ${dirname(corpora)} is not a folder`, 'choose a path inside a folder');
  return corpora;
}
