/**
 * The room loadCorpus makes for a text file's tokens before reading it (about one token per 4 bytes of
 * the file): a file with more tokens than that still loads whole, and one with fewer gives ids of
 * exactly its size, not the room made for them. The same text read as a string (readCorpusText, no
 * room made) is the reference.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { readCorpusText } from '../../src/corpus/readText.js';

const folder = mkdtempSync(join(tmpdir(), 'token-room-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function loadedAndRead(text: string): Promise<{ loaded: Awaited<ReturnType<typeof loadCorpus>>; read: Awaited<ReturnType<typeof readCorpusText>> }> {
  const path = join(folder, `${text.length}.txt`);
  writeFileSync(path, text);
  const options = { sentences: 'line' as const, tokenizer: 'whitespace' as const };
  return { loaded: await loadCorpus([path], options), read: await readCorpusText(text, options) };
}

describe('the room made for a text file', () => {
  it('is outgrown by a file of one-letter tokens (2 bytes each), which still loads whole', async () => {
    // 100,000 lines "a b c d e f g h\n": 16 bytes, 8 tokens a line; room for 1.6 MB / 4 = 400,000, 800,000 come
    const { loaded, read } = await loadedAndRead('a b c d e f g h\n'.repeat(100_000));
    expect(loaded.corpus.ids.length).toBe(800_000);
    expect(loaded.corpus).toEqual(read.corpus);
    expect(loaded.vocabulary.toArray()).toEqual(read.vocabulary.toArray());
  });

  it('gives ids of exactly the tokens a file of long tokens holds, in a buffer of their size', async () => {
    // 20,000 lines of two 15-letter words: 32 bytes, 2 tokens a line; room for 640,000 / 4 = 160,000, 40,000 come
    const { loaded, read } = await loadedAndRead('abcdefghijklmno pqrstuvwxyzabcd\n'.repeat(20_000));
    expect(loaded.corpus.ids.length).toBe(40_000);
    expect(loaded.corpus.ids.buffer.byteLength).toBe(40_000 * 4);
    expect(loaded.corpus).toEqual(read.corpus);
  });
});
