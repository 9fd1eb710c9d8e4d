/**
 * writeText and writePieces (src/cli/watchedWrite.ts): what they write is the text, whatever the
 * slice; a slice never splits a surrogate pair. (The signals they are stopped by: interrupt.test.ts.)
 */
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePieces, writeText } from '../../src/cli/watchedWrite.js';

async function written(write: (stream: ReturnType<typeof createWriteStream>) => Promise<void>): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'ngram-collapse-write-text-')), 'out.txt');
  const stream = createWriteStream(path);
  await write(stream);
  await new Promise((closed) => stream.end(closed));
  return readFileSync(path, 'utf8');
}

describe('writeText', () => {
  it('writes the text whole for every slice size, surrogate pairs kept whole at slice ends (a slice of 1 looped for ever: audit)', async () => {
    // 'a😀b😀' is a, a pair, b, a pair: slices of 1 and 2 units end inside a pair at units 2 and 5
    const text = 'a\u{1F600}b\u{1F600}';
    for (const slice of [1, 2, 3, 4, 1 << 20]) expect(await written((stream) => writeText(stream, text, slice))).toBe(text);
  });

  it('writePieces writes the pieces in order', async () => {
    expect(await written((stream) => writePieces(stream, ['a,b\n', '1,2\n', '']))).toBe('a,b\n1,2\n');
  });
});
