/**
 * loadCorpus: corpus specifications -> one Vocabulary and one TokenCorpus.
 *
 * Contract: `specs` are read in the order given; each is a built-in (`brown`, `brown:<category>`),
 * `-` (standard input), a file, a folder (its `.txt` files, sorted, recursively) or a glob. Files ending
 * in `.jsonl` (or any file when `jsonlField` is set) are JSON Lines: every line an object whose
 * `jsonlField` (default `text`) is a string. Text is split into sentences (`auto`: natural's sentence
 * tokenizer per paragraph; `line`: one per line), optionally lowercased, tokenized, and interned.
 * Every problem (missing path, nothing to read, unreadable or binary data, UTF-16, broken JSONL with
 * its line number, a terminal as standard input, an empty result) is an InputError raised before any
 * simulation starts. Invalid UTF-8 is not an error: the bad bytes become U+FFFD and `onWarning` is
 * told the file and line. `<s>` / `</s>` in the text are dropped (they are the boundary markers),
 * with a warning. Files are streamed: memory is bounded by the corpus's ids and the longest line or
 * paragraph, never the file size. This module and the exporters are the only ones that read files.
 */

import { createReadStream, existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import { Vocabulary } from '../vocabulary/vocabulary.js';
import { brownFiles, isBrownSpec } from './brown.js';
import { expandGlob, hasWildcard } from './glob.js';
import { DEFAULT_TEXT_OPTIONS, readCorpusText, type TextOptions, type TextSource } from './readText.js';
import type { TokenCorpus } from './tokenCorpus.js';

export interface LoadOptions extends TextOptions {
  /** Standard input, for `-`. */
  readonly stdin?: Readable;
  /** Folder against which relative paths resolve. */
  readonly cwd?: string;
}

export const DEFAULT_LOAD_OPTIONS: LoadOptions = DEFAULT_TEXT_OPTIONS;

export interface LoadedCorpus {
  readonly vocabulary: Vocabulary;
  readonly corpus: TokenCorpus;
}

type Source =
  | { readonly kind: 'brown'; readonly path: string }
  | { readonly kind: 'text' | 'jsonl'; readonly path: string }
  | { readonly kind: 'stdin' };

/** Loads and tokenizes every spec into a fresh vocabulary. */
export async function loadCorpus(
  specs: readonly string[],
  options: Partial<LoadOptions> = {},
  vocabulary: Vocabulary = new Vocabulary(),
): Promise<LoadedCorpus> {
  const settings: LoadOptions = { ...DEFAULT_LOAD_OPTIONS, ...options };
  if (specs.length === 0) throw new InputError('no corpus given', 'pass --corpus FILE, a folder, a glob, - or brown');
  if (specs.filter((spec) => spec === '-').length > 1) {
    throw new InputError('standard input (-) is given twice as a corpus', 'pass - once');
  }
  // Resolve every spec first, so that a missing file is reported before any reading.
  const sources = specs.flatMap((spec) => resolveSpec(spec, settings));
  return readCorpusText(sources.map((source) => textSource(source, settings)), settings, specs.join(', '), vocabulary, asInputError);
}

/** A resolved source as the loader's core reads it: streamed lazily, so nothing opens before its turn. */
function textSource(source: Source, settings: LoadOptions): TextSource {
  if (source.kind === 'stdin') {
    const kind = settings.jsonlField !== undefined ? 'jsonl' : 'text';
    return { kind, name: 'standard input', chunks: lazy(() => requireStdin(settings)) };
  }
  return { kind: source.kind, name: source.path, chunks: lazy(() => createReadStream(source.path, { highWaterMark: 1 << 20 })) };
}

async function* lazy(open: () => AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
  yield* open();
}

/** Turns one spec into the sources it names, checking that they exist. */
export function resolveSpec(spec: string, settings: LoadOptions): Source[] {
  const cwd = settings.cwd ?? process.cwd();
  if (spec.trim() === '') throw new InputError('an empty corpus name was given', 'pass a file, a folder, a glob, - or brown');
  if (spec === '-') return [{ kind: 'stdin' }];
  if (isBrownSpec(spec) && !existsSync(resolve(cwd, spec))) {
    return brownFiles(spec).map((path) => ({ kind: 'brown' as const, path }));
  }
  const kindOf = (path: string): 'text' | 'jsonl' =>
    settings.jsonlField !== undefined || path.toLowerCase().endsWith('.jsonl') ? 'jsonl' : 'text';
  if (hasWildcard(spec) && !existsSync(resolve(cwd, spec))) {
    const files = expandGlob(spec, cwd);
    if (files.length === 0) throw new InputError(`no file matches '${spec}'`, 'check the pattern, or quote it so the shell does not expand it');
    return files.map((path) => ({ kind: kindOf(path), path }));
  }
  const path = resolve(cwd, spec);
  if (!existsSync(path)) {
    throw new InputError(`corpus '${spec}' not found`, 'pass an existing file, folder or glob, - for stdin, or brown');
  }
  if (statSync(path).isDirectory()) {
    const files = expandGlob('**/*.txt', path).concat(expandGlob('**/*.jsonl', path)).sort();
    if (files.length === 0) throw new InputError(`folder '${spec}' holds no .txt or .jsonl files`, 'pass a folder of text files');
    return files.map((file) => ({ kind: kindOf(file), path: file }));
  }
  return [{ kind: kindOf(path), path }];
}

/** File-system failures (permission denied, a folder, ...) are input errors: the user can fix them. */
function asInputError(error: unknown, name: string): unknown {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string') {
    const reason = { EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'it is a folder', ENOENT: 'it does not exist' }[code] ?? code;
    return new InputError(`cannot read ${name}: ${reason}`, 'check the path and its permissions');
  }
  return error;
}

function requireStdin(settings: LoadOptions): Readable {
  const stdin = settings.stdin ?? process.stdin;
  if ((stdin as { isTTY?: boolean }).isTTY === true) {
    throw new InputError('--corpus - reads standard input, but it is a terminal', 'pipe or redirect a text into it, e.g. ngram-collapse run --corpus - < corpus.txt');
  }
  return stdin;
}
