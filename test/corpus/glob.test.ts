/**
 * The glob matcher for corpus paths: `*` within a folder, `?` one character, `**` any number of folders,
 * `[...]` a class (`[!...]` its complement), everything else literal; the walk returns files only,
 * sorted, follows symbolic links and enters a folder once.
 */

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { expandGlob, globReach, globToRegExp, hasWildcard } from '../../src/corpus/glob.js';
import { InputError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';

/** The folders expandGlob read (node:fs's readdirSync, watched). */
const readFolders: unknown[] = [];
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const readdirSync = ((folder: string, ...rest: unknown[]) => {
    readFolders.push(folder);
    return (fs.readdirSync as (...args: unknown[]) => unknown)(folder, ...rest);
  }) as typeof fs.readdirSync;
  return { ...fs, default: { ...fs, readdirSync }, readdirSync };
});

describe('globToRegExp', () => {
  const cases: [string, string[], string[]][] = [
    // glob, paths it matches, paths it does not
    ['a/*.txt', ['a/x.txt'], ['a/b/x.txt', 'a/x.txt2', 'b/x.txt']],
    // a hidden name (a leading `.`) is matched only by a segment that begins with `.`, as in a shell
    ['a/*.txt', [], ['a/.txt', 'a/.h.txt']],
    ['a/.*.txt', ['a/.h.txt'], ['a/h.txt']],
    ['a/[.h]x', ['a/hx'], ['a/.x']],
    ['a/**/x.txt', ['a/b/x.txt'], ['a/.git/x.txt', 'a/b/.c/x.txt']],
    ['a/**', ['a/b/x.txt'], ['a/.b/x.txt', 'a/b/.x.txt']],
    ['a/**.txt', ['a/b/x.txt'], ['a/.b/x.txt', 'a/.x.txt']],
    ['a/**/.cache/*.txt', ['a/b/.cache/x.txt', 'a/.cache/x.txt'], ['a/.b/.cache/x.txt']],
    ['.data/*.txt', ['.data/x.txt'], ['data/x.txt']],
    // `**` inside a name: the name goes on as it may, a `.` in it included (audit: v1.2 was left out)
    ['data/v1**/*.txt', ['data/v1.2/a.txt', 'data/v1_3/b.txt', 'data/v1/x/a.txt'], ['data/v1/.x/a.txt', 'data/v2/a.txt']],
    ['data/v1**', ['data/v1.2', 'data/v1/x'], ['data/v1/.x']],
    ['a/?.txt', ['a/x.txt'], ['a/xy.txt', 'a/.txt', 'a//.txt']],
    ['a/**/x.txt', ['a/x.txt', 'a/b/x.txt', 'a/b/c/x.txt'], ['a/bx.txt', 'b/x.txt']],
    ['a/**', ['a/x', 'a/b/c'], ['b/x']],
    ['a/f[0-9].txt', ['a/f1.txt'], ['a/fx.txt', 'a/f12.txt']],
    ['a/f[!0-9].txt', ['a/fx.txt'], ['a/f1.txt']],
    ['a/f[.txt', ['a/f[.txt'], ['a/f.txt']],
    ['a/(b)+.t$t', ['a/(b)+.t$t'], ['a/bb.txt', 'a/(b)+xt$t']],
    // `]` outside a class is itself (a regular expression with the u flag refuses a lone `]`)
    ['a/f]*.txt', ['a/f].txt', 'a/f]x.txt'], ['a/f.txt']],
    // a `]` first in a class is a member; `^` is a complement too; members are literal (`\`, `^`, `[`)
    ['a/[]x].txt', ['a/].txt', 'a/x.txt'], ['a/y.txt', 'a/[].txt']],
    ['a/[!]x].txt', ['a/y.txt'], ['a/].txt', 'a/x.txt']],
    ['a/[^x].txt', ['a/y.txt', 'a/^.txt'], ['a/x.txt']],
    ['a/[x^[\\].txt', ['a/x.txt', 'a/^.txt', 'a/[.txt', 'a/\\.txt'], ['a/y.txt']],
    // a class (negated or holding `/`) never matches the folder separator
    ['a[!x]b', ['ayb'], ['a/b', 'axb']],
    ['a[/]b', [], ['a/b']],
    // `[!]` and `[]` with no `]` after them are literal
    ['a[!]', ['a[!]'], ['a!', 'ab']],
    ['a[]', ['a[]'], ['a]']],
    // `?` is one character, also one outside the Basic Multilingual Plane (two UTF-16 units)
    ['a/?.txt', ['a/\u{1F600}.txt'], ['a/\u{1F600}\u{1F600}.txt']],
  ];
  for (const [glob, yes, no] of cases) {
    it(glob, () => {
      const pattern = globToRegExp(glob);
      for (const path of yes) expect(pattern.test(path), path).toBe(true);
      for (const path of no) expect(pattern.test(path), path).toBe(false);
    });
  }

  it('refuses a class the regular expression cannot hold, naming the pattern', () => {
    expect(() => globToRegExp('a/[z-a].txt')).toThrow(InputError);
    expect((thrown(() => globToRegExp('a/[z-a].txt')) as InputError).hint).toBe('write a class as [a-z], lowest character first, or quote [ as [[]');
    expect(() => globToRegExp('a/[z-a].txt')).toThrow("'a/[z-a].txt' is not a valid pattern");
    // expandGlob names the pattern as given, not the absolute path it matches
    expect(() => expandGlob('[z-a]/*.txt', tmpdir())).toThrow(/^'\[z-a\]\/\*\.txt' is not a valid pattern$/u);
  });

  it('knows a wildcard', () => {
    expect(['a*', 'a?', 'a[b]'].map(hasWildcard)).toEqual([true, true, true]);
    expect(['abc', 'a/b.txt', 'a]'].map(hasWildcard)).toEqual([false, false, false]);
  });
});

describe('expandGlob', () => {
  it('returns the matching files, sorted, through links, each folder once', () => {
    const root = mkdtempSync(join(tmpdir(), 'ngc-glob-'));
    try {
      mkdirSync(join(root, 'b', 'c'), { recursive: true });
      for (const file of ['z.txt', 'a.txt', 'a.md', 'b/y.txt', 'b/c/x.txt']) writeFileSync(join(root, file), 'x\n');
      mkdirSync(join(root, 'd.txt')); // a folder that matches is no file
      symlinkSync(join(root, 'b'), join(root, 'b', 'c', 'loop')); // a link back up: entered once
      expect(expandGlob('*.txt', root)).toEqual([join(root, 'a.txt'), join(root, 'z.txt')]);
      expect(expandGlob('**/*.txt', root)).toEqual([join(root, 'a.txt'), join(root, 'b', 'c', 'x.txt'), join(root, 'b', 'y.txt'), join(root, 'z.txt')]);
      expect(expandGlob(join(root, 'b', '?', '*'), '/elsewhere')).toEqual([join(root, 'b', 'c', 'x.txt')]);
      expect(expandGlob('nothing/*.txt', root)).toEqual([]);
      // a file where the pattern's folder goes: said so (it was "permission denied": round 3)
      expect(() => expandGlob('z.txt/*.txt', root)).toThrow(new InputError(`cannot read the folder ${join(root, 'z.txt')}: it is a file, not a folder`, 'check the pattern: the part before its first wildcard names a folder'));
      // a `**` in the last segment reaches every folder below too (it listed the top folder's files alone)
      expect(expandGlob('b/**', root)).toEqual([join(root, 'b', 'c', 'x.txt'), join(root, 'b', 'y.txt')]);
      expect(expandGlob('**.txt', root)).toEqual([join(root, 'a.txt'), join(root, 'b', 'c', 'x.txt'), join(root, 'b', 'y.txt'), join(root, 'z.txt')]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('leaves out hidden files and folders unless the pattern names them, and enters no hidden folder below a `**` (audit: a notebook\'s .ipynb_checkpoints copy doubled a folder corpus\'s counts)', () => {
    const root = mkdtempSync(join(tmpdir(), 'ngc-glob-hidden-'));
    try {
      mkdirSync(join(root, 'd', '.ipynb_checkpoints'), { recursive: true });
      mkdirSync(join(root, 'd', 'sub', '.cache'), { recursive: true });
      for (const file of ['d/story.txt', 'd/.ipynb_checkpoints/story-checkpoint.txt', 'd/._story.txt', 'd/sub/a.txt', 'd/sub/.cache/b.txt']) writeFileSync(join(root, file), 'x\n');
      readFolders.length = 0;
      expect(expandGlob('d/**/*', root).map((file) => relative(root, file))).toEqual(['d/story.txt', 'd/sub/a.txt']);
      expect(readFolders.some((folder) => String(folder).includes('.ipynb_checkpoints'))).toBe(false);
      expect(expandGlob('d/*.txt', root).map((file) => relative(root, file))).toEqual(['d/story.txt']);
      expect(expandGlob('d/.*', root).map((file) => relative(root, file))).toEqual(['d/._story.txt']);
      expect(expandGlob('d/**/.cache/*.txt', root).map((file) => relative(root, file))).toEqual(['d/sub/.cache/b.txt']);
      expect(expandGlob('d/.ipynb_checkpoints/*', root).map((file) => relative(root, file))).toEqual(['d/.ipynb_checkpoints/story-checkpoint.txt']);
      // a hidden link to that folder, sorted first, is not walked for `**/.cache/` (it marked the folder visited: audit)
      symlinkSync(join(root, 'd', 'sub', '.cache'), join(root, 'd', '.lc'));
      expect(expandGlob('d/**/.cache/*.txt', root).map((file) => relative(root, file))).toEqual(['d/sub/.cache/b.txt']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('walks from the root folder for a pattern whose first folder holds a wildcard, reading only what it can reach', () => {
    // Every Linux system has /etc/passwd; the walk reads / and the folders matching `et?` only (read
    // whole, / would take minutes).
    readFolders.length = 0;
    expect(expandGlob('/et?/passwd', '/tmp')).toEqual(['/etc/passwd']);
    expect(readFolders.every((folder) => folder === '/' || /^\/et.$/u.test(String(folder)))).toBe(true);
  });

  it('sorts the paths as strings, not in the order of the walk', () => {
    // The walk reads folder `a` (whose name sorts before `a.txt`) first, so it meets a/b.txt before
    // a.txt; as strings `a.txt` < `a/b.txt` ('.' is 46, '/' is 47).
    const root = mkdtempSync(join(tmpdir(), 'ngc-glob-'));
    try {
      mkdirSync(join(root, 'a'));
      for (const file of ['a.txt', 'a/b.txt']) writeFileSync(join(root, file), 'x\n');
      expect(expandGlob('**/*.txt', root)).toEqual([join(root, 'a.txt'), join(root, 'a', 'b.txt')]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('lists a folder reached twice under the path the walk meets first, in sorted (UTF-16) order', () => {
    // '\u{1F600}' (a surrogate pair, D83D DE00) sorts before '\uFF01' in JavaScript, after it in UTF-8
    // bytes (F0... > EF...), the order Node's readdirSync lists them in on Unix: the walk sorts the
    // names itself, so the link's path is met first and the folder is not entered again by its own.
    const root = mkdtempSync(join(tmpdir(), 'ngc-glob-'));
    try {
      mkdirSync(join(root, '\uFF01'));
      writeFileSync(join(root, '\uFF01', 'a.txt'), 'x\n');
      symlinkSync(join(root, '\uFF01'), join(root, '\u{1F600}'));
      expect(expandGlob('**/*.txt', root)).toEqual([join(root, '\u{1F600}', 'a.txt')]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('takes the folder it starts from as it is named, wildcard characters included', () => {
    // data[1] holds a.txt; data1, which `data[1]` would match as a pattern, holds b.txt
    const root = mkdtempSync(join(tmpdir(), 'ngc-glob-'));
    try {
      for (const folder of ['data[1]', 'data1', 'x*']) mkdirSync(join(root, folder));
      writeFileSync(join(root, 'data[1]', 'a.txt'), 'x\n');
      writeFileSync(join(root, 'data1', 'b.txt'), 'x\n');
      writeFileSync(join(root, 'x*', 'c.txt'), 'x\n');
      expect(expandGlob('*.txt', join(root, 'data[1]'))).toEqual([join(root, 'data[1]', 'a.txt')]);
      expect(expandGlob('**/*', join(root, 'x*'))).toEqual([join(root, 'x*', 'c.txt')]);
      // in the pattern itself a class is a class
      expect(expandGlob('data[1]/*.txt', root)).toEqual([join(root, 'data1', 'b.txt')]);
      // and a folder `..` climbs to from such a cwd is the folder, not a pattern (it read data1: audit)
      mkdirSync(join(root, 'data[1]', 'sub'));
      expect(expandGlob('../*.txt', join(root, 'data[1]', 'sub'))).toEqual([join(root, 'data[1]', 'a.txt')]);
      expect(expandGlob('../../data[1]/*.txt', join(root, 'data[1]', 'sub'))).toEqual([join(root, 'data1', 'b.txt')]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('skips a link to nothing', () => {
    const root = mkdtempSync(join(tmpdir(), 'ngc-glob-'));
    try {
      writeFileSync(join(root, 'a.txt'), 'x\n');
      symlinkSync(join(root, 'gone.txt'), join(root, 'b.txt'));
      expect(expandGlob('*.txt', root)).toEqual([join(root, 'a.txt')]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads only the folders the pattern can reach', () => {
    // root/x/deep/y/z.txt and root/y/q.txt: `*/q.txt` reads root and its two folders (one level down,
    // whatever their names: `*` matches both), never x/deep; `y/*.txt` starts in y; `x/**/z.txt`
    // reads x and everything below it, not y; `[xz]/*/*.txt` reads root, x and x's folders.
    const root = mkdtempSync(join(tmpdir(), 'ngc-glob-'));
    try {
      mkdirSync(join(root, 'x', 'deep', 'y'), { recursive: true });
      mkdirSync(join(root, 'y'));
      writeFileSync(join(root, 'x', 'deep', 'y', 'z.txt'), 'x\n');
      writeFileSync(join(root, 'y', 'q.txt'), 'x\n');
      const read = (pattern: string): string[] => {
        readFolders.length = 0;
        expandGlob(pattern, root);
        return readFolders.map((folder) => relative(root, String(folder)) || '.').sort();
      };
      expect(read('*/q.txt')).toEqual(['.', 'x', 'y']);
      expect(read('y/*.txt')).toEqual(['y']);
      expect(read('[xz]/*/*.txt')).toEqual(['.', 'x', 'x/deep']);
      expect(read('x/**/z.txt')).toEqual(['x', 'x/deep', 'x/deep/y']);
      expect(read('[xz]/**/z.txt')).toEqual(['.', 'x', 'x/deep', 'x/deep/y']); // not y: before `**`, a folder must match its segment
      expect(expandGlob('x/**/z.txt', root)).toEqual([join(root, 'x', 'deep', 'y', 'z.txt')]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('globReach', () => {
  it('names a file not made yet as expandGlob would list it once made: as named, under a linked folder\'s name, or under a link to nothing that leads to it', () => {
    const root = mkdtempSync(join(tmpdir(), 'ngc-glob-reach-'));
    try {
      mkdirSync(join(root, 'data'));
      mkdirSync(join(root, 'out', '.hidden'), { recursive: true });
      symlinkSync(join(root, 'out'), join(root, 'data', 'ext'));
      symlinkSync('../later', join(root, 'data', 'soon')); // a link to a folder not made yet
      symlinkSync('../o.txt', join(root, 'data', 'l.txt')); // a link to a file not made yet
      // (here every folder on the way exists, or is named below an existing one, so the real path is the path itself but through links)
      const reach = (pattern: string, path: string, keep?: (name: string) => boolean): string | undefined => globReach(pattern, root, keep)(join(root, path), join(root, path));
      const named = (path: string): string => join(root, path);
      // as named: data/new.txt is matched by data/*.txt; data/sub/new.txt is not (one level)
      expect(reach('data/*.txt', 'data/new.txt')).toBe(named('data/new.txt'));
      expect(reach('data/*.txt', 'data/sub/new.txt')).toBeUndefined();
      // out/x.txt is data/ext/x.txt to a walk that enters data/ext (`**`, or `*/`), not to one that stops at data/
      expect(reach('data/**/*.txt', 'out/x.txt')).toBe(named('data/ext/x.txt'));
      expect(reach('data/**/*.txt', 'out/missing/deeper/x.txt')).toBe(named('data/ext/missing/deeper/x.txt'));
      expect(reach('data/*/*.txt', 'out/x.txt')).toBe(named('data/ext/x.txt'));
      expect(reach('data/*.txt', 'out/x.txt')).toBeUndefined();
      // links to nothing: later/x.txt once made is data/soon/x.txt; o.txt is data/l.txt (a name the walk lists)
      expect(reach('data/**/*.txt', 'later/x.txt')).toBe(named('data/soon/x.txt'));
      expect(reach('data/*.txt', 'o.txt')).toBe(named('data/l.txt'));
      expect(reach('data/*.csv', 'o.txt')).toBeUndefined();
      // what the pattern leaves out stays out through the link too: a hidden folder, another extension, a name the caller does not keep
      expect(reach('data/**/*.txt', 'out/.hidden/x.txt')).toBeUndefined();
      expect(reach('data/**/*.txt', 'out/x.csv')).toBeUndefined();
      expect(reach('data/**/*', 'out/x.txt', (name) => name.endsWith('.jsonl'))).toBeUndefined();
      expect(reach('data/**/*.txt', 'elsewhere.txt')).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
