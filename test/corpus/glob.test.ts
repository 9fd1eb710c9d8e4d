/**
 * The glob matcher for corpus paths: `*` within a folder, `?` one character, `**` any number of folders,
 * `[...]` a class (`[!...]` its complement), everything else literal; the walk returns files only,
 * sorted, follows symbolic links and enters a folder once.
 */

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandGlob, globToRegExp, hasWildcard } from '../../src/corpus/glob.js';

describe('globToRegExp', () => {
  const cases: [string, string[], string[]][] = [
    // glob, paths it matches, paths it does not
    ['a/*.txt', ['a/x.txt', 'a/.txt'], ['a/b/x.txt', 'a/x.txt2', 'b/x.txt']],
    ['a/?.txt', ['a/x.txt'], ['a/xy.txt', 'a/.txt', 'a//.txt']],
    ['a/**/x.txt', ['a/x.txt', 'a/b/x.txt', 'a/b/c/x.txt'], ['a/bx.txt', 'b/x.txt']],
    ['a/**', ['a/x', 'a/b/c'], ['b/x']],
    ['a/f[0-9].txt', ['a/f1.txt'], ['a/fx.txt', 'a/f12.txt']],
    ['a/f[!0-9].txt', ['a/fx.txt'], ['a/f1.txt']],
    ['a/f[.txt', ['a/f[.txt'], ['a/f.txt']],
    ['a/(b)+.t$t', ['a/(b)+.t$t'], ['a/bb.txt', 'a/(b)+xt$t']],
  ];
  for (const [glob, yes, no] of cases) {
    it(glob, () => {
      const pattern = globToRegExp(glob);
      for (const path of yes) expect(pattern.test(path), path).toBe(true);
      for (const path of no) expect(pattern.test(path), path).toBe(false);
    });
  }

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
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
