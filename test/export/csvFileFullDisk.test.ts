/**
 * openCsv on a disk that fills up: a write the disk takes only in part leaves half a row, which the
 * writer cuts back to the last whole row before close() rejects (the probe's 64 KB tmpfs: the curves
 * CSV ended in row 200's 40th of 54 fields). The full disk is simulated: a file stream of the mocked
 * file system that takes LIMIT bytes in all, the last write only in part, then fails with ENOSPC.
 */

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const LIMIT = 100;

vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const createWriteStream = ((path: string, options?: { flags?: string }) => {
    if (options?.flags !== 'a') fs.writeFileSync(path, '');
    let room = LIMIT - fs.statSync(path).size;
    return new Writable({
      write(chunk: Buffer, _encoding, done) {
        const taken = chunk.subarray(0, Math.max(0, room));
        fs.appendFileSync(path, taken);
        room -= taken.length;
        done(taken.length < chunk.length ? Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }) : null);
      },
    });
  }) as unknown as typeof fs.createWriteStream;
  return { ...fs, default: { ...fs, createWriteStream }, createWriteStream };
});

const { openCsv } = await import('../../src/export/csvFile.js');

const HEADER = ['cell', 'generation', 'ttr'];
/** 'c,<g>,0.12345\n' is 12-13 bytes: the header (21 bytes) and 6 rows fit in LIMIT = 100, the 7th is cut. */
const row = (g: number): string[] => ['c', String(g), '0.12345'];

describe('openCsv on a full disk', () => {
  it('rejects at close with the write error, the file cut back to its last whole row', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'csv-full-')), 'c.csv');
    const csv = openCsv(path, HEADER);
    for (let g = 0; g < 20; g++) csv.write(row(g));
    await expect(csv.close()).rejects.toThrow(/ENOSPC/u);
    const text = readFileSync(path, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    // header 21 bytes + rows of 12 bytes (g < 10): 6 rows make 93, the 7th would reach 105
    expect(text).toBe(['cell,generation,ttr', ...[0, 1, 2, 3, 4, 5].map((g) => row(g).join(','))].join('\n') + '\n');
  });

  it('appending (--resume): keeps what the file held and the rows added whole', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'csv-full-')), 'c.csv');
    const before = 'cell,generation,ttr\nc,0,0.12345\n';
    writeFileSync(path, before);
    const csv = openCsv(path, HEADER, { append: true });
    for (let g = 1; g < 20; g++) csv.write(row(g));
    await expect(csv.close()).rejects.toThrow(/ENOSPC/u);
    // 33 bytes held; rows 1-5 make 93, row 6 would reach 105
    expect(readFileSync(path, 'utf8')).toBe(before + [1, 2, 3, 4, 5].map((g) => `${row(g).join(',')}\n`).join(''));
  });
});

