/**
 * Whole files: the content appears at the path only once complete (written beside it as
 * `<path>.partial`, then renamed); an older file stays until then; a link is written through; a
 * device is written to, never replaced; a failed or discarded write leaves no temporary file.
 */

import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSpecialFile, openWholeFile, partialPath, writeWholeFile, writeWholeFileFrom, writeWholeFileSync } from '../../src/export/wholeFile.js';
import { namedFile } from '../../src/corpus/namedFile.js';

const folder = (): string => mkdtempSync(join(tmpdir(), 'ngram-collapse-whole-file-'));

describe('writeWholeFileSync and writeWholeFile', () => {
  it('write the content and leave no temporary file', async () => {
    const dir = folder();
    writeWholeFileSync(join(dir, 'a.txt'), 'one\n');
    await writeWholeFile(join(dir, 'b.txt'), 'two\n');
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('one\n');
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('two\n');
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('writeWholeFileSync writes bytes as they are (as the build writes the Brown cache): none read as text', () => {
    const dir = folder();
    // 0xff and a lone 0x80 are no UTF-8: written as a string they would come back as U+FFFD (EF BF BD each)
    const bytes = Uint8Array.of(0x4e, 0xff, 0x00, 0x80, 0x43);
    writeWholeFileSync(join(dir, 'c.bin'), bytes);
    expect([...readFileSync(join(dir, 'c.bin'))]).toEqual([0x4e, 0xff, 0x00, 0x80, 0x43]);
    expect(readdirSync(dir)).toEqual(['c.bin']);
  });

  it('write through a link: the file it points to is replaced, the link stays a link (also a link to a file not yet made)', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'target.txt'), 'old');
    symlinkSync(join(dir, 'target.txt'), join(dir, 'link.txt'));
    await writeWholeFile(join(dir, 'link.txt'), 'new');
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toBe('new');
    symlinkSync('later.txt', join(dir, 'dangling.txt')); // relative to the link's folder
    writeWholeFileSync(join(dir, 'dangling.txt'), 'made');
    expect(readlinkSync(join(dir, 'dangling.txt'))).toBe('later.txt');
    expect(readFileSync(join(dir, 'later.txt'), 'utf8')).toBe('made');
  });

  it('follow links as the system does: a link to a file not yet made inside a linked folder, and links to links', () => {
    const dir = folder();
    // d -> real/sub; real/sub/l -> ../x.csv names real/x.csv (the system reads ../ from real/sub, not from d's folder)
    mkdirSync(join(dir, 'real', 'sub'), { recursive: true });
    symlinkSync(join(dir, 'real', 'sub'), join(dir, 'd'));
    symlinkSync('../x.csv', join(dir, 'real', 'sub', 'l'));
    writeFileSync(join(dir, 'x.csv'), 'user data');
    writeWholeFileSync(join(dir, 'd', 'l'), 'written');
    expect(readFileSync(join(dir, 'real', 'x.csv'), 'utf8')).toBe('written');
    expect(readFileSync(join(dir, 'x.csv'), 'utf8')).toBe('user data');
    expect(namedFile(join(dir, 'd', 'l'))).toBe(join(realpathSync(dir), 'real', 'x.csv'));
    // m1 -> m2 -> s.csv (not yet made): s.csv is written, both links stay links
    symlinkSync('m2', join(dir, 'm1'));
    symlinkSync('s.csv', join(dir, 'm2'));
    writeWholeFileSync(join(dir, 'm1'), 'through two links');
    expect(readFileSync(join(dir, 's.csv'), 'utf8')).toBe('through two links');
    expect([lstatSync(join(dir, 'm1')).isSymbolicLink(), lstatSync(join(dir, 'm2')).isSymbolicLink()]).toEqual([true, true]);
    // l1 -> l2 -> l1: refused, naming the path
    symlinkSync('l2', join(dir, 'l1'));
    symlinkSync('l1', join(dir, 'l2'));
    expect(() => writeWholeFileSync(join(dir, 'l1'), 'x')).toThrow(`${join(dir, 'l1')} is a loop of links`);
  });

  it('never write through a stale <path>.partial: a link there is removed, not followed; a folder there is refused', () => {
    const dir = folder();
    writeFileSync(join(dir, 'victim.txt'), 'keep me');
    symlinkSync(join(dir, 'victim.txt'), join(dir, 's.csv.partial'));
    writeWholeFileSync(join(dir, 's.csv'), 'summary');
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('keep me');
    expect(lstatSync(join(dir, 's.csv')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 's.csv'), 'utf8')).toBe('summary');
    mkdirSync(join(dir, 't.csv.partial'));
    expect(() => writeWholeFileSync(join(dir, 't.csv'), 'x')).toThrow(`${join(dir, 't.csv.partial')} is a folder, in the way of writing`);
  });

  it('with a tag, write through <path>.<tag>.partial, leaving another writer\'s <path>.partial where it is (shards writing one human.txt)', () => {
    const dir = folder();
    const path = join(dir, 'human.txt');
    writeFileSync(partialPath(path), 'another shard, half way');
    writeWholeFileSync(path, 'the same bytes\n', 'shard-2-of-3');
    expect(partialPath(path, 'shard-2-of-3')).toBe(`${path}.shard-2-of-3.partial`);
    expect(readFileSync(path, 'utf8')).toBe('the same bytes\n');
    expect(readdirSync(dir).sort()).toEqual(['human.txt', 'human.txt.partial']);
    expect(readFileSync(partialPath(path), 'utf8')).toBe('another shard, half way');
  });

  it("give the new file no more access than the one it replaces had, and, written by root, its owner (a private results file became world-readable: last note's list)", async () => {
    const dir = folder();
    writeFileSync(join(dir, 'made'), '');
    const made = statSync(join(dir, 'made')).mode & 0o777; // (what the umask gives a new file)
    const files = ['sync.csv', 'async.csv', 'stream.csv', 'open.csv'].map((name) => join(dir, name));
    const modes = [0o600, 0o640, 0o444, 0o666];
    for (const [i, file] of files.entries()) {
      writeFileSync(file, 'old');
      chmodSync(file, modes[i]!);
      if (process.geteuid?.() === 0) chownSync(file, 65534, 65534);
    }
    writeWholeFileSync(files[0]!, 'new');
    await writeWholeFile(files[1]!, 'new');
    await writeWholeFileFrom(files[2]!, async (stream) => void stream.write('new'));
    writeWholeFileSync(files[3]!, 'new');
    // each the old mode less what a new file lacks (the old 666 is not widened to: the umask's 644 stays)
    expect(files.map((file) => [readFileSync(file, 'utf8'), statSync(file).mode & 0o777])).toEqual(modes.map((mode) => ['new', mode & made]));
    if (process.geteuid?.() === 0) expect(files.map((file) => statSync(file).uid)).toEqual([65534, 65534, 65534, 65534]);
    // a file not there before takes the process's own (the umask's) permissions
    writeWholeFileSync(join(dir, 'fresh.csv'), 'new');
    expect(statSync(join(dir, 'fresh.csv')).uid).toBe(process.geteuid?.());
  });

  it("give the temporary file that access while it is written, before any content (a private file's new text sat world-readable in its .partial: round 2)", async () => {
    const dir = folder();
    writeFileSync(join(dir, 'made'), '');
    const made = statSync(join(dir, 'made')).mode & 0o777;
    const streamed = join(dir, 'stream.csv');
    writeFileSync(streamed, 'old');
    chmodSync(streamed, 0o600);
    // the stream's temporary file as it stands while the content is written (not yet committed)
    let modeWhileWritten = -1;
    await writeWholeFileFrom(streamed, async (stream) => {
      stream.write('new');
      modeWhileWritten = statSync(partialPath(streamed)).mode & 0o777;
    });
    expect(modeWhileWritten).toBe(0o600 & made);
    expect([readFileSync(streamed, 'utf8'), statSync(streamed).mode & 0o777]).toEqual(['new', 0o600 & made]);
  });

  // (root in a user namespace, as in rootless containers, may not give a file to an unmapped owner: the
  // chown failed with a raw EINVAL after all the work: audit)
  it.runIf(process.geteuid?.() === 0 && spawnSync('unshare', ['-U', '--map-user=0', '--map-group=0', 'true']).status === 0)('write the file when the owner cannot be kept (best effort)', () => {
    const dir = folder();
    const file = join(dir, 'theirs.csv');
    writeFileSync(file, 'old');
    chownSync(file, 1234, 1234);
    const module = JSON.stringify(join(import.meta.dirname, '../../dist/export/wholeFile.js'));
    const script = `import(${module}).then(({ writeWholeFileSync }) => writeWholeFileSync(${JSON.stringify(file)}, 'new'))`;
    const child = spawnSync('unshare', ['-U', '--map-user=0', '--map-group=0', process.execPath, '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect([child.status, child.stderr]).toEqual([0, '']);
    expect(readFileSync(file, 'utf8')).toBe('new');
  });

  it('write to a device as it is, never replacing it', () => {
    writeWholeFileSync('/dev/null', 'nothing');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(isSpecialFile('/dev/null')).toBe(true);
    expect(existsSync(partialPath('/dev/null'))).toBe(false);
    expect(isSpecialFile(join(folder(), 'new.csv'))).toBe(false);
  });

  it('leave no temporary file when the write fails, and rethrow', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'taken'), 'a file where a folder is needed');
    expect(() => writeWholeFileSync(join(dir, 'taken', 'x.txt'), 'x')).toThrow(/ENOTDIR/u);
    await expect(writeWholeFile(join(dir, 'taken', 'y.txt'), 'y')).rejects.toThrow(/ENOTDIR/u);
    // a folder at the path is no regular file: written to as it is, which fails
    expect(() => writeWholeFileSync(dir, 'x')).toThrow(/EISDIR/u);
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(existsSync(partialPath(dir))).toBe(false);
  });
});

describe('openWholeFile', () => {
  it('keeps an older file as it was until commit(), then replaces it', async () => {
    const dir = folder();
    const path = join(dir, 'out.csv');
    writeFileSync(path, 'old\n');
    const whole = openWholeFile(path);
    whole.stream.write('new, ');
    whole.stream.write('whole\n');
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    await whole.commit();
    expect(readFileSync(path, 'utf8')).toBe('new, whole\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('discard() leaves the path as it was and removes the temporary file', async () => {
    const dir = folder();
    const path = join(dir, 'out.csv');
    writeFileSync(path, 'old\n');
    const whole = openWholeFile(path);
    whole.stream.write('half a ro');
    await whole.discard();
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('writeWholeFileFrom commits what the writer wrote, and discards it when the writer throws', async () => {
    const dir = folder();
    await writeWholeFileFrom(join(dir, 'ok.txt'), async (stream) => void stream.write('done'));
    expect(readFileSync(join(dir, 'ok.txt'), 'utf8')).toBe('done');
    await expect(
      writeWholeFileFrom(join(dir, 'no.txt'), async (stream) => {
        stream.write('part');
        throw new Error('stopped');
      }),
    ).rejects.toThrow('stopped');
    expect(readdirSync(dir)).toEqual(['ok.txt']);
  });

  it('commit() rejects with a write error (a full disk) and leaves no file; a device is written to, not replaced', async () => {
    const whole = openWholeFile('/dev/full');
    whole.stream.write('x'.repeat(1 << 16));
    await expect(whole.commit()).rejects.toThrow(/ENOSPC/u);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    expect(existsSync(partialPath('/dev/full'))).toBe(false);
  });
});
