/**
 * readCorpusText: the file-system-free core of the corpus loader. Text sources (a name, a kind and
 * their bytes as an AsyncIterable of chunks) -> one Vocabulary and one TokenCorpus.
 *
 * Contract: sources are read in order; `brown` text is Brown's own format (one sentence per line,
 * `word/tag` tokens, tags stripped, no tokenizer); `jsonl` is JSON Lines whose `jsonlField` (default
 * `text`) holds the text; `text` is split into sentences (`auto`: natural's sentence tokenizer per
 * paragraph; `line`: one per line), optionally lowercased, tokenized and interned. Problems (binary or
 * UTF-16 data, broken JSONL with its line number, an empty result, more than `maxTokens` tokens) are
 * InputErrors; `mapError` lets a caller restate its own failures (file-system codes) for a source.
 * Invalid UTF-8 becomes U+FFFD with a warning naming the source and line; `<s>` / `</s>` are dropped
 * with a warning. No node: imports: the browser playground runs this very code (loadCorpus.ts adds
 * files, folders, globs, stdin and the installed Brown corpus on top).
 */

import { InputError } from '../errors.js';
import { Vocabulary } from '../vocabulary/vocabulary.js';
import { brownLineTokens } from './brownLine.js';
import { CorpusBuilder } from './corpusBuilder.js';
import { textChunks } from './textChunks.js';
import { sentenceStream, tokenizerFor, whitespaceWindows, type SentenceMode, type TokenizerName, type Tokenize } from './tokenizers.js';
import type { TokenCorpus } from './tokenCorpus.js';

export interface TextSource {
  readonly kind: 'brown' | 'text' | 'jsonl';
  /** Name of the source, for messages (a path, `standard input`, a dropped file's name). */
  readonly name: string;
  readonly chunks: AsyncIterable<Uint8Array | string>;
}

export interface TextOptions {
  readonly tokenizer: TokenizerName;
  readonly lowercase: boolean;
  readonly sentences: SentenceMode;
  /** JSONL field holding the text. */
  readonly jsonlField?: string;
  /** Refuse corpora larger than this many tokens. */
  readonly maxTokens?: number;
  /** Receives warnings (invalid UTF-8 replaced, ...). */
  readonly onWarning?: (message: string) => void;
}

export const DEFAULT_TEXT_OPTIONS: TextOptions = { tokenizer: 'wordpunct', lowercase: true, sentences: 'auto' };

/** Sentences of this many characters or more are tokenized in pieces (see whitespaceWindows). */
const LONG_SENTENCE = 1 << 16;

/** Reads every source into a fresh vocabulary; `label` names the whole corpus in the empty-corpus error. */
export async function readCorpusText(
  sources: readonly TextSource[],
  settings: TextOptions,
  label: string,
  vocabulary: Vocabulary = new Vocabulary(),
  mapError: (error: unknown, name: string) => unknown = (error) => error,
): Promise<{ vocabulary: Vocabulary; corpus: TokenCorpus }> {
  const builder = new CorpusBuilder(vocabulary, settings.maxTokens);
  for (const source of sources) {
    try {
      await readSource(source, settings, builder);
    } catch (error) {
      throw mapError(error, source.name);
    }
  }
  if (builder.droppedMarkers > 0) {
    settings.onWarning?.(
      `the corpus contains ${builder.droppedMarkers} '<s>' / '</s>' token(s); they are the sentence boundary markers and were dropped`,
    );
  }
  if (builder.tokenCount === 0) {
    throw new InputError(`the corpus ${label} holds no tokens`, 'pass a non-empty text corpus');
  }
  return { vocabulary, corpus: builder.build() };
}

async function readSource(source: TextSource, settings: TextOptions, builder: CorpusBuilder): Promise<void> {
  const name = source.name;
  const onInvalidUtf8 = (line: number): void =>
    settings.onWarning?.(`${name} is not valid UTF-8 (first bad byte on line ${line}); invalid bytes were replaced by U+FFFD`);
  if (source.kind === 'brown') {
    for await (const { text } of textChunks(source.chunks, { unit: 'line', name })) builder.addSentence(brownLineTokens(text, settings.lowercase));
    return;
  }
  const split = sentenceStream(settings.sentences);
  const tokenize = tokenizerFor(settings.tokenizer);
  const add = (sentence: string): void => addSentence(builder, tokenize, settings.lowercase ? sentence.toLowerCase() : sentence);
  if (source.kind === 'jsonl') {
    const field = settings.jsonlField ?? 'text';
    for await (const { text, line } of textChunks(source.chunks, { unit: 'line', name, onInvalidUtf8 })) {
      for (const sentence of split(jsonlText(text, field, `${name} line ${line}`))) add(sentence);
    }
    return;
  }
  const unit = settings.sentences === 'line' ? 'line' : 'paragraph';
  for await (const { text } of textChunks(source.chunks, { unit, name, onInvalidUtf8 })) {
    for (const sentence of split(text)) add(sentence);
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
