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
 * Options are checked first (validateLoadOptions: UsageError naming the option, the value and what is
 * allowed); an option left out or undefined takes its default from DEFAULT_LOAD_OPTIONS.
 */

import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import { Vocabulary } from '../vocabulary/vocabulary.js';
import { brownFiles, brownLineTokens, isBrownSpec } from './brown.js';
import { CorpusBuilder } from './corpusBuilder.js';
import { expandGlob, hasWildcard } from './glob.js';
import { textChunks } from './textChunks.js';
import { DEFAULT_LOAD_OPTIONS, validateLoadOptions, type LoadOptions } from './loadOptions.js';
import { sentenceStream, tokenizerFor, whitespaceWindows, type Tokenize } from './tokenizers.js';
import type { TokenCorpus } from './tokenCorpus.js';

export { DEFAULT_LOAD_OPTIONS, type LoadOptions } from './loadOptions.js';

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
  validateLoadOptions(specs, options);
  const settings: LoadOptions = { ...DEFAULT_LOAD_OPTIONS, ...withoutUndefined(options) };
  if (specs.length === 0) throw new InputError('no corpus given', 'pass --corpus FILE, a folder, a glob, - or brown');
  if (specs.filter((spec) => spec === '-').length > 1) {
    throw new InputError('standard input (-) is given twice as a corpus', 'pass - once');
  }
  // Resolve every spec first, so that a missing file is reported before any reading.
  const sources = specs.flatMap((spec) => resolveSpec(spec, settings));
  const builder = new CorpusBuilder(vocabulary, settings.maxTokens);
  for (const source of sources) await readSource(source, settings, builder);
  if (builder.droppedMarkers > 0) {
    settings.onWarning?.(
      `the corpus contains ${builder.droppedMarkers} '<s>' / '</s>' token(s); they are the sentence boundary markers and were dropped`,
    );
  }
  if (builder.tokenCount === 0) {
    throw new InputError(`the corpus ${specs.join(', ')} holds no tokens`, 'pass a non-empty text corpus');
  }
  return { vocabulary, corpus: builder.build() };
}

function withoutUndefined(options: Partial<LoadOptions>): Partial<LoadOptions> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
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

/** Sentences of this many characters or more are tokenized in pieces (see whitespaceWindows). */
const LONG_SENTENCE = 1 << 16;

async function readSource(source: Source, settings: LoadOptions, builder: CorpusBuilder): Promise<void> {
  const name = source.kind === 'stdin' ? 'standard input' : source.path;
  try {
    if (source.kind === 'brown') return await readBrown(source.path, settings, builder);
    const stream = source.kind === 'stdin' ? requireStdin(settings) : createReadStream(source.path, { highWaterMark: 1 << 20 });
    const onInvalidUtf8 = (line: number): void =>
      settings.onWarning?.(`${name} is not valid UTF-8 (first bad byte on line ${line}); invalid bytes were replaced by U+FFFD`);
    const split = sentenceStream(settings.sentences);
    const tokenize = tokenizerFor(settings.tokenizer);
    const add = (sentence: string): void => addSentence(builder, tokenize, settings.lowercase ? sentence.toLowerCase() : sentence);
    if (source.kind === 'jsonl' || (source.kind === 'stdin' && settings.jsonlField !== undefined)) {
      const field = settings.jsonlField ?? 'text';
      for await (const { text, line } of textChunks(stream, { unit: 'line', name, onInvalidUtf8 })) {
        for (const sentence of split(jsonlText(text, field, `${name} line ${line}`))) add(sentence);
      }
      return;
    }
    const unit = settings.sentences === 'line' ? 'line' : 'paragraph';
    for await (const { text } of textChunks(stream, { unit, name, onInvalidUtf8 })) {
      for (const sentence of split(text)) add(sentence);
    }
  } catch (error) {
    throw asInputError(error, name);
  }
}

/** Tokenizes one sentence into the builder; a very long one piece by piece (bounded memory). */
function addSentence(builder: CorpusBuilder, tokenize: Tokenize, sentence: string): void {
  if (sentence.length < LONG_SENTENCE) {
    builder.addSentence(tokenize(sentence));
    return;
  }
  for (const piece of whitespaceWindows(sentence, LONG_SENTENCE)) builder.appendTokens(tokenize(piece));
  builder.endSentence();
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

function jsonlText(line: string, field: string, where: string): string {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    throw new InputError(`${where} is not valid JSON`, 'fix or remove that line; JSONL needs one JSON object per line');
  }
  const value = typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[field] : undefined;
  if (typeof value !== 'string') {
    throw new InputError(`${where} has no string field '${field}'`, 'choose the field with --jsonl-field');
  }
  return value;
}

async function readBrown(path: string, settings: LoadOptions, builder: CorpusBuilder): Promise<void> {
  const text = await readFile(path, 'utf8');
  for (const line of text.split('\n')) builder.addSentence(brownLineTokens(line, settings.lowercase));
}

function requireStdin(settings: LoadOptions): Readable {
  const stdin = settings.stdin ?? process.stdin;
  if ((stdin as { isTTY?: boolean }).isTTY === true) {
    throw new InputError('--corpus - reads standard input, but it is a terminal', 'pipe or redirect a text into it, e.g. ngram-collapse run --corpus - < corpus.txt');
  }
  return stdin;
}
