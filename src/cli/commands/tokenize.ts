/**
 * `ngram-collapse tokenize [TEXT...]`: how the tool sees a corpus. Reads it with the corpus options
 * of `run` and prints one sentence per line, tokens separated by single spaces (to stdout or --out);
 * on stderr one summary line: sentences, tokens, types and, for `--sentences auto`, the line breaks
 * taken as sentence ends although the line had no sentence-final mark (with `--sentences line` every
 * line end is one, as asked: no break is judged, and the figure is left out). With a subword tokenizer the
 * tokens show their boundary marks (`▁the`, `est</w>`); `--pieces` prints words instead, each word's
 * pieces joined by `·` (`The Ful·ton`).
 */

import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { loadCorpus } from '../../corpus/loadCorpus.js';
import type { TokenCorpus } from '../../corpus/tokenCorpus.js';
import { wordPieces } from '../../corpus/subword/wordView.js';
import { UsageError } from '../../errors.js';
import type { Vocabulary } from '../../vocabulary/vocabulary.js';
import { loadOptionsFor, loadValuesOf, warnTo } from '../corpusOptions.js';
import { resolveContext, type CliIO } from '../io.js';
import { commandFor, tableSpec } from '../optionTable.js';
import { TOKENIZE_OPTIONS } from '../options.js';
import { startLoadProgress } from '../loadProgress.js';
import { checkNotCorpus, checkWritable, standardOutputNamed } from '../outputPaths.js';
import { writeWatched } from '../watchedWrite.js';

export const TOKENIZE_SPEC = tableSpec(
  'tokenize',
  'print a corpus as the tool reads it: one sentence per line, tokens separated by spaces',
  TOKENIZE_OPTIONS,
  [['[text...]', 'files, folders, globs, - or brown / brown:<category> (as --corpus)']],
);

export function tokenizeCommand(io: CliIO): Command {
  return commandFor(TOKENIZE_SPEC, () => resolveContext(io), async ({ args: texts, options: values }) => {
    const quiet = values.quiet === true;
    const specs = [...(values.corpus ?? []), ...texts];
    if (specs.length === 0) throw new UsageError('tokenize needs a corpus', 'pass files, or --corpus SPEC (e.g. --corpus brown:news)');
    const load = loadOptionsFor(loadValuesOf(values), io, warnTo(io, quiet));
    const out = checkWritable(standardOutputNamed(values.out, io.cwd), io.cwd, '--out');
    checkNotCorpus(out, specs, io.cwd, '--out', values.out);
    // (refused before the corpus is read)
    const pieces = values.pieces === true ? wordPieces(load.tokenizer) : undefined;
    if (values.pieces === true && pieces === undefined) {
      throw new UsageError(`--pieces shows the pieces of subword tokens, but --tokenizer ${load.tokenizer} is no subword tokenizer`, 'pass --tokenizer gpt2, cl100k, o200k or bpe:K, or leave out --pieces');
    }
    const progress = startLoadProgress(io, !quiet);
    const loaded = await loadCorpus(specs, { ...load, ...(progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }) }).finally(
      () => progress.done(),
    );
    io.inputChecked?.();
    const line = pieces === undefined ? (tokens: string[]) => tokens.join(' ') : (tokens: string[]) => pieces(tokens).map((word) => word.join('\u00b7')).join(' ');
    if (out === '-') await writeSentences(io.stdout, loaded.corpus, loaded.vocabulary, line);
    else await writeWatched(out, { flag: '--out', shown: values.out ?? out, printsAfter: !quiet }, (stream) => writeSentences(stream, loaded.corpus, loaded.vocabulary, line));
    if (!quiet) {
      const { corpus, vocabulary, lineBreakEnds } = loaded;
      const lineEnds = load.sentences === 'auto' ? `, line breaks taken as sentence ends: ${lineBreakEnds}` : '';
      // Types: the vocabulary less the two boundary markers.
      io.stderr.write(`sentences: ${corpus.offsets.length - 1}, tokens: ${corpus.ids.length}, types: ${vocabulary.size - 2}${lineEnds}\n`);
    }
  });
}

/**
 * Writes the sentences in blocks, waiting when the stream asks to (a file is a whole file: it appears
 * only once complete, see ../../export/wholeFile.ts). Rejects with the stream's first error (a full
 * disk), as soon as it is seen: no error goes unreported.
 */
async function writeSentences(stream: Writable, corpus: TokenCorpus, vocabulary: Vocabulary, line: (tokens: string[]) => string): Promise<void> {
  let failed: Error | undefined;
  const remember = (error: Error): void => void (failed ??= error);
  stream.on('error', remember);
  try {
    const sentences = corpus.offsets.length - 1;
    let block: string[] = [];
    for (let s = 0; s < sentences; s++) {
      const tokens: string[] = [];
      for (let i = corpus.offsets[s]!; i < corpus.offsets[s + 1]!; i++) tokens.push(vocabulary.token(corpus.ids[i]!));
      block.push(line(tokens));
      if (block.length === 4096 || s === sentences - 1) {
        if (failed !== undefined) throw failed;
        const ok = stream.write(`${block.join('\n')}\n`);
        block = [];
        // (events.once rejects if the stream errors instead of draining)
        if (!ok) await once(stream, 'drain');
      }
    }
    if (failed !== undefined) throw failed;
  } finally {
    stream.off('error', remember); // (a whole file keeps a listener of its own)
  }
}
