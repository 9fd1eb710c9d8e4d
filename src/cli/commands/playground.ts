/**
 * `ngram-collapse playground [--out FILE] [--corpus SPEC ...]`: writes the self-contained, offline
 * HTML page that runs the simulator in the browser (src/playground), with the corpora embedded.
 *
 * Contract: checks, before any reading, that --out can be written and is not a corpus input (InputError
 * otherwise; `-` is refused: the page is a file to open); each --corpus is read as `run --corpus`
 * reads it (brown:<category>, a file, a folder or a glob; default: brown:news, brown:fiction and the
 * demo text corpora/lighthouse.txt); then writes the page, a whole file, and prints its path and size;
 * a signal while it is written leaves --out as it was and says so (../watchedWrite.ts).
 * Needs no bundler: the page's code is prebuilt in dist/playground/template.html. The page writer is
 * loaded when the command runs, not when the CLI starts.
 */

import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { DEFAULT_PLAYGROUND_CORPORA } from '../../playground/embeddedCorpus.js';
import { resolveContext, type CliIO } from '../io.js';
import { commandFor, tableSpec } from '../optionTable.js';
import { PLAYGROUND_OPTIONS } from '../options.js';
import { checkNotCorpus, checkStandardOutputNotCorpus, checkWritable } from '../outputPaths.js';
import { writeText, writeWatched } from '../watchedWrite.js';

/** The playground's table, its default corpora shown (they live with the page writer, which reads files). */
export const PLAYGROUND_SPEC = tableSpec('playground', 'write a self-contained, offline HTML page that runs the simulator in the browser', {
  ...PLAYGROUND_OPTIONS,
  corpus: { ...PLAYGROUND_OPTIONS.corpus, fallbackText: DEFAULT_PLAYGROUND_CORPORA.join(' ') },
});

export function playgroundCommand(io: CliIO): Command {
  return commandFor(PLAYGROUND_SPEC, () => resolveContext(io), async ({ options }) => {
    if (options.out === '-') throw new UsageError('--out - is not possible: the playground is a page to open', 'pass --out FILE.html');
    const corpus = options.corpus ?? DEFAULT_PLAYGROUND_CORPORA;
    const out = checkWritable(options.out, io.cwd, '--out', { standardOutput: false });
    checkNotCorpus(out, corpus, io.cwd, '--out');
    checkStandardOutputNotCorpus(corpus, io.cwd); // (its line went into a corpus file: audit)
    const { playgroundPage } = await import('../../playground/playgroundFile.js'); // the page writer (and zlib) only for this command
    const page = playgroundPage(corpus, io.cwd);
    // (a signal while it is written leaves the file as it was, and says so: ../watchedWrite.ts)
    await writeWatched(out, { flag: '--out', shown: options.out, printsAfter: true }, (stream) => writeText(stream, page));
    const bytes = Buffer.byteLength(page);
    io.stdout.write(`playground written to ${options.out} (${(bytes / 1e6).toFixed(2)} MB; corpora: ${corpus.join(', ')})\n`);
  });
}
