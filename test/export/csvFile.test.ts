import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../src/errors.js';
import { openCsv } from '../../src/export/csvFile.js';
import { tempDir } from '../helpers/cli.js';

describe('openCsv', () => {
  it('writes the header, each row (quoted where needed) and one final row delimiter', async () => {
    const path = join(tempDir(), 'a.csv');
    const csv = openCsv(path, ['name', 'value']);
    csv.write(['plain', '1']);
    csv.write(['with, comma', 'say "hi"']);
    await csv.close();
    expect(readFileSync(path, 'utf8')).toBe('name,value\nplain,1\n"with, comma","say ""hi"""\n');
  });

  it('refuses a record with a hole (it was written as an empty field: review)', async () => {
    const csv = openCsv(join(tempDir(), 'h.csv'), ['a', 'b']);
    // eslint-disable-next-line no-sparse-arrays
    expect(() => csv.write(['1', ,] as never)).toThrow(/^a CSV record must be a list of 2 strings, one per column of the header, got /u);
    await csv.close();
  });

  it('refuses a header that is not a list of names, before the file is opened (a string was written as a row of its characters)', () => {
    const path = join(tempDir(), 'h.csv');
    expect(() => openCsv(path, 'abc' as never)).toThrow(UsageError);
    expect(() => openCsv(path, 'abc' as never)).toThrow("openCsv needs the header as a list of distinct column names, got 'abc'");
    expect(() => openCsv(path, ['a', 1] as never)).toThrow(UsageError);
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a misspelt option or one that is no boolean, before the file is opened (appendd emptied the file: audit)', () => {
    const path = join(tempDir(), 'kept.csv');
    writeFileSync(path, 'name,value\na,1\n');
    expect(() => openCsv(path, ['name', 'value'], { appendd: true } as never)).toThrow("unknown openCsv option 'appendd'");
    expect(() => openCsv(path, ['name', 'value'], { append: 'yes' } as never)).toThrow("options.append must be true or false, got the string 'yes'");
    // a whole file is written anew: with append it emptied the file (audit)
    expect(() => openCsv(path, ['name', 'value'], { append: true, whole: true })).toThrow('openCsv options append and whole cannot go together: a whole file is written anew');
    expect(readFileSync(path, 'utf8')).toBe('name,value\na,1\n');
  });

  it('replaces a file that is there, unless appending', async () => {
    const path = join(tempDir(), 'old.csv');
    writeFileSync(path, 'a much longer file that was there before\nwith two lines\n');
    const csv = openCsv(path, ['name']);
    csv.write(['x']);
    await csv.close();
    expect(readFileSync(path, 'utf8')).toBe('name\nx\n');
  });

  it('refuses a record written after close(), which would be lost (it was dropped without a word: review); a second close() is no error', async () => {
    const path = join(tempDir(), 'after.csv');
    const csv = openCsv(path, ['a']);
    csv.write(['1']);
    await csv.close();
    expect(() => csv.write(['2'])).toThrow(new UsageError(`${path}: a CSV record written after close() would be lost`, 'write every record before closing the writer'));
    await expect(csv.close()).resolves.toBeUndefined();
    expect(readFileSync(path, 'utf8')).toBe('a\n1\n');
  });

  it('refuses a target that is neither a path nor a stream, and a path no file can be made at, when opened (audit: raw TypeErrors, or ENOENT only at close)', () => {
    for (const target of [3, null, {}, { write: 'no' }]) {
      expect(() => openCsv(target as never, ['a'])).toThrow(UsageError);
      expect(() => openCsv(target as never, ['a'])).toThrow(/^openCsv's target must be a file path or a writable stream, got /u);
    }
    // a value of another type named with its type (it read got '3': review)
    expect(() => openCsv(3 as never, ['a'])).toThrow("openCsv's target must be a file path or a writable stream, got the number '3'");
    const folder = tempDir();
    const missing = join(folder, 'no such folder', 'a.csv');
    expect(() => openCsv(missing, ['a'])).toThrow(InputError);
    expect(() => openCsv(missing, ['a'])).toThrow(`openCsv target ${missing}: the folder ${join(folder, 'no such folder')} does not exist`);
    expect(() => openCsv(folder, ['a'])).toThrow(`openCsv target ${folder} is a folder`);
    expect(() => openCsv('', ['a'])).toThrow(InputError);
    // (only the CLI reads - as standard output: a library caller passes the stream)
    expect(() => openCsv('-', ['a'])).toThrow("openCsv's target '-' would be a file named -");
    expect(existsSync(join(folder, 'no such folder'))).toBe(false);
    // named as the caller names it (the CLI its flag: a CLI user read `openCsv target`: audit)
    expect(() => openCsv(missing, ['a'], { whole: true, label: '--summary' })).toThrow(`--summary ${missing}: the folder`);
    expect(() => openCsv(missing, ['a'], { label: ' ' })).toThrow("options.label must be a string that is not blank, got ' '");
  });

  it('a write that fails (a full disk, /dev/full) rejects close() with its error, and is no unhandled rejection before that', async () => {
    const csv = openCsv('/dev/full', ['a']);
    csv.write(['1']);
    // the failed write's error arrives while the caller is still busy (a run between two rows)
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(csv.close()).rejects.toThrow(/ENOSPC/u);
  });

  it('appends rows without a header (--resume): the file goes on as if never interrupted', async () => {
    const path = join(tempDir(), 'b.csv');
    writeFileSync(path, 'name,value\nfirst,1\n');
    const csv = openCsv(path, ['name', 'value'], { append: true });
    csv.write(['second', '2']);
    csv.write(['third', '3']);
    await csv.close();
    expect(readFileSync(path, 'utf8')).toBe('name,value\nfirst,1\nsecond,2\nthird,3\n');
  });

  it('an append without rows adds nothing, not even a row delimiter', async () => {
    const path = join(tempDir(), 'c.csv');
    writeFileSync(path, 'name,value\nfirst,1\n');
    await openCsv(path, ['name', 'value'], { append: true }).close();
    expect(readFileSync(path, 'utf8')).toBe('name,value\nfirst,1\n');
  });

  it('writes to a stream (stdout for --out -) the same bytes, and leaves the stream open', async () => {
    const chunks: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const csv = openCsv(sink, ['a']);
    csv.write(['1']);
    await csv.close();
    expect(chunks.join('')).toBe('a\n1\n');
    expect(sink.writableEnded).toBe(false);
  });

  it('each row is handed over with its own line end: what is written so far always ends with a whole line', () => {
    // (a reader following the file, `tail -f`, or a run killed with SIGKILL between two rows, sees every
    // finished row whole; fast-csv alone puts each row's line end before the next row)
    const chunks: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const csv = openCsv(sink, ['a', 'b']);
    expect(chunks).toEqual(['a,b\n']);
    csv.write(['1', 'x']);
    csv.write(['2', 'y, z']);
    // one write per row, each ending it, before close()
    expect(chunks).toEqual(['a,b\n', '1,x\n', '2,"y, z"\n']);
  });
});
