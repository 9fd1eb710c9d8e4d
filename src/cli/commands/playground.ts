/**
 * `ngram-collapse playground [--out FILE] [--corpus SPEC ...]`: writes the self-contained, offline
 * HTML page that runs the simulator in the browser (src/playground), with the corpora embedded.
 *
 * Contract: checks, before any reading, that --out can be written and is not a corpus input (InputError
 * otherwise; `-` is refused: the page is a file to open); each --corpus is read as `run --corpus`
 * reads it (brown:<category>, a file, a folder or a glob; default: brown:news, brown:fiction and the
 * demo text corpora/lighthouse.txt); then writes the page in one go and prints its path and size.
 * Needs no bundler: the page's code is prebuilt in dist/playground/template.html.
 */

import { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { DEFAULT_PLAYGROUND_CORPORA, writePlayground } from '../../playground/playgroundFile.js';
import type { CliIO } from '../io.js';
import { checkNotCorpus, checkWritable } from '../outputPaths.js';

export function playgroundCommand(io: CliIO): Command {
  return new Command('playground')
    .description('write a self-contained, offline HTML page that runs the simulator in the browser')
    .option('--out <file>', 'the HTML file to write', 'playground.html')
    .option('--corpus <spec...>', `corpora to embed: brown:<category>, a file, a folder or a glob (default: ${DEFAULT_PLAYGROUND_CORPORA.join(' ')})`)
    .action((options: { out: string; corpus?: string[] }) => {
      if (options.out === '-') throw new UsageError('--out - is not possible: the playground is a page to open', 'pass --out FILE.html');
      const corpus = options.corpus ?? DEFAULT_PLAYGROUND_CORPORA;
      const out = checkWritable(options.out, io.cwd, '--out');
      checkNotCorpus(out, corpus, io.cwd, '--out');
      const bytes = writePlayground(out, corpus, io.cwd);
      io.stdout.write(`playground written to ${options.out} (${(bytes / 1e6).toFixed(2)} MB; corpora: ${corpus.join(', ')})\n`);
    });
}
