/**
 * makeFolder makes a folder and its missing parents and never loops; canCreateIn tries a new
 * folder and leaves nothing; checkWritableFolder refuses, before any work, a folder that cannot be
 * made although its parent looks writable (any new name under /proc, for root), and checkWritable
 * a new file there.
 */

import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { canCreateIn, makeFolder } from '../../src/export/makeFolder.js';
import { checkFolderEntries, checkRemovable, checkWritable, checkWritableFolder } from '../../src/export/outputPaths.js';
import { writeWholeFileSync } from '../../src/export/wholeFile.js';

const built = join(import.meta.dirname, '../../dist/export/makeFolder.js');
const folder = (): string => mkdtempSync(join(tmpdir(), 'ngram-collapse-make-folder-'));
/** /proc takes no new names, yet root may write to it: the case Node's recursive mkdir loops on. */
const procRefuses = existsSync('/proc/self') && process.getuid?.() === 0;
/** Whether this file system takes chattr's append-only flag here (ext4 as root does; tmpfs or overlay may not). */
const appendOnlyWorks = ((): boolean => {
  const probe = join(folder(), 'probe');
  writeFileSync(probe, 'x');
  const set = spawnSync('chattr', ['+a', probe]).status === 0;
  if (set) spawnSync('chattr', ['-a', probe]);
  return set;
})();

/** Runs `body` with `file` append-only (or immutable: +i), and lifts that after, so the folder can be removed. */
function withAttribute(file: string, attribute: '+a' | '+i', body: () => void): void {
  expect(spawnSync('chattr', [attribute, file]).status).toBe(0);
  try {
    body();
  } finally {
    spawnSync('chattr', [attribute.replace('+', '-'), file]);
  }
}

describe('makeFolder', () => {
  it('makes every missing level, and leaves an existing folder as it is', () => {
    const dir = folder();
    writeFileSync(join(dir, 'kept.txt'), 'x');
    makeFolder(join(dir, 'a', 'b', 'c'));
    expect(statSync(join(dir, 'a', 'b', 'c')).isDirectory()).toBe(true);
    makeFolder(dir);
    makeFolder(join(dir, 'a'));
    expect(readdirSync(dir).sort()).toEqual(['a', 'kept.txt']);
  });

  it('throws EEXIST when a file stands where a folder should be', () => {
    const dir = folder();
    writeFileSync(join(dir, 'file'), 'x');
    expect(() => makeFolder(join(dir, 'file'))).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(() => makeFolder(join(dir, 'file', 'below'))).toThrow(expect.objectContaining({ code: 'EEXIST' }));
  });

  // (the built module in a child process with a time limit: a loop would otherwise hang the test run)
  it.runIf(procRefuses)('throws at once where a parent takes no new folder (Node recursive mkdir loops there)', () => {
    const script = `import(${JSON.stringify(built)}).then(({ makeFolder }) => {
      try { makeFolder('/proc/ngram-collapse-test/a/b'); console.log('made'); } catch (error) { console.log(error.code); }
    });`;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(child.error).toBeUndefined();
    expect(child.stdout.trim()).toBe('ENOENT');
  });
});

describe('canCreateIn', () => {
  it('is true in a writable folder and leaves nothing there', () => {
    const dir = folder();
    expect(canCreateIn(dir)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is false in a folder that is gone, and in a file', () => {
    const dir = folder();
    writeFileSync(join(dir, 'file'), 'x');
    expect(canCreateIn(join(dir, 'gone'))).toBe(false);
    expect(canCreateIn(join(dir, 'file'))).toBe(false);
  });

  it.runIf(procRefuses)('is false in /proc, where root may write yet no folder can be made', () => {
    expect(canCreateIn('/proc')).toBe(false);
  });
});

describe('checkWritableFolder', () => {
  it('accepts a folder to be made below a writable one, and makes nothing', () => {
    const dir = folder();
    mkdirSync(join(dir, 'existing'));
    expect(checkWritableFolder('new/deeper', dir, '--out')).toBe(join(dir, 'new', 'deeper'));
    expect(checkWritableFolder('existing', dir, '--out')).toBe(join(dir, 'existing'));
    expect(readdirSync(dir)).toEqual(['existing']);
  });

  it.runIf(procRefuses)('refuses /proc itself as an output folder: it takes no file (a recipe ran, then failed with a raw ENOENT)', () => {
    expect(() => checkWritableFolder('/proc', '/', '--out')).toThrow('--out /proc: no file can be made in /proc');
  });

  it('refuses a link to nothing and a loop of links on the way, where no folder can be made (a raw EEXIST or ELOOP after the work)', () => {
    const dir = folder();
    symlinkSync(join(dir, 'gone'), join(dir, 'dangling'));
    symlinkSync(join(dir, 'loop-b'), join(dir, 'loop-a'));
    symlinkSync(join(dir, 'loop-a'), join(dir, 'loop-b'));
    // (each named with where it points: 'a link to nothing, or a loop of links' said neither)
    const gone = `is a link to ${join(dir, 'gone')}, which does not exist`;
    for (const [name, what] of [['dangling', gone], ['loop-a', 'is a loop of links'], ['dangling/below', gone]]) {
      const link = join(dir, name!.split('/')[0]!);
      expect(() => checkWritableFolder(name!, dir, '--svg')).toThrow(`--svg ${name}: ${link} ${what}`);
    }
    // a folder given as its absolute path (plot resolves its paths) is named once, not twice
    expect(() => checkWritableFolder(join(dir, 'dangling'), '/', '--svg')).toThrow(`--svg ${join(dir, 'dangling')} ${gone}`);
    // a link to a folder is a folder
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'to-real'));
    expect(checkWritableFolder('to-real/new', dir, '--svg')).toBe(join(dir, 'to-real', 'new'));
  });

  it.runIf(procRefuses)('refuses a folder under /proc, naming the flag and the folder that takes no new one', () => {
    expect(() => checkWritableFolder('/proc/x/y', '/', '--out')).toThrow(InputError);
    expect(() => checkWritableFolder('/proc/x/y', '/', '--out')).toThrow('--out /proc/x/y: no folder can be made in /proc');
  });
});

describe('checkWritable', () => {
  it.runIf(procRefuses)('refuses a new file where no file can be made (/proc, as root: the permission test passes), naming the flag and the folder', () => {
    // (it failed after the work, with exit 1 and a raw ENOENT)
    expect(() => checkWritable('/proc/x.csv', '/', '--out')).toThrow('--out /proc/x.csv: no file can be made in /proc');
    expect(() => checkWritable('/proc/x.csv', '/', '--out')).toThrow(InputError);
  });

  it('accepts a new file in a writable folder and an existing file, making nothing', () => {
    const dir = folder();
    writeFileSync(join(dir, 'old.csv'), 'x');
    expect(checkWritable('new.csv', dir, '--out')).toBe(join(dir, 'new.csv'));
    expect(checkWritable('old.csv', dir, '--out')).toBe(join(dir, 'old.csv'));
    expect(readdirSync(dir)).toEqual(['old.csv']);
  });

  it('refuses a link to a file in a folder that does not exist, naming the link and where it points (it failed after the work, with a raw ENOENT)', () => {
    const dir = folder();
    symlinkSync(join(dir, 'gone', 'x.csv'), join(dir, 'out.csv'));
    expect(() => checkWritable('out.csv', dir, '--out')).toThrow(`--out out.csv is a link to ${join(dir, 'gone', 'x.csv')}, whose folder does not exist`);
    writeFileSync(join(dir, 'file'), 'x');
    symlinkSync(join(dir, 'file', 'x.csv'), join(dir, 'under-a-file.csv'));
    expect(() => checkWritable('under-a-file.csv', dir, '--out')).toThrow(`--out under-a-file.csv is a link to ${join(dir, 'file', 'x.csv')}, and ${join(dir, 'file')} is not a folder`);
    // a link to a file not yet made in a folder that exists is fine: the write makes that file
    mkdirSync(join(dir, 'there'));
    symlinkSync(join(dir, 'there', 'x.csv'), join(dir, 'fine.csv'));
    expect(checkWritable('fine.csv', dir, '--out')).toBe(join(dir, 'fine.csv'));
    expect(readdirSync(join(dir, 'there'))).toEqual([]);
  });

  it('refuses a path ending in / and a link to a name ending in / that is not there: both name a folder (a file was made without the slash, or a raw EISDIR after the work)', () => {
    const dir = folder();
    expect(() => checkWritable('new/', dir, '--out')).toThrow(`--out new/ ends in /, which names a folder`);
    symlinkSync('missing/', join(dir, 'to-folder-name'));
    expect(() => checkWritable('to-folder-name', dir, '--out')).toThrow(`--out to-folder-name is a link to ${join(dir, 'missing')}/, which names a folder`);
    // (without the slash the same link makes the file `missing`, as the system does)
    symlinkSync('missing', join(dir, 'to-file-name'));
    expect(checkWritable('to-file-name', dir, '--out')).toBe(join(dir, 'to-file-name'));
    expect(readdirSync(dir).sort()).toEqual(['to-file-name', 'to-folder-name']);
  });

  it.runIf(appendOnlyWorks)('refuses an existing file the system keeps (append-only or immutable), which access() calls writable (a raw EPERM after the work, the old curves emptied: audit)', () => {
    const dir = folder();
    writeFileSync(join(dir, 'kept.csv'), 'old rows\n');
    withAttribute(join(dir, 'kept.csv'), '+a', () => {
      expect(() => checkWritable('kept.csv', dir, '--out')).toThrow('--out kept.csv cannot be replaced: the system keeps it (an append-only or immutable file, see lsattr)');
    });
    withAttribute(join(dir, 'kept.csv'), '+i', () => {
      // (said as kept, not "not writable" with a hint about the folder: access() speaks EPERM for it)
      expect(() => checkWritable('kept.csv', dir, '--out')).toThrow('--out kept.csv cannot be replaced: the system keeps it');
    });
    // the same file, free again, is fine, and the checks left it as it was
    expect(checkWritable('kept.csv', dir, '--out')).toBe(join(dir, 'kept.csv'));
    expect(readFileSync(join(dir, 'kept.csv'), 'utf8')).toBe('old rows\n');
    // an entry of an output folder too
    mkdirSync(join(dir, 'sv'));
    writeFileSync(join(dir, 'sv', 'human.txt'), 'old\n');
    withAttribute(join(dir, 'sv', 'human.txt'), '+a', () => {
      expect(() => checkFolderEntries(join(dir, 'sv'), 'sv', ['human.txt'], '--save-corpora')).toThrow('--save-corpora sv: human.txt cannot be replaced');
    });
    expect(() => checkFolderEntries(join(dir, 'sv'), 'sv', ['human.txt'], '--save-corpora')).not.toThrow();
  });

  it('refuses a path whose last step is . or .. too, and a chain of links one of whose texts ends in /, or that reaches a file that way (audit: `new/.` wrote the file new; L -> L2/, L2 -> x a raw EISDIR after the work)', () => {
    const dir = folder();
    expect(() => checkWritable('new/.', dir, '--out')).toThrow('--out new/. ends in /., which names a folder');
    expect(() => checkWritable('new/..', dir, '--out')).toThrow('--out new/.. ends in /.., which names a folder');
    symlinkSync('x', join(dir, 'L2'));
    symlinkSync('L2/', join(dir, 'L'));
    expect(() => checkWritable('L', dir, '--out')).toThrow(`--out L is a link to ${join(dir, 'x')}/, which names a folder`);
    writeFileSync(join(dir, 'f'), 'old\n');
    symlinkSync('f/', join(dir, 'through-a-file'));
    expect(() => checkWritable('through-a-file', dir, '--out')).toThrow(`--out through-a-file is a link to ${join(dir, 'f')}/, which names a folder`);
    expect(readFileSync(join(dir, 'f'), 'utf8')).toBe('old\n');
    // (the same links without the slash name files: L2 makes x)
    expect(checkWritable('L2', dir, '--out')).toBe(join(dir, 'L2'));
  });

  it.runIf(appendOnlyWorks)('refuses a file in a folder that takes no new file, an existing one too (it is written beside its path, then put in place): immutable, or append-only, which the probe left says (a raw EPERM after the work, the old curves emptied: audit)', () => {
    const dir = folder();
    mkdirSync(join(dir, 'fixed'));
    writeFileSync(join(dir, 'fixed', 'old.csv'), 'old rows\n');
    withAttribute(join(dir, 'fixed'), '+i', () => {
      expect(() => checkWritable('fixed/old.csv', dir, '--out')).toThrow(`--out fixed/old.csv: it is written beside its path and then put in place, and no file can be made in ${join(dir, 'fixed')}`);
      // written in place (run's streamed CSVs), an existing file needs no new name there (it was refused: audit)
      expect(checkWritable('fixed/old.csv', dir, '--extinctions', { inPlace: true })).toBe(join(dir, 'fixed', 'old.csv'));
      expect(() => checkWritable('fixed/new.csv', dir, '--extinctions', { inPlace: true })).toThrow('--extinctions fixed/new.csv is not writable');
    });
    mkdirSync(join(dir, 'log'));
    writeFileSync(join(dir, 'log', 'old.csv'), 'old rows\n');
    withAttribute(join(dir, 'log'), '+a', () => {
      expect(() => checkWritable('log/old.csv', dir, '--out')).toThrow(new RegExp(`^--out log/old\\.csv: the folder ${join(dir, 'log')} takes new names but lets none be removed or replaced \\(append-only, see lsattr -d\\), so no output is written whole there; the empty folder \\.ngram-collapse-probe-[0-9-]+ that told it stays$`, 'u'));
      expect(() => checkWritableFolder('log', dir, '--save-corpora')).toThrow(/^--save-corpora log: the folder .* takes new names but lets none be removed/u);
    });
    expect(readFileSync(join(dir, 'log', 'old.csv'), 'utf8')).toBe('old rows\n');
    // an output folder's own folder entries must take files too
    mkdirSync(join(dir, 'sv', 'cell-1'), { recursive: true });
    withAttribute(join(dir, 'sv', 'cell-1'), '+i', () => {
      expect(() => checkFolderEntries(join(dir, 'sv'), 'sv', ['human.txt', 'cell-1/'], '--save-corpora')).toThrow('--save-corpora sv: no file can be made in cell-1');
    });
    expect(() => checkFolderEntries(join(dir, 'sv'), 'sv', ['human.txt', 'cell-1/'], '--save-corpora')).not.toThrow();
  });

  it('refuses a socket, which no open() reaches by name (/dev/stdout on a socket: a raw ENXIO after the work: audit)', async () => {
    const dir = folder();
    const server = createServer();
    await new Promise<void>((listening) => server.listen(join(dir, 'sock'), listening));
    try {
      expect(() => checkWritable('sock', dir, '--summary')).toThrow('--summary sock is a socket, which cannot be opened by name');
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  });

  it('refuses standard error by any of its names (--out /dev/stderr wrote the CSV among the messages and its record into /dev: audit)', () => {
    for (const name of ['/dev/stderr', '/dev/fd/2', '/proc/self/fd/2', `/proc/${process.pid}/fd/2`]) {
      expect(() => checkWritable(name, '/tmp', '--out')).toThrow(`--out ${name} names standard error, where the command's messages go`);
    }
    // through links, also of a folder on the way (err -> /dev/stderr wrote there: round 2)
    const dir = folder();
    symlinkSync('/dev/stderr', join(dir, 'err'));
    symlinkSync('err', join(dir, 'err2'));
    symlinkSync('/dev', join(dir, 'devices'));
    symlinkSync('/proc/thread-self', join(dir, 'thread'));
    for (const name of ['err', 'err2', 'devices/stderr', 'devices/fd/../fd/2', 'thread/fd/2', `/proc/${process.pid}/task/${process.pid}/fd/2`]) {
      expect(() => checkWritable(name, dir, '--out')).toThrow(`--out ${name} names standard error, where the command's messages go`);
    }
    // a link to an ordinary file is no name of it
    writeFileSync(join(dir, 'plain.csv'), 'x');
    symlinkSync('plain.csv', join(dir, 'other'));
    expect(checkWritable('other', dir, '--out')).toBe(join(dir, 'other'));
  });

  it('says what a folder link through a file is (L -> f/, f a file): it was called a link to something that does not exist', () => {
    const dir = folder();
    writeFileSync(join(dir, 'f'), 'x');
    symlinkSync('f/', join(dir, 'L'));
    expect(() => checkWritableFolder('L', dir, '--svg')).toThrow(`--svg L: ${join(dir, 'L')} is a link to ${join(dir, 'f')}/, and ${join(dir, 'f')} is a file, not a folder`);
  });

  it('follows a link whose target climbs out of a linked folder as the system does (L/.. is the parent of L\'s target: it was read as text and refused)', () => {
    const dir = folder();
    mkdirSync(join(dir, 'deep', 'inner'), { recursive: true });
    mkdirSync(join(dir, 'deep', 'sub2'));
    symlinkSync('deep/inner', join(dir, 'in'));
    symlinkSync('in/../sub2/y.csv', join(dir, 'tricky.csv')); // the system writes deep/sub2/y.csv
    expect(checkWritable('tricky.csv', dir, '--out')).toBe(join(dir, 'tricky.csv'));
    writeWholeFileSync(join(dir, 'tricky.csv'), 'x\n');
    expect(readdirSync(join(dir, 'deep', 'sub2'))).toEqual(['y.csv']);
    // and one that climbs to a folder that is not there is refused (it was taken for one that is)
    symlinkSync('in/../gone/z.csv', join(dir, 'gone.csv'));
    expect(() => checkWritable('gone.csv', dir, '--out')).toThrow('whose folder does not exist');
  });
});

describe('checkRemovable', () => {
  // (an earlier run's texts in a --save-corpora folder, which a fresh run removes before it writes: one
  // it could not remove failed the run with a raw EACCES or EPERM after the curves were emptied: audit)
  const WHAT = "which the run removes before it writes (an earlier run's)";

  it('accepts files it may remove, and changes nothing', () => {
    const dir = folder();
    mkdirSync(join(dir, 'cell-1', 'replicate-1'), { recursive: true });
    writeFileSync(join(dir, 'cell-1', 'replicate-1', 'generation-1.txt'), 'a b\n');
    chmodSync(join(dir, 'cell-1', 'replicate-1', 'generation-1.txt'), 0o444); // (removing a file asks its folder, not the file)
    expect(() => checkRemovable(dir, 'sv', [join(dir, 'cell-1', 'replicate-1', 'generation-1.txt')], '--save-corpora', WHAT)).not.toThrow();
    expect(readdirSync(join(dir, 'cell-1', 'replicate-1'))).toEqual(['generation-1.txt']);
  });

  it.runIf(appendOnlyWorks)('refuses a file the system keeps, and one in a folder that takes no change (immutable: access() says so, even to root) or lets nothing go (append-only)', () => {
    const dir = folder();
    const series = join(dir, 'cell-2', 'replicate-1');
    mkdirSync(series, { recursive: true });
    const text = join(series, 'generation-1.txt');
    writeFileSync(text, 'a b\n');
    const check = (): void => checkRemovable(dir, 'sv', [text], '--save-corpora', WHAT);
    for (const attribute of ['+a', '+i'] as const) {
      withAttribute(text, attribute, () => {
        expect(check).toThrow(`--save-corpora sv: ${join('cell-2', 'replicate-1', 'generation-1.txt')}, ${WHAT}, cannot be removed: the system keeps it (an append-only or immutable file, see lsattr)`);
      });
    }
    withAttribute(series, '+i', () => {
      expect(check).toThrow(`--save-corpora sv: ${join('cell-2', 'replicate-1', 'generation-1.txt')}, ${WHAT}, cannot be removed: the folder ${join('cell-2', 'replicate-1')} takes no change (immutable, see lsattr -d, or on a read-only file system)`);
    });
    withAttribute(series, '+a', () => {
      expect(check).toThrow(`--save-corpora sv: the folder ${series} takes new names but lets none be removed or replaced (append-only`);
    });
    // (the probe that told it stays, named in the line; removable once the flag is lifted)
    rmSync(join(series, readdirSync(series).find((name) => name.startsWith('.ngram-collapse-probe-'))!), { recursive: true });
    expect(check).not.toThrow();
    expect(readdirSync(series)).toEqual(['generation-1.txt']);
  });

});
