/**
 * loadCorpus reports its progress: bytes read so far against the files' total size.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { tempDir } from '../helpers/cli.js';

describe('loadCorpus onProgress', () => {
  it('counts every byte of every file against their total', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'a.txt'), 'One two.\n'); // 9 bytes
    writeFileSync(join(cwd, 'b.txt'), 'Été ici.\n'); // 11 bytes (É and é take two each)
    const calls: Array<[number, number | undefined]> = [];
    await loadCorpus(['a.txt', 'b.txt'], { cwd, onProgress: (read, total) => calls.push([read, total]) });
    expect(calls.at(-1)).toEqual([20, 20]);
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThan(calls[i - 1]![0]);
  });

  it('has no total for standard input', async () => {
    const stdin = new PassThrough();
    stdin.end('a b c\n');
    const calls: Array<[number, number | undefined]> = [];
    await loadCorpus(['-'], { stdin, onProgress: (read, total) => calls.push([read, total]) });
    expect(calls).toEqual([[6, undefined]]);
  });
});
